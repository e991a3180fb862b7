/**
 * Repair after a crash. DuckDB can bring back rows of a transaction that never committed when a
 * process is killed while the commit is being written: unkeyed tables (facts, unit-months, cases)
 * may keep rows whose `submissions` row is gone, and `current` flags flipped by that transaction.
 * So at open, when the last run left its write-ahead log behind or orphan rows exist, rows of
 * unknown submissions are removed and every `current` flag is derived again from the submissions
 * that did commit. A submission is therefore always whole or absent.
 */
import type { DuckDBConnection } from "./db.ts";

export interface RepairReport {
  orphans: number;
  reflagged: boolean;
}

const ORPHAN_TABLES = ["facts", "submission_unit_months", "cases"];

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0][0]);
}

async function tableExists(connection: DuckDBConnection, name: string): Promise<boolean> {
  return (
    (await count(
      connection,
      `SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = '${name}'`,
    )) > 0
  );
}

export async function repairAfterCrash(
  connection: DuckDBConnection,
  walLeftBehind: boolean,
): Promise<RepairReport> {
  if (!(await tableExists(connection, "submissions"))) return { orphans: 0, reflagged: false };
  const tables: string[] = [];
  for (const t of ORPHAN_TABLES) if (await tableExists(connection, t)) tables.push(t);
  let orphans = 0;
  for (const t of tables) {
    orphans += await count(
      connection,
      `SELECT count(*) FROM ${t} WHERE submission_id NOT IN (SELECT submission_id FROM submissions)`,
    );
  }
  if (!orphans && !walLeftBehind) return { orphans: 0, reflagged: false };
  await connection.run("BEGIN TRANSACTION");
  try {
    for (const t of tables) {
      await connection.run(
        `DELETE FROM ${t} WHERE submission_id NOT IN (SELECT submission_id FROM submissions)`,
      );
    }
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE latest_um AS
       SELECT unit, month, max(submission_id) AS latest FROM submission_unit_months GROUP BY unit, month`,
    );
    await connection.run(
      `UPDATE submission_unit_months SET current = (submission_unit_months.submission_id = l.latest)
       FROM latest_um l
       WHERE submission_unit_months.unit = l.unit AND submission_unit_months.month = l.month
         AND submission_unit_months.current <> (submission_unit_months.submission_id = l.latest)`,
    );
    await connection.run(
      `UPDATE facts SET current = (facts.submission_id = l.latest)
       FROM latest_um l
       WHERE facts.unit = l.unit AND facts.month = l.month AND facts.current <> (facts.submission_id = l.latest)`,
    );
    await connection.run("DROP TABLE latest_um");
    if (tables.includes("cases")) {
      await connection.run(
        `UPDATE cases SET current = (cases.submission_id = l.latest)
         FROM (SELECT unit, max(submission_id) AS latest FROM cases GROUP BY unit) l
         WHERE cases.unit = l.unit AND cases.current <> (cases.submission_id = l.latest)`,
      );
    }
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK").catch(() => {});
    throw error;
  }
  await connection.run("CHECKPOINT");
  return { orphans, reflagged: true };
}
