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
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let values = vec![1i64; stmt.parameter_count()];
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(values), |r| r.get(3))
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
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version as usize, MIGRATIONS.len());
}

#[test]
fn api_tokens_are_looked_up_by_hash_and_purged_by_expiry() {
    let mut conn = Connection::open_in_memory().unwrap();
    apply(&mut conn).unwrap();
    let plan = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let values = vec![1i64; stmt.parameter_count()];
        stmt.query_map(rusqlite::params_from_iter(values), |r| r.get(3))
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
