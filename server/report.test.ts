import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, YINGPU_AUGUST } from "./appFixture.ts";

describe("GET /api/report", () => {
  let f: AppFixture;
  beforeAll(async () => {
    f = await appFixture();
    const up = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .type("text/csv")
      .send(YINGPU_AUGUST);
    expect(up.status).toBe(200);
  });
  afterAll(async () => {
    await f.db.close();
  });

  it("is the report of the plan covering asOf", async () => {
    const res = await request(f.app).get("/api/report?asOf=2022-08").set("Authorization", f.bearer("viewer"));
    expect(res.status).toBe(200);
    expect(res.body.plan).toBe("qingpu-2022");
    expect(res.body.asOf).toBe("2022-08");
    expect(Array.isArray(res.body.metrics)).toBe(true);
    expect(Array.isArray(res.body.alerts)).toBe(true);
  });

  it("checks its parameters with 400 and a zh/en message", async () => {
    const month = await request(f.app)
      .get("/api/report?asOf=2022-8")
      .set("Authorization", f.bearer("viewer"));
    expect(month.status).toBe(400);
    expect(month.body.error.code).toBe("bad_month");
    const unit = await request(f.app)
      .get("/api/report?unit=999&lang=en")
      .set("Authorization", f.bearer("viewer"));
    expect(unit.status).toBe(400);
    expect(unit.body.error.message).toBe("The unit registry has no unit 999.");
    const day = await request(f.app)
      .get("/api/report?asReported=2022-02-30x")
      .set("Authorization", f.bearer("viewer"));
    expect(day.body.error.code).toBe("bad_date");
  });
});
