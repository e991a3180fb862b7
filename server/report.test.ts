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

  it("sends the same body with an ETag, a 304 to a viewer who has it, and a new body after an upload", async () => {
    const url = "/api/report?asOf=2022-08&lang=en";
    const first = await request(f.app).get(url).set("Authorization", f.bearer("viewer"));
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await request(f.app)
      .get(url)
      .set("Authorization", f.bearer("analyst"))
      .set("If-None-Match", etag);
    expect(again.status).toBe(304);
    const up = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .type("text/csv")
      .send(YINGPU_AUGUST.replace(/,(\d+)\r?\n/, (_, n) => `,${Number(n) + 1}\n`));
    expect(up.body.status).toBe("accepted");
    const after = await request(f.app)
      .get(url)
      .set("Authorization", f.bearer("viewer"))
      .set("If-None-Match", etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
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
