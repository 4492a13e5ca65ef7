//! Sign-in attempts, the lockout's memory. The policy (limits, keys, messages) is in
//! [`crate::sign_in::lockout`]; this module only counts and records.
//!
//! An attempt is reserved before its password is checked, so a burst of requests cannot all
//! pass the count before the first of them is recorded: [`reserve`] counts and inserts in the
//! caller's (immediate) transaction.

use crate::store::sql::{params, Connection};

use super::Millis;

/// How many attempts an account may make in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// From one source address.
    pub per_source: u32,
    /// From all addresses together.
    pub per_account: u32,
    /// How long an attempt counts.
    pub window_ms: Millis,
}

/// The answer to a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// The attempt may go ahead; settle it with [`failed`], [`succeeded`] or [`cancel`].
    Reserved(i64),
    /// The budget is spent; the oldest counted attempt stops counting after this long.
    Locked { retry_after_ms: Millis },
}

/// Counts the account's attempts in the window (failures and attempts in flight) and reserves
/// one more when the budget allows it. Run inside an immediate transaction.
pub fn reserve(
    conn: &Connection,
    account: &str,
    source: &str,
    now: Millis,
    budget: Budget,
) -> crate::store::sql::Result<Reservation> {
    let since = now - budget.window_ms;
    conn.prepare_cached("DELETE FROM sign_in_attempts WHERE started_at <= ?1")?
        .execute([since])?;
    let per_source: (u32, Option<Millis>) = conn
        .prepare_cached(
            "SELECT COUNT(*), MIN(started_at) FROM sign_in_attempts \
             WHERE account = ?1 AND source = ?2",
        )?
        .query_row(params![account, source], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let per_account: (u32, Option<Millis>) = conn
        .prepare_cached(
            "SELECT COUNT(*), MIN(started_at) FROM sign_in_attempts WHERE account = ?1",
        )?
        .query_row([account], |r| Ok((r.get(0)?, r.get(1)?)))?;
    for ((count, oldest), limit) in [
        (per_source, budget.per_source),
        (per_account, budget.per_account),
    ] {
        if count >= limit {
            let oldest = oldest.unwrap_or(now);
            return Ok(Reservation::Locked {
                retry_after_ms: (oldest + budget.window_ms - now).max(1_000),
            });
        }
    }
    let new_id: i64 = conn.prepare_cached(
        "INSERT INTO sign_in_attempts (account, source, started_at, pending) VALUES (?1, ?2, ?3, 1) RETURNING id",
    )?
    .query_row(params![account, source, now], |r| r.get(0))?;
    Ok(Reservation::Reserved(new_id))
}

/// Keeps a reserved attempt as a failure.
pub fn failed(conn: &Connection, attempt: i64) -> crate::store::sql::Result<()> {
    conn.prepare_cached("UPDATE sign_in_attempts SET pending = 0 WHERE id = ?1")?
        .execute([attempt])?;
    Ok(())
}

/// A correct password: forgets the attempt and the earlier failures from the same source
/// (failures from other addresses still count towards the account's own limit).
pub fn succeeded(conn: &Connection, attempt: i64) -> crate::store::sql::Result<()> {
    conn.prepare_cached(
        "DELETE FROM sign_in_attempts WHERE id = ?1 OR (account, source) = \
         (SELECT account, source FROM sign_in_attempts WHERE id = ?1)",
    )?
    .execute([attempt])?;
    Ok(())
}

/// Drops a reservation whose password was never checked (no hashing slot was free).
pub fn cancel(conn: &Connection, attempt: i64) -> crate::store::sql::Result<()> {
    conn.prepare_cached("DELETE FROM sign_in_attempts WHERE id = ?1")?
        .execute([attempt])?;
    Ok(())
}

/// How many attempts are recorded for an account (tests, diagnostics).
pub fn count(conn: &Connection, account: &str) -> crate::store::sql::Result<u32> {
    conn.prepare_cached("SELECT COUNT(*) FROM sign_in_attempts WHERE account = ?1")?
        .query_row([account], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: Budget = Budget {
        per_source: 2,
        per_account: 3,
        window_ms: 60_000,
    };

    fn store() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrations::apply(&mut conn).unwrap();
        conn
    }

    fn reserved(answer: Reservation) -> i64 {
        match answer {
            Reservation::Reserved(id) => id,
            other => panic!("expected a reservation, got {other:?}"),
        }
    }

    #[test]
    fn attempts_in_flight_count_before_they_fail() {
        let conn = store();
        reserved(reserve(&conn, "1:admin", "10.0.0.1", 0, BUDGET).unwrap());
        reserved(reserve(&conn, "1:admin", "10.0.0.1", 10, BUDGET).unwrap());
        // Neither has failed yet, and still the third is refused.
        assert_eq!(
            reserve(&conn, "1:admin", "10.0.0.1", 20, BUDGET).unwrap(),
            Reservation::Locked {
                retry_after_ms: 59_980
            }
        );
    }

    #[test]
    fn one_source_cannot_spend_another_sources_budget() {
        let conn = store();
        for at in 0..2 {
            let id = reserved(reserve(&conn, "1:admin", "attacker", at, BUDGET).unwrap());
            failed(&conn, id).unwrap();
        }
        assert!(matches!(
            reserve(&conn, "1:admin", "attacker", 5, BUDGET).unwrap(),
            Reservation::Locked { .. }
        ));
        let own = reserved(reserve(&conn, "1:admin", "office", 6, BUDGET).unwrap());
        succeeded(&conn, own).unwrap();
        // The account-wide limit (3) is reached only by attempts from several sources.
        reserved(reserve(&conn, "1:admin", "second", 7, BUDGET).unwrap());
        assert!(matches!(
            reserve(&conn, "1:admin", "third", 8, BUDGET).unwrap(),
            Reservation::Locked { .. }
        ));
    }

    #[test]
    fn accounts_are_exact_and_attempts_expire_with_the_window() {
        let conn = store();
        for at in 0..2 {
            reserved(reserve(&conn, "1:admin", "a", at, BUDGET).unwrap());
        }
        reserved(reserve(&conn, "2:Admin", "a", 3, BUDGET).unwrap());
        assert!(matches!(
            reserve(&conn, "1:admin", "a", 4, BUDGET).unwrap(),
            Reservation::Locked { .. }
        ));
        reserved(reserve(&conn, "1:admin", "a", 60_001, BUDGET).unwrap());
    }

    #[test]
    fn success_forgets_its_sources_failures_and_cancel_forgets_the_reservation() {
        let conn = store();
        let first = reserved(reserve(&conn, "1:admin", "a", 0, BUDGET).unwrap());
        failed(&conn, first).unwrap();
        let other = reserved(reserve(&conn, "1:admin", "b", 1, BUDGET).unwrap());
        failed(&conn, other).unwrap();
        let ok = reserved(reserve(&conn, "1:admin", "a", 2, BUDGET).unwrap());
        succeeded(&conn, ok).unwrap();
        assert_eq!(
            count(&conn, "1:admin").unwrap(),
            1,
            "b's failure still counts"
        );
        let unchecked = reserved(reserve(&conn, "1:admin", "a", 3, BUDGET).unwrap());
        cancel(&conn, unchecked).unwrap();
        assert_eq!(count(&conn, "1:admin").unwrap(), 1);
    }
}
