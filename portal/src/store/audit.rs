//! The audit log: who did what, when. Written in the same transaction as the change it
//! records, so the log and the data never disagree.

use crate::ids::TenantId;
use crate::store::sql::{params, params_from_iter, Connection, Value};
use mdm_model::{
    audit::{AuditActor, AuditEntry, AuditEvent, AuditQuery},
    ids::{AdministratorId, AuditEntryId},
    job::AdministratorRef,
};

use super::{from_millis, Millis};

/// Appends one entry, and the jobs and wipe it is about (for a job's own entries). `admin_id`
/// is `None` for what the portal does by itself.
pub fn record(
    conn: &Connection,
    tenant_id: TenantId,
    admin_id: Option<AdministratorId>,
    at: Millis,
    summary: &str,
    event: &AuditEvent,
) -> crate::store::sql::Result<()> {
    let details = serde_json::to_string(event)
        .map_err(|e| crate::store::sql::Error::ToSqlConversionFailure(Box::new(e)))?;
    let new_id: i64 = conn
        .prepare_cached(
            "INSERT INTO audit_log (tenant_id, admin_id, at, action, summary, details) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        )?
        .query_row(
            params![
                tenant_id,
                admin_id,
                at,
                event.action().as_str(),
                summary,
                details
            ],
            |r| r.get(0),
        )?;
    let entry = new_id;
    let mut subject = conn.prepare_cached(
        "INSERT INTO audit_subjects (entry_id, job_id, wipe_id) VALUES (?1, ?2, ?3)",
    )?;
    for job in event.job_ids() {
        subject.execute(params![entry, job.0, Option::<i64>::None])?;
    }
    if let Some(wipe) = event.wipe_id() {
        subject.execute(params![entry, Option::<i64>::None, wipe.0])?;
    }
    Ok(())
}

/// A stored event: the details with the action beside them (entries written before the events
/// were typed kept the action in its own column only).
fn event_from(action: &str, details: &str) -> Result<AuditEvent, serde_json::Error> {
    let mut value: serde_json::Value = serde_json::from_str(details)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("action".into(), action.into());
    }
    serde_json::from_value(value)
}

