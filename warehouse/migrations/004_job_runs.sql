-- 004: the scheduler's runs (server/schedule/): one row per run of a job, and for the ingest job
-- one row per pull source, with when it started and finished, how it ended (done, skipped,
-- failed) and what it did (counts, months, units, folders, bytes; never a file's content).
-- Successful runs are kept as well as failures; the scheduler prunes each job's (and each
-- source's) runs to the newest few hundred, so the table stays small.
CREATE TABLE job_runs (
  run_id INTEGER PRIMARY KEY,
  job VARCHAR NOT NULL,             -- ingest | rebuild | reminders | backup
  source VARCHAR,                   -- the pull source's name for ingest; null for the other jobs
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ NOT NULL,
  result VARCHAR NOT NULL,          -- done | skipped | failed
  detail JSON NOT NULL
);
