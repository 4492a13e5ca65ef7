//! What registration writes into each job, and what a successful wipe changes on the device.

use chrono::{DateTime, Utc};

use super::eligibility::Reenrollment;
use super::preview::DeviceWipePlan;
use super::WipeOptions;
use crate::device::{clear_general_info, Device};
use crate::ids::GroupId;
use crate::job::{JobMethod, JobOptions, ReturnToServicePlan, WifiSettingRef};

/// The options stored on the job of `method` for a planned device. Re-enrollment rides on the
/// Apple MDM job only: IVI MDM cannot deliver a Wi-Fi profile.
pub fn job_options(
    plan: &DeviceWipePlan,
    method: JobMethod,
    options: &WipeOptions,
    wifi_setting: Option<&WifiSettingRef>,
) -> JobOptions {
    let return_to_service = match (&plan.reenrollment, method) {
        (
            Some(Reenrollment::Eligible {
                enrollment_group_id,
                enrollment_group_name,
                user_must_authenticate,
                activation_lock_enabled,
                ..
            }),
            JobMethod::AppleMdm,
        ) => Some(ReturnToServicePlan {
            enrollment_group_id: *enrollment_group_id,
            enrollment_group_name: enrollment_group_name.clone(),
            user_must_authenticate: *user_must_authenticate,
            // The profile's name is the portal's to copy in: eligibility knows only its group.
            dep_profile_name: None,
            activation_lock_enabled: *activation_lock_enabled,
        }),
        _ => None,
    };
    JobOptions {
        delete_general_info: options.delete_general_info,
        scheduled_at: options.schedule_at,
        wifi_setting: wifi_setting.cloned(),
        keep_esim_data_plan: options.keep_esim_data_plan,
        platform: options
            .platform
            .options_for(&plan.device, options.keep_esim_data_plan),
        return_to_service,
        measure: None,
    }
}

/// The changes a successful job makes to its device's record when the erase is acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuccessEffects {
    /// Clear the fields of [`GeneralInfoField`](crate::device::GeneralInfoField).
    pub clear_general_info: bool,
    /// The device is expected back through Return to Service, into this group (its DEP
    /// profile's enrollment group). It moves there only when it is seen checking in again
    /// ([`apply_reenrollment`]); the erase alone proves nothing about its return.
    pub awaited_into_group: Option<GroupId>,
}

/// The effects of the job that succeeded (of a Hybrid pair, the one that won).
pub fn success_effects(options: &JobOptions) -> SuccessEffects {
    SuccessEffects {
        clear_general_info: options.delete_general_info,
        awaited_into_group: options
            .return_to_service
            .as_ref()
            .map(|plan| plan.enrollment_group_id),
    }
}

/// Applies the effects of the erase to the device record. An erased device is factory-reset:
/// it has no MDM profile and no ActiveSync account until it re-enrolls, and lost mode and the
/// lock end with the data they protected.
pub fn apply_success_effects(device: &mut Device, effects: SuccessEffects) {
    if effects.clear_general_info {
        clear_general_info(device);
    }
    device.state.mdm_profile_installed = false;
    device.state.activesync = None;
    device.lost_mode = false;
    device.locked = false;
}

/// The wiped device checked in again after Return to Service, at `at`: it is managed again,
/// online, and in the enrollment group of its DEP profile.
pub fn apply_reenrollment(device: &mut Device, group: GroupId, at: DateTime<Utc>) {
    device.group_id = group;
    device.state.mdm_profile_installed = true;
    device.state.powered_on = true;
    device.state.network_connected = true;
    device.last_seen_at = at;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dep::fixtures::silent_profile;
    use crate::device::fixtures::iphone;
    use crate::device::ManagementMethod;
    use crate::ids::WifiSettingId;
    use crate::wipe::plan_device_wipe;

    fn wifi() -> WifiSettingRef {
        WifiSettingRef {
            id: WifiSettingId(1),
            name: "本社".into(),
            ssid: "CORP".into(),
        }
    }

    fn options(delete: bool) -> WipeOptions {
        WipeOptions {
            delete_general_info: delete,
            schedule_at: None,
            wifi_setting_id: Some(WifiSettingId(1)),
            keep_esim_data_plan: true,
            platform: Default::default(),
        }
    }

    #[test]
    fn only_the_apple_job_of_an_eligible_device_carries_return_to_service() {
        let device = Device {
            management_method: ManagementMethod::Hybrid,
            ..iphone(1)
        };
        let plan = plan_device_wipe(
            &device,
            Some(&silent_profile(1)),
            true,
            Default::default(),
            vec![],
        );
        let apple = job_options(&plan, JobMethod::AppleMdm, &options(true), Some(&wifi()));
        let ivi = job_options(&plan, JobMethod::IviMdm, &options(true), Some(&wifi()));
        assert_eq!(
            apple
                .return_to_service
                .as_ref()
                .map(|p| p.enrollment_group_id),
            Some(GroupId(10))
        );
        assert_eq!(ivi.return_to_service, None);
        assert_eq!(ivi.wifi_setting, Some(wifi()));
        assert!(ivi.keep_esim_data_plan);
    }

    #[test]
    fn success_clears_info_and_leaves_the_device_unmanaged_in_its_group() {
        let mut device = iphone(1);
        let plan = plan_device_wipe(
            &device,
            Some(&silent_profile(1)),
            true,
            Default::default(),
            vec![],
        );
        let stored = job_options(&plan, JobMethod::AppleMdm, &options(true), Some(&wifi()));
        let effects = success_effects(&stored);
        assert_eq!(effects.awaited_into_group, Some(GroupId(10)));
        apply_success_effects(&mut device, effects);
        // Not moved yet: the device has not been seen coming back.
        assert_eq!(device.group_id, GroupId(1));
        assert!(!device.state.mdm_profile_installed);
        assert!(device.tags.is_empty() && device.user_full_name.is_none());
        let back = DateTime::parse_from_rfc3339("2026-11-26T06:00:00Z")
            .unwrap()
            .to_utc();
        apply_reenrollment(&mut device, GroupId(10), back);
        assert_eq!(device.group_id, GroupId(10));
        assert!(device.state.mdm_profile_installed);
        assert_eq!(device.last_seen_at, back);
    }

    #[test]
    fn unchecked_delete_keeps_the_info_and_no_wifi_awaits_nothing() {
        let mut device = iphone(1);
        let plan = plan_device_wipe(
            &device,
            Some(&silent_profile(1)),
            false,
            Default::default(),
            vec![],
        );
        let no_wifi = WipeOptions {
            wifi_setting_id: None,
            ..options(false)
        };
        let stored = job_options(&plan, JobMethod::AppleMdm, &no_wifi, None);
        let effects = success_effects(&stored);
        assert_eq!(effects.awaited_into_group, None);
        apply_success_effects(&mut device, effects);
        let mut expected = iphone(1);
        expected.state.mdm_profile_installed = false;
        assert_eq!(device, expected);
    }
}
