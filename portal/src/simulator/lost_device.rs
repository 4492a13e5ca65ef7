//! How simulated devices behave around the lost-device measures: where they are when asked,
//! a found device leaving lost mode or being unlocked by its user, and Android devices in lost
//! mode reporting their location by themselves.

use crate::store::sql::Connection;
use chrono::{DateTime, Utc};
use mdm_model::{
    device::{Device, Os},
    ids::JobId,
    measure::DeviceLocationFix,
};

use super::Simulator;
use crate::{error::ApiError, ids::TenantId, store::locations};

/// Where simulated devices get lost: around a few Japanese city centres.
const PLACES: &[(f64, f64)] = &[
    (35.681_236, 139.767_125), // Tokyo Station
    (34.702_485, 135.495_951), // Osaka (Umeda)
    (35.170_915, 136.881_537), // Nagoya
    (43.068_661, 141.350_755), // Sapporo
    (33.589_886, 130.420_611), // Fukuoka (Hakata)
];

/// Share of changes to a device in lost mode where it is found and leaves lost mode.
const FOUND_CHANCE: f64 = 0.05;
/// Share of changes to a locked device where its user unlocks it.
const UNLOCK_CHANCE: f64 = 0.3;

impl Simulator {
    /// Where `device` is now: near one of [`PLACES`] (fixed per device), a few hundred metres
    /// off, with an accuracy of 5 to 65 m.
    pub fn location_fix(
        &mut self,
        device: &Device,
        job: JobId,
        at: DateTime<Utc>,
    ) -> DeviceLocationFix {
        let (lat, lon) = PLACES[(device.id.0.unsigned_abs() % PLACES.len() as u64) as usize];
        let jitter = |rng: &mut crate::store::seed::rng::SeedRng| {
            (rng.below(2_001) as f64 - 1_000.0) / 200_000.0
        };
        DeviceLocationFix {
            latitude: lat + jitter(&mut self.rng),
            longitude: lon + jitter(&mut self.rng),
            horizontal_accuracy_m: Some(5.0 + self.rng.below(61) as f64),
            located_at: at,
            job_id: Some(job),
        }
    }

    /// What a device around the measures does when the simulator changes it: its user unlocks
    /// it, it is found and leaves lost mode, or (Android in lost mode, reachable) it reports
    /// where it is.
    pub(super) fn lost_device_change(
        &mut self,
        conn: &Connection,
        tenant_id: TenantId,
        device: &mut Device,
        at: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        if device.locked && self.rng.chance(UNLOCK_CHANCE) {
            device.locked = false;
        }
        if !device.lost_mode {
            return Ok(());
        }
        if self.rng.chance(FOUND_CHANCE) {
            device.lost_mode = false;
            return Ok(());
        }
        let reachable = device.state.powered_on && device.state.network_connected;
        if device.os == Os::Android && reachable {
            let mut fix = self.location_fix(device, JobId(0), at);
            // Android's LostModeLocationEvent carries no accuracy and answers no request.
            fix.horizontal_accuracy_m = None;
            fix.job_id = None;
            locations::insert(conn, tenant_id, device.id, &fix)?;
        }
        Ok(())
    }
}
