//! The audit log: who did what, when. Written in the same transaction as the change it
//! records, so the log and the data never disagree.

use mdm_model::{
    audit::{AuditAction, AuditEntry, AuditQuery},
    ids::{AdministratorId, AuditEntryId},
    job::AdministratorRef,
};
use rusqlite::{params, params_from_iter, types::Value, Connection};

use super::{from_millis, parse_col, Millis};

/// Appends one entry. `admin_id` is `None` for what the portal does by itself.
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

fn where_clause(tenant_id: i64, query: &AuditQuery) -> (String, Vec<Value>) {
    let mut clause = String::from("l.tenant_id = ?");
    let mut values = vec![Value::Integer(tenant_id)];
    if let Some(action) = query.action {
        clause.push_str(" AND l.action = ?");
        values.push(Value::Text(action.as_str().into()));
    }
    if let Some(from) = query.from {
        clause.push_str(" AND l.at >= ?");
        values.push(Value::Integer(from.timestamp_millis()));
    }
    if let Some(to) = query.to {
        clause.push_str(" AND l.at < ?");
        values.push(Value::Integer(to.timestamp_millis()));
    }
    (clause, values)
}

/// How many entries match.
pub fn count(conn: &Connection, tenant_id: i64, query: &AuditQuery) -> rusqlite::Result<u64> {
    let (clause, values) = where_clause(tenant_id, query);
    let total: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM audit_log l WHERE {clause}"))?
        .query_row(params_from_iter(values), |r| r.get(0))?;
    Ok(total.max(0) as u64)
}

/// One page of a tenant's log, newest first.
pub fn page(
    conn: &Connection,
    tenant_id: i64,
    query: &AuditQuery,
) -> rusqlite::Result<Vec<AuditEntry>> {
    let (clause, mut values) = where_clause(tenant_id, query);
    values.push(Value::Integer(query.page.limit() as i64));
    values.push(Value::Integer(query.page.offset() as i64));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT l.id, l.at, l.action, l.admin_id, a.display_name, l.summary, l.details \
         FROM audit_log l LEFT JOIN administrators a ON a.id = l.admin_id \
         WHERE {clause} ORDER BY l.at DESC, l.id DESC LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt.query_map(params_from_iter(values), |row| {
        let details: String = row.get(6)?;
        let admin: Option<i64> = row.get(3)?;
        Ok(AuditEntry {
            id: AuditEntryId(row.get(0)?),
            at: from_millis(row.get(1)?),
            action: parse_col(row, 2)?,
            actor: match admin {
                Some(id) => Some(AdministratorRef {
                    id: AdministratorId(id),
                    display_name: row.get(4)?,
                }),
                None => None,
            },
            summary: row.get(5)?,
            details: serde_json::from_str(&details).unwrap_or(serde_json::Value::Null),
        })
    })?;
    rows.collect()
}
