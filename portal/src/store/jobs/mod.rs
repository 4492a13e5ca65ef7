//! Wipes and their jobs: registration rows, the job list query, status changes and history.
//! Every status change goes through the model's status machine ([`check_transition`]).

use crate::ids::TenantId;
use mdm_model::ids::AdministratorId;
use std::collections::HashMap;

use crate::store::sql::{params, params_from_iter, Connection, OptionalExtension, Row, Value};
use mdm_model::{
    command::PlatformWipeOptions,
    ids::{DeviceId, JobId, WipeId},
    job::{
        check_transition, DeviceSnapshot, JobKind, JobMethod, JobStatus, ReturnToServicePlan,
        StatusReason, WifiSettingRef,
    },
    measure::MeasureOptions,
};

mod attempts;
mod insert;
mod read;
mod reenrollment;

pub use attempts::{attempts, record_attempt};
pub use insert::{insert_entries, insert_entry};
pub use read::{command_options, entries, get, history, ordered_entry_ids};
pub use reenrollment::{reenrollment_due, set_reenrollment, AwaitedDevice};

use super::{parse_col, Millis};
use crate::error::ApiError;

/// A registration: one press of OK.
pub struct NewWipe<'a> {
    pub tenant_id: TenantId,
    pub registered_by: AdministratorId,
    pub registered_at: Millis,
    pub delete_general_info: bool,
    pub scheduled_at: Option<Millis>,
    /// The Wi-Fi setting chosen, as it was at registration.
    pub wifi_setting: Option<&'a WifiSettingRef>,
    pub keep_esim_data_plan: bool,
    pub idempotency_key: Option<&'a str>,
    pub request_digest: Option<&'a str>,
}

/// Inserts a wipe row.
pub fn insert_wipe(conn: &Connection, new: &NewWipe<'_>) -> crate::store::sql::Result<WipeId> {
    let new_id: i64 = conn.prepare_cached(
        "INSERT INTO wipes (tenant_id, registered_by, registered_at, delete_general_info, scheduled_at, \
         wifi_setting_id, keep_esim_data_plan, idempotency_key, request_digest, wifi_name, wifi_ssid) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
    )?
    .query_row(params![
        new.tenant_id,
        new.registered_by,
        new.registered_at,
        new.delete_general_info,
        new.scheduled_at,
        new.wifi_setting.map(|w| w.id.0),
        new.keep_esim_data_plan,
        new.idempotency_key,
        new.request_digest,
        new.wifi_setting.map(|w| w.name.as_str()),
        new.wifi_setting.map(|w| w.ssid.as_str()),
    ], |r| r.get(0))?;
    Ok(WipeId(new_id))
}

/// Stores the answer given to a registration, replayed for a repeat of its idempotency key.
pub fn store_wipe_response(
    conn: &Connection,
    wipe: WipeId,
    response: &str,
) -> crate::store::sql::Result<()> {
    conn.prepare_cached("UPDATE wipes SET response = ?2 WHERE id = ?1")?
        .execute(params![wipe.0, response])?;
    Ok(())
}

