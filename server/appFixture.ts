/**
 * For the server's tests: the app on a real in-memory warehouse with the unit registry and the
 * shipped plans, a settable clock, and one token per role (the town's for 盈浦街道, a second
 * town's for 朱家角镇).
 */
import { join } from "node:path";
import { loadPlans } from "../metrics/loadPlans.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { type AppOptions, createApp } from "./app.ts";
import { CLI_ACTOR, createToken, type Role } from "./tokens.ts";

export const YINGPU = "310118002";
export const ZHUJIAJIAO = "310118102";

export type TestRole = Role | "otherTown";

export async function appFixture(options: AppOptions = {}, start = "2022-09-15T02:00:00Z") {
  const db = await Warehouse.open({ path: ":memory:" });
  const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
  await syncRegistry(db, units);
  const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
  let now = new Date(start);
  const clock = () => now;
  const app = createApp({ db, units, plans, clock, options: { log: () => {}, ...options } });
  const tokens = {} as Record<TestRole, string>;
  const ids = {} as Record<TestRole, number>;
  const specs: [TestRole, Role, string | null][] = [
    ["viewer", "viewer", null],
    ["town", "town", YINGPU],
    ["analyst", "analyst", null],
    ["admin", "admin", null],
    ["otherTown", "town", ZHUJIAJIAO],
  ];
  for (const [name, role, unit] of specs) {
    const created = await createToken(db, { role, unit, label: `test ${name}` }, units, now, CLI_ACTOR);
    tokens[name] = created.token;
    ids[name] = created.token_id;
  }
  return {
    app,
    db,
    units,
    plans,
    tokens,
    ids,
    setNow(date: Date) {
      now = date;
    },
    bearer: (role: TestRole) => `Bearer ${tokens[role]}`,
  };
}

export type AppFixture = Awaited<ReturnType<typeof appFixture>>;

/** Fails when a response body looks like it carries a stack trace or source paths. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at |\bat [\w.<>]+ \(|\.ts:\d+|node_modules|Error:\s/.test(text);
}

/** The minimal accepted monthly report for 盈浦街道, August 2022. */
export const YINGPU_AUGUST = "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,120\n";
