//! The device simulator: what the fleet does on its own (switching on and off, losing the
//! network, an MDM profile removed now and then, ActiveSync services toggled) and how a device
//! answers a command. It is honest: the engine only sees the device state the simulator left,
//! and jobs wait, run, are refused or time out as a result.

use crate::ids::TenantId;
use crate::store::sql::Connection;
use chrono::Duration;
use mdm_model::{
    device::ActiveSyncAccount,
    ids::{DeviceId, JobId},
    job::{AndroidReply, AppleReply},
};

mod lost_device;
mod reenrollment;

pub use reenrollment::SCRIPTED_RETURN_DELAY;

use crate::{
    error::ApiError,
    store::{devices, jobs, seed::rng::SeedRng, Millis},
};

/// How devices answer Apple MDM commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyPolicy {
    /// A realistic mix: mostly Acknowledged, sometimes NotNow (busy), rarely Error.
    Realistic,
    /// Always this answer (tests).
    Always(AppleReply),
}

/// Settings of the simulator.
#[derive(Debug, Clone, Copy)]
pub struct SimulatorConfig {
    /// Whether devices change state by themselves over time.
    pub device_changes: bool,
    pub replies: ReplyPolicy,
    /// Longest delay before an IVI MDM wipe reaches the device (the model's bound).
    pub max_ivi_delay: Duration,
    /// How long every device takes to answer a command; `None` varies it (5 to 59 seconds).
    pub reply_delay: Option<Duration>,
    /// How much faster than real devices the simulated ones act (`--time-scale`): their
    /// answers, busy retries, IVI MDM delays, returns after a wipe and changes of state come
    /// this many times sooner. The clock jobs are stamped with is never sped up.
    pub speed: f64,
    pub seed: u64,
}

/// How long a scripted device takes to answer a command.
pub const SCRIPTED_REPLY_DELAY: Duration = Duration::seconds(30);

impl SimulatorConfig {
    /// A fleet that does only what a test or a demo script says: devices keep the state they
    /// have, and every Apple MDM command gets `reply` after exactly [`SCRIPTED_REPLY_DELAY`].
    pub fn scripted(reply: AppleReply) -> SimulatorConfig {
        SimulatorConfig {
            device_changes: false,
            replies: ReplyPolicy::Always(reply),
            reply_delay: Some(SCRIPTED_REPLY_DELAY),
            ..SimulatorConfig::default()
        }
    }
}

impl Default for SimulatorConfig {
    fn default() -> Self {
        SimulatorConfig {
            device_changes: true,
            replies: ReplyPolicy::Realistic,
            max_ivi_delay: mdm_model::job::IVI_MDM_MAX_DELAY,
            reply_delay: None,
            speed: 1.0,
            seed: 1,
        }
    }
}

/// Share of the fleet that changes state per simulated minute.
const CHANGES_PER_DEVICE_MINUTE: f64 = 0.01;
/// Most device changes made in one step, so a long pause does not stall the engine.
const MAX_CHANGES_PER_STEP: u64 = 2_000;

/// The simulator's state between steps.
#[derive(Debug)]
pub struct Simulator {
    pub config: SimulatorConfig,
    rng: SeedRng,
    /// Fractional changes carried over to the next step.
    pending_changes: f64,
    /// SHA-256 of every command document a device received, by job, in order: the device's
    /// own account of what reached it, to hold against the job's record.
    received: std::collections::HashMap<JobId, Vec<String>>,
    /// The fleet's id range and size, and when they were counted: counting a million devices
    /// takes tens of milliseconds, too much for every half-second step.
    fleet: Option<(std::time::Instant, FleetRange)>,
}

/// The fleet's lowest and highest device id and its size.
type FleetRange = (Option<i64>, Option<i64>, i64);

/// How long the fleet's size is taken as known.
const RECOUNT_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

impl Simulator {
    pub fn new(config: SimulatorConfig) -> Simulator {
        Simulator {
            rng: SeedRng::new(config.seed),
            config,
            pending_changes: 0.0,
            received: Default::default(),
            fleet: None,
        }
    }

    /// A device receives the bytes of a job's command.
    pub fn receive_command(&mut self, job: JobId, bytes: &[u8]) {
        use sha2::Digest;
        // A long demo sends many commands; the account is for tests, so it stays bounded.
        if self.received.len() >= 100_000 {
            self.received.clear();
        }
        let digest: String = sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        self.received.entry(job).or_default().push(digest);
    }

    /// The digests of the commands received for a job, oldest first.
    pub fn received_command_digests(&self, job: JobId) -> Vec<String> {
        self.received.get(&job).cloned().unwrap_or_default()
    }

    /// The device's answer to an EraseDevice command.
    pub fn apple_reply(&mut self) -> AppleReply {
        match self.config.replies {
            ReplyPolicy::Always(reply) => reply,
            ReplyPolicy::Realistic => *self.rng.weighted(&[
                (AppleReply::Acknowledged, 80),
                (AppleReply::NotNow, 15),
                (AppleReply::Error, 5),
            ]),
        }
    }

    /// How the Android Management API answers a device deletion (and the device then runs the
    /// wipe). A scripted fleet answers in kind: Acknowledged is an accepted deletion, NotNow a
    /// passing outage, Error and CommandFormatError a device no longer in the enterprise.
    pub fn android_reply(&mut self) -> AndroidReply {
        match self.config.replies {
            ReplyPolicy::Always(AppleReply::Acknowledged) => AndroidReply::Deleted,
            ReplyPolicy::Always(AppleReply::NotNow) => AndroidReply::Unavailable,
            ReplyPolicy::Always(_) => AndroidReply::NotFound,
            ReplyPolicy::Realistic => *self.rng.weighted(&[
                (AndroidReply::Deleted, 90),
                (AndroidReply::Unavailable, 6),
                (AndroidReply::NotFound, 3),
                (AndroidReply::PermissionDenied, 1),
            ]),
        }
    }

