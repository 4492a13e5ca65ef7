//! Figures for `/metrics`, read on a reader connection.

use crate::store::sql::Connection;

use super::Millis;

/// Jobs of every tenant by status (one pass over the status index).
pub fn jobs_by_status(conn: &Connection) -> crate::store::sql::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached("SELECT status, COUNT(*) FROM jobs GROUP BY status")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// How late the engine is on its oldest due open job, in ms (0 when nothing is overdue):
/// the smallest due time from the engine's own partial index of open jobs.
pub fn engine_lag_ms(conn: &Connection, now: Millis) -> crate::store::sql::Result<Millis> {
    let oldest: Option<Millis> = conn
        .prepare_cached(
            "SELECT MIN(next_check_at) FROM jobs WHERE next_check_at <= ?1 \
             AND status IN ('scheduled', 'waiting_for_device', 'sent')",
        )?
        .query_row([now], |r| r.get(0))?;
    Ok(oldest.map_or(0, |due| (now - due).max(0)))
}
