
    CREATE TABLE sign_in_attempts (
        id          INTEGER PRIMARY KEY,
        account     TEXT NOT NULL,
        source      TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        pending     INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX sign_in_attempts_by_account ON sign_in_attempts(account, started_at);
    CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts(started_at);
    ALTER TABLE api_tokens ADD COLUMN retired_at INTEGER;
    