//! Wipes and their jobs: registration rows, the job list query, status changes and history.
//! Every status change goes through the model's status machine ([`check_transition`]).

use std::collections::HashMap;

use mdm_model::{
    device::DeviceBrief,
    ids::{AdministratorId, DeviceId, GroupId, JobId, WifiSettingId, WipeId},
    job::{
        check_transition, AdministratorRef, Job, JobKind, JobListEntry, JobMethod, JobOptions,
        JobQuery, JobSortKey, JobStatus, ReturnToServicePlan, StatusChange, StatusReason,
        WifiSettingRef,
    },
    paging::SortOrder,
};
use rusqlite::{params, params_from_iter, types::Value, Connection, OptionalExtension, Row};

use super::{from_millis, parse_col, Millis};
use crate::error::ApiError;

/// A registration: one press of OK.
pub struct NewWipe<'a> {
    pub tenant_id: i64,
    pub registered_by: i64,
    pub registered_at: Millis,
    pub delete_general_info: bool,
    pub scheduled_at: Option<Millis>,
    pub wifi_setting_id: Option<WifiSettingId>,
    pub keep_esim_data_plan: bool,
    pub idempotency_key: Option<&'a str>,
    pub request_digest: Option<&'a str>,
}

/// Inserts a wipe row.
pub fn insert_wipe(conn: &Connection, new: &NewWipe<'_>) -> rusqlite::Result<WipeId> {
    conn.prepare_cached(
        "INSERT INTO wipes (tenant_id, registered_by, registered_at, delete_general_info, scheduled_at, \
         wifi_setting_id, keep_esim_data_plan, idempotency_key, request_digest) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        new.tenant_id,
        new.registered_by,
        new.registered_at,
        new.delete_general_info,
        new.scheduled_at,
        new.wifi_setting_id.map(|w| w.0),
        new.keep_esim_data_plan,
        new.idempotency_key,
        new.request_digest,
    ])?;
    Ok(WipeId(conn.last_insert_rowid()))
}

/// Stores the answer given to a registration, replayed for a repeat of its idempotency key.
pub fn store_wipe_response(
    conn: &Connection,
    wipe: WipeId,
    response: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE wipes SET response = ?2 WHERE id = ?1")?
        .execute(params![wipe.0, response])?;
    Ok(())
}

