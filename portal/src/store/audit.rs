//! The audit log: who did what, when. Written in the same transaction as the change it
//! records, so the log and the data never disagree.

use rusqlite::{params, Connection};
use serde::Serialize;

use super::Millis;

/// What happened; stored as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    WipeRegistered,
    JobCancelled,
    HelpFeedback,
}

impl AuditAction {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignOut => "sign_out",
            AuditAction::WipeRegistered => "wipe_registered",
            AuditAction::JobCancelled => "job_cancelled",
            AuditAction::HelpFeedback => "help_feedback",
        }
    }
}

/// Appends one entry.
pub fn record(
    conn: &Connection,
    tenant_id: i64,
    admin_id: Option<i64>,
    at: Millis,
    action: AuditAction,
    summary: &str,
    details: &serde_json::Value,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (tenant_id, admin_id, at, action, summary, details) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        tenant_id,
        admin_id,
        at,
        action.as_str(),
        summary,
        details.to_string()
    ])?;
    Ok(())
}

/// One stored entry, as listed by `GET /api/audit`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    pub action: String,
    pub admin_id: Option<i64>,
    pub admin_name: Option<String>,
    pub summary: String,
    pub details: serde_json::Value,
}

/// A page of a tenant's log, newest first, and the total count.
pub fn page(
    conn: &Connection,
    tenant_id: i64,
    action: Option<&str>,
    offset: u64,
    limit: u64,
) -> rusqlite::Result<(Vec<AuditRow>, u64)> {
    let total: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?1 AND (?2 IS NULL OR action = ?2)",
        )?
        .query_row(params![tenant_id, action], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.at, l.action, l.admin_id, a.display_name, l.summary, l.details \
         FROM audit_log l LEFT JOIN administrators a ON a.id = l.admin_id \
         WHERE l.tenant_id = ?1 AND (?2 IS NULL OR l.action = ?2) \
         ORDER BY l.at DESC, l.id DESC LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt
        .query_map(
            params![tenant_id, action, limit as i64, offset as i64],
            |row| {
                let details: String = row.get(6)?;
                Ok(AuditRow {
                    id: row.get(0)?,
                    at: chrono::DateTime::from_timestamp_millis(row.get(1)?).unwrap_or_default(),
                    action: row.get(2)?,
                    admin_id: row.get(3)?,
                    admin_name: row.get(4)?,
                    summary: row.get(5)?,
                    details: serde_json::from_str(&details).unwrap_or(serde_json::Value::Null),
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows, total.max(0) as u64))
}
