//! Versioned schema migrations, applied in order at start, one folder per database. The
//! applied version is kept in SQLite's `user_version`, or PostgreSQL's `schema_version` table;
//! a migration is never edited once released, only appended.

use super::sql::{Connection, Dialect};

/// The bit of a job status in `jobs.status_mask`: `1 << position in JobStatus::ALL`.
macro_rules! status_bit {
    ($column:literal) => {
        concat!(
            "(CASE ",
            $column,
            " WHEN 'scheduled' THEN 1 WHEN 'waiting_for_device' THEN 2 WHEN 'sent' THEN 4 ",
            "WHEN 'succeeded' THEN 8 WHEN 'failed' THEN 16 WHEN 'cancelled' THEN 32 ELSE 0 END)"
        )
    };
}

/// The bit of a job method in `jobs.method_mask`: `1 << position in JobMethod::ALL`.
macro_rules! method_bit {
    ($column:literal) => {
        concat!(
            "(CASE ",
            $column,
            " WHEN 'ivi_mdm' THEN 1 WHEN 'apple_mdm' THEN 2 WHEN 'android_enterprise' THEN 4 ",
            "WHEN 'windows_mdm' THEN 8 ELSE 0 END)"
        )
    };
}

/// Recomputes the list-entry columns of entry `?1` from its jobs (both jobs of a pair): the
/// statuses and methods as bit masks, and the latest update. Run after every job change.
pub const REFRESH_ENTRY: &str = concat!(
    "UPDATE jobs SET ",
    "status_mask = (SELECT SUM(DISTINCT ",
    status_bit!("j.status"),
    ") FROM jobs j WHERE j.entry_id = ?1), ",
    "method_mask = (SELECT SUM(DISTINCT ",
    method_bit!("j.method"),
    ") FROM jobs j WHERE j.entry_id = ?1), ",
    "entry_updated_at = (SELECT MAX(j.updated_at) FROM jobs j WHERE j.entry_id = ?1) ",
    "WHERE id = ?1"
);