/// The earlier registration of an administrator with this idempotency key: (digest, answer).
pub fn wipe_by_idempotency_key(
    conn: &Connection,
    admin_id: i64,
    key: &str,
) -> rusqlite::Result<Option<(Option<String>, Option<String>)>> {
    conn.prepare_cached("SELECT request_digest, response FROM wipes WHERE registered_by = ?1 AND idempotency_key = ?2")?
        .query_row(params![admin_id, key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// One job to insert.
pub struct NewJob {
    pub tenant_id: i64,
    pub wipe_id: WipeId,
    pub device_id: DeviceId,
    pub method: JobMethod,
    pub status: JobStatus,
    pub registered_at: Millis,
    pub due_at: Millis,
    pub ivi_ready_at: Option<Millis>,
    pub return_to_service: Option<ReturnToServicePlan>,
}

/// Inserts a job with its first history entry. The unique index on open jobs makes this fail
/// with a constraint error if the device already has an open job of this method.
pub fn insert_job(conn: &Connection, new: &NewJob) -> rusqlite::Result<JobId> {
    let rts = new.return_to_service.as_ref();
    conn.prepare_cached(
        "INSERT INTO jobs (tenant_id, wipe_id, device_id, method, status, status_reason, status_changed_at, \
         entry_id, rts_group_id, rts_group_name, rts_user_must_authenticate, registered_at, due_at, \
         next_check_at, ivi_ready_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, 'registered', ?6, 0, ?7, ?8, ?9, ?6, ?10, ?10, ?11, ?6)",
    )?
    .execute(params![
        new.tenant_id,
        new.wipe_id.0,
        new.device_id.0,
        new.method.as_str(),
        new.status.as_str(),
        new.registered_at,
        rts.map(|p| p.enrollment_group_id.0),
        rts.map(|p| p.enrollment_group_name.clone()),
        rts.map(|p| p.user_must_authenticate),
        new.due_at,
        new.ivi_ready_at,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("UPDATE jobs SET entry_id = ?1 WHERE id = ?1")?
        .execute([id])?;
    add_event(
        conn,
        JobId(id),
        new.registered_at,
        new.status,
        StatusReason::Registered,
    )?;
    Ok(JobId(id))
}

/// Links the two jobs of a Hybrid pair; the IVI MDM job keys the list entry.
pub fn pair(conn: &Connection, ivi: JobId, apple: JobId) -> rusqlite::Result<()> {
    let mut stmt =
        conn.prepare_cached("UPDATE jobs SET pair_job_id = ?2, entry_id = ?3 WHERE id = ?1")?;
    stmt.execute(params![ivi.0, apple.0, ivi.0])?;
    stmt.execute(params![apple.0, ivi.0, ivi.0])?;
    Ok(())
}

fn add_event(
    conn: &Connection,
    job: JobId,
    at: Millis,
    status: JobStatus,
    reason: StatusReason,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO job_events (job_id, at, status, reason) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![job.0, at, status.as_str(), reason.as_str()])?;
    Ok(())
}

/// Moves a job from `from` to `to` if the status machine allows it and the job is still in
/// `from` (another writer may have moved it). Returns whether it moved.
pub fn transition(
    conn: &Connection,
    job: JobId,
    from: JobStatus,
    to: JobStatus,
    reason: StatusReason,
    at: Millis,
    next_check_at: Millis,
) -> Result<bool, ApiError> {
    check_transition(from, to, reason).map_err(ApiError::internal)?;
    let changed = conn
        .prepare_cached(
            "UPDATE jobs SET status = ?3, status_reason = ?4, status_changed_at = ?5, updated_at = ?5, \
             next_check_at = ?6 WHERE id = ?1 AND status = ?2",
        )?
        .execute(params![job.0, from.as_str(), to.as_str(), reason.as_str(), at, next_check_at])?;
    if changed == 1 {
        add_event(conn, job, at, to, reason)?;
    }
    Ok(changed == 1)
}

/// Postpones the engine's next look at a job without changing its status.
pub fn recheck_at(conn: &Connection, job: JobId, at: Millis) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE jobs SET next_check_at = ?2 WHERE id = ?1")?
        .execute(params![job.0, at])?;
    Ok(())
}

/// Counts one more command sent for a job.
pub fn count_attempt(conn: &Connection, job: JobId) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE jobs SET attempts = attempts + 1 WHERE id = ?1")?
        .execute([job.0])?;
    Ok(())
}

/// Asks the engine to look at a device's open jobs now (its state changed).
pub fn wake_device_jobs(conn: &Connection, device: DeviceId, now: Millis) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE jobs SET next_check_at = ?2 WHERE device_id = ?1 AND next_check_at > ?2 \
         AND status IN ('scheduled', 'waiting_for_device', 'sent')",
    )?
    .execute(params![device.0, now])?;
    Ok(())
}

/// The open jobs of these devices, by device.
pub fn open_jobs_of(
    conn: &Connection,
    tenant_id: i64,
    devices: &[DeviceId],
) -> rusqlite::Result<HashMap<DeviceId, Vec<JobId>>> {
    let mut open: HashMap<DeviceId, Vec<JobId>> = HashMap::new();
    for chunk in devices.chunks(500) {
        let placeholders = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT device_id, id FROM jobs WHERE tenant_id = ? AND device_id IN ({placeholders}) \
             AND status IN ('scheduled', 'waiting_for_device', 'sent') ORDER BY id"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let values = std::iter::once(tenant_id).chain(chunk.iter().map(|d| d.0));
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok((DeviceId(r.get(0)?), JobId(r.get(1)?)))
        })?;
        for row in rows {
            let (device, job) = row?;
            open.entry(device).or_default().push(job);
        }
    }
    Ok(open)
}

const JOB_SELECT: &str = "SELECT j.id, j.wipe_id, j.method, j.status, j.status_reason, j.status_changed_at, \
    j.pair_job_id, j.registered_at, j.rts_group_id, j.rts_group_name, j.rts_user_must_authenticate, \
    w.delete_general_info, w.scheduled_at, w.keep_esim_data_plan, ws.id, ws.name, ws.ssid, \
    a.id, a.display_name, \
    d.id, d.name, d.os, d.os_version, d.model, d.serial_number, d.user_full_name, d.management_method, d.ownership \
    FROM jobs j JOIN wipes w ON w.id = j.wipe_id JOIN devices d ON d.id = j.device_id \
    JOIN administrators a ON a.id = w.registered_by LEFT JOIN wifi_settings ws ON ws.id = w.wifi_setting_id";

