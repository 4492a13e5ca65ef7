//! Several portal instances on one PostgreSQL database. Writes are serialised across them by
//! the writer lock (`writer_lock`); this module keeps the rest in step: a lease for the work one
//! instance does for all (the simulated fleet's own changes), and a journal of what each
//! instance's writes changed, so the others' list caches do not serve lists older than a
//! change. On SQLite there is one instance: the lease is always held and no journal is kept.

use std::time::Duration;

use super::{sql::Connection, Store};
use crate::cache::{Deps, Table};
use crate::error::ApiError;

/// How long a lease lasts without renewal: a killed holder's work resumes elsewhere after this.
pub const LEASE_MS: i64 = 10_000;

/// How often an instance reads the other instances' changes.
const FOLLOW_EVERY: Duration = Duration::from_millis(100);

/// Journal entries older than this are deleted (every instance has read them long before).
const JOURNAL_KEEP_MS: i64 = 120_000;

/// The database's clock in milliseconds: instances' clocks may differ, the database's is one.
const DB_NOW_MS: &str = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

/// Takes or renews the lease `name` for `holder`; whether `holder` holds it now.
pub fn hold_lease(conn: &Connection, name: &str, holder: &str) -> super::sql::Result<bool> {
    if conn.as_sqlite().is_some() {
        return Ok(true);
    }
    let sql = format!(
        "INSERT INTO leases (name, holder, until) VALUES (?1, ?2, {DB_NOW_MS} + ?3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
         WHERE leases.holder = excluded.holder OR leases.until < {DB_NOW_MS} \
         RETURNING holder"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query_map(super::sql::params![name, holder, LEASE_MS], |_| Ok(()))?;
    Ok(rows.next().transpose()?.is_some())
}

fn table_code(table: Table) -> i64 {
    match table {
        Table::Devices => 0,
        Table::Jobs => 1,
    }
}

/// Writes this thread's recorded changes to the journal (inside the writer lock, so the
/// journal's order is the order the changes were made in).
pub(super) fn journal_changes(conn: &Connection, instance: &str) -> super::sql::Result<()> {
    // One row per table and tenant, whatever number of writes recorded changes there (a
    // 10,000-device registration records one per device).
    let mut merged: std::collections::BTreeMap<(i64, i64), Deps> = Default::default();
    for (table, tenant, deps) in crate::cache::pending() {
        *merged.entry((table_code(table), tenant)).or_default() |= deps;
    }
    if merged.is_empty() {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO list_changes (instance, tbl, tenant_id, deps, at) \
         VALUES (?1, ?2, ?3, ?4, {DB_NOW_MS})"
    ))?;
    for ((table, tenant), deps) in merged {
        insert.execute(super::sql::params![
            instance,
            table,
            tenant,
            i64::from(deps)
        ])?;
    }
    Ok(())
}

/// Rounds of following between two prunings of the journal (about a minute).
const PRUNE_EVERY: u64 = 600;

impl Store {
    /// This process's name among the instances (leases, the journal).
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Follows the other instances' changes into this store's list caches, every
    /// [`FOLLOW_EVERY`], until the process ends (PostgreSQL only).
    pub fn spawn_change_follower(&self) -> Option<tokio::task::JoinHandle<()>> {
        if self.dialect() != super::sql::Dialect::Postgres {
            return None;
        }
        let store = self.clone();
        Some(tokio::spawn(async move {
            let mut last_seq = None;
            let mut interval = tokio::time::interval(FOLLOW_EVERY);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            for round in 0u64.. {
                interval.tick().await;
                let prune = round % PRUNE_EVERY == 0;
                match store.follow_changes(last_seq, prune).await {
                    Ok(seq) => last_seq = Some(seq),
                    Err(error) => {
                        tracing::warn!(code = ?error.code, "reading other instances' changes failed")
                    }
                }
            }
        }))
    }

    /// Applies the journal's entries after `after` made by other instances and answers the
    /// last one seen. The first call (`None`) only learns where the journal ends: lists are
    /// all computed afresh at start anyway.
    async fn follow_changes(&self, after: Option<i64>, prune: bool) -> Result<i64, ApiError> {
        let instance = self.instance.clone();
        let ledger = self.ledger();
        self.read(move |conn| {
            if prune {
                conn.execute(
                    &format!("DELETE FROM list_changes WHERE at < {DB_NOW_MS} - ?1"),
                    [JOURNAL_KEEP_MS],
                )?;
            }
            let Some(after) = after else {
                return Ok(conn.query_row(
                    "SELECT COALESCE(MAX(seq), 0) FROM list_changes",
                    [],
                    |r| r.get(0),
                )?);
            };
            let mut last = after;
            let mut statement = conn.prepare_cached(
                "SELECT seq, instance, tbl, tenant_id, deps FROM list_changes \
                 WHERE seq > ?1 ORDER BY seq LIMIT 10000",
            )?;
            let rows = statement.query_map([after], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            })?;
            for row in rows {
                let (seq, by, table, tenant, deps) = row?;
                last = seq;
                if by != *instance {
                    let table = if table == 0 {
                        Table::Devices
                    } else {
                        Table::Jobs
                    };
                    ledger.apply(table, tenant, deps as Deps);
                }
            }
            Ok(last)
        })
        .await
    }
}
