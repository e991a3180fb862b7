-- 003: the server's own tables. Access tokens are kept only as sha256 hashes (the token itself is
-- shown once, when it is created); login sessions likewise keep only the hash of the cookie's
-- secret. The audit trail records who did what and with what result, never a token or a file's
-- content; sql_history keeps each analyst query with its outcome.
CREATE TABLE tokens (
  token_id INTEGER PRIMARY KEY,
  hash VARCHAR NOT NULL UNIQUE,     -- sha256 hex of the token
  role VARCHAR NOT NULL,            -- viewer | town | analyst | admin
  unit VARCHAR,                     -- the unit a town token reports for; null for other roles
  label VARCHAR,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

CREATE TABLE sessions (
  session_id VARCHAR PRIMARY KEY,   -- sha256 hex of the cookie's secret
  token_id INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit (
  "at" TIMESTAMPTZ NOT NULL,      -- "at" is quoted: AT is a keyword in DuckDB
  actor VARCHAR,                    -- the token's label (or role), "cli" for the command line; null when unknown
  token_id INTEGER,
  role VARCHAR,
  action VARCHAR NOT NULL,          -- upload, login, logout, token.create, token.revoke, sql, cli, request
  target VARCHAR,
  result VARCHAR NOT NULL,          -- ok, accepted, unchanged, rejected, failure, refused
  detail JSON
);

CREATE TABLE sql_history (
  "at" TIMESTAMPTZ NOT NULL,
  actor VARCHAR,
  token_id INTEGER,
  sql VARCHAR NOT NULL,
  rows INTEGER,
  elapsed_ms INTEGER,
  result VARCHAR NOT NULL           -- ok, or the sandbox's refusal code
);
