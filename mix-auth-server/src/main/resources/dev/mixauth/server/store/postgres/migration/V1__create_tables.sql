-- The tables and columns of the SQLite store, in PostgreSQL types. Times are epoch
-- milliseconds in bigint columns, as in SQLite, so both stores round an Instant the same
-- way and replaceIfUnchanged compares updated_at exactly.
CREATE TABLE credentials (
  provider        text    NOT NULL,
  kind            text    NOT NULL,
  secret          bytea   NOT NULL,
  refresh_secret  bytea,
  key_hint        text,
  expires_at      bigint,
  state           text    NOT NULL DEFAULT 'active',
  last_refresh    bigint,
  last_error      text,
  created_at      bigint  NOT NULL,
  updated_at      bigint  NOT NULL,
  PRIMARY KEY (provider, kind)
);

CREATE TABLE oauth_flows (
  state_hash    text    PRIMARY KEY,
  provider      text    NOT NULL,
  verifier      bytea   NOT NULL,
  redirect_uri  text    NOT NULL,
  created_at    bigint  NOT NULL,
  expires_at    bigint  NOT NULL,
  status        text    NOT NULL,
  code_hash     text
);
CREATE INDEX oauth_flows_by_provider ON oauth_flows (provider, status, expires_at);

CREATE TABLE preferences (
  id                          smallint PRIMARY KEY CHECK (id = 1),
  preferred_provider          text,
  main_agent_model            text,
  main_agent_max_tokens       integer,
  main_agent_reasoning_effort text,
  sub_agent_model             text,
  sub_agent_max_tokens        integer,
  sub_agent_reasoning_effort  text,
  created_at                  bigint   NOT NULL,
  updated_at                  bigint   NOT NULL
);

CREATE TABLE audit_events (
  id         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         bigint  NOT NULL,
  operation  text    NOT NULL,
  provider   text,
  outcome    text    NOT NULL,
  client     text,
  detail     text
);

CREATE TABLE store_meta (
  key    text   PRIMARY KEY,
  value  bytea  NOT NULL
);
