//! What a measure the device acknowledged changes in the device's record.

use super::Measure;
use crate::device::Device;

/// Applies an acknowledged measure to the device record. The location answer is kept apart
/// (it is a history, not a state); a sound changes nothing that is recorded.
pub fn apply_measure_success(device: &mut Device, measure: Measure) {
    match measure {
        Measure::Lock => device.locked = true,
        // Lost mode locks the device too; ending it leaves the device as it is (its user
        // unlocks it with the passcode).
        Measure::LostModeOn => device.lost_mode = true,
        Measure::LostModeOff => device.lost_mode = false,
        Measure::Locate | Measure::PlaySound => {}
        // The company's profile (Android's work profile, Windows' enrollment) is gone: the
        // device is no longer managed, and Google no longer knows it.
        Measure::RemoveCompanyData => {
            device.state.mdm_profile_installed = false;
            device.android_resource_name = None;
            device.lost_mode = false;
            device.locked = false;
        }
        Measure::Wipe => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;

    #[test]
    fn lost_mode_starts_and_ends_and_company_data_removal_ends_management() {
        let mut device = iphone(1);
        apply_measure_success(&mut device, Measure::LostModeOn);
        assert!(device.lost_mode);
        apply_measure_success(&mut device, Measure::Lock);
        assert!(device.locked);
        apply_measure_success(&mut device, Measure::LostModeOff);
        assert!(!device.lost_mode && device.locked);
        apply_measure_success(&mut device, Measure::RemoveCompanyData);
        assert!(!device.state.mdm_profile_installed && !device.locked);
    }
}
