//! Versioned schema migrations, applied in order at start. The applied version is kept in
//! SQLite's `user_version`; a migration is never edited once released, only appended.

use rusqlite::Connection;

/// Each entry moves the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: tenants, administrators, their sessions, and the audit log.
    r#"
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
    "#,
];

/// Applies every migration newer than the database's version, each in its own transaction.
pub fn apply(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let current = usize::try_from(current).unwrap_or(0);
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applying_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn).unwrap();
        apply(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
    }
}
