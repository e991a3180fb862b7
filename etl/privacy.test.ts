/**
 * Personal numbers however they are written: each attack goes through ingestFile into a real
 * warehouse, is refused (or, in a file name, masked), and afterwards the number is in no table
 * of the warehouse, in no form — nor in the result that the sender sees. Counts, money and dates
 * that only look numeric are still accepted.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fictitiousResidentId } from "../fixtures/inputCases.ts";
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
  ctx = { db, units, periods: PERIODS_2022, today: "2022-10-10", lang: "zh" };
});
afterEach(() => db.close());

const ingest = (fileName: string, text: string) =>
  ingestFile(ctx, {
    fileName,
    bytes: new TextEncoder().encode(text),
    receivedAt: "2022-10-01T09:00:00+08:00",
    receivedBy: "test",
  });

/** Every row of every table of the warehouse, as one text. */
async function everythingStored(): Promise<string> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1",
  );
  const parts: string[] = [];
  for (const { name } of tables) parts.push(JSON.stringify(await db.query(`SELECT * FROM "${name}"`)));
  return parts.join("\n");
}

const FULL_WIDTH = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Fails when the digits appear in the text, as ASCII, full-width, or any 8 of them in a row. */
function expectNowhere(text: string, digits: string) {
  expect(text).not.toContain(digits);
  expect(text).not.toContain(FULL_WIDTH(digits));
  for (let i = 0; i + 8 <= digits.length; i++) expect(text).not.toContain(digits.slice(i, i + 8));
}

const LEDGER_HEADER = "单位,编号,类别,认定日期,就业日期,就业渠道\n";
const ID = fictitiousResidentId();
const PHONE = "13812345678";

describe("personal numbers in any form are refused and stored nowhere", () => {
  it("a ledger case_id of a resident ID in full-width digits is pii_resident_id, not a folded case id", async () => {
    const result = await ingest(
      "台账.csv",
      `${LEDGER_HEADER}盈浦,${FULL_WIDTH(ID)},零就业家庭,2022-01-31,,\n`,
    );
    expect(result.status).toBe("rejected");
    expect(result.errors.map((f) => `${f.code}@${f.row}:${f.column}`)).toEqual(["pii_resident_id@2:编号"]);
    expect(result.errors[0].zh).toBe(
      "该单元格疑似包含居民身份证号码。为保护个人隐私，系统不接收身份证号，请删除后重新上传。",
    );
    expectNowhere(JSON.stringify(result) + (await everythingStored()), ID);
  });

  const channels = [
    `电话${FULL_WIDTH(PHONE)}`,
    "138.1234.5678",
    "(138)12345678",
    "138_1234_5678",
    "138 1234 5678",
    "+86 138 1234 5678",
    "１３８－１２３４－５６７８",
    "138\u200b1234\u200b5678",
  ];
  for (const channel of channels) {
    it(`a ledger channel ${JSON.stringify(channel)} is pii_mobile and stored nowhere`, async () => {
      const result = await ingest(
        "台账.csv",
        `${LEDGER_HEADER}盈浦,YP-1,就业困难人员,2022-05-10,2022-08-20,${channel}\n`,
      );
      expect(result.status).toBe("rejected");
      expect(result.errors.map((f) => `${f.code}@${f.row}:${f.column}`)).toEqual(["pii_mobile@2:就业渠道"]);
      expectNowhere(JSON.stringify(result) + (await everythingStored()), PHONE);
    });
  }

  it("a full-width phone number in a monthly number cell is pii_mobile only, never echoed or kept", async () => {
    const result = await ingest(
      "月报.csv",
      `单位,报告月份,失业人员实现再就业人数\n盈浦,2022-08,${FULL_WIDTH(PHONE)}\n`,
    );
    expect(result.status).toBe("rejected");
    expect(result.errors.map((f) => `${f.code}@${f.row}:${f.column}`)).toEqual([
      "pii_mobile@2:失业人员实现再就业人数",
    ]);
    const stored = await db.query<{ findings: string }>(
      "SELECT findings::VARCHAR AS findings FROM submissions",
    );
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].findings).map((f: { code: string }) => f.code)).toEqual(["pii_mobile"]);
    expectNowhere(JSON.stringify(result) + (await everythingStored()), PHONE);
  });

  it("a personal number in a header cell names the column by its letter", async () => {
    const result = await ingest("月报.csv", `单位,报告月份,电话${PHONE}\n盈浦,2022-08,1\n`);
    expect(result.errors.map((f) => `${f.code}@${f.row}:${f.column}`)).toEqual([
      "pii_mobile@1:C",
      "unknown_column@1:C",
    ]);
    expectNowhere(JSON.stringify(result) + (await everythingStored()), PHONE);
  });
});

describe("file names", () => {
  it("a file named with a phone and an ID number is accepted under its name masked, with a warning", async () => {
    const name = `张三${PHONE}_${ID}(ID).csv`;
    const result = await ingest(name, "单位,报告月份,失业人员实现再就业人数\n盈浦,2022-08,120\n");
    expect(result.status).toBe("accepted");
    const masked = `张三${"*".repeat(11)}_${"*".repeat(18)}(ID).csv`;
    expect(result.file).toBe(masked);
    expect(result.warnings.map((f) => f.code)).toEqual(["file_name_masked"]);
    expect(result.warnings[0].zh).toContain(masked);
    const [row] = await db.query<{ file_name: string }>("SELECT file_name FROM v_submissions");
    expect(row.file_name).toBe(masked);
    const everything = JSON.stringify(result) + (await everythingStored());
    expectNowhere(everything, PHONE);
    expectNowhere(everything, ID);
  });

  it("control characters and bidirectional overrides are removed from a file name", async () => {
    const result = await ingest(
      "报表\u202Ecsv.exe\u0000\u0007\u200b.csv",
      "单位,报告月份,新增就业岗位数\n盈浦,2022-08,3\n",
    );
    expect(result.file).toBe("报表csv.exe.csv");
    const [row] = await db.query<{ file_name: string }>("SELECT file_name FROM v_submissions");
    expect(row.file_name).toBe("报表csv.exe.csv");
  });
});

describe("what only looks like a personal number is accepted", () => {
  it("counts with thousands separators, full-width counts, decimals of 亿元 and dates", async () => {
    const monthly = await ingest(
      "月报.csv",
      '单位,报告月份,正规就业人数,新增就业岗位数\n盈浦,2022-08,"1,234,567",１，２３４\nD-FIN,2022-08,,\n',
    );
    expect(monthly.status).toBe("accepted");
    expect(await db.query("SELECT unit, indicator, value FROM v_facts ORDER BY ALL")).toEqual([
      { unit: "310118002", indicator: "formal_employment", value: 1234567 },
      { unit: "310118002", indicator: "new_jobs", value: 1234 },
    ]);
    const finance = await ingest(
      "金融.csv",
      "单位,报告月份,纾困融资额度落地金额(亿元)\nD-FIN,2022-08,12.5\n",
    );
    expect(finance.status).toBe("accepted");
    const ledger = await ingest(
      "台账.csv",
      `${LEDGER_HEADER}盈浦,QP-2022-0001-13,就业困难人员,2022-08-05,2022-09-30,灵活就业 2022-08-05 至 2022-09-30，补贴 12,345,678.90 元\n`,
    );
    expect(ledger.status).toBe("accepted");
    expect(ledger.errors).toEqual([]);
  });
});