    /// The SyncML status a Windows device returns for the RemoteWipe `Exec`. Windows has no
    /// "busy" answer (the command waits for the device's next session instead), so a scripted
    /// NotNow is accepted like Acknowledged; Error is 500 and CommandFormatError 400.
    pub fn windows_status(&mut self) -> u16 {
        match self.config.replies {
            ReplyPolicy::Always(AppleReply::Acknowledged | AppleReply::NotNow) => 200,
            ReplyPolicy::Always(AppleReply::Error) => 500,
            ReplyPolicy::Always(AppleReply::CommandFormatError) => 400,
            ReplyPolicy::Realistic => {
                *self
                    .rng
                    .weighted(&[(200, 90), (500, 5), (405, 3), (403, 2)])
            }
        }
    }

    /// How long a device takes to answer a command it received.
    pub fn reply_delay(&mut self) -> Duration {
        let real = match self.config.reply_delay {
            Some(fixed) => fixed,
            None => Duration::seconds(5 + self.rng.below(55) as i64),
        };
        self.device_time(real)
    }

    /// A span of real device behaviour at the simulator's speed.
    pub fn device_time(&self, real: Duration) -> Duration {
        let speed = self.config.speed;
        if !(speed.is_finite() && speed > 0.0) || speed == 1.0 {
            return real;
        }
        Duration::milliseconds((real.num_milliseconds() as f64 / speed) as i64)
    }

    /// Lets `elapsed` simulated time pass over the fleet: some devices change state, and the
    /// jobs of each changed device are looked at again.
    pub fn step(
        &mut self,
        conn: &mut Connection,
        now: Millis,
        elapsed: Duration,
    ) -> Result<u64, ApiError> {
        if !self.config.device_changes || elapsed <= Duration::zero() {
            return Ok(0);
        }
        let (min_id, max_id, fleet) = match self.fleet {
            Some((at, counted)) if at.elapsed() < RECOUNT_EVERY => counted,
            _ => {
                let counted: FleetRange =
                    conn.query_row("SELECT MIN(id), MAX(id), COUNT(*) FROM devices", [], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?;
                self.fleet = Some((std::time::Instant::now(), counted));
                counted
            }
        };
        let (Some(min_id), Some(max_id)) = (min_id, max_id) else {
            return Ok(0);
        };
        let device_minutes = elapsed.num_milliseconds() as f64 / 60_000.0 * self.config.speed;
        self.pending_changes += fleet as f64 * CHANGES_PER_DEVICE_MINUTE * device_minutes;
        let changes = (self.pending_changes.floor() as u64).min(MAX_CHANGES_PER_STEP);
        self.pending_changes -= changes as f64;
        self.pending_changes = self.pending_changes.min(MAX_CHANGES_PER_STEP as f64);
        let tx = conn.transaction()?;
        let mut changed = 0;
        for _ in 0..changes {
            let id = DeviceId(min_id + self.rng.below((max_id - min_id + 1) as u64) as i64);
            let Some(tenant_id) = tx
                .prepare_cached("SELECT tenant_id FROM devices WHERE id = ?1")?
                .query_row([id.0], |r| r.get::<_, TenantId>(0))
                .ok()
            else {
                continue;
            };
            let Some(mut device) = devices::get(&tx, tenant_id, id)? else {
                continue;
            };
            self.change(&mut device.state);
            if device.state.powered_on && device.state.network_connected {
                device.last_seen_at = crate::store::from_millis(now);
            }
            self.lost_device_change(&tx, tenant_id, &mut device, crate::store::from_millis(now))?;
            devices::update(&tx, &device)?;
            jobs::wake_device_jobs(&tx, id, now)?;
            changed += 1;
        }
        tx.commit()?;
        Ok(changed)
    }

    /// One state change, biased back towards "online" so every status occurs but jobs can
    /// still make progress.
    fn change(&mut self, state: &mut mdm_model::device::DeviceState) {
        if !state.powered_on {
            state.powered_on = self.rng.chance(0.9);
        } else if !state.network_connected {
            state.network_connected = self.rng.chance(0.9);
        } else if !state.mdm_profile_installed {
            // A removed profile comes back only when someone re-installs it.
            state.mdm_profile_installed = self.rng.chance(0.1);
        } else {
            match self.rng.below(100) {
                0..=39 => state.powered_on = false,
                40..=84 => state.network_connected = false,
                85..=87 => state.mdm_profile_installed = false,
                _ => {
                    if let Some(account) = state.activesync.as_mut() {
                        *account = if account.any_service_on() {
                            ActiveSyncAccount::default()
                        } else {
                            ActiveSyncAccount {
                                mail: true,
                                calendar: true,
                                ..Default::default()
                            }
                        };
                    }
                }
            }
        }
    }
}

/// When an IVI MDM wipe reaches a device, counted from when the job becomes due: from
/// immediately up to `max`, fixed per device and registration (the gateway's reach depends on
/// the device, not on when the engine happens to look).
pub fn ivi_delay_for(device: DeviceId, wipe: mdm_model::ids::WipeId, max: Duration) -> Duration {
    let mut rng = SeedRng::new(
        (device.0 as u64)
            .wrapping_mul(0x9E37_79B9)
            .wrapping_add(wipe.0 as u64),
    );
    let max = max.num_seconds().max(0) as u64;
    Duration::seconds(rng.below(max + 1) as i64)
}

/// Stored form of a time offset from `now`.
pub fn after(now: Millis, delay: Duration) -> Millis {
    now + delay.num_milliseconds()
}