/// Each entry moves the schema from version `index` to `index + 1`.
const SQLITE: &[&str] = &[
    // 1: tenants, administrators, their sessions, and the audit log.
    include_str!("migrations/sqlite/01_tenants_and_audit.sql"),
    // 2: the fleet (groups, devices, Wi-Fi settings, DEP profiles), wipes and their jobs.
    include_str!("migrations/sqlite/02_fleet_and_jobs.sql"),
    // 3: indexes that cover the device filter columns, so counting and paging a filtered,
    // sorted device list reads only index pages (the rows are wide).
    include_str!("migrations/sqlite/03_device_filter_indexes.sql"),
    // 4: the job list reads only the entry's own row: what it filters and sorts on (both
    // jobs' statuses and methods, the registrant, the device name, the schedule) is kept on
    // the entry row, under covering indexes.
    concat!(
        "ALTER TABLE jobs ADD COLUMN status_mask INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN method_mask INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN entry_updated_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN registered_by INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN scheduled_at INTEGER;
        ALTER TABLE jobs ADD COLUMN device_name TEXT NOT NULL DEFAULT '';
        UPDATE jobs SET
            registered_by = (SELECT w.registered_by FROM wipes w WHERE w.id = jobs.wipe_id),
            scheduled_at = (SELECT w.scheduled_at FROM wipes w WHERE w.id = jobs.wipe_id),
            device_name = (SELECT d.name FROM devices d WHERE d.id = jobs.device_id);
        UPDATE jobs SET
            status_mask = (SELECT SUM(DISTINCT ", status_bit!("j.status"), ") FROM jobs j WHERE j.entry_id = jobs.id),
            method_mask = (SELECT SUM(DISTINCT ", method_bit!("j.method"), ") FROM jobs j WHERE j.entry_id = jobs.id),
            entry_updated_at = (SELECT MAX(j.updated_at) FROM jobs j WHERE j.entry_id = jobs.id)
            WHERE id = entry_id;
        DROP INDEX jobs_entries;
        CREATE INDEX entries_by_time ON jobs(tenant_id, registered_at, id, status_mask, method_mask, registered_by, device_id, wipe_id) WHERE id = entry_id;
        CREATE INDEX entries_by_device ON jobs(tenant_id, device_id, registered_at, id, status_mask, method_mask) WHERE id = entry_id;
        CREATE INDEX entries_by_status ON jobs(tenant_id, status, id, status_mask, method_mask, registered_at) WHERE id = entry_id;
        CREATE INDEX entries_by_method ON jobs(tenant_id, method, id, status_mask, method_mask, registered_at) WHERE id = entry_id;
        CREATE INDEX entries_by_device_name ON jobs(tenant_id, device_name, id, status_mask, method_mask, registered_at) WHERE id = entry_id;
        CREATE INDEX entries_by_schedule ON jobs(tenant_id, scheduled_at, id, status_mask, method_mask, registered_at) WHERE id = entry_id;
        CREATE INDEX entries_by_update ON jobs(tenant_id, entry_updated_at, id, status_mask, method_mask, registered_at) WHERE id = entry_id;
        CREATE INDEX entries_by_registrant ON jobs(tenant_id, registered_by, registered_at, id, status_mask, method_mask) WHERE id = entry_id;"
    ),
    // 5: indexes the job list no longer uses (it reads the entry indexes of migration 4).
    r#"
    DROP INDEX jobs_by_tenant;
    DROP INDEX jobs_by_status;
    "#,
    // 6: sessions end after inactivity: when each was last used (existing sessions count as
    // used when they started).
    r#"
    ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
    UPDATE sessions SET last_seen_at = created_at;
    CREATE INDEX sessions_last_seen ON sessions(last_seen_at);
    "#,
    // 7: open-job lookups by device (the open-wipe check of a registration, waking a device's
    // jobs) use the partial unique index `jobs_one_open_per_device`, which holds open jobs
    // only; this index over every job just cost time on each insert.
    r#"
    DROP INDEX jobs_by_device;
    "#,
    // 8: one help answer per administrator and article (a second answer replaces the first),
    // with an optional comment. Earlier duplicate answers keep only the newest.
    r#"
    ALTER TABLE help_feedback ADD COLUMN comment TEXT;
    DELETE FROM help_feedback WHERE id NOT IN (
        SELECT MAX(id) FROM help_feedback GROUP BY tenant_id, admin_id, article
    );
    CREATE UNIQUE INDEX help_feedback_one_per_admin ON help_feedback(tenant_id, admin_id, article);
    "#,
    // 9: bearer tokens for host pages embedding the console. Like sessions, only a hash is
    // kept. A token expires soon (`expires_at`); renewing makes a new one in the same `chain`
    // (the hash of the sign-in's first token), never beyond the sign-in's absolute limit
    // (`renewable_until`). Revoking revokes the chain. Revoked tokens stay until they expire.
    include_str!("migrations/sqlite/09_bearer_tokens.sql"),
    // 10: the sign-in lockout, shared by every portal instance on the database. Each attempt
    // is reserved before its password is checked (`pending` = 1) so attempts in flight count
    // against the budget, then kept as a failure (0) or deleted on success. `account` is the
    // exact account (tenant and user name, never lower-cased); `source` the client address.
    // A renewed bearer token is marked retired: presenting it again revokes its chain.
    include_str!("migrations/sqlite/10_sign_in_lockout.sql"),
    // 11: what each audit entry is about, so a job's entries are one indexed lookup: the jobs
    // an event names and the wipe a registration made. Filled in for the entries so far.
    include_str!("migrations/sqlite/11_audit_subjects.sql"),
    // 12: a job is a record of what it was ordered on, not a view of the device now. Each job
    // keeps a snapshot of its device (JSON, the model's `DeviceSnapshot`) and the search text
    // taken from it; a wipe keeps its Wi-Fi setting's name and SSID; a Return-to-Service plan
    // its DEP profile's name. Jobs registered before get the device as it is at migration
    // time, the nearest truth left. `job_attempts` records each send: the device's conditions
    // then (JSON `ConditionsAt`) and, for Apple MDM, the command's digest and masked copy
    // (JSON `SentCommand`); the plaintext Wi-Fi password is never written here.
    include_str!("migrations/sqlite/12_job_snapshots.sql"),
    // 13: re-enrollment is observed, not assumed. Devices record Activation Lock as reported
    // (NULL: not reported); a Return-to-Service job keeps whether the lock was on when it was
    // registered, and once its erase is acknowledged, the re-enrollment outcome (the model's
    // `ReenrollmentOutcome`) and when the engine looks at it next. Jobs that succeeded before
    // this migration were counted re-enrolled at the erase without being seen: they get no
    // outcome rather than an invented one.
    include_str!("migrations/sqlite/13_reenrollment_observed.sql"),
    // From here on, each migration is a file of its own.
    include_str!("migrations/sqlite/14_platforms.sql"),
    include_str!("migrations/sqlite/15_lost_device_measures.sql"),
];

/// PostgreSQL's migrations. Its databases start at SQLite's head schema (there was no data to
/// carry over), so its history starts there; later changes append a file to both folders.
const POSTGRES: &[&str] = &[
    include_str!("migrations/postgres/01_schema.sql"),
    include_str!("migrations/postgres/02_statement_references.sql"),
];

fn migrations(dialect: Dialect) -> &'static [&'static str] {
    match dialect {
        Dialect::Sqlite => SQLITE,
        Dialect::Postgres => POSTGRES,
    }
}

/// The schema version this binary migrates a database of `dialect` to.
pub fn head(dialect: Dialect) -> i64 {
    migrations(dialect).len() as i64
}

/// The database's schema version (0: empty).
pub fn version(conn: &Connection) -> super::sql::Result<i64> {
    match conn.as_sqlite() {
        Some(sqlite) => Ok(sqlite.pragma_query_value(None, "user_version", |row| row.get(0))?),
        None => {
            let has_table: bool = conn.query_row(
                "SELECT to_regclass('schema_version') IS NOT NULL",
                [],
                |r| r.get(0),
            )?;
            if !has_table {
                return Ok(0);
            }
            conn.query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version",
                [],
                |r| r.get(0),
            )
        }
    }
}

/// Records that the schema is at `version`, inside the migration's transaction.
fn set_version(conn: &Connection, version: i64) -> super::sql::Result<()> {
    match conn.as_sqlite() {
        Some(sqlite) => Ok(sqlite.pragma_update(None, "user_version", version)?),
        None => {
            conn.execute_batch(
                "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL); \
                 DELETE FROM schema_version;",
            )?;
            conn.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [version],
            )?;
            Ok(())
        }
    }
}

/// The advisory lock PostgreSQL instances starting together take, so one migrates and the
/// others then find the schema at head ("MDM migrate").
const MIGRATION_KEY: i64 = 0x4D44_4D5F_4D49;

/// A database written by a newer portal: its schema has migrations this binary does not know,
/// and running on it could misread or damage the data.
#[derive(Debug, thiserror::Error)]
#[error(
    "the database's schema is version {found}, newer than this portal knows ({head}): \
     start a portal at least as new as the one that last wrote it"
)]
pub struct SchemaTooNew {
    pub found: i64,
    pub head: i64,
}

/// Applies every migration newer than the database's version, each in its own transaction;
/// refuses a database whose schema is newer than this binary's.
pub fn apply(conn: &mut Connection) -> anyhow::Result<()> {
    let dialect = conn.dialect();
    if dialect == Dialect::Postgres {
        conn.execute_batch(&format!("SELECT pg_advisory_lock({MIGRATION_KEY})"))?;
    }
    let applied = apply_pending(conn);
    if dialect == Dialect::Postgres {
        conn.execute_batch(&format!("SELECT pg_advisory_unlock({MIGRATION_KEY})"))?;
    }
    applied
}

fn apply_pending(conn: &mut Connection) -> anyhow::Result<()> {
    let dialect = conn.dialect();
    let found = version(conn)?;
    if found > head(dialect) {
        return Err(SchemaTooNew {
            found,
            head: head(dialect),
        }
        .into());
    }
    let current = usize::try_from(found).unwrap_or(0);
    for (index, sql) in migrations(dialect).iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        set_version(&tx, (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "migrations_tests.rs"]
mod tests;
