-- 002: the case ledger (台账, docs/contract.md §4). An upload is a unit's whole current ledger: its rows
-- become current and the unit's earlier ledger rows stay as history (current = false).
-- Deadlines are calendar months after identification, clamped at month end (01-31 + 1 month = 02-28/29).
CREATE TABLE cases (
  submission_id INTEGER NOT NULL,
  unit VARCHAR NOT NULL,
  case_id VARCHAR NOT NULL,
  category VARCHAR NOT NULL,        -- zero_family | hardship
  identified_on DATE NOT NULL,
  employed_on DATE,
  channel VARCHAR,
  current BOOLEAN NOT NULL
);

-- The deadline is the rule of core/caseDeadline.ts, written out as caseDeadlineSql('category',
-- 'identified_on') generates it: a migration is applied once and must not change under a
-- database, so a change of the rule is a new migration, and warehouse/casesView.test.ts fails
-- until there is one.
CREATE VIEW v_cases AS
SELECT unit, case_id, category, identified_on, employed_on, channel, deadline,
       CASE WHEN employed_on IS NULL AND deadline < current_date THEN 'overdue'
            WHEN employed_on IS NULL THEN 'open'
            WHEN employed_on <= deadline THEN 'on_time'
            ELSE 'late' END AS status
FROM (
  SELECT *, CAST(identified_on + CASE category WHEN 'zero_family' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE) AS deadline
  FROM cases WHERE current
);