/// The earlier registration of an administrator with this idempotency key: (digest, answer).
pub fn wipe_by_idempotency_key(
    conn: &Connection,
    admin_id: AdministratorId,
    key: &str,
) -> crate::store::sql::Result<Option<(Option<String>, Option<String>)>> {
    conn.prepare_cached("SELECT request_digest, response FROM wipes WHERE registered_by = ?1 AND idempotency_key = ?2")?
        .query_row(params![admin_id, key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// One job to insert.
pub struct NewJob {
    pub tenant_id: TenantId,
    pub wipe_id: WipeId,
    /// The device as it is now, kept as the job's record of it.
    pub device: DeviceSnapshot,
    pub method: JobMethod,
    pub status: JobStatus,
    pub registered_at: Millis,
    pub due_at: Millis,
    pub ivi_ready_at: Option<Millis>,
    pub return_to_service: Option<ReturnToServicePlan>,
    /// The Android, Windows or Mac options of the device's command.
    pub platform: Option<PlatformWipeOptions>,
    /// Copied from the wipe and the device so the job list filters and sorts on the job row.
    pub registered_by: AdministratorId,
    pub scheduled_at: Option<Millis>,
    /// A measure's options (with the Mac's PIN: the command is built from them); `None` for
    /// a wipe.
    pub measure: Option<MeasureOptions>,
}

/// The lower-cased text the job list's `q` search looks in (name, serial, user), from the
/// snapshot, so a job is found by the owner it was registered for.
fn job_search_text(device: &DeviceSnapshot) -> String {
    super::search_text::job_search_words(
        &device.name,
        &device.serial_number,
        device.user_full_name.as_deref(),
    )
}

/// The id the next inserted job gets. Registration runs in an IMMEDIATE transaction, so no
/// other writer can take ids between this read and the inserts.
pub fn next_job_id(conn: &Connection) -> crate::store::sql::Result<i64> {
    conn.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM jobs", [], |r| {
        r.get(0)
    })
}

/// The bit of a value in the entry masks: `1 << position in ALL` (see migration 4).
pub(crate) fn bit<T: PartialEq>(all: &[T], value: &T) -> i64 {
    all.iter()
        .position(|v| v == value)
        .map(|p| 1i64 << p)
        .unwrap_or(0)
}

/// Recomputes the list columns of an entry after one of its jobs changed: its status and
/// update time, which the engine changes all the time (soft changes for the list cache).
fn refresh_entry(
    conn: &Connection,
    entry: JobId,
    tenant_id: TenantId,
) -> crate::store::sql::Result<()> {
    crate::cache::record(
        crate::cache::Table::Jobs,
        tenant_id,
        crate::cache::job_deps::SOFT,
    );
    conn.prepare_cached(crate::store::migrations::REFRESH_ENTRY)?
        .execute([entry.0])?;
    Ok(())
}

fn add_event(
    conn: &Connection,
    job: JobId,
    at: Millis,
    status: JobStatus,
    reason: StatusReason,
) -> crate::store::sql::Result<()> {
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
    let moved: Option<(i64, TenantId)> = conn
        .prepare_cached(
            "UPDATE jobs SET status = ?3, status_reason = ?4, status_changed_at = ?5, updated_at = ?5, \
             next_check_at = ?6 WHERE id = ?1 AND status = ?2 RETURNING entry_id, tenant_id",
        )?
        .query_row(
            params![job.0, from.as_str(), to.as_str(), reason.as_str(), at, next_check_at],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((entry, tenant_id)) = moved else {
        return Ok(false);
    };
    add_event(conn, job, at, to, reason)?;
    refresh_entry(conn, JobId(entry), tenant_id)?;
    Ok(true)
}

/// Postpones the engine's next look at a job without changing its status.
pub fn recheck_at(conn: &Connection, job: JobId, at: Millis) -> crate::store::sql::Result<()> {
    conn.prepare_cached("UPDATE jobs SET next_check_at = ?2 WHERE id = ?1")?
        .execute(params![job.0, at])?;
    Ok(())
}

/// Asks the engine to look at a device's open jobs now (its state changed).
pub fn wake_device_jobs(
    conn: &Connection,
    device: DeviceId,
    now: Millis,
) -> crate::store::sql::Result<()> {
    conn.prepare_cached(
        "UPDATE jobs SET next_check_at = ?2 WHERE device_id = ?1 AND next_check_at > ?2 \
         AND status IN ('scheduled', 'waiting_for_device', 'sent')",
    )?
    .execute(params![device.0, now])?;
    Ok(())
}

/// The open jobs of one kind of these devices, by device.
pub fn open_jobs_of(
    conn: &Connection,
    tenant_id: TenantId,
    devices: &[DeviceId],
    kind: JobKind,
) -> crate::store::sql::Result<HashMap<DeviceId, Vec<JobId>>> {
    let mut open: HashMap<DeviceId, Vec<JobId>> = HashMap::new();
    for chunk in devices.chunks(500) {
        let placeholders = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT device_id, id FROM jobs WHERE tenant_id = ? AND kind = ? AND device_id IN ({placeholders}) \
             AND status IN ('scheduled', 'waiting_for_device', 'sent') ORDER BY id"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let values = [
            Value::Integer(tenant_id.0),
            Value::Text(kind.as_str().into()),
        ]
        .into_iter()
        .chain(chunk.iter().map(|d| Value::Integer(d.0)));
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

/// What the engine needs to move a job along.
#[derive(Debug, Clone)]
pub struct EngineJob {
    pub id: JobId,
    pub tenant_id: TenantId,
    pub device_id: DeviceId,
    pub method: JobMethod,
    pub status: JobStatus,
    pub due_at: Millis,
    pub ivi_ready_at: Option<Millis>,
    pub pair_job_id: Option<JobId>,
    pub attempts: i64,
    pub kind: JobKind,
}

fn engine_job(row: &Row<'_>) -> crate::store::sql::Result<EngineJob> {
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
        kind: parse_col(row, 9)?,
    })
}

const ENGINE_SELECT: &str =
    "SELECT id, tenant_id, device_id, method, status, due_at, ivi_ready_at, pair_job_id, attempts, kind FROM jobs";

/// Open jobs the engine must look at by `now`, oldest check first.
pub fn due_for_check(
    conn: &Connection,
    now: Millis,
    limit: usize,
) -> crate::store::sql::Result<Vec<EngineJob>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ENGINE_SELECT} WHERE next_check_at <= ?1 AND status IN ('scheduled', 'waiting_for_device', 'sent') \
         ORDER BY next_check_at LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![now, limit as i64], engine_job)?;
    rows.collect()
}

/// The earliest time after `now` at which the engine has something to look at (an open job,
/// or a wiped device awaited back): the next moment a manually advanced clock must stop at.
pub fn next_check_after(
    conn: &Connection,
    now: Millis,
) -> crate::store::sql::Result<Option<Millis>> {
    let open: Option<Millis> = conn
        .prepare_cached(
            "SELECT MIN(next_check_at) FROM jobs WHERE next_check_at > ?1 \
             AND status IN ('scheduled', 'waiting_for_device', 'sent')",
        )?
        .query_row([now], |r| r.get(0))?;
    let awaited = reenrollment::next_reenrollment_check_after(conn, now)?;
    Ok(open.into_iter().chain(awaited).min())
}

/// One job in engine form.
pub fn engine_job_by_id(
    conn: &Connection,
    id: JobId,
) -> crate::store::sql::Result<Option<EngineJob>> {
    conn.prepare_cached(&format!("{ENGINE_SELECT} WHERE id = ?1"))?
        .query_row([id.0], engine_job)
        .optional()
}
