/**
 * Uploads through HTTP whose file name is an attack: a NUL byte that the form parser refuses, a
 * bidirectional override, and personal numbers — which must reach no answer, no table, no audit
 * row and no page of the built dashboard.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { buildDashboard } from "../dashboard/buildDashboard.ts";
import { fictitiousResidentId } from "../fixtures/inputCases.ts";
import { type AppFixture, appFixture, hasStackTrace, YINGPU_AUGUST } from "./appFixture.ts";

let f: AppFixture | null = null;
let out: string | null = null;
afterEach(async () => {
  await f?.db.close();
  f = null;
  if (out) rmSync(out, { recursive: true, force: true });
  out = null;
});

/** A multipart body of one file field, with the file name written byte for byte as given. */
function multipart(fileName: string, content: string) {
  const boundary = "jobtrackTestBoundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function everything(fx: AppFixture): Promise<string> {
  const tables = await fx.db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const { name } of tables) parts.push(JSON.stringify(await fx.db.query(`SELECT * FROM "${name}"`)));
  return parts.join("\n");
}

function filesUnder(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path, "utf8")))
    .join("\n");
}

describe("file names of uploads", () => {
  it("a NUL byte in a multipart file name is a clear 400, logged without a stack trace, nothing kept", async () => {
    const logged: string[] = [];
    f = await appFixture({ log: (message: string) => logged.push(message) });
    const form = multipart("报表\u0000.csv", YINGPU_AUGUST);
    const res = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .set("Content-Type", form.type)
      .send(form.body);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "bad_upload",
      message:
        "无法读取上传的表单：表单格式有误（例如文件名中含有不允许的控制字符）。请检查文件名后重新上传。",
    });
    expect(hasStackTrace(res.text)).toBe(false);
    expect(logged.filter(hasStackTrace)).toEqual([]);
    expect(await f.db.query("SELECT * FROM submissions")).toEqual([]);
  });

  it("a right-to-left override in a file name is removed before it is kept or shown", async () => {
    f = await appFixture();
    const form = multipart("盈浦\u202Evsc.exe.csv", YINGPU_AUGUST);
    const res = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .set("Content-Type", form.type)
      .send(form.body);
    expect(res.status).toBe(200);
    expect(res.body.file).toBe("盈浦vsc.exe.csv");
    const list = await request(f.app).get("/api/submissions").set("Authorization", f.bearer("viewer"));
    expect(list.body.submissions.map((s: { file_name: string }) => s.file_name)).toEqual(["盈浦vsc.exe.csv"]);
    expect(await everything(f)).not.toContain("\u202E");
  });

  it("a file named with a phone and an ID number is kept masked: the API, audit log and dashboard never show them", async () => {
    f = await appFixture();
    const id = fictitiousResidentId();
    const phone = "13812345678";
    const name = `张三${phone}_${id}(身份证).csv`;
    const form = multipart(name, YINGPU_AUGUST);
    const res = await request(f.app)
      .post("/api/submissions")
      .set("Authorization", f.bearer("town"))
      .set("Content-Type", form.type)
      .send(form.body);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("accepted");
    expect(res.body.file).toBe(`张三${"*".repeat(11)}_${"*".repeat(18)}(身份证).csv`);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(["file_name_masked"]);
    const list = await request(f.app).get("/api/submissions").set("Authorization", f.bearer("viewer"));
    out = mkdtempSync(join(tmpdir(), "jobtrack-names-"));
    const now = new Date("2022-09-15T02:00:00Z");
    await buildDashboard(f, { outDir: out, now, today: "2022-09-15" });
    const seen = [res.text, list.text, await everything(f), filesUnder(out)].join("\n");
    expect(seen).toContain(`张三${"*".repeat(11)}`);
    for (const digits of [phone, id, id.slice(6, 14), phone.slice(3)]) expect(seen).not.toContain(digits);
  });
});
