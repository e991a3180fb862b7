import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { type FolderLooks, isReportFile, scanFolder } from "./folderSource.ts";
import type { Source } from "./scheduleConfig.ts";
import { type ScheduleFixture, scheduleFixture, YINGPU } from "./scheduleFixture.ts";
import { maskLongNumbers } from "./sourceIngest.ts";

let f: ScheduleFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const MB = 10 * 1024 * 1024;
const ID_NUMBER = "110101199003074514";

function folderSource(fx: ScheduleFixture, code = YINGPU): Extract<Source, { kind: "folder" }> {
  const folder = join(fx.dir, "inbox", code);
  mkdirSync(folder, { recursive: true });
  return { kind: "folder", name: `inbox/${code}`, unit: fx.unit(code), folder, optional: false };
}

describe("folder source", () => {
  it("ingests a GBK file once it is stable and moves it to processed/", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const gbk = iconv.encode("单位,报告月份,失业人员实现再就业人数\r\n盈浦街道,2022-08,120\r\n", "gbk");
    writeFileSync(join(source.folder, "盈浦8月.csv"), gbk);
    const looks: FolderLooks = new Map();

    const first = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(first).toEqual({ ingested: [], waiting: ["盈浦8月.csv"] });
    expect(await f.submissions()).toEqual([]);

    const second = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(second.ingested.map((i) => [i.file, i.result.status, i.result.units])).toEqual([
      ["盈浦8月.csv", "accepted", [YINGPU]],
    ]);
    expect(readdirSync(source.folder).sort()).toEqual(["processed"]);
    expect(readFileSync(join(source.folder, "processed", "盈浦8月.csv"))).toEqual(gbk);
    expect(await f.submissions()).toMatchObject([
      { unit: YINGPU, status: "accepted", file_name: "盈浦8月.csv" },
    ]);
    const [audit] = await f.audit("upload");
    expect(audit).toMatchObject({ result: "accepted", actor: `source:inbox/${YINGPU}` });
  });

  it("moves a broken file to rejected/ with <file>.findings.json beside it, and no ID number in it", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    writeFileSync(
      join(source.folder, "broken.csv"),
      `单位,报告月份,失业人员实现再就业人数,就业困难人员实现就业人数\n盈浦街道,2022-08,约50,${ID_NUMBER}\n`,
    );
    const looks: FolderLooks = new Map();
    await scanFolder(f.env, source, { looks, maxBytes: MB });
    const scan = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(scan.ingested[0].result.status).toBe("rejected");
    expect(readdirSync(join(source.folder, "rejected")).sort()).toEqual([
      "broken.csv",
      "broken.csv.findings.json",
    ]);
    expect(existsSync(join(source.folder, "broken.csv"))).toBe(false);
    const text = readFileSync(join(source.folder, "rejected", "broken.csv.findings.json"), "utf8");
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(ID_NUMBER.slice(0, 11));
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ file: "broken.csv", unit: YINGPU, status: "rejected" });
    expect(doc.summary.zh).toContain("整份文件未入库");
    expect(doc.errors.length).toBeGreaterThanOrEqual(2);
    for (const e of doc.errors) expect(Object.keys(e).sort()).toEqual(["code", "column", "en", "row", "zh"]);
    expect(doc.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [2, "失业人员实现再就业人数"],
        [2, "就业困难人员实现就业人数"],
      ]),
    );
    expect(await f.submissions()).toMatchObject([{ status: "rejected" }]);
  });

  it("lets a half-written file wait until its size and time stop changing", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const path = join(source.folder, "copying.csv");
    writeFileSync(path, "单位,报告月份,失业人员实现再就业人数\n");
    const looks: FolderLooks = new Map();
    expect((await scanFolder(f.env, source, { looks, maxBytes: MB })).waiting).toEqual(["copying.csv"]);
    appendFileSync(path, "盈浦街道,2022-08,120\n");
    utimesSync(path, new Date("2022-09-15T02:05:00Z"), new Date("2022-09-15T02:05:00Z"));
    expect((await scanFolder(f.env, source, { looks, maxBytes: MB })).waiting).toEqual(["copying.csv"]);
    expect(await f.submissions()).toEqual([]);
    const done = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(done.ingested.map((i) => i.result.status)).toEqual(["accepted"]);
  });

  it("refuses rows of another unit, and a file over the size limit unread", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    writeFileSync(
      join(source.folder, "other.csv"),
      "单位,报告月份,失业人员实现再就业人数\n朱家角镇,2022-08,80\n",
    );
    writeFileSync(join(source.folder, "big.csv"), `单位,报告月份\n${"x".repeat(2000)}\n`);
    const looks: FolderLooks = new Map();
    await scanFolder(f.env, source, { looks, maxBytes: 1000 });
    const scan = await scanFolder(f.env, source, { looks, maxBytes: 1000 });
    const codes = Object.fromEntries(scan.ingested.map((i) => [i.file, i.result.errors.map((e) => e.code)]));
    expect(codes).toEqual({ "big.csv": ["too_large"], "other.csv": ["other_unit"] });
    expect(readdirSync(join(source.folder, "rejected")).sort()).toEqual([
      "big.csv",
      "big.csv.findings.json",
      "other.csv",
      "other.csv.findings.json",
    ]);
    expect(await f.submissions()).toEqual([]);
  });

  it("keeps both files when a name comes again, and leaves lock files and other files alone", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const looks: FolderLooks = new Map();
    const body = "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,120\n";
    writeFileSync(join(source.folder, "report.csv"), body);
    writeFileSync(join(source.folder, "~$report.xlsx"), "lock");
    writeFileSync(join(source.folder, "notes.docx"), "x");
    await scanFolder(f.env, source, { looks, maxBytes: MB });
    await scanFolder(f.env, source, { looks, maxBytes: MB });
    writeFileSync(join(source.folder, "report.csv"), body);
    await scanFolder(f.env, source, { looks, maxBytes: MB });
    const again = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(again.ingested.map((i) => i.result.status)).toEqual(["unchanged"]);
    expect(readdirSync(join(source.folder, "processed")).length).toBe(2);
    expect(readdirSync(source.folder).sort()).toEqual(["notes.docx", "processed", "~$report.xlsx"]);
  });

  it("a planted rejected/ link out of the inbox stops the folder: nothing ingested, nothing written or moved out", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const outside = join(f.dir, "outside");
    mkdirSync(outside);
    symlinkSync(outside, join(source.folder, "rejected"));
    const report = "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,约50\n";
    writeFileSync(join(source.folder, "broken.csv"), report);
    const looks: FolderLooks = new Map();
    const scan = () => scanFolder(f!.env, source, { looks, maxBytes: MB });
    await expect(scan()).rejects.toThrow(
      /rejected in the folder inbox\/310118002 is not an ordinary folder inside it/,
    );
    await expect(scan()).rejects.toThrow(/perhaps a link to somewhere else/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(join(source.folder, "broken.csv"), "utf8")).toBe(report);
    expect(await f.submissions()).toEqual([]);
  });

  it("a processed/ link to another unit's inbox is refused too", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const other = join(f.dir, "inbox", "310118102");
    mkdirSync(other, { recursive: true });
    symlinkSync("../310118102", join(source.folder, "processed"));
    writeFileSync(
      join(source.folder, "good.csv"),
      "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,1\n",
    );
    await expect(scanFolder(f.env, source, { looks: new Map(), maxBytes: MB })).rejects.toThrow(
      /processed in the folder .* is not an ordinary folder/,
    );
    expect(readdirSync(other)).toEqual([]);
  });

  it("a link in the inbox is never read: not to a file outside, not put in a report's place", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const secret = join(f.dir, "secret.csv");
    writeFileSync(secret, "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,999\n");
    symlinkSync(secret, join(source.folder, "linked.csv"));
    const looks: FolderLooks = new Map();
    await scanFolder(f.env, source, { looks, maxBytes: MB });
    const scan = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(scan).toEqual({ ingested: [], waiting: [] });
    expect(lstatSync(join(source.folder, "linked.csv")).isSymbolicLink()).toBe(true);
    expect(await f.submissions()).toEqual([]);
  });

  it("a link planted where the findings file will go is not followed", async () => {
    f = await scheduleFixture();
    const source = folderSource(f);
    const target = join(f.dir, "victim.txt");
    writeFileSync(target, "keep");
    mkdirSync(join(source.folder, "rejected"));
    symlinkSync(target, join(source.folder, "rejected", "broken.csv.findings.json"));
    writeFileSync(
      join(source.folder, "broken.csv"),
      "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,约50\n",
    );
    const looks: FolderLooks = new Map();
    await scanFolder(f.env, source, { looks, maxBytes: MB });
    const scan = await scanFolder(f.env, source, { looks, maxBytes: MB });
    expect(scan.ingested[0].movedTo).toMatch(/rejected\/broken\.20220915T020000\.csv$/);
    expect(readFileSync(target, "utf8")).toBe("keep");
    expect(existsSync(join(source.folder, "rejected", "broken.20220915T020000.csv.findings.json"))).toBe(
      true,
    );
  });

  it("isReportFile takes csv, txt and Excel files only", () => {
    expect(["a.csv", "b.TXT", "c.xlsx", "d.xls"].every(isReportFile)).toBe(true);
    expect([".hidden.csv", "~$c.xlsx", "a.csv.findings.json", "a.part", "a.pdf"].some(isReportFile)).toBe(
      false,
    );
  });

  it("maskLongNumbers hides ID and phone numbers but not counts or unit codes", () => {
    expect(maskLongNumbers(`身份证${ID_NUMBER}、电话 138 0013 8000`)).toBe("身份证***、电话 ***");
    expect(maskLongNumbers("393848 人，单位 310118102")).toBe("393848 人，单位 310118102");
  });

  it("a missing folder fails the scan unless the source is one of the optional defaults", async () => {
    f = await scheduleFixture();
    const folder = join(f.dir, "nowhere");
    const source = { kind: "folder" as const, name: "x", unit: f.unit(YINGPU), folder, optional: false };
    await expect(scanFolder(f.env, source, { looks: new Map(), maxBytes: MB })).rejects.toThrow(
      /does not exist/,
    );
    const optional = { ...source, optional: true };
    expect(await scanFolder(f.env, optional, { looks: new Map(), maxBytes: MB })).toEqual({
      ingested: [],
      waiting: [],
    });
  });
});
