-- 005: the units' explanations (情况说明) of a metric's status in a month: why it is behind and
-- what is being done (原因 / 整改措施). A later note of the same unit, metric and month replaces
-- the shown one; every earlier note stays here as history. `author` is the writer's token label
-- (or role and unit), the same name the audit trail uses.
CREATE TABLE notes (
  note_id INTEGER PRIMARY KEY,
  unit VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  month VARCHAR NOT NULL,           -- YYYY-MM
  text VARCHAR NOT NULL,
  author VARCHAR NOT NULL,
  role VARCHAR,                     -- the writer's role: town or admin
  token_id INTEGER,
  "at" TIMESTAMPTZ NOT NULL
);
