import iconv from "iconv-lite";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import {
  type AppFixture,
  appFixture,
  hasStackTrace,
  YINGPU,
  YINGPU_AUGUST,
  ZHUJIAJIAO,
} from "./appFixture.ts";

let f: AppFixture | null = null;
afterEach(async () => {
  await f?.db.close();
  f = null;
});

const upload = (
  fx: AppFixture,
  role: "town" | "admin" | "otherTown" | "analyst" | "viewer",
  body: string,
  name?: string,
) =>
  request(fx.app)
    .post(`/api/submissions${name ? `?name=${encodeURIComponent(name)}` : ""}`)
    .set("Authorization", fx.bearer(role))
    .type("text/csv")
    .send(body);

describe("POST /api/submissions", () => {
  it("a town's own monthly report (raw text/csv) is accepted, and the same bytes again are unchanged", async () => {
    f = await appFixture();
    const res = await upload(f, "town", YINGPU_AUGUST, "盈浦8月.csv");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      file: "盈浦8月.csv",
      status: "accepted",
      kind: "monthly",
      units: [YINGPU],
      months: ["2022-08"],
      rows: 1,
      errors: [],
    });
    const again = await upload(f, "town", YINGPU_AUGUST, "again.csv");
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("unchanged");
    const facts = await f.db.query("SELECT unit, month, indicator, value FROM v_facts");
    expect(facts).toEqual([{ unit: YINGPU, month: "2022-08", indicator: "reemployed", value: 120 }]);
  });

  it("a town uploading a file that names another unit is refused with 403 and nothing is kept", async () => {
    f = await appFixture();
    const res = await upload(f, "otherTown", YINGPU_AUGUST);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(res.body.error.message).toContain("盈浦街道");
    const mixed = await upload(f, "town", `${YINGPU_AUGUST}朱家角,2022-08,5\n`);
    expect(mixed.status).toBe(403);
    expect(mixed.body.error.message).toContain("朱家角镇");
    expect(await f.db.query("SELECT * FROM submissions")).toEqual([]);
    const audit = await f.db.query<{ result: string; detail: string }>(
      "SELECT result, detail::VARCHAR AS detail FROM audit WHERE action = 'upload'",
    );
    expect(audit.map((a) => a.result)).toEqual(["refused", "refused"]);
    expect(JSON.parse(audit[1].detail)).toMatchObject({ status: 403, units: [ZHUJIAJIAO] });
  });

  it("an admin may upload for any unit", async () => {
    f = await appFixture();
    const res = await upload(
      f,
      "admin",
      `单位,报告月份,失业人员实现再就业人数\n朱家角镇,2022-08,30\n盈浦,2022-08,120\n`,
    );
    expect(res.status).toBe(200);
    expect(res.body.units).toEqual([YINGPU, ZHUJIAJIAO]);
  });

  it("analysts and viewers cannot upload", async () => {
    f = await appFixture();
    expect((await upload(f, "analyst", YINGPU_AUGUST)).status).toBe(403);
    expect((await upload(f, "viewer", YINGPU_AUGUST)).status).toBe(403);
  });

  it("a refused file is 422 with the ingest result as the body, audited by place and code only", async () => {
    f = await appFixture();
    const res = await upload(
      f,
      "town",
      "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,约50\n",
      "bad.csv",
    );
    expect(res.status).toBe(422);
    expect(res.body.status).toBe("rejected");
    expect(res.body.file).toBe("bad.csv");
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors[0]).toMatchObject({ row: 2 });
    expect(res.body.error.code).toBe("rejected");
    expect(hasStackTrace(res.text)).toBe(false);
    const [audit] = await f.db.query<{ result: string; detail: string; target: string }>(
      "SELECT result, target, detail::VARCHAR AS detail FROM audit WHERE action = 'upload'",
    );
    expect(audit.result).toBe("rejected");
    expect(audit.target).toBe("bad.csv");
    expect(audit.detail).not.toContain("约50");
    const detail = JSON.parse(audit.detail);
    expect(detail.errors[0]).toEqual({
      row: 2,
      column: res.body.errors[0].column,
      code: res.body.errors[0].code,
    });
  });

  it("a GBK CSV uploaded as multipart keeps its Chinese file name", async () => {
    f = await appFixture();
    const name = "盈浦街道2022年8月月报.csv";
    const bytes = iconv.encode(YINGPU_AUGUST.replaceAll("\n", "\r\n"), "gbk");
    const res = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .attach("file", bytes, name);
    expect(res.status).toBe(200);
    expect(res.body.file).toBe(name);
    expect(res.body.status).toBe("accepted");
    const [row] = await f.db.query<{ file_name: string; encoding: string }>(
      "SELECT file_name, encoding FROM submissions",
    );
    expect(row.file_name).toBe(name);
  });

  it("an upload over the size limit is 413, multipart or raw, and the refusal is audited", async () => {
    f = await appFixture({ uploadLimitBytes: 64 });
    const big = `${YINGPU_AUGUST}${"盈浦街道,2022-08,120\n".repeat(20)}`;
    const multipart = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .attach("file", Buffer.from(big), "big.csv");
    expect(multipart.status).toBe(413);
    expect(multipart.body.error.code).toBe("too_large");
    const raw = await upload(f, "town", big);
    expect(raw.status).toBe(413);
    expect(raw.body.error.code).toBe("too_large");
    const audit = await f.db.query(
      "SELECT * FROM audit WHERE result = 'refused' AND (detail->>'status') = '413'",
    );
    expect(audit.length).toBe(2);
  });

  it("a request without a file is 400", async () => {
    f = await appFixture();
    const res = await request(f.app).post("/api/submissions").set("Authorization", f.bearer("town")).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("no_file");
  });
});