fn job_from_row(row: &Row<'_>) -> rusqlite::Result<Job> {
    let rts_group: Option<i64> = row.get(8)?;
    let wifi_id: Option<i64> = row.get(14)?;
    Ok(Job {
        id: JobId(row.get(0)?),
        wipe_id: WipeId(row.get(1)?),
        kind: JobKind::Wipe,
        method: parse_col(row, 2)?,
        status: parse_col(row, 3)?,
        status_reason: parse_col(row, 4)?,
        status_changed_at: from_millis(row.get(5)?),
        pair_job_id: row.get::<_, Option<i64>>(6)?.map(JobId),
        registered_at: from_millis(row.get(7)?),
        options: JobOptions {
            delete_general_info: row.get(11)?,
            scheduled_at: row.get::<_, Option<i64>>(12)?.map(from_millis),
            keep_esim_data_plan: row.get(13)?,
            wifi_setting: match wifi_id {
                Some(id) => Some(WifiSettingRef {
                    id: WifiSettingId(id),
                    name: row.get(15)?,
                    ssid: row.get(16)?,
                }),
                None => None,
            },
            return_to_service: match rts_group {
                Some(group) => Some(ReturnToServicePlan {
                    enrollment_group_id: GroupId(group),
                    enrollment_group_name: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
                    user_must_authenticate: row.get::<_, Option<bool>>(10)?.unwrap_or(false),
                }),
                None => None,
            },
        },
        registered_by: AdministratorRef {
            id: AdministratorId(row.get(17)?),
            display_name: row.get(18)?,
        },
        device: DeviceBrief {
            id: DeviceId(row.get(19)?),
            name: row.get(20)?,
            os: parse_col(row, 21)?,
            os_version: parse_col(row, 22)?,
            model: row.get(23)?,
            serial_number: row.get(24)?,
            user_full_name: row.get(25)?,
            management_method: parse_col(row, 26)?,
            ownership: parse_col(row, 27)?,
        },
    })
}

/// One job of the tenant.
pub fn get(conn: &Connection, tenant_id: i64, id: JobId) -> rusqlite::Result<Option<Job>> {
    conn.prepare_cached(&format!(
        "{JOB_SELECT} WHERE j.tenant_id = ?1 AND j.id = ?2"
    ))?
    .query_row(params![tenant_id, id.0], job_from_row)
    .optional()
}

/// A job's status history, oldest first.
pub fn history(conn: &Connection, id: JobId) -> rusqlite::Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, reason, at FROM job_events WHERE job_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        Ok(StatusChange {
            status: parse_col(r, 0)?,
            reason: parse_col(r, 1)?,
            at: from_millis(r.get(2)?),
        })
    })?;
    rows.collect()
}

/// The WHERE clause over list entries `e` (with `p` its Hybrid partner) for a job query. An
/// entry matches when either of its jobs does; the fields other than status and method are
/// the same on both jobs of a pair.
fn where_clause(tenant_id: i64, query: &JobQuery) -> (String, Vec<Value>) {
    let mut clause = String::from("e.tenant_id = ? AND e.id = e.entry_id");
    let mut values = vec![Value::Integer(tenant_id)];
    if let Some(status) = query.status {
        clause.push_str(" AND (e.status = ? OR p.status = ?)");
        values.extend([
            Value::Text(status.as_str().into()),
            Value::Text(status.as_str().into()),
        ]);
    }
    if let Some(method) = query.method {
        clause.push_str(" AND (e.method = ? OR p.method = ?)");
        values.extend([
            Value::Text(method.as_str().into()),
            Value::Text(method.as_str().into()),
        ]);
    }
    let mut int = |sql: &str, value: Option<i64>| {
        if let Some(value) = value {
            clause.push_str(sql);
            values.push(Value::Integer(value));
        }
    };
    int(" AND e.device_id = ?", query.device.map(|d| d.0));
    int(" AND w.registered_by = ?", query.registrant.map(|r| r.0));
    int(
        " AND e.registered_at >= ?",
        query.from.map(|t| t.timestamp_millis()),
    );
    int(
        " AND e.registered_at < ?",
        query.to.map(|t| t.timestamp_millis()),
    );
    int(" AND e.wipe_id = ?", query.wipe.map(|w| w.0));
    for term in query
        .q
        .as_deref()
        .map(mdm_model::device::search_terms)
        .unwrap_or_default()
    {
        clause.push_str(" AND d.job_search_text LIKE ? ESCAPE '\\'");
        let escaped: String = term
            .chars()
            .flat_map(|c| {
                if matches!(c, '%' | '_' | '\\') {
                    vec!['\\', c]
                } else {
                    vec![c]
                }
            })
            .collect();
        values.push(Value::Text(format!("%{escaped}%")));
    }
    (clause, values)
}

const ENTRY_FROM: &str = "FROM jobs e LEFT JOIN jobs p ON p.id = e.pair_job_id \
    JOIN wipes w ON w.id = e.wipe_id JOIN devices d ON d.id = e.device_id \
    JOIN administrators a ON a.id = w.registered_by";

