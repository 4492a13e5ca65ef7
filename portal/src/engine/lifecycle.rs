//! One pass over the jobs that are due.

use crate::store::sql::Connection;
use chrono::Duration;
use mdm_model::{
    audit::AuditEvent,
    job::{
        after_android_reply, after_apple_reply, after_windows_status, is_timed_out,
        partner_after_success, timeout_at, unmet_conditions, ConditionsAt, JobKind, JobMethod,
        JobStatus, StatusReason,
    },
    wipe::{apply_success_effects, success_effects},
};

use super::command::NOT_NOW_RETRY;
use super::{command, reenrollment};
use crate::{
    error::ApiError,
    simulator::{after, Simulator},
    store::{audit, devices, from_millis, jobs, jobs::EngineJob, to_millis, Millis},
};

/// A waiting job whose device cannot run it is looked at again after this long (sooner when
/// the simulator changes the device).
const RECHECK: Duration = Duration::hours(1);

/// What a tick did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TickReport {
    pub examined: u64,
    pub transitions: u64,
    pub devices_changed: u64,
}

impl TickReport {
    pub(super) fn add(&mut self, other: &TickReport) {
        self.examined += other.examined;
        self.transitions += other.transitions;
    }
}

/// Handles up to `limit` due jobs in one transaction, stopping early once `budget` has passed
/// (a registration waiting for the writer gets it between batches). Returns what it did and
/// whether due jobs may remain.
pub(super) fn run_batch(
    conn: &mut Connection,
    sim: &mut Simulator,
    now: Millis,
    limit: usize,
    budget: std::time::Duration,
) -> Result<(TickReport, bool), ApiError> {
    let started = std::time::Instant::now();
    let tx = conn.transaction()?;
    let due = jobs::due_for_check(&tx, now, limit)?;
    let mut more = due.len() == limit;
    let mut report = TickReport::default();
    for job in due {
        if report.examined > 0 && started.elapsed() >= budget {
            more = true;
            break;
        }
        report.examined += 1;
        report.transitions += advance(&tx, sim, job, now)?;
    }
    let (awaited, settled) = reenrollment::settle_due(&tx, sim, now, limit)?;
    report.examined += awaited;
    report.transitions += settled;
    more |= awaited == limit as u64;
    tx.commit()?;
    Ok((report, more))
}

fn timeout(job: &EngineJob) -> Millis {
    to_millis(timeout_at(from_millis(job.due_at)))
}

/// Moves one job as far as it can go now; returns the number of status changes.
fn advance(
    conn: &Connection,
    sim: &mut Simulator,
    mut job: EngineJob,
    now: Millis,
) -> Result<u64, ApiError> {
    let mut moves = 0;
    if job.status == JobStatus::Scheduled {
        if now < job.due_at {
            jobs::recheck_at(conn, job.id, job.due_at)?;
            return Ok(0);
        }
        let at = job.due_at.max(0);
        if jobs::transition(
            conn,
            job.id,
            JobStatus::Scheduled,
            JobStatus::WaitingForDevice,
            StatusReason::ScheduleReached,
            at,
            now,
        )? {
            moves += 1;
            job.status = JobStatus::WaitingForDevice;
        }
    }
    if is_timed_out(job.status, from_millis(job.due_at), from_millis(now)) {
        let at = timeout(&job);
        if jobs::transition(
            conn,
            job.id,
            job.status,
            JobStatus::Failed,
            StatusReason::TimedOut,
            at,
            now,
        )? {
            moves += 1;
            let summary = format!("job {} (no answer in time)", job.id);
            audit::record(
                conn,
                job.tenant_id,
                None,
                at,
                &summary,
                &AuditEvent::JobTimedOut { job_id: job.id },
            )?;
        }
        return Ok(moves);
    }
    match job.status {
        JobStatus::WaitingForDevice => moves += try_send(conn, sim, &job, now)?,
        JobStatus::Sent => moves += receive_reply(conn, sim, &job, now)?,
        _ => {}
    }
    Ok(moves)
}

/// Sends the command if the device's execution conditions for the job's method hold.
fn try_send(
    conn: &Connection,
    sim: &mut Simulator,
    job: &EngineJob,
    now: Millis,
) -> Result<u64, ApiError> {
    let Some(device) = devices::get(conn, job.tenant_id, job.device_id)? else {
        return Err(ApiError::internal(format!(
            "job {} names a missing device",
            job.id
        )));
    };
    // The gateway's delay is the device side's: it runs at the simulator's speed.
    let ivi_ready_at = job.ivi_ready_at.map(|ready| {
        let delay = chrono::Duration::milliseconds(ready - job.due_at);
        after(job.due_at, sim.device_time(delay))
    });
    if let Some(ready) = ivi_ready_at.filter(|ready| *ready > now) {
        jobs::recheck_at(conn, job.id, ready)?;
        return Ok(0);
    }
    if !unmet_conditions(job.method, &device.state).is_empty() {
        jobs::recheck_at(conn, job.id, after(now, RECHECK).min(timeout(job)))?;
        return Ok(0);
    }
    let stored = jobs::get(conn, job.tenant_id, job.id)?
        .ok_or_else(|| ApiError::internal("job vanished"))?;
    // The engine's copy of the counter is current: only the engine counts sends.
    let attempt = u32::try_from(job.attempts + 1).map_err(ApiError::internal)?;
    let command = match command::job_command(conn, job.tenant_id, &stored, attempt)? {
        Ok(command) => command,
        // The record will not change: this job fails alone, the others of the batch go on.
        Err(problem) => {
            tracing::warn!(job = %job.id, %problem, "the job's command cannot be built");
            let failed = jobs::transition(
                conn,
                job.id,
                JobStatus::WaitingForDevice,
                JobStatus::Failed,
                StatusReason::CommandNotBuilt,
                now,
                now,
            )?;
            return Ok(u64::from(failed));
        }
    };
    let reply_at = after(now, sim.reply_delay());
    if jobs::transition(
        conn,
        job.id,
        JobStatus::WaitingForDevice,
        JobStatus::Sent,
        StatusReason::CommandSent,
        now,
        reply_at,
    )? {
        deliver(conn, sim, job, command, &device, now)?;
        return Ok(1);
    }
    Ok(0)
}

