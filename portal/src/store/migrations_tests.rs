//! The migrations: bit orders the SQL relies on, the indexes lookups use, re-applying.

use super::*;

#[test]
fn status_and_method_bits_follow_the_model_order() {
    use mdm_model::job::{JobMethod, JobStatus};
    let conn = Connection::open_in_memory().unwrap();
    for (position, status) in JobStatus::ALL.iter().enumerate() {
        let sql = format!(
            "SELECT {} FROM (SELECT ?1 AS status)",
            status_bit!("status")
        );
        let bit: i64 = conn
            .query_row(&sql, [status.as_str()], |r| r.get(0))
            .unwrap();
        assert_eq!(bit, 1 << position, "{status}");
    }
    for (position, method) in JobMethod::ALL.iter().enumerate() {
        let sql = format!(
            "SELECT {} FROM (SELECT ?1 AS method)",
            method_bit!("method")
        );
        let bit: i64 = conn
            .query_row(&sql, [method.as_str()], |r| r.get(0))
            .unwrap();
        assert_eq!(bit, 1 << position, "{method}");
    }
}

/// The statements of `store::jobs` that look up a device's open jobs.
const OPEN_JOB_LOOKUPS: &[&str] = &[
    "SELECT device_id, id FROM jobs WHERE tenant_id = ? AND device_id IN (?, ?) \
     AND status IN ('scheduled', 'waiting_for_device', 'sent') ORDER BY id",
    "UPDATE jobs SET next_check_at = ?2 WHERE device_id = ?1 AND next_check_at > ?2 \
     AND status IN ('scheduled', 'waiting_for_device', 'sent')",
];

#[test]
fn open_job_lookups_use_the_open_jobs_index() {
    let mut conn = Connection::open_in_memory().unwrap();
    apply(&mut conn).unwrap();
    for sql in OPEN_JOB_LOOKUPS {
        let count = parameter_count(&conn, sql);
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let values = vec![1i64; count];
        let plan: Vec<String> = stmt
            .query_map(crate::store::sql::params_from_iter(values), |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            plan.iter()
                .any(|step| step.contains("USING INDEX jobs_one_open_per_device")),
            "{sql}: {plan:?}"
        );
    }
}

#[test]
fn applying_twice_is_a_no_op() {
    let mut conn = Connection::open_in_memory().unwrap();
    apply(&mut conn).unwrap();
    apply(&mut conn).unwrap();
    let version = super::version(&conn).unwrap();
    assert_eq!(version as usize, SQLITE.len());
}

