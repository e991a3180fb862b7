/**
 * Ingest end to end: every file of fixtures/inputs through ingestFile into a real warehouse, held
 * against the outcome the fixture states; then revisions, `unchanged`, privacy and ledgers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_MOBILE, fictitiousResidentId, INPUT_CASES, INPUTS_CLOCK } from "../fixtures/inputCases.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { type IngestContext, ingestFile } from "./ingest.ts";
import { PERIODS_2022 } from "./testdata/catalogue.ts";

const units = readRegistry("fixtures/units.csv");
let db: Warehouse;
let ctx: IngestContext;

beforeEach(async () => {
  db = await Warehouse.open({ path: ":memory:" });
  await syncRegistry(db, units);
  ctx = { db, units, periods: PERIODS_2022, today: INPUTS_CLOCK, lang: "zh" };
});
afterEach(() => db.close());

let clock = 0;
const ingest = (fileName: string, bytes: Uint8Array | string, context = ctx) =>
  ingestFile(context, {
    fileName,
    bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
    receivedAt: `2022-10-01T09:${String(clock++ % 60).padStart(2, "0")}:00+08:00`,
    receivedBy: "test",
  });

const snapshot = async () => ({
  facts: await db.query("SELECT * FROM facts ORDER BY ALL"),
  unitMonths: await db.query("SELECT * FROM submission_unit_months ORDER BY ALL"),
  cases: await db.query("SELECT * FROM cases ORDER BY ALL"),
});

describe("every fixture input gives the outcome its README states", () => {
  for (const input of INPUT_CASES) {
    it(`${input.file}: ${input.outcome.status}`, async () => {
      const bytes = readFileSync(join("fixtures/inputs", input.file));
      const before = await snapshot();
      const result = await ingest(input.file, bytes);
      expect(result.status).toBe(input.outcome.status);
      if (input.outcome.status === "accepted") {
        expect(result.errors).toEqual([]);
        expect(result.warnings.map((w) => ({ code: w.code, row: w.row, column: w.column }))).toEqual(
          input.outcome.warnings,
        );
        for (const expected of input.outcome.values) {
          const rows = await db.query<{ indicator: string; value: number }>(
            "SELECT indicator, value FROM v_facts WHERE unit = $u AND month = $m",
            { u: expected.unit, m: expected.month },
          );
          const actual = Object.fromEntries(rows.map((r) => [r.indicator, r.value]));
          for (const [indicator, value] of Object.entries(expected.values)) {
            expect({
              unit: expected.unit,
              month: expected.month,
              indicator,
              value: actual[indicator] ?? null,
            }).toEqual({
              unit: expected.unit,
              month: expected.month,
              indicator,
              value,
            });
          }
        }
      } else {
        const found = result.errors.map((f) => ({ code: f.code, row: f.row, column: f.column }));
        expect(found).toEqual(expect.arrayContaining(input.outcome.errors));
        expect(found).toHaveLength(input.outcome.errors.length);
        for (const f of result.errors) {
          expect(f.zh.length).toBeGreaterThan(0);
          expect(f.en.length).toBeGreaterThan(0);
          expect(f.message).toBe(f.zh);
        }
        expect(await snapshot()).toEqual(before);
        const [sub] = await db.query("SELECT status FROM v_submissions WHERE file_name = $f", {
          f: input.file,
        });
        expect(sub).toEqual({ status: "rejected" });
      }
    });
  }
});

const AUG = "单位,报告月份,失业人员实现再就业人数,新增就业岗位数\r\n盈浦街道,2022-08,120,400\r\n";
const AUG_REVISED = "单位,报告月份,失业人员实现再就业人数\r\n盈浦街道,2022年8月,125\r\n";

describe("revisions", () => {
  it("a later upload of the same unit-month replaces it whole; history is kept", async () => {
    expect((await ingest("盈浦8月.csv", AUG)).status).toBe("accepted");
    expect((await ingest("盈浦8月-修订.csv", AUG_REVISED)).status).toBe("accepted");
    expect(await db.query("SELECT indicator, value FROM v_facts ORDER BY indicator")).toEqual([
      { indicator: "reemployed", value: 125 },
    ]);
    expect(
      await db.query("SELECT file_name, status, revision FROM v_submissions ORDER BY submission_id"),
    ).toEqual([
      { file_name: "盈浦8月.csv", status: "superseded", revision: 1 },
      { file_name: "盈浦8月-修订.csv", status: "accepted", revision: 2 },
    ]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM facts")).toEqual([{ n: 3 }]);
  });

  it("a byte-identical upload under another name reports unchanged and adds nothing", async () => {
    const first = await ingest("a.csv", AUG);
    const again = await ingest("copy of a.csv", AUG);
    expect(again.status).toBe("unchanged");
    expect(again.submission_id).toBe(first.submission_id);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM submissions")).toEqual([{ n: 1 }]);
    expect(await db.query("SELECT sum(value) AS s FROM v_facts WHERE indicator = 'reemployed'")).toEqual([
      { s: 120 },
    ]);
  });

  it("re-sending the superseded file brings its values back as a new revision", async () => {
    await ingest("a.csv", AUG);
    await ingest("b.csv", AUG_REVISED);
    const back = await ingest("a.csv", AUG);
    expect(back.status).toBe("accepted");
    expect(await db.query("SELECT max(revision) AS r FROM v_submissions")).toEqual([{ r: 3 }]);
    expect(await db.query("SELECT sum(value) AS s FROM v_facts WHERE indicator = 'reemployed'")).toEqual([
      { s: 120 },
    ]);
  });

  it("year-to-date columns take the previous month from the database", async () => {
    await ingest("jan.csv", "unit,month,reemployed_ytd\n重固,2022-01,24\n");
    await ingest("feb.csv", "unit,month,reemployed_ytd\n重固,2022-02,46\n");
    expect(await db.query("SELECT month, value FROM v_facts ORDER BY month")).toEqual([
      { month: "2022-01", value: 24 },
      { month: "2022-02", value: 22 },
    ]);
    const gap = await ingest("apr.csv", "unit,month,reemployed_ytd\n重固,2022-04,70\n");
    expect(gap.status).toBe("rejected");
    expect(gap.errors.map((e) => e.code)).toEqual(["ytd_previous_missing"]);
    const down = await ingest("mar.csv", "unit,month,reemployed_ytd\n重固,2022-03,40\n");
    expect(down.errors.map((e) => e.code)).toEqual(["ytd_decreasing"]);
  });

  it("concurrent uploads of different units all land, each once", async () => {
    const towns = units.filter((u) => u.kind !== "department");
    const results = await Promise.all(
      towns.flatMap((u) =>
        [1, 2, 3].map((i) =>
          ingest(
            `${u.code}-${i}.csv`,
            `单位,报告月份,失业人员实现再就业人数\n${u.code},2022-0${i},${i * 10}\n`,
          ),
        ),
      ),
    );
    expect(results.every((r) => r.status === "accepted")).toBe(true);
    expect(await db.query("SELECT sum(value) AS s, count(*)::INTEGER AS n FROM v_facts")).toEqual([
      { s: 11 * 60, n: 33 },
    ]);
  });
});

describe("a refused file is kept under the units it concerns, none of its data", () => {
  const asTown = (fileName: string, text: string) =>
    ingestFile(
      ctx,
      {
        fileName,
        bytes: new TextEncoder().encode(text),
        receivedAt: "2022-10-01T09:00:00+08:00",
        receivedBy: "盈浦经办人",
      },
      { onlyUnit: "310118002" },
    );
  const stored = () =>
    db.query<{ unit: string | null; status: string; file_name: string }>(
      "SELECT unit, status, file_name FROM v_submissions ORDER BY submission_id",
    );

  it("a month no plan covers: under the unit the rows name", async () => {
    const result = await ingest("late.csv", "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2021-06,120\n");
    expect(result.status).toBe("rejected");
    expect(result.errors.map((e) => e.code)).toEqual(["month_not_in_plan"]);
    expect(result.units).toEqual(["310118002"]);
    expect(await stored()).toEqual([{ unit: "310118002", status: "rejected", file_name: "late.csv" }]);
    expect(await db.query("SELECT * FROM facts")).toEqual([]);
  });

  it("a file that names no known unit, sent by a town: under the town", async () => {
    const result = await asTown("blank.csv", "单位,报告月份,失业人员实现再就业人数\n,2022-08,120\n");
    expect(result.errors.map((e) => e.code)).toEqual(["unknown_unit"]);
    expect(await stored()).toEqual([{ unit: "310118002", status: "rejected", file_name: "blank.csv" }]);
  });

  it("a file that cannot be read, sent by a town: under the town; by anyone else: under none", async () => {
    await asTown("a.csv", "");
    await ingest("b.csv", "");
    expect(await stored()).toEqual([
      { unit: "310118002", status: "rejected", file_name: "a.csv" },
      { unit: null, status: "rejected", file_name: "b.csv" },
    ]);
  });
});

describe("the 备注 column: the unit's explanation of its month, kept as a note, never as a figure", () => {
  const notes = () =>
    db.query<{ unit: string; metric: string | null; month: string; text: string; author: string }>(
      "SELECT unit, metric, month, text, author FROM notes ORDER BY note_id",
    );

  it("is stored with the sender as its author, one per unit-month, and stays out of v_facts", async () => {
    const result = await ingest(
      "8月.csv",
      "单位,报告月份,失业人员实现再就业人数,备注\n盈浦,2022-08,120,原因：汛期招聘推迟；整改措施：9月专场招聘会\n朱家角,2022-08,80,\n",
    );
    expect(result.status).toBe("accepted");
    expect(result.notes).toBe(1);
    expect(await notes()).toEqual([
      {
        unit: "310118002",
        metric: null,
        month: "2022-08",
        text: "原因：汛期招聘推迟；整改措施：9月专场招聘会",
        author: "test",
      },
    ]);
    expect(await db.query("SELECT indicator, count(*)::INTEGER AS n FROM v_facts GROUP BY 1")).toEqual([
      { indicator: "reemployed", n: 2 },
    ]);
  });

  it("a revision with the same text adds no note; a new text replaces the shown one and keeps the first", async () => {
    await ingest("a.csv", "单位,报告月份,失业人员实现再就业人数,备注\n盈浦,2022-08,120,汛期\n");
    const same = await ingest("b.csv", "单位,报告月份,失业人员实现再就业人数,备注\n盈浦,2022-08,121,汛期\n");
    expect(same.notes).toBe(0);
    const other = await ingest(
      "c.csv",
      "单位,报告月份,失业人员实现再就业人数,备注\n盈浦,2022-08,122,汛期已过\n",
    );
    expect(other.notes).toBe(1);
    expect((await notes()).map((n) => n.text)).toEqual(["汛期", "汛期已过"]);
  });

  it("the long layout joins the distinct texts of a unit-month's rows", async () => {
    const result = await ingest(
      "long.csv",
      "单位,报告月份,统计项,数值,备注\n盈浦,2022-08,reemployed,120,招聘推迟\n盈浦,2022-08,hardship_employed,30,招聘推迟\n盈浦,2022-08,new_jobs,300,专场招聘\n",
    );
    expect(result.status).toBe("accepted");
    expect((await notes()).map((n) => n.text)).toEqual(["招聘推迟\n专场招聘"]);
  });

  it("a personal number in it refuses the file whole, and a text over 2000 characters is refused", async () => {
    const mobile = await ingest(
      "m.csv",
      `单位,报告月份,失业人员实现再就业人数,备注\n盈浦,2022-08,120,联系人 ${EXAMPLE_MOBILE}\n`,
    );
    expect(mobile.status).toBe("rejected");
    expect(mobile.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, "备注", "pii_mobile"]]);
    const long = await ingest(
      "l.csv",
      `单位,报告月份,失业人员实现再就业人数,备注\n盈浦,2022-08,120,${"说".repeat(2001)}\n`,
    );
    expect(long.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, "备注", "note_too_long"]]);
    expect(long.errors[0].zh).toContain("此格有 2001 个字");
    expect(await notes()).toEqual([]);
    expect(JSON.stringify(await db.query("SELECT * FROM submissions"))).not.toContain(EXAMPLE_MOBILE);
  });
});

describe("privacy", () => {
  it("an ID number or phone number is refused and stored nowhere", async () => {
    const id = fictitiousResidentId();
    const result = await ingest(
      "pii.csv",
      `单位,报告月份,失业人员实现再就业人数\n盈浦,2022-08,${id}\n朱家角,2022-08,${EXAMPLE_MOBILE}\n`,
    );
    expect(result.status).toBe("rejected");
    expect(result.errors.map((e) => e.code).sort()).toEqual(["pii_mobile", "pii_resident_id"]);
    const everything = JSON.stringify([result, await db.query("SELECT * FROM submissions")]);
    expect(everything).not.toContain(id);
    expect(everything).not.toContain(id.slice(0, 14));
    expect(everything).not.toContain(EXAMPLE_MOBILE);
  });
});

describe("case ledgers", () => {
  const LEDGER =
    '单位,编号,类别,认定日期,就业日期,就业渠道\n盈浦,YP-1,零就业家庭,2022-01-31,2022-02-28,\n盈浦,YP-2,就业困难人员,2022-05-10,2022-08-20,=HYPERLINK("x")\n盈浦,YP-3,就业困难人员,2022-06-01,,\n';

  it("is detected from its header, loaded with deadlines, and the previous ledger kept as history", async () => {
    const first = await ingest("台账.csv", LEDGER);
    expect(first).toMatchObject({ status: "accepted", kind: "cases", units: ["310118002"], rows: 3 });
    expect(await db.query("SELECT case_id, deadline, status FROM v_cases ORDER BY case_id")).toEqual([
      { case_id: "YP-1", deadline: "2022-02-28", status: "on_time" },
      { case_id: "YP-2", deadline: "2022-08-10", status: "late" },
      { case_id: "YP-3", deadline: "2022-09-01", status: "overdue" },
    ]);
    const second = await ingest(
      "台账-10月.csv",
      "单位,编号,类别,认定日期,就业日期\n盈浦,YP-3,就业困难人员,2022-06-01,2022-08-30\n",
    );
    expect(second.status).toBe("accepted");
    expect(await db.query("SELECT case_id, status FROM v_cases")).toEqual([
      { case_id: "YP-3", status: "on_time" },
    ]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM cases")).toEqual([{ n: 4 }]);
    expect(
      (
        await ingest(
          "台账-again.csv",
          "单位,编号,类别,认定日期,就业日期\n盈浦,YP-3,就业困难人员,2022-06-01,2022-08-30\n",
        )
      ).status,
    ).toBe("unchanged");
  });

  it("warns when the ledger and the monthly report disagree on hardship persons employed, naming both numbers", async () => {
    await ingest("8月.csv", "单位,报告月份,就业困难人员实现就业人数\n盈浦,2022-08,3\n");
    const result = await ingest("台账.csv", LEDGER);
    expect(result.warnings.map((w) => w.code)).toEqual(["ledger_report_mismatch"]);
    expect(result.warnings[0].zh).toBe(
      "2022年8月：台账记录就业困难人员实现就业 1 人，月报填报 3 人，请核对。",
    );
  });

  it("a ledger refused whole leaves the previous one current", async () => {
    await ingest("台账.csv", LEDGER);
    const bad = await ingest(
      "台账-坏.csv",
      "单位,编号,类别,认定日期,就业日期\n盈浦,YP-9,就业困难人员,2022-06-01,2022-05-01\n",
    );
    expect(bad.status).toBe("rejected");
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM v_cases")).toEqual([{ n: 3 }]);
  });
});
