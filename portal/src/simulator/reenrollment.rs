//! Whether and when a device wiped with Return to Service checks in again. Real devices stop
//! in Setup Assistant for reasons the portal cannot see: Activation Lock (always), a DEP
//! profile whose authentication screen waits for a person (often), a Wi-Fi network they can
//! no longer join (sometimes). The simulator decides once per job, the same way every time
//! it is asked, so the engine can look again whenever it likes.

use chrono::Duration;
use mdm_model::{
    ids::{DeviceId, JobId},
    job::ReenrollmentFacts,
};

use super::{ReplyPolicy, Simulator};
use crate::store::seed::rng::SeedRng;

/// How long a scripted device takes to come back after its erase.
pub const SCRIPTED_RETURN_DELAY: Duration = Duration::minutes(10);

impl Simulator {
    /// How long after the acknowledged erase the device checks in again, or `None` when it
    /// never does.
    pub fn reenrollment_return(
        &self,
        job: JobId,
        device: DeviceId,
        facts: ReenrollmentFacts,
    ) -> Option<Duration> {
        if facts.activation_lock_enabled {
            return None;
        }
        let real = match self.config.replies {
            // A script has no person at the device to authenticate.
            ReplyPolicy::Always(_) => {
                (!facts.user_must_authenticate).then_some(SCRIPTED_RETURN_DELAY)
            }
            ReplyPolicy::Realistic => {
                let mut rng = SeedRng::new(
                    self.config.seed
                        ^ (job.0 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                        ^ (device.0 as u64).rotate_left(32),
                );
                if facts.user_must_authenticate {
                    // Someone picks the device up and signs in, or nobody does in time.
                    rng.chance(0.5)
                        .then(|| Duration::minutes(30 + rng.below(210) as i64))
                } else {
                    // Setup runs unattended; one in ten cannot join the network.
                    rng.chance(0.9)
                        .then(|| Duration::minutes(3 + rng.below(17) as i64))
                }
            }
        };
        real.map(|real| self.device_time(real))
    }
}