#[test]
fn api_tokens_are_looked_up_by_hash_and_purged_by_expiry() {
    let mut conn = Connection::open_in_memory().unwrap();
    apply(&mut conn).unwrap();
    let plan = |sql: &str| -> Vec<String> {
        let count = parameter_count(&conn, sql);
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let values = vec![1i64; count];
        stmt.query_map(crate::store::sql::params_from_iter(values), |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let lookup = plan("SELECT admin_id FROM api_tokens WHERE token_hash = ? AND expires_at > ?");
    assert!(
        lookup
            .iter()
            .any(|s| s.contains("sqlite_autoindex_api_tokens_1")),
        "{lookup:?}"
    );
    let purge = plan("DELETE FROM api_tokens WHERE expires_at <= ?");
    assert!(
        purge.iter().any(|s| s.contains("api_tokens_expiry")),
        "{purge:?}"
    );
}

#[test]
fn jobs_registered_before_snapshots_get_their_device_as_it_is_at_migration() {
    let mut conn = Connection::open_in_memory().unwrap();
    // The schema before the snapshot migration (12), with one job on it.
    for sql in &SQLITE[..11] {
        conn.execute_batch(sql).unwrap();
    }
    super::set_version(&conn, 11).unwrap();
    conn.execute_batch(
        "INSERT INTO tenants (id, name) VALUES (1, 't');
         INSERT INTO administrators (id, tenant_id, username, display_name, password_hash) VALUES (1, 1, 'a', 'A', 'x');
         INSERT INTO groups (id, tenant_id, parent_id, name) VALUES (1, 1, NULL, '本社'), (2, 1, 1, '営業部');
         INSERT INTO wifi_settings (id, tenant_id, name, ssid, security, auto_join, in_remote_settings)
             VALUES (1, 1, '本社Wi-Fi', 'CORP-HQ', 'wpa2', 1, 1);
         INSERT INTO devices (id, tenant_id, group_id, name, os, os_version, os_version_key, model, serial_number,
             user_full_name, employee_number, email, ownership, enrollment, management_method, esim, powered_on,
             network_connected, mdm_profile_installed, status, last_seen_at, search_text, job_search_text)
             VALUES (1, 1, 2, 'iPad-001', 'ipados', '17.4', 17004000, 'iPad Air', 'SER1', '山田 太郎', 'E1',
             'y@example.jp', 'company', 'dep', 'hybrid', 0, 1, 1, 1, 'online', 0, '', 'ipad-001');
         INSERT INTO wipes (id, tenant_id, registered_by, registered_at, delete_general_info, wifi_setting_id,
             keep_esim_data_plan) VALUES (1, 1, 1, 0, 1, 1, 0);
         INSERT INTO jobs (id, tenant_id, wipe_id, device_id, method, status, status_reason, status_changed_at,
             entry_id, registered_at, due_at, next_check_at, updated_at)
             VALUES (1, 1, 1, 1, 'apple_mdm', 'succeeded', 'acknowledged', 0, 1, 0, 0, 0, 0);",
    )
    .unwrap();
    apply(&mut conn).unwrap();
    let (snapshot, search, wifi): (String, String, String) = conn
        .query_row(
            "SELECT j.device_snapshot, j.job_search_text, w.wifi_name || '/' || w.wifi_ssid \
             FROM jobs j JOIN wipes w ON w.id = j.wipe_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let snapshot: mdm_model::job::DeviceSnapshot = serde_json::from_str(&snapshot).unwrap();
    assert_eq!(snapshot.group_path, "本社 / 営業部");
    assert_eq!(snapshot.user_full_name.as_deref(), Some("山田 太郎"));
    assert_eq!(snapshot.employee_number.as_deref(), Some("E1"));
    assert!(
        !serde_json::to_string(&snapshot)
            .unwrap()
            .contains("example.jp"),
        "no e-mail in the snapshot"
    );
    assert_eq!(search, "ipad-001");
    assert_eq!(wifi, "本社Wi-Fi/CORP-HQ");
}

#[test]
fn android_and_windows_devices_get_their_own_methods_and_sent_commands_name_their_platform() {
    let mut conn = Connection::open_in_memory().unwrap();
    for sql in &SQLITE[..13] {
        conn.execute_batch(sql).unwrap();
    }
    super::set_version(&conn, 13).unwrap();
    let old_command = serde_json::json!({
        "sha256": "ab".repeat(32),
        "display": { "command_uuid": "wipe-job-1", "preserve_data_plan": true, "return_to_service": null },
        "display_plist": "<plist>EraseDevice</plist>",
    });
    let devices = [
        ("AND-1", "android", "company"),
        ("AND-2", "android", "byod"),
        ("WIN-1", "windows", "company"),
        ("IPH-1", "ios", "company"),
    ];
    conn.execute_batch(
        "INSERT INTO tenants (id, name) VALUES (1, 't');
         INSERT INTO administrators (id, tenant_id, username, display_name, password_hash) VALUES (1, 1, 'a', 'A', 'x');
         INSERT INTO groups (id, tenant_id, parent_id, name) VALUES (1, 1, NULL, '本社');",
    )
    .unwrap();
    for (index, (name, os, ownership)) in devices.iter().enumerate() {
        let method = if *os == "ios" { "hybrid" } else { "ivi_mdm" };
        conn.execute(
            "INSERT INTO devices (id, tenant_id, group_id, name, os, os_version, os_version_key, model, \
             serial_number, ownership, enrollment, management_method, esim, powered_on, network_connected, \
             mdm_profile_installed, status, last_seen_at, search_text, job_search_text) \
             VALUES (?1, 1, 1, ?2, ?3, '14', 14000000, 'm', ?2, ?4, 'standard', ?5, 0, 1, 1, 1, 'online', 0, '', '')",
            crate::store::sql::params![index as i64 + 1, name, os, ownership, method],
        )
        .unwrap();
    }
    conn.execute_batch(
        "INSERT INTO wipes (id, tenant_id, registered_by, registered_at, delete_general_info, keep_esim_data_plan)
             VALUES (1, 1, 1, 0, 1, 0);
         INSERT INTO jobs (id, tenant_id, wipe_id, device_id, method, status, status_reason, status_changed_at,
             entry_id, registered_at, due_at, next_check_at, updated_at, device_snapshot)
             VALUES (1, 1, 1, 1, 'ivi_mdm', 'succeeded', 'wipe_confirmed', 0, 1, 0, 0, 0, 0, '{}');",
    )
    .unwrap();
    conn.execute(
        "INSERT INTO job_attempts (job_id, number, at, conditions, command_sha256, command) \
         VALUES (1, 1, 0, '{}', ?1, ?2)",
        crate::store::sql::params!["ab".repeat(32), old_command.to_string()],
    )
    .unwrap();
    apply(&mut conn).unwrap();

    let methods: Vec<(String, String)> = conn
        .prepare("SELECT name, management_method FROM devices ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let methods: Vec<(&str, &str)> = methods
        .iter()
        .map(|(n, m)| (n.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        methods,
        [
            ("AND-1", "android_fully_managed"),
            ("AND-2", "android_work_profile"),
            ("WIN-1", "windows_mdm"),
            ("IPH-1", "hybrid"),
        ]
    );
    let name: String = conn
        .query_row(
            "SELECT android_resource_name FROM devices WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        name.starts_with("enterprises/LC") && name.contains("/devices/"),
        "{name}"
    );
    let (method, command): (String, String) = conn
        .query_row(
            "SELECT j.method, a.command FROM jobs j JOIN job_attempts a ON a.job_id = j.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        method, "ivi_mdm",
        "a job record keeps what it was registered with"
    );
    let sent: mdm_model::job::SentCommand = serde_json::from_str(&command).unwrap();
    assert!(matches!(
        sent.display,
        mdm_model::command::WipeCommand::Apple(_)
    ));
    assert_eq!(sent.display_text, "<plist>EraseDevice</plist>");
    let contracted: String = conn
        .query_row("SELECT contracted_on FROM tenants", [], |r| r.get(0))
        .unwrap();
    assert!(contracted.as_str() < "2018-12-01");
}

/// How many parameters `sql` takes (SQLite's own count).
fn parameter_count(conn: &Connection, sql: &str) -> usize {
    let sqlite = conn.as_sqlite().expect("a SQLite connection");
    sqlite.prepare(sql).unwrap().parameter_count()
}
