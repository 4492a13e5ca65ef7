//! The re-enrollment outcome of Return-to-Service jobs: started when the erase is
//! acknowledged, settled when the device checks in again or the window closes.

use crate::ids::TenantId;
use crate::store::sql::{params, Connection, Row};
use mdm_model::{
    ids::{DeviceId, GroupId, JobId},
    job::{ReenrollmentFacts, ReenrollmentOutcome, ReenrollmentStatus},
};

use crate::store::{to_millis, Millis};

/// A job whose wiped device is awaited back, as the engine needs it.
#[derive(Debug, Clone)]
pub struct AwaitedDevice {
    pub job_id: JobId,
    pub tenant_id: TenantId,
    pub device_id: DeviceId,
    pub enrollment_group_id: GroupId,
    pub facts: ReenrollmentFacts,
    pub erased_at: Millis,
}

fn awaited(row: &Row<'_>) -> crate::store::sql::Result<AwaitedDevice> {
    Ok(AwaitedDevice {
        job_id: JobId(row.get(0)?),
        tenant_id: row.get(1)?,
        device_id: DeviceId(row.get(2)?),
        enrollment_group_id: GroupId(row.get(3)?),
        facts: ReenrollmentFacts {
            activation_lock_enabled: row.get(4)?,
            user_must_authenticate: row.get::<_, Option<bool>>(5)?.unwrap_or(false),
        },
        erased_at: row.get(6)?,
    })
}

/// Writes a job's re-enrollment outcome; `check_at` is when the engine looks again (only
/// while awaiting).
pub fn set_reenrollment(
    conn: &Connection,
    job: JobId,
    outcome: &ReenrollmentOutcome,
    check_at: Option<Millis>,
) -> crate::store::sql::Result<()> {
    // The outcome is shown in a row, read afresh for every page; no list sorts or filters by
    // it, so no cached list changes.
    conn.prepare_cached(
        "UPDATE jobs SET reenrollment_status = ?2, reenrollment_since = ?3, reenrollment_deadline = ?4, \
         reenrollment_reason = ?5, reenrollment_check_at = ?6 WHERE id = ?1",
    )?
    .execute(params![
        job.0,
        outcome.status.as_str(),
        to_millis(outcome.since),
        to_millis(outcome.deadline),
        outcome.likely_reason.map(|r| r.as_str()),
        check_at.filter(|_| outcome.status == ReenrollmentStatus::Awaiting),
    ])?;
    Ok(())
}

/// Jobs whose awaited device the engine must look at by `now`, oldest first.
pub fn reenrollment_due(
    conn: &Connection,
    now: Millis,
    limit: usize,
) -> crate::store::sql::Result<Vec<AwaitedDevice>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, tenant_id, device_id, rts_group_id, rts_activation_lock, rts_user_must_authenticate, \
         reenrollment_since FROM jobs \
         WHERE reenrollment_status = 'awaiting' AND reenrollment_check_at <= ?1 \
         ORDER BY reenrollment_check_at LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![now, limit as i64], awaited)?;
    rows.collect()
}

/// The earliest look after `now` at an awaited device.
pub fn next_reenrollment_check_after(
    conn: &Connection,
    now: Millis,
) -> crate::store::sql::Result<Option<Millis>> {
    conn.prepare_cached(
        "SELECT MIN(reenrollment_check_at) FROM jobs WHERE reenrollment_status = 'awaiting' \
         AND reenrollment_check_at > ?1",
    )?
    .query_row([now], |r| r.get(0))
}
