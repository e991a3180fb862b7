import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppFixture,
  appFixture,
  hasStackTrace,
  type TestRole,
  YINGPU,
  ZHUJIAJIAO,
} from "./appFixture.ts";

const HOST = "127.0.0.1:3000";
const AUGUST = {
  metric: "reemployed",
  month: "2022-08",
  text: "原因：汛期企业招聘推迟；整改措施：9月举办两场专场招聘会。",
};

let f: AppFixture;
let changes = 0;
beforeAll(async () => {
  f = await appFixture({ onDataChanged: () => changes++ });
});
afterAll(async () => {
  await f.db.close();
});

const post = (role: TestRole | null, body: unknown, lang = "zh") => {
  const test = request(f.app)
    .post(`/api/notes?lang=${lang}`)
    .send(body as object);
  return role ? test.set("Authorization", f.bearer(role)) : test;
};

describe("POST /api/notes", () => {
  it("a town writes its own unit's explanation: 201 with the note, author and district time", async () => {
    const res = await post("town", AUGUST);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      note: {
        unit: YINGPU,
        metric: "reemployed",
        month: "2022-08",
        text: AUGUST.text,
        author: "test town",
        at: "2022-09-15T10:00:00+08:00",
      },
    });
    // a note is shown on the dashboard: like an accepted upload it asks for a rebuild
    expect(changes).toBe(1);
    const audit = await f.db.query<{ target: string; detail: string }>(
      "SELECT target, detail::VARCHAR AS detail FROM audit WHERE action = 'note'",
    );
    expect(audit).toEqual([
      { target: `${YINGPU} reemployed 2022-08`, detail: `{"chars":${[...AUGUST.text].length}}` },
    ]);
  });

  it("an administrator names the unit; without it the request is 400", async () => {
    const res = await post("admin", { ...AUGUST, unit: ZHUJIAJIAO, text: "朱家角：整改中" });
    expect(res.status).toBe(201);
    expect(res.body.note).toMatchObject({ unit: ZHUJIAJIAO, author: "test admin", text: "朱家角：整改中" });
    const missing = await post("admin", AUGUST);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe("管理员填写情况说明时须指明单位。");
  });

  it("refuses the roles below town and anyone without credentials", async () => {
    expect((await post(null, AUGUST)).status).toBe(401);
    for (const role of ["viewer", "analyst"] as TestRole[]) {
      const res = await post(role, AUGUST);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
  });

  it("a town may not write for another unit (403)", async () => {
    const res = await post("town", { ...AUGUST, unit: ZHUJIAJIAO });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("只能为本单位填写情况说明。");
    const en = await post("town", { ...AUGUST, unit: ZHUJIAJIAO }, "en");
    expect(en.body.error.message).toBe("You may write explanations for your own unit only.");
  });

  const refusals: [string, Record<string, unknown>, TestRole, number, string, RegExp][] = [
    [
      "a body that is not an object",
      [] as unknown as Record<string, unknown>,
      "town",
      400,
      "bad_note",
      /JSON 对象/,
    ],
    ["a missing text", { metric: "reemployed", month: "2022-08" }, "town", 400, "bad_note", /说明文字/],
    ["a month not written YYYY-MM", { ...AUGUST, month: "2022年8月" }, "town", 400, "bad_month", /2022-08/],
    [
      "a month outside every plan",
      { ...AUGUST, month: "2023-03" },
      "town",
      422,
      "month_outside_plan",
      /考核期/,
    ],
    [
      "the baseline month before the plan",
      { ...AUGUST, month: "2021-12" },
      "town",
      422,
      "month_outside_plan",
      /2021-12/,
    ],
    ["a month that has not come", { ...AUGUST, month: "2022-10" }, "town", 422, "future_month", /尚未到来/],
    [
      "a metric not in the plan",
      { ...AUGUST, metric: "happiness" },
      "town",
      422,
      "unknown_metric",
      /没有这一指标/,
    ],
    [
      "a unit that does not report the metric",
      { ...AUGUST, unit: "D-SASAC" },
      "admin",
      422,
      "unit_not_reporting",
      /区国资委不承担/,
    ],
    ["an unknown unit", { ...AUGUST, unit: "310118999" }, "admin", 422, "unknown_unit", /310118999/],
    [
      "an empty text",
      { ...AUGUST, text: " \n\t " },
      "town",
      422,
      "empty_note",
      /1 至 2000 个字（现为 0 个字）/,
    ],
    [
      "a text of 2001 characters",
      { ...AUGUST, text: "说".repeat(2001) },
      "town",
      422,
      "note_too_long",
      /现为 2001 个字/,
    ],
    [
      "a mobile number in the text",
      { ...AUGUST, text: "联系人电话 138 0013 8000" },
      "town",
      422,
      "personal_number",
      /手机号码/,
    ],
    [
      "a resident ID in full-width digits",
      { ...AUGUST, text: "对象１１０１０１１９９００３０７４５１４" },
      "town",
      422,
      "personal_number",
      /身份证/,
    ],
  ];
  for (const [what, body, role, status, code, message] of refusals) {
    it(`refuses ${what} (${status})`, async () => {
      const res = await post(role, body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).not.toMatch(/[a-z]+_[a-z]+/);
      expect(hasStackTrace(res.text)).toBe(false);
    });
  }

  it("2000 characters are accepted, counted as characters (not bytes)", async () => {
    const res = await post("town", { ...AUGUST, metric: "hardship_employed", text: "说".repeat(2000) });
    expect(res.status).toBe(201);
    expect([...res.body.note.text]).toHaveLength(2000);
  });

  it("a department writes for a metric it reports", async () => {
    const res = await post("admin", {
      metric: "soe_grads_share",
      month: "2022-08",
      unit: "D-SASAC",
      text: "国企招聘集中在下半年。",
    });
    expect(res.status).toBe(201);
  });

  it("a cookie-signed POST needs this site's Origin (CSRF)", async () => {
    const login = await request(f.app).post("/login").send({ token: f.tokens.town });
    const cookie = ([] as string[]).concat(login.headers["set-cookie"] ?? [])[0].split(";")[0];
    const foreign = await request(f.app)
      .post("/api/notes")
      .set("Host", HOST)
      .set("Cookie", cookie)
      .send(AUGUST);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("cross_site");
    const own = await request(f.app)
      .post("/api/notes")
      .set("Host", HOST)
      .set("Cookie", cookie)
      .set("Origin", `http://${HOST}`)
      .send({ ...AUGUST, text: "改为：9月已补招。" });
    expect(own.status).toBe(201);
  });
});

