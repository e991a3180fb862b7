-- 006: v_progress (docs/contract.md §8) exists from the database's creation: the table `progress` holds
-- every metric's figures per unit (null: the district) and month, written whole by
-- metrics/progressView.ts refreshProgress after every accepted write and every report.
-- A database where an earlier `jobtrack report` already made the table keeps its rows.
CREATE TABLE IF NOT EXISTS progress (
  metric VARCHAR NOT NULL,
  unit VARCHAR,
  month VARCHAR NOT NULL,
  actual DOUBLE,
  target DOUBLE,
  expected DOUBLE,
  status VARCHAR NOT NULL
);

CREATE OR REPLACE VIEW v_progress AS
SELECT metric, unit, month, actual, target, expected, status FROM progress;
