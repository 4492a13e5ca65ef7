
    CREATE TABLE api_tokens (
        token_hash       TEXT PRIMARY KEY,
        chain            TEXT NOT NULL,
        admin_id         INTEGER NOT NULL REFERENCES administrators(id) ON DELETE CASCADE,
        created_at       INTEGER NOT NULL,
        expires_at       INTEGER NOT NULL,
        renewable_until  INTEGER NOT NULL,
        revoked_at       INTEGER
    );
    CREATE INDEX api_tokens_expiry ON api_tokens(expires_at);
    CREATE INDEX api_tokens_by_chain ON api_tokens(chain);
    