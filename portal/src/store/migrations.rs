//! Versioned schema migrations, applied in order at start. The applied version is kept in
//! SQLite's `user_version`; a migration is never edited once released, only appended.

use rusqlite::Connection;

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
    // 2: the fleet (groups, devices, Wi-Fi settings, DEP profiles), wipes and their jobs.
    r#"
    CREATE TABLE groups (
        id          INTEGER PRIMARY KEY,
        tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
        parent_id   INTEGER REFERENCES groups(id),
        name        TEXT NOT NULL,
        position    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX groups_by_tenant ON groups(tenant_id, position, id);
    CREATE TABLE wifi_settings (
        id                  INTEGER PRIMARY KEY,
        tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
        name                TEXT NOT NULL,
        ssid                TEXT NOT NULL,
        security            TEXT NOT NULL,
        -- Only ever put into the Wi-Fi profile sent to a device; never part of the API.
        password            TEXT,
        auto_join           INTEGER NOT NULL,
        hidden              INTEGER NOT NULL DEFAULT 0,
        in_remote_settings  INTEGER NOT NULL
    );
    CREATE TABLE dep_profiles (
        id                          INTEGER PRIMARY KEY,
        tenant_id                   INTEGER NOT NULL REFERENCES tenants(id),
        name                        TEXT NOT NULL,
        enrollment_group_id         INTEGER NOT NULL REFERENCES groups(id),
        skip_authentication_screen  INTEGER NOT NULL,
        skipped_setup_panes         TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE devices (
        id                      INTEGER PRIMARY KEY,
        tenant_id               INTEGER NOT NULL REFERENCES tenants(id),
        group_id                INTEGER NOT NULL REFERENCES groups(id),
        name                    TEXT NOT NULL,
        os                      TEXT NOT NULL,
        os_version              TEXT NOT NULL,
        -- The version as a sortable number: major * 1e6 + minor * 1e3 + patch.
        os_version_key          INTEGER NOT NULL,
        model                   TEXT NOT NULL,
        serial_number           TEXT NOT NULL,
        phone_number            TEXT,
        user_full_name          TEXT,
        employee_number         TEXT,
        email                   TEXT,
        notes                   TEXT,
        tags                    TEXT NOT NULL DEFAULT '[]',
        -- Tags joined in order, for sorting by the tags column.
        tags_sort               TEXT NOT NULL DEFAULT '',
        ownership               TEXT NOT NULL,
        enrollment              TEXT NOT NULL,
        dep_profile_id          INTEGER REFERENCES dep_profiles(id),
        management_method       TEXT NOT NULL,
        esim                    INTEGER NOT NULL,
        powered_on              INTEGER NOT NULL,
        network_connected       INTEGER NOT NULL,
        mdm_profile_installed   INTEGER NOT NULL,
        -- The ActiveSync account as JSON, NULL when the device has none.
        activesync              TEXT,
        -- Derived from the four state columns above; stored so it can be filtered and sorted.
        status                  TEXT NOT NULL,
        last_seen_at            INTEGER NOT NULL,
        -- Lower-cased searchable text (name, serial, phone, user, employee number) and the
        -- phone number's digits: what the `q` search matches.
        search_text             TEXT NOT NULL,
        phone_digits            TEXT NOT NULL DEFAULT '',
        -- Lower-cased name, serial and user: what the job list's `q` search matches.
        job_search_text         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX devices_by_group ON devices(tenant_id, group_id, name, id);
    CREATE INDEX devices_by_name ON devices(tenant_id, name, id);
    CREATE INDEX devices_by_os ON devices(tenant_id, os, os_version_key, id);
    CREATE INDEX devices_by_model ON devices(tenant_id, model, id);
    CREATE INDEX devices_by_user ON devices(tenant_id, user_full_name, id);
    CREATE INDEX devices_by_phone ON devices(tenant_id, phone_number, id);
    CREATE INDEX devices_by_method ON devices(tenant_id, management_method, id);
    CREATE INDEX devices_by_ownership ON devices(tenant_id, ownership, id);
    CREATE INDEX devices_by_status ON devices(tenant_id, status, id);
    CREATE INDEX devices_by_last_seen ON devices(tenant_id, last_seen_at, id);
    CREATE INDEX devices_by_tags ON devices(tenant_id, tags_sort, id);
    CREATE INDEX devices_by_serial ON devices(tenant_id, serial_number, id);
    CREATE INDEX devices_by_employee ON devices(tenant_id, employee_number, id);

    -- One press of OK on the wipe screen.
    CREATE TABLE wipes (
        id                   INTEGER PRIMARY KEY,
        tenant_id            INTEGER NOT NULL REFERENCES tenants(id),
        registered_by        INTEGER NOT NULL REFERENCES administrators(id),
        registered_at        INTEGER NOT NULL,
        delete_general_info  INTEGER NOT NULL,
        scheduled_at         INTEGER,
        wifi_setting_id      INTEGER REFERENCES wifi_settings(id),
        keep_esim_data_plan  INTEGER NOT NULL,
        idempotency_key      TEXT,
        -- A digest of the request, so a reused key with a different request is refused.
        request_digest       TEXT,
        -- The answer given, replayed for a repeat with the same key.
        response             TEXT
    );
    CREATE UNIQUE INDEX wipes_idempotency ON wipes(registered_by, idempotency_key)
        WHERE idempotency_key IS NOT NULL;

    CREATE TABLE jobs (
        id              INTEGER PRIMARY KEY,
        tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
        wipe_id         INTEGER NOT NULL REFERENCES wipes(id),
        device_id       INTEGER NOT NULL REFERENCES devices(id),
        method          TEXT NOT NULL,
        status          TEXT NOT NULL,
        status_reason   TEXT NOT NULL,
        status_changed_at INTEGER NOT NULL,
        -- The other job of a Hybrid pair.
        pair_job_id     INTEGER REFERENCES jobs(id),
        -- The job a list entry is keyed by: the job itself, or for a Hybrid pair its IVI MDM
        -- job (both jobs of the pair carry it).
        entry_id        INTEGER NOT NULL,
        -- Return to Service planned at registration (Apple MDM job of an eligible device).
        rts_group_id    INTEGER REFERENCES groups(id),
        rts_group_name  TEXT,
        rts_user_must_authenticate INTEGER,
        registered_at   INTEGER NOT NULL,
        -- When the job became (or becomes) due: its schedule, else its registration.
        due_at          INTEGER NOT NULL,
        -- The engine looks at the job again at this time.
        next_check_at   INTEGER NOT NULL,
        -- IVI MDM only: when the gateway reaches the device.
        ivi_ready_at    INTEGER,
        attempts        INTEGER NOT NULL DEFAULT 0,
        updated_at      INTEGER NOT NULL
    );
    -- The database itself guarantees at most one open wipe job per device and method
    -- (a Hybrid device has exactly one job per method in a wipe).
    CREATE UNIQUE INDEX jobs_one_open_per_device ON jobs(device_id, method)
        WHERE status IN ('scheduled', 'waiting_for_device', 'sent');
    CREATE INDEX jobs_by_tenant ON jobs(tenant_id, registered_at DESC, id DESC);
    CREATE INDEX jobs_entries ON jobs(tenant_id, registered_at DESC, id DESC) WHERE id = entry_id;
    CREATE INDEX jobs_by_entry ON jobs(entry_id);
    CREATE INDEX jobs_by_device ON jobs(device_id, id);
    CREATE INDEX jobs_by_status ON jobs(tenant_id, status, registered_at DESC, id DESC);
    CREATE INDEX jobs_by_wipe ON jobs(wipe_id);
    CREATE INDEX jobs_to_check ON jobs(next_check_at)
        WHERE status IN ('scheduled', 'waiting_for_device', 'sent');

    CREATE TABLE job_events (
        id          INTEGER PRIMARY KEY,
        job_id      INTEGER NOT NULL REFERENCES jobs(id),
        at          INTEGER NOT NULL,
        status      TEXT NOT NULL,
        reason      TEXT NOT NULL
    );
    CREATE INDEX job_events_by_job ON job_events(job_id, id);

    CREATE TABLE help_feedback (
        id          INTEGER PRIMARY KEY,
        tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
        admin_id    INTEGER NOT NULL REFERENCES administrators(id),
        article     TEXT NOT NULL,
        helpful     INTEGER NOT NULL,
        at          INTEGER NOT NULL
    );
    "#,
    // 3: indexes that cover the device filter columns, so counting and paging a filtered,
    // sorted device list reads only index pages (the rows are wide).
    r#"
    DROP INDEX devices_by_group;
    DROP INDEX devices_by_name;
    DROP INDEX devices_by_os;
    DROP INDEX devices_by_model;
    DROP INDEX devices_by_user;
    DROP INDEX devices_by_phone;
    DROP INDEX devices_by_method;
    DROP INDEX devices_by_ownership;
    DROP INDEX devices_by_status;
    DROP INDEX devices_by_last_seen;
    DROP INDEX devices_by_tags;
    DROP INDEX devices_by_serial;
    DROP INDEX devices_by_employee;
    CREATE INDEX devices_filter_by_group ON devices(tenant_id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_filter_by_os ON devices(tenant_id, os, ownership, management_method, status, group_id);
    CREATE INDEX devices_filter_by_status ON devices(tenant_id, status, management_method, ownership, os, group_id);
    CREATE INDEX devices_sorted_by_name ON devices(tenant_id, name, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_os ON devices(tenant_id, os, os_version_key, id, group_id, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_model ON devices(tenant_id, model, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_user ON devices(tenant_id, user_full_name, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_phone ON devices(tenant_id, phone_number, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_method ON devices(tenant_id, management_method, id, group_id, os, ownership, status);
    CREATE INDEX devices_sorted_by_ownership ON devices(tenant_id, ownership, id, group_id, os, management_method, status);
    CREATE INDEX devices_sorted_by_status ON devices(tenant_id, status, id, group_id, os, ownership, management_method);
    CREATE INDEX devices_sorted_by_last_seen ON devices(tenant_id, last_seen_at, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_tags ON devices(tenant_id, tags_sort, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_serial ON devices(tenant_id, serial_number, id, group_id, os, ownership, management_method, status);
    CREATE INDEX devices_sorted_by_employee ON devices(tenant_id, employee_number, id, group_id, os, ownership, management_method, status);
    "#,
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
    r#"
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
    "#,
    // 10: the sign-in lockout, shared by every portal instance on the database. Each attempt
    // is reserved before its password is checked (`pending` = 1) so attempts in flight count
    // against the budget, then kept as a failure (0) or deleted on success. `account` is the
    // exact account (tenant and user name, never lower-cased); `source` the client address.
    // A renewed bearer token is marked retired: presenting it again revokes its chain.
    r#"
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
    "#,
    // 11: what each audit entry is about, so a job's entries are one indexed lookup: the jobs
    // an event names and the wipe a registration made. Filled in for the entries so far.
    r#"
    CREATE TABLE audit_subjects (
        entry_id  INTEGER NOT NULL REFERENCES audit_log(id) ON DELETE CASCADE,
        job_id    INTEGER,
        wipe_id   INTEGER
    );
    CREATE INDEX audit_subjects_by_job ON audit_subjects(job_id) WHERE job_id IS NOT NULL;
    CREATE INDEX audit_subjects_by_wipe ON audit_subjects(wipe_id) WHERE wipe_id IS NOT NULL;
    INSERT INTO audit_subjects (entry_id, wipe_id)
        SELECT id, json_extract(details, '$.wipe_id') FROM audit_log
        WHERE action = 'wipe_registered' AND json_extract(details, '$.wipe_id') IS NOT NULL;
    INSERT INTO audit_subjects (entry_id, job_id)
        SELECT l.id, j.value FROM audit_log l, json_each(l.details, '$.job_ids') j
        WHERE l.action = 'jobs_cancelled';
    INSERT INTO audit_subjects (entry_id, job_id)
        SELECT id, json_extract(details, '$.job_id') FROM audit_log
        WHERE action IN ('partner_job_cancelled', 'job_timed_out')
          AND json_extract(details, '$.job_id') IS NOT NULL;
    INSERT INTO audit_subjects (entry_id, job_id)
        SELECT id, json_extract(details, '$.succeeded_job_id') FROM audit_log
        WHERE action = 'partner_job_cancelled'
          AND json_extract(details, '$.succeeded_job_id') IS NOT NULL;
    "#,
    // 12: a job is a record of what it was ordered on, not a view of the device now. Each job
    // keeps a snapshot of its device (JSON, the model's `DeviceSnapshot`) and the search text
    // taken from it; a wipe keeps its Wi-Fi setting's name and SSID; a Return-to-Service plan
    // its DEP profile's name. Jobs registered before get the device as it is at migration
    // time, the nearest truth left. `job_attempts` records each send: the device's conditions
    // then (JSON `ConditionsAt`) and, for Apple MDM, the command's digest and masked copy
    // (JSON `SentCommand`); the plaintext Wi-Fi password is never written here.
    r#"
    ALTER TABLE jobs ADD COLUMN device_snapshot TEXT;
    ALTER TABLE jobs ADD COLUMN job_search_text TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN rts_dep_profile_name TEXT;
    ALTER TABLE wipes ADD COLUMN wifi_name TEXT;
    ALTER TABLE wipes ADD COLUMN wifi_ssid TEXT;
    WITH RECURSIVE paths(id, path) AS (
        SELECT id, name FROM groups WHERE parent_id IS NULL
        UNION ALL
        SELECT g.id, paths.path || ' / ' || g.name FROM groups g JOIN paths ON g.parent_id = paths.id
    )
    UPDATE jobs SET
        device_snapshot = (
            SELECT json_object(
                'id', d.id, 'name', d.name, 'os', d.os, 'os_version', d.os_version, 'model', d.model,
                'serial_number', d.serial_number, 'user_full_name', d.user_full_name,
                'employee_number', d.employee_number, 'management_method', d.management_method,
                'ownership', d.ownership, 'group_path', IFNULL(paths.path, ''))
            FROM devices d LEFT JOIN paths ON paths.id = d.group_id WHERE d.id = jobs.device_id),
        job_search_text = IFNULL((SELECT d.job_search_text FROM devices d WHERE d.id = jobs.device_id), '');
    UPDATE wipes SET
        wifi_name = (SELECT ws.name FROM wifi_settings ws WHERE ws.id = wipes.wifi_setting_id),
        wifi_ssid = (SELECT ws.ssid FROM wifi_settings ws WHERE ws.id = wipes.wifi_setting_id);
    CREATE TABLE job_attempts (
        id              INTEGER PRIMARY KEY,
        job_id          INTEGER NOT NULL REFERENCES jobs(id),
        number          INTEGER NOT NULL,
        at              INTEGER NOT NULL,
        conditions      TEXT NOT NULL,
        command_sha256  TEXT,
        command         TEXT
    );
    CREATE UNIQUE INDEX job_attempts_by_job ON job_attempts(job_id, number);
    "#,
    // 13: re-enrollment is observed, not assumed. Devices record Activation Lock as reported
    // (NULL: not reported); a Return-to-Service job keeps whether the lock was on when it was
    // registered, and once its erase is acknowledged, the re-enrollment outcome (the model's
    // `ReenrollmentOutcome`) and when the engine looks at it next. Jobs that succeeded before
    // this migration were counted re-enrolled at the erase without being seen: they get no
    // outcome rather than an invented one.
    r#"
    ALTER TABLE devices ADD COLUMN activation_lock_enabled INTEGER;
    ALTER TABLE jobs ADD COLUMN rts_activation_lock INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN reenrollment_status TEXT;
    ALTER TABLE jobs ADD COLUMN reenrollment_since INTEGER;
    ALTER TABLE jobs ADD COLUMN reenrollment_deadline INTEGER;
    ALTER TABLE jobs ADD COLUMN reenrollment_reason TEXT;
    ALTER TABLE jobs ADD COLUMN reenrollment_check_at INTEGER;
    CREATE INDEX jobs_reenrollment_due ON jobs(reenrollment_check_at)
        WHERE reenrollment_status = 'awaiting';
    "#,
    // From here on, each migration is a file of its own.
    include_str!("migrations/14_platforms.sql"),
];

/// The schema version this binary migrates to.
pub fn head() -> i64 {
    MIGRATIONS.len() as i64
}

/// The database's schema version.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

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
    let found = version(conn)?;
    if found > head() {
        return Err(SchemaTooNew {
            found,
            head: head(),
        }
        .into());
    }
    let current = usize::try_from(found).unwrap_or(0);
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "migrations_tests.rs"]
mod tests;
