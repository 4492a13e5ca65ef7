//! Re-enrollment after a Return-to-Service wipe, observed: the erase is the job's success;
//! whether the device comes back is settled later, when it checks in again (再登録済み) or
//! when the window closes without it (再登録を確認できません, with the likely reason).

use crate::store::sql::Connection;
use mdm_model::{
    audit::AuditEvent,
    ids::JobId,
    job::{reenrollment_outcome, ReenrollmentFacts, ReenrollmentStatus},
    wipe::apply_reenrollment,
};

use crate::{
    error::ApiError,
    simulator::Simulator,
    store::{audit, devices, from_millis, jobs, jobs::AwaitedDevice, to_millis, Millis},
};

/// The erase of `job` was acknowledged at `erased_at`: await the device back, looking again
/// when the simulated device would check in, or when the window closes.
pub(super) fn start(
    conn: &Connection,
    sim: &Simulator,
    job: JobId,
    device: mdm_model::ids::DeviceId,
    facts: ReenrollmentFacts,
    erased_at: Millis,
) -> Result<(), ApiError> {
    let at = from_millis(erased_at);
    let outcome = reenrollment_outcome(at, None, at, facts);
    let check_at = sim
        .reenrollment_return(job, device, facts)
        .map_or(outcome.deadline, |delay| (at + delay).min(outcome.deadline));
    jobs::set_reenrollment(conn, job, &outcome, Some(to_millis(check_at)))?;
    Ok(())
}

/// Settles up to `limit` awaited devices due by `now`; returns how many were settled.
pub(super) fn settle_due(
    conn: &Connection,
    sim: &Simulator,
    now: Millis,
    limit: usize,
) -> Result<(u64, u64), ApiError> {
    let due = jobs::reenrollment_due(conn, now, limit)?;
    let examined = due.len() as u64;
    let mut settled = 0;
    for awaited in due {
        settled += u64::from(settle(conn, sim, &awaited, now)?);
    }
    Ok((examined, settled))
}

/// Looks at one awaited device at `now`: it is back, the window closed, or it is looked at
/// again later. Outcomes are stamped with when they happened (the check-in, the window's end),
/// not with when the engine noticed.
fn settle(
    conn: &Connection,
    sim: &Simulator,
    awaited: &AwaitedDevice,
    now: Millis,
) -> Result<bool, ApiError> {
    let erased_at = from_millis(awaited.erased_at);
    let back_at = sim
        .reenrollment_return(awaited.job_id, awaited.device_id, awaited.facts)
        .map(|delay| erased_at + delay);
    let checked_in_at = back_at.filter(|at| to_millis(*at) <= now);
    let outcome = reenrollment_outcome(erased_at, checked_in_at, from_millis(now), awaited.facts);
    let (summary, event) = match outcome.status {
        ReenrollmentStatus::Awaiting => {
            // Looked at early: look again when the device comes back or the window closes.
            let next = back_at.map_or(outcome.deadline, |at| at.min(outcome.deadline));
            jobs::set_reenrollment(conn, awaited.job_id, &outcome, Some(to_millis(next)))?;
            return Ok(false);
        }
        ReenrollmentStatus::Reenrolled => {
            let mut name = String::from("-");
            if let Some(mut device) = devices::get(conn, awaited.tenant_id, awaited.device_id)? {
                apply_reenrollment(&mut device, awaited.enrollment_group_id, outcome.since);
                devices::update(conn, &device)?;
                name = device.name;
            }
            let event = AuditEvent::DeviceReenrolled {
                job_id: awaited.job_id,
                device_id: awaited.device_id,
                group_id: awaited.enrollment_group_id,
            };
            (
                format!("job {}: {name} checked in again", awaited.job_id),
                event,
            )
        }
        ReenrollmentStatus::NotConfirmed => {
            let likely_reason = outcome
                .likely_reason
                .ok_or_else(|| ApiError::internal("an unconfirmed return without a reason"))?;
            let summary = format!(
                "job {}: no check-in within the window ({})",
                awaited.job_id,
                likely_reason.as_str()
            );
            let event = AuditEvent::ReenrollmentNotConfirmed {
                job_id: awaited.job_id,
                likely_reason,
            };
            (summary, event)
        }
    };
    jobs::set_reenrollment(conn, awaited.job_id, &outcome, None)?;
    let at = to_millis(outcome.since);
    audit::record(conn, awaited.tenant_id, None, at, &summary, &event)?;
    Ok(true)
}
