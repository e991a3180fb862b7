-- 001: units, submissions with revisions, facts, and the analyst views of docs/contract.md §8.
CREATE TABLE units (
  code VARCHAR PRIMARY KEY,
  name_zh VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  kind VARCHAR NOT NULL
);

-- One row per uploaded file, accepted or rejected. A rejected file keeps only its metadata and findings.
CREATE TABLE submissions (
  submission_id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,            -- monthly | cases
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  received_by VARCHAR,
  status VARCHAR NOT NULL,          -- accepted | rejected
  rows INTEGER NOT NULL,
  units VARCHAR[] NOT NULL,
  months VARCHAR[] NOT NULL,
  format VARCHAR,
  encoding VARCHAR,
  findings JSON                     -- errors and warnings, never a cell's value
);

-- Which unit-months each accepted submission carried; revision counts per unit-month from 1.
CREATE TABLE submission_unit_months (
  submission_id INTEGER NOT NULL,
  unit VARCHAR NOT NULL,
  month VARCHAR NOT NULL,
  revision INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  current BOOLEAN NOT NULL
);

-- Every reported cell of every accepted submission; `current` marks the newest revision's cells.
CREATE TABLE facts (
  submission_id INTEGER NOT NULL,
  unit VARCHAR NOT NULL,
  month VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  current BOOLEAN NOT NULL
);

CREATE VIEW v_units AS
SELECT code AS unit, name_zh, name_en, kind FROM units;

CREATE VIEW v_facts AS
SELECT unit, month, indicator, value, submission_id FROM facts WHERE current;

CREATE VIEW v_submissions AS
WITH per_unit AS (
  SELECT submission_id, unit, bool_or(current) AS is_current, sum(rows)::INTEGER AS rows, max(revision) AS revision
  FROM submission_unit_months GROUP BY submission_id, unit
)
SELECT s.submission_id, u.unit, s.kind, s.file_name, s.sha256, s.received_at,
       CASE WHEN s.status = 'rejected' THEN 'rejected'
            WHEN s.kind = 'monthly' AND NOT coalesce(p.is_current, false) THEN 'superseded'
            ELSE 'accepted' END AS status,
       coalesce(p.rows, s.rows) AS rows,
       coalesce(p.revision, 1) AS revision
FROM submissions s
CROSS JOIN unnest(CASE WHEN len(s.units) = 0 THEN [NULL::VARCHAR] ELSE s.units END) AS u(unit)
LEFT JOIN per_unit p ON p.submission_id = s.submission_id AND p.unit = u.unit;