fn where_clause(
    tenant_id: TenantId,
    query: &AuditQuery,
    upto: Option<AuditEntryId>,
) -> (String, Vec<Value>) {
    let mut clause = String::from("l.tenant_id = ?");
    let mut values = vec![Value::Integer(tenant_id.0)];
    if let Some(last) = upto {
        clause.push_str(" AND l.id <= ?");
        values.push(Value::Integer(last.0));
    }
    if let Some(action) = query.action {
        clause.push_str(" AND l.action = ?");
        values.push(Value::Text(action.as_str().into()));
    }
    match query.actor {
        Some(AuditActor::System) => clause.push_str(" AND l.admin_id IS NULL"),
        Some(AuditActor::Administrator(id)) => {
            clause.push_str(" AND l.admin_id = ?");
            values.push(Value::Integer(id.0));
        }
        None => {}
    }
    if let Some(device) = query.device {
        // A device's entries: those naming one of its jobs, and the registrations of wipes that
        // made a job for it.
        clause.push_str(
            " AND l.id IN (SELECT s.entry_id FROM audit_subjects s \
             WHERE s.job_id IN (SELECT id FROM jobs WHERE device_id = ?) \
             OR s.wipe_id IN (SELECT wipe_id FROM jobs WHERE device_id = ?))",
        );
        values.push(Value::Integer(device.0));
        values.push(Value::Integer(device.0));
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
pub fn count(
    conn: &Connection,
    tenant_id: TenantId,
    query: &AuditQuery,
) -> crate::store::sql::Result<u64> {
    let (clause, values) = where_clause(tenant_id, query, None);
    let total: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM audit_log l WHERE {clause}"))?
        .query_row(params_from_iter(values), |r| r.get(0))?;
    Ok(total.max(0) as u64)
}

/// One page of a tenant's log, newest first.
pub fn page(
    conn: &Connection,
    tenant_id: TenantId,
    query: &AuditQuery,
) -> crate::store::sql::Result<Vec<AuditEntry>> {
    page_upto(conn, tenant_id, query, None)
}

/// The newest entry of a tenant's log so far: a bound that keeps pages read one after another
/// (the CSV export) from shifting as new entries arrive.
pub fn last_id(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<Option<AuditEntryId>> {
    conn.prepare_cached("SELECT MAX(id) FROM audit_log WHERE tenant_id = ?1")?
        .query_row(params![tenant_id], |r| r.get::<_, Option<i64>>(0))
        .map(|id| id.map(AuditEntryId))
}

/// One page of the entries up to `upto` (all when `None`), newest first.
pub fn page_upto(
    conn: &Connection,
    tenant_id: TenantId,
    query: &AuditQuery,
    upto: Option<AuditEntryId>,
) -> crate::store::sql::Result<Vec<AuditEntry>> {
    let (clause, mut values) = where_clause(tenant_id, query, upto);
    values.push(Value::Integer(query.page.limit() as i64));
    values.push(Value::Integer(query.page.offset() as i64));
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY_COLUMNS} WHERE {clause} ORDER BY l.at DESC, l.id DESC LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt.query_map(params_from_iter(values), entry_from_row)?;
    rows.collect()
}

const ENTRY_COLUMNS: &str = "SELECT l.id, l.at, l.action, l.admin_id, a.display_name, l.summary, \
     l.details FROM audit_log l LEFT JOIN administrators a ON a.id = l.admin_id";

fn entry_from_row(row: &crate::store::sql::Row<'_>) -> crate::store::sql::Result<AuditEntry> {
    let (action, details): (String, String) = (row.get(2)?, row.get(6)?);
    let event = event_from(&action, &details).map_err(|e| {
        crate::store::sql::Error::FromSqlConversionFailure(
            6,
            crate::store::sql::Type::Text,
            Box::new(e),
        )
    })?;
    let admin: Option<i64> = row.get(3)?;
    Ok(AuditEntry {
        id: AuditEntryId(row.get(0)?),
        at: from_millis(row.get(1)?),
        actor: match admin {
            Some(id) => Some(AdministratorRef {
                id: AdministratorId(id),
                display_name: row.get(4)?,
            }),
            None => None,
        },
        summary: row.get(5)?,
        event,
    })
}

/// The administrators who appear in a tenant's log, by name: the choices of the actor filter.
pub fn actors(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<Vec<AdministratorRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.display_name FROM administrators a WHERE a.id IN \
         (SELECT DISTINCT admin_id FROM audit_log WHERE tenant_id = ?1 AND admin_id IS NOT NULL) \
         ORDER BY a.display_name, a.id",
    )?;
    let rows = stmt.query_map(params![tenant_id], |row| {
        Ok(AdministratorRef {
            id: AdministratorId(row.get(0)?),
            display_name: row.get(1)?,
        })
    })?;
    rows.collect()
}

/// The entries about a job: its own, its Hybrid partner's, and its wipe's registration, oldest
/// first.
pub fn for_job(
    conn: &Connection,
    tenant_id: TenantId,
    jobs: &[i64],
    wipe_id: i64,
) -> crate::store::sql::Result<Vec<AuditEntry>> {
    let ids: Vec<String> = jobs.iter().map(i64::to_string).collect();
    let sql = format!(
        "{ENTRY_COLUMNS} WHERE l.tenant_id = ?1 AND l.id IN (SELECT entry_id FROM audit_subjects \
         WHERE wipe_id = ?2 OR job_id IN ({})) ORDER BY l.at, l.id",
        // Ids are integers from the store, never the request.
        ids.join(",")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![tenant_id, wipe_id], entry_from_row)?;
    rows.collect()
}
