//! Server-side sessions. Only a hash of each session token is stored, so a copy of the
//! database does not let anyone sign in.

use rusqlite::{params, Connection, OptionalExtension};

use super::{admins::AdminRecord, Millis};

/// Records a new session.
pub fn insert(
    conn: &Connection,
    token_hash: &str,
    admin_id: i64,
    now: Millis,
    expires_at: Millis,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO sessions (token_hash, admin_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![token_hash, admin_id, now, expires_at])?;
    Ok(())
}

/// The administrator of a live session, if the token hash names one that has not expired.
pub fn admin_for(
    conn: &Connection,
    token_hash: &str,
    now: Millis,
) -> rusqlite::Result<Option<AdminRecord>> {
    let admin_id: Option<i64> = conn
        .prepare_cached("SELECT admin_id FROM sessions WHERE token_hash = ?1 AND expires_at > ?2")?
        .query_row(params![token_hash, now], |r| r.get(0))
        .optional()?;
    match admin_id {
        Some(id) => super::admins::by_id(conn, id),
        None => Ok(None),
    }
}

/// Ends a session (no error when it does not exist).
pub fn delete(conn: &Connection, token_hash: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM sessions WHERE token_hash = ?1")?
        .execute([token_hash])?;
    Ok(())
}

/// Drops expired sessions; returns how many.
pub fn purge_expired(conn: &Connection, now: Millis) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM sessions WHERE expires_at <= ?1")?
        .execute([now])
}