describe("GET /api/submissions", () => {
  it("lists the history with revisions; a town sees only its own unit", async () => {
    f = await appFixture();
    await upload(f, "town", YINGPU_AUGUST);
    await upload(f, "town", "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,125\n");
    await upload(f, "otherTown", "单位,报告月份,失业人员实现再就业人数\n朱家角镇,2022-08,30\n");
    const all = await request(f.app).get("/api/submissions").set("Authorization", f.bearer("viewer"));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    const own = await request(f.app).get("/api/submissions").set("Authorization", f.bearer("town"));
    expect(own.body.submissions.map((s: { unit: string }) => s.unit)).toEqual([YINGPU, YINGPU]);
    expect(
      own.body.submissions.map((s: { revision: number; status: string }) => [s.revision, s.status]),
    ).toEqual([
      [2, "accepted"],
      [1, "superseded"],
    ]);
    expect(own.body.submissions.map((s: { months: string[] }) => s.months)).toEqual([
      ["2022-08"],
      ["2022-08"],
    ]);
    const asked = await request(f.app)
      .get(`/api/submissions?unit=${ZHUJIAJIAO}`)
      .set("Authorization", f.bearer("admin"));
    expect(asked.body.submissions.map((s: { unit: string }) => s.unit)).toEqual([ZHUJIAJIAO]);
    const unknown = await request(f.app)
      .get("/api/submissions?unit=nowhere")
      .set("Authorization", f.bearer("admin"));
    expect(unknown.status).toBe(400);
  });

  it("a town's refused file is in its own history, with its findings and the month it named", async () => {
    f = await appFixture();
    const refused = await upload(
      f,
      "town",
      "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,约50\n",
      "8月.csv",
    );
    expect(refused.status).toBe(422);
    const own = await request(f.app).get("/api/submissions").set("Authorization", f.bearer("town"));
    expect(own.body.submissions).toHaveLength(1);
    expect(own.body.submissions[0]).toMatchObject({
      unit: YINGPU,
      file_name: "8月.csv",
      status: "rejected",
      months: ["2022-08"],
      finding_count: 1,
      findings: [{ row: 2, column: "失业人员实现再就业人数", code: "not_a_number" }],
    });
    expect(own.body.submissions[0].findings[0].zh).toContain("约50");
  });
});

describe("GET /api/template", () => {
  it("gives a town its own unit's template, pre-filled, as CSV with a BOM or as xlsx", async () => {
    f = await appFixture();
    const csv = await request(f.app)
      .get("/api/template?month=2022-08")
      .set("Authorization", f.bearer("town"))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("单位,报告月份");
    expect(text).toContain("盈浦街道,2022-08");
    // the town's items only, the subsidies it pays among them, below the row marking 本月数 and 期末数
    expect(text).toContain(",期末数（人）,本月数（人）,");
    expect(text).toContain(",一次性吸纳就业补贴（2022届高校毕业生）人数,");
    expect(text).not.toContain("社会保险补贴");
    expect(csv.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const xlsx = await request(f.app)
      .get("/api/template?format=xlsx&month=2022-08")
      .set("Authorization", f.bearer("town"))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("refuses a town another unit's template and checks its parameters", async () => {
    f = await appFixture();
    const other = await request(f.app)
      .get(`/api/template?unit=${ZHUJIAJIAO}`)
      .set("Authorization", f.bearer("town"));
    expect(other.status).toBe(403);
    const month = await request(f.app)
      .get("/api/template?month=2022-13")
      .set("Authorization", f.bearer("admin"));
    expect(month.status).toBe(400);
    expect(month.body.error.code).toBe("bad_month");
    const uncovered = await request(f.app)
      .get("/api/template?month=2020-05")
      .set("Authorization", f.bearer("admin"));
    expect(uncovered.status).toBe(422);
    expect(uncovered.body.error.code).toBe("month_not_in_plan");
    expect(uncovered.body.error.message).toBe(
      "没有目标计划包含 2020-05 月（含期间前一个月的基期），无法生成月报模板。目标计划的月份：2022-01 — 2022-12。",
    );
    // on 15 September 2022, October is still to come: the upload would be refused, so is the template
    const future = await request(f.app)
      .get("/api/template?month=2022-10&lang=en")
      .set("Authorization", f.bearer("town"));
    expect(future.status).toBe(422);
    expect(future.body.error.message).toBe(
      "2022-10 has not come yet and cannot be reported; choose 2022-09 or an earlier month.",
    );
  });
});