/// Hands the command's bytes to the device and records the attempt: the conditions that let
/// it go, and the digest and masked copy of exactly what went.
fn deliver(
    conn: &Connection,
    sim: &mut Simulator,
    job: &EngineJob,
    command: Option<mdm_model::command::WipeCommand>,
    device: &mdm_model::device::Device,
    now: Millis,
) -> Result<(), ApiError> {
    let sent = match command {
        Some(wipe) => {
            let (bytes, record) = command::as_sent(&wipe);
            sim.receive_command(job.id, &bytes);
            Some(record)
        }
        None => None,
    };
    let conditions = ConditionsAt::of(job.method, device.state);
    jobs::record_attempt(conn, job.id, now, &conditions, sent.as_ref())?;
    Ok(())
}

/// The device's answer to a sent job.
fn receive_reply(
    conn: &Connection,
    sim: &mut Simulator,
    job: &EngineJob,
    now: Millis,
) -> Result<u64, ApiError> {
    if job.kind != JobKind::Wipe {
        return super::measure::receive_reply(conn, sim, job, now);
    }
    let (to, reason) = match job.method {
        JobMethod::AppleMdm => after_apple_reply(sim.apple_reply()),
        // The ActiveSync gateway confirms the wipe once it reached the device.
        JobMethod::IviMdm => (JobStatus::Succeeded, StatusReason::WipeConfirmed),
        // The API's answer; an accepted deletion counts once the device, having run the wipe,
        // is gone from the enterprise's device list (the simulated device does both at once).
        JobMethod::AndroidEnterprise => after_android_reply(sim.android_reply()),
        JobMethod::WindowsMdm => after_windows_status(sim.windows_status()),
    };
    let next = if to == JobStatus::WaitingForDevice {
        after(now, sim.device_time(NOT_NOW_RETRY))
    } else {
        now
    };
    if !jobs::transition(conn, job.id, JobStatus::Sent, to, reason, now, next)? {
        return Ok(0);
    }
    let mut moves = 1;
    if to == JobStatus::Succeeded {
        moves += on_success(conn, sim, job, now)?;
    }
    Ok(moves)
}

/// The wipe happened: cancel an open Hybrid partner, apply the job's options to the device,
/// and await it back if it re-enrolls by Return to Service.
fn on_success(
    conn: &Connection,
    sim: &Simulator,
    job: &EngineJob,
    now: Millis,
) -> Result<u64, ApiError> {
    let mut moves = 0;
    let stored = jobs::get(conn, job.tenant_id, job.id)?
        .ok_or_else(|| ApiError::internal("job vanished"))?;
    if let Some(partner) = job
        .pair_job_id
        .map(|id| jobs::engine_job_by_id(conn, id))
        .transpose()?
        .flatten()
    {
        if let Some((to, reason)) = partner_after_success(partner.status) {
            if jobs::transition(conn, partner.id, partner.status, to, reason, now, now)? {
                moves += 1;
                // The device as registered: the wipe may just have cleared its owner.
                let device = &stored.device;
                let event = AuditEvent::PartnerJobCancelled {
                    job_id: partner.id,
                    succeeded_job_id: job.id,
                };
                let summary = format!(
                    "job {} (partner {} succeeded) on {} ({})",
                    partner.id,
                    job.id,
                    device.name,
                    device.user_full_name.as_deref().unwrap_or("-")
                );
                audit::record(conn, job.tenant_id, None, now, &summary, &event)?;
            }
        }
    }
    if let Some(mut device) = devices::get(conn, job.tenant_id, job.device_id)? {
        apply_success_effects(&mut device, success_effects(&stored.options));
        if job.method == JobMethod::AndroidEnterprise {
            // Deleted from the enterprise: Google no longer knows it by that name.
            device.android_resource_name = None;
        }
        device.last_seen_at = from_millis(now);
        devices::update(conn, &device)?;
    }
    if let Some(plan) = &stored.options.return_to_service {
        reenrollment::start(
            conn,
            sim,
            job.id,
            job.device_id,
            plan.reenrollment_facts(),
            now,
        )?;
    }
    Ok(moves)
}