fn order_by(sort: JobSortKey, order: SortOrder) -> String {
    let dir = match order {
        SortOrder::Asc => "ASC",
        SortOrder::Desc => "DESC",
    };
    let column = match sort {
        JobSortKey::RegisteredAt => "e.registered_at",
        JobSortKey::Id => "e.id",
        JobSortKey::Status => "e.status",
        JobSortKey::Method => "e.method",
        JobSortKey::Device => "d.name",
        JobSortKey::Registrant => "a.display_name",
        JobSortKey::ScheduledAt => "w.scheduled_at",
        JobSortKey::UpdatedAt => "e.updated_at",
    };
    format!("{column} {dir}, e.id {dir}")
}

/// Number of list entries matching.
pub fn count_entries(conn: &Connection, tenant_id: i64, query: &JobQuery) -> rusqlite::Result<u64> {
    let (clause, values) = where_clause(tenant_id, query);
    // Without filters on joined tables the count needs only the entries' own index.
    let sql = if query.status.is_none()
        && query.method.is_none()
        && query.q.is_none()
        && query.registrant.is_none()
    {
        format!("SELECT COUNT(*) FROM jobs e WHERE {}", clause)
    } else {
        format!("SELECT COUNT(*) {ENTRY_FROM} WHERE {clause}")
    };
    let total: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(values), |r| r.get(0))?;
    Ok(total.max(0) as u64)
}

/// One page of list entries, each a job or a Hybrid pair.
pub fn page_entries(
    conn: &Connection,
    tenant_id: i64,
    query: &JobQuery,
) -> rusqlite::Result<Vec<JobListEntry>> {
    let (clause, mut values) = where_clause(tenant_id, query);
    values.push(Value::Integer(query.page.limit() as i64));
    values.push(Value::Integer(query.page.offset() as i64));
    let sql = format!(
        "SELECT e.id {ENTRY_FROM} WHERE {clause} ORDER BY {} LIMIT ? OFFSET ?",
        order_by(query.sort, query.order)
    );
    let entry_ids: Vec<i64> = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut entries = Vec::with_capacity(entry_ids.len());
    let mut stmt =
        conn.prepare_cached(&format!("{JOB_SELECT} WHERE j.entry_id = ?1 ORDER BY j.id"))?;
    for entry in entry_ids {
        let mut jobs: Vec<Job> = stmt
            .query_map([entry], job_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let entry = match (jobs.pop(), jobs.pop()) {
            (Some(b), Some(a)) => JobListEntry::pair(a, b),
            (Some(job), None) => JobListEntry::single(job),
            _ => continue,
        };
        entries.push(entry);
    }
    Ok(entries)
}

/// What the engine needs to move a job along.
#[derive(Debug, Clone)]
pub struct EngineJob {
    pub id: JobId,
    pub tenant_id: i64,
    pub device_id: DeviceId,
    pub method: JobMethod,
    pub status: JobStatus,
    pub due_at: Millis,
    pub ivi_ready_at: Option<Millis>,
    pub pair_job_id: Option<JobId>,
    pub attempts: i64,
}

fn engine_job(row: &Row<'_>) -> rusqlite::Result<EngineJob> {
    Ok(EngineJob {
        id: JobId(row.get(0)?),
        tenant_id: row.get(1)?,
        device_id: DeviceId(row.get(2)?),
        method: parse_col(row, 3)?,
        status: parse_col(row, 4)?,
        due_at: row.get(5)?,
        ivi_ready_at: row.get(6)?,
        pair_job_id: row.get::<_, Option<i64>>(7)?.map(JobId),
        attempts: row.get(8)?,
    })
}

const ENGINE_SELECT: &str =
    "SELECT id, tenant_id, device_id, method, status, due_at, ivi_ready_at, pair_job_id, attempts FROM jobs";

/// Open jobs the engine must look at by `now`, oldest check first.
pub fn due_for_check(
    conn: &Connection,
    now: Millis,
    limit: usize,
) -> rusqlite::Result<Vec<EngineJob>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ENGINE_SELECT} WHERE next_check_at <= ?1 AND status IN ('scheduled', 'waiting_for_device', 'sent') \
         ORDER BY next_check_at LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now, limit as i64], engine_job)?;
    rows.collect()
}

/// One job in engine form.
pub fn engine_job_by_id(conn: &Connection, id: JobId) -> rusqlite::Result<Option<EngineJob>> {
    conn.prepare_cached(&format!("{ENGINE_SELECT} WHERE id = ?1"))?
        .query_row([id.0], engine_job)
        .optional()
}
