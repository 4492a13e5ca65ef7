//! The answer to a lost-device measure's command (lock, lost mode, location, sound, company
//! data removal) and what it changes: the device's record, and for a location request, the
//! location it gave.

use crate::store::sql::Connection;
use mdm_model::{
    job::{after_measure_reply, ChannelAnswer, JobMethod, JobStatus},
    measure::{apply_measure_success, Measure},
};

use super::command::NOT_NOW_RETRY;
use crate::{
    error::ApiError,
    simulator::{after, Simulator},
    store::{devices, from_millis, jobs, jobs::EngineJob, locations, Millis},
};

/// The device's (or Google's) answer to a sent measure job, and its effect when it succeeded.
pub(super) fn receive_reply(
    conn: &Connection,
    sim: &mut Simulator,
    job: &EngineJob,
    now: Millis,
) -> Result<u64, ApiError> {
    let measure = job.kind.measure();
    let device = devices::get(conn, job.tenant_id, job.device_id)?;
    // Apple answers Error to a location or sound request once the device left lost mode.
    let left_lost_mode = matches!(measure, Measure::Locate | Measure::PlaySound)
        && !device.as_ref().is_some_and(|d| d.lost_mode);
    let answer = match job.method {
        JobMethod::AndroidEnterprise => ChannelAnswer::Android(sim.android_reply()),
        JobMethod::WindowsMdm => ChannelAnswer::Windows(sim.windows_status()),
        JobMethod::AppleMdm | JobMethod::IviMdm => ChannelAnswer::Apple(sim.apple_reply()),
    };
    let (to, reason) = after_measure_reply(answer, left_lost_mode);
    let next = if to == JobStatus::WaitingForDevice {
        after(now, sim.device_time(NOT_NOW_RETRY))
    } else {
        now
    };
    if !jobs::transition(conn, job.id, JobStatus::Sent, to, reason, now, next)? {
        return Ok(0);
    }
    if to == JobStatus::Succeeded {
        if let Some(mut device) = device {
            if measure == Measure::Locate {
                let fix = sim.location_fix(&device, job.id, from_millis(now));
                locations::insert(conn, job.tenant_id, device.id, &fix)?;
            }
            apply_measure_success(&mut device, measure);
            device.last_seen_at = from_millis(now);
            devices::update(conn, &device)?;
        }
    }
    Ok(1)
}
