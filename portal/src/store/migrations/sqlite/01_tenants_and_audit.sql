
    CREATE TABLE tenants (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE
    );
    CREATE TABLE administrators (
        id            INTEGER PRIMARY KEY,
        tenant_id     INTEGER NOT NULL REFERENCES tenants(id),
        username      TEXT NOT NULL UNIQUE,
        display_name  TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        time_zone     TEXT NOT NULL DEFAULT 'Asia/Tokyo',
        lang          TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en'))
    );
    CREATE TABLE sessions (
        token_hash    TEXT PRIMARY KEY,
        admin_id      INTEGER NOT NULL REFERENCES administrators(id) ON DELETE CASCADE,
        created_at    INTEGER NOT NULL,
        expires_at    INTEGER NOT NULL
    );
    CREATE INDEX sessions_expiry ON sessions(expires_at);
    CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
        admin_id    INTEGER REFERENCES administrators(id),
        at          INTEGER NOT NULL,
        action      TEXT NOT NULL,
        summary     TEXT NOT NULL DEFAULT '',
        details     TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_by_tenant_time ON audit_log(tenant_id, at DESC, id DESC);
    