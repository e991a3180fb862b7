import { describe, expect, it } from "vitest";
import { Gate } from "./gate.ts";

describe("Gate", () => {
  it("lets `size` holders through and the next in line when one leaves", async () => {
    const gate = new Gate(2);
    const a = await gate.acquire(1000);
    const b = await gate.acquire(1000);
    expect(gate.holders).toBe(2);
    const order: string[] = [];
    const c = gate.acquire(1000).then((release) => {
      order.push("c");
      return release;
    });
    const d = gate.acquire(1000).then((release) => {
      order.push("d");
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    a?.();
    const releaseC = await c;
    expect(order).toEqual(["c"]);
    expect(gate.holders).toBe(2);
    b?.();
    await d;
    expect(order).toEqual(["c", "d"]);
    releaseC?.();
    (await d)?.();
    expect(gate.holders).toBe(0);
  });

  it("answers null to a waiter whose time runs out, and drops it from the line", async () => {
    const gate = new Gate(1);
    const held = await gate.acquire(1000);
    expect(await gate.acquire(30)).toBeNull();
    held?.();
    expect(gate.holders).toBe(0);
    const again = await gate.acquire(30);
    expect(again).not.toBeNull();
    expect(gate.holders).toBe(1);
  });

  it("gives a place back once, however often its release is called", async () => {
    const gate = new Gate(1);
    const release = await gate.acquire(1000);
    release?.();
    release?.();
    expect(gate.holders).toBe(0);
    await gate.acquire(1000);
    expect(gate.holders).toBe(1);
  });
});