describe("GET /api/notes", () => {
  it("every role reads the shown notes newest first; history=1 adds the replaced ones", async () => {
    expect((await request(f.app).get("/api/notes")).status).toBe(401);
    for (const role of ["viewer", "town", "analyst", "admin"] as TestRole[]) {
      expect((await request(f.app).get("/api/notes").set("Authorization", f.bearer(role))).status).toBe(200);
    }
    const shown = await request(f.app)
      .get(`/api/notes?month=2022-08&unit=${YINGPU}&metric=reemployed`)
      .set("Authorization", f.bearer("viewer"));
    expect(shown.body).toEqual({
      notes: [
        {
          unit: YINGPU,
          metric: "reemployed",
          month: "2022-08",
          text: "改为：9月已补招。",
          author: "test town",
          at: "2022-09-15T10:00:00+08:00",
          current: true,
        },
      ],
      total: 1,
      limit: 100,
      offset: 0,
    });
    const history = await request(f.app)
      .get(`/api/notes?unit=${YINGPU}&metric=reemployed&history=1`)
      .set("Authorization", f.bearer("viewer"));
    expect(history.body.notes.map((n: { text: string; current: boolean }) => [n.text, n.current])).toEqual([
      ["改为：9月已补招。", true],
      [AUGUST.text, false],
    ]);
    const all = await request(f.app).get("/api/notes?month=2022-08").set("Authorization", f.bearer("viewer"));
    expect(all.body.notes.map((n: { unit: string; metric: string }) => `${n.unit} ${n.metric}`)).toEqual([
      `${YINGPU} reemployed`,
      "D-SASAC soe_grads_share",
      `${YINGPU} hardship_employed`,
      `${ZHUJIAJIAO} reemployed`,
    ]);
  });

  it("refuses a malformed filter with 400", async () => {
    for (const query of ["month=2022-8", "unit=nowhere", "metric=DROP%20TABLE", "limit=0"]) {
      const res = await request(f.app).get(`/api/notes?${query}`).set("Authorization", f.bearer("viewer"));
      expect(res.status, query).toBe(400);
    }
  });
});
