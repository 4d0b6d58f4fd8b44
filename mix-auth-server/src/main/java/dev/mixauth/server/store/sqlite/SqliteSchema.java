package dev.mixauth.server.store.sqlite;

import java.util.List;

/** The SQLite schema as numbered migrations; each runs once, in order, in its own transaction. */
final class SqliteSchema {
  private SqliteSchema() {}

  static final List<String> MIGRATIONS =
      List.of(
          """
          CREATE TABLE credentials (
            provider        TEXT    NOT NULL,
            kind            TEXT    NOT NULL,
            secret          BLOB    NOT NULL,
            refresh_secret  BLOB,
            key_hint        TEXT,
            expires_at      INTEGER,
            state           TEXT    NOT NULL DEFAULT 'active',
            last_refresh    INTEGER,
            last_error      TEXT,
            created_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            PRIMARY KEY (provider, kind)
          );
          CREATE TABLE oauth_flows (
            state_hash    TEXT    PRIMARY KEY,
            provider      TEXT    NOT NULL,
            verifier      BLOB    NOT NULL,
            redirect_uri  TEXT    NOT NULL,
            created_at    INTEGER NOT NULL,
            expires_at    INTEGER NOT NULL,
            status        TEXT    NOT NULL,
            code_hash     TEXT
          );
          CREATE INDEX oauth_flows_by_provider ON oauth_flows (provider, status, expires_at);
          CREATE TABLE preferences (
            id                          INTEGER PRIMARY KEY CHECK (id = 1),
            preferred_provider          TEXT,
            main_agent_model            TEXT,
            main_agent_max_tokens       INTEGER,
            main_agent_reasoning_effort TEXT,
            sub_agent_model             TEXT,
            sub_agent_max_tokens        INTEGER,
            sub_agent_reasoning_effort  TEXT,
            created_at                  INTEGER NOT NULL,
            updated_at                  INTEGER NOT NULL
          );
          CREATE TABLE audit_events (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            at         INTEGER NOT NULL,
            operation  TEXT    NOT NULL,
            provider   TEXT,
            outcome    TEXT    NOT NULL,
            client     TEXT,
            detail     TEXT
          );
          CREATE TABLE store_meta (
            key    TEXT PRIMARY KEY,
            value  BLOB NOT NULL
          );
          """);
}
