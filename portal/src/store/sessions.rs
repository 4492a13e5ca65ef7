//! Server-side sessions. Only a hash of each session token is stored, so a copy of the
//! database does not let anyone sign in.
//!
//! A session ends at whichever comes first: its absolute expiry (`expires_at`, fixed at
//! sign-in) or a stretch of inactivity longer than the idle timeout since `last_seen_at`,
//! which slides forward as the session is used.

use crate::store::sql::{params, Connection, OptionalExtension};
use mdm_model::ids::AdministratorId;

use super::{admins::AdminRecord, Millis};

/// `last_seen_at` is rewritten at most this often (or every thirtieth of the idle timeout
/// when that is shorter), so reading pages does not turn every request into a write; the
/// idle timeout is therefore honoured to within this much.
const TOUCH_EVERY_MS: Millis = 60_000;

/// Records a new session, last used now.
pub fn insert(
    conn: &Connection,
    token_hash: &str,
    admin_id: AdministratorId,
    now: Millis,
    expires_at: Millis,
) -> crate::store::sql::Result<()> {
    conn.prepare_cached(
        "INSERT INTO sessions (token_hash, admin_id, created_at, expires_at, last_seen_at) \
         VALUES (?1, ?2, ?3, ?4, ?3)",
    )?
    .execute(params![token_hash, admin_id, now, expires_at])?;
    Ok(())
}

/// The administrator of a live session, without marking it used (sign-out).
pub fn admin_for(
    conn: &Connection,
    token_hash: &str,
    now: Millis,
    idle_ms: Millis,
) -> crate::store::sql::Result<Option<AdminRecord>> {
    let admin_id: Option<AdministratorId> = conn
        .prepare_cached(
            "SELECT admin_id FROM sessions \
             WHERE token_hash = ?1 AND expires_at > ?2 AND last_seen_at > CAST(?2 AS BIGINT) - CAST(?3 AS BIGINT)",
        )?
        .query_row(params![token_hash, now, idle_ms], |r| r.get(0))
        .optional()?;
    match admin_id {
        Some(id) => super::admins::by_id(conn, id),
        None => Ok(None),
    }
}

/// The administrator of a live session, sliding its idle timeout forward. A session found
/// expired is deleted on the spot.
pub fn resume(
    conn: &Connection,
    token_hash: &str,
    now: Millis,
    idle_ms: Millis,
) -> crate::store::sql::Result<Option<AdminRecord>> {
    let Some(record) = admin_for(conn, token_hash, now, idle_ms)? else {
        delete(conn, token_hash)?;
        return Ok(None);
    };
    let touch_every = TOUCH_EVERY_MS.min(idle_ms / 30);
    conn.prepare_cached(
        "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND last_seen_at <= CAST(?2 AS BIGINT) - CAST(?3 AS BIGINT)",
    )?
    .execute(params![token_hash, now, touch_every])?;
    Ok(Some(record))
}

/// What a read-only look at a session found.
#[derive(Debug)]
pub enum Check {
    /// Live, and used recently enough that nothing needs writing.
    Live(AdminRecord),
    /// Unknown, expired, or due for its last-seen time to move: [`resume`] on the writer.
    NeedsWrite,
}

/// [`resume`] without writing, for the common case of a session used within the last minute.
pub fn check(
    conn: &Connection,
    token_hash: &str,
    now: Millis,
    idle_ms: Millis,
) -> crate::store::sql::Result<Check> {
    let touch_every = TOUCH_EVERY_MS.min(idle_ms / 30);
    let fresh: Option<AdministratorId> = conn
        .prepare_cached(
            "SELECT admin_id FROM sessions WHERE token_hash = ?1 AND expires_at > ?2 \
             AND last_seen_at > CAST(?2 AS BIGINT) - CAST(?3 AS BIGINT) AND last_seen_at > CAST(?2 AS BIGINT) - CAST(?4 AS BIGINT)",
        )?
        .query_row(params![token_hash, now, idle_ms, touch_every], |r| r.get(0))
        .optional()?;
    Ok(match fresh {
        Some(id) => super::admins::by_id(conn, id)?.map_or(Check::NeedsWrite, Check::Live),
        None => Check::NeedsWrite,
    })
}

/// Ends a session (no error when it does not exist).
pub fn delete(conn: &Connection, token_hash: &str) -> crate::store::sql::Result<()> {
    conn.prepare_cached("DELETE FROM sessions WHERE token_hash = ?1")?
        .execute([token_hash])?;
    Ok(())
}

/// Drops sessions past their absolute expiry or idle for longer than `idle_ms`; returns how
/// many.
pub fn purge_expired(
    conn: &Connection,
    now: Millis,
    idle_ms: Millis,
) -> crate::store::sql::Result<usize> {
    conn.prepare_cached("DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= CAST(?1 AS BIGINT) - CAST(?2 AS BIGINT)")?
        .execute(params![now, idle_ms])
}

/// How many sessions are stored (live or not yet purged).
pub fn count(conn: &Connection) -> crate::store::sql::Result<i64> {
    conn.query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))
}
