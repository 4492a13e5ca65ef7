//! Tests of [`super`]: the per-device preview and registration rules of a wipe.

use super::*;
use crate::dep::fixtures::silent_profile;
use crate::device::fixtures::iphone;
use crate::device::{Enrollment, ManagementMethod, Os, OsVersion, Ownership};

fn hybrid(id: i64) -> Device {
    Device {
        management_method: ManagementMethod::Hybrid,
        ..iphone(id)
    }
}

fn byod(id: i64) -> Device {
    Device {
        ownership: Ownership::Byod,
        ..iphone(id)
    }
}

fn old(id: i64) -> Device {
    Device {
        os_version: OsVersion::major_minor(16, 7),
        ..iphone(id)
    }
}

#[test]
fn hybrid_devices_plan_two_jobs_and_blocked_devices_none() {
    let profile = silent_profile(1);
    assert_eq!(
        plan_device_wipe(
            &hybrid(1),
            Some(&profile),
            false,
            Default::default(),
            vec![]
        )
        .jobs,
        [JobMethod::IviMdm, JobMethod::AppleMdm]
    );
    let blocked = plan_device_wipe(&byod(2), Some(&profile), false, Default::default(), vec![]);
    assert_eq!(
        (blocked.outcome, blocked.jobs.len()),
        (PreviewOutcome::NotWipeable, 0)
    );
    assert_eq!(blocked.not_wipeable_reason, Some(NotWipeableReason::Byod));
    let open = plan_device_wipe(
        &iphone(3),
        Some(&profile),
        false,
        Default::default(),
        vec![JobId(8)],
    );
    assert_eq!(
        (open.outcome, open.jobs.len()),
        (PreviewOutcome::OpenWipeExists, 0)
    );
}

#[test]
fn outcomes_follow_reenrollment_only_when_wifi_is_chosen() {
    let profile = silent_profile(1);
    let mut authenticating = profile.clone();
    authenticating.skip_authentication_screen = false;
    assert_eq!(
        plan_device_wipe(
            &iphone(1),
            Some(&profile),
            false,
            Default::default(),
            vec![]
        )
        .outcome,
        PreviewOutcome::Wipe
    );
    assert_eq!(
        plan_device_wipe(
            &iphone(1),
            Some(&profile),
            false,
            Default::default(),
            vec![]
        )
        .reenrollment,
        None
    );
    assert_eq!(
        plan_device_wipe(&iphone(1), Some(&profile), true, Default::default(), vec![]).outcome,
        PreviewOutcome::WipeAndReenroll
    );
    assert_eq!(
        plan_device_wipe(
            &iphone(1),
            Some(&authenticating),
            true,
            Default::default(),
            vec![]
        )
        .outcome,
        PreviewOutcome::WipeAndReenrollWithAuthentication
    );
    assert_eq!(
        plan_device_wipe(&old(1), Some(&profile), true, Default::default(), vec![]).outcome,
        PreviewOutcome::WipeWithoutReenrollment
    );
}

#[test]
fn the_summary_counts_devices_jobs_and_groups() {
    let profile = silent_profile(1);
    let android = Device {
        os: Os::Android,
        enrollment: Enrollment::Standard,
        management_method: ManagementMethod::AndroidFullyManaged,
        android_resource_name: Some("enterprises/LC01/devices/5".into()),
        ..iphone(5)
    };
    let plans = [
        plan_device_wipe(&hybrid(1), Some(&profile), true, Default::default(), vec![]),
        plan_device_wipe(&iphone(2), Some(&profile), true, Default::default(), vec![]),
        plan_device_wipe(&old(3), Some(&profile), true, Default::default(), vec![]),
        plan_device_wipe(&byod(4), Some(&profile), true, Default::default(), vec![]),
        plan_device_wipe(&android, None, true, Default::default(), vec![]),
    ];
    assert_eq!(
        plans[4].commands,
        [WipeCommandName::AndroidDevicesDelete],
        "the preview names the command"
    );
    assert_eq!(
        plans[0].commands,
        [
            WipeCommandName::ActiveSyncRemoteWipe,
            WipeCommandName::EraseDevice
        ]
    );
    let summary = PreviewSummary::from_plans(&plans);
    assert_eq!(
        summary.totals,
        PreviewTotals {
            devices: 5,
            wipeable_devices: 4,
            not_wipeable_devices: 1,
            devices_with_open_wipe: 0,
            jobs: 5,
            ivi_mdm_jobs: 1,
            apple_mdm_jobs: 3,
            android_enterprise_jobs: 1,
            windows_mdm_jobs: 0,
            android_devices: 1,
            windows_devices: 0,
            mac_devices: 0,
            macs_taking_pin: 0,
            reenrolling_devices: 2,
        }
    );
    let groups: Vec<(PreviewOutcome, u64, u64)> = summary
        .outcomes
        .iter()
        .map(|g| (g.outcome, g.devices, g.jobs))
        .collect();
    assert_eq!(
        groups,
        [
            (PreviewOutcome::NotWipeable, 1, 0),
            (PreviewOutcome::WipeWithoutReenrollment, 2, 2),
            (PreviewOutcome::WipeAndReenroll, 2, 3),
        ]
    );
}

#[test]
fn registration_is_all_or_nothing() {
    let profile = silent_profile(1);
    let fine = plan_device_wipe(
        &iphone(1),
        Some(&profile),
        false,
        Default::default(),
        vec![],
    );
    let blocked = plan_device_wipe(&byod(2), Some(&profile), false, Default::default(), vec![]);
    let open = plan_device_wipe(
        &iphone(3),
        Some(&profile),
        false,
        Default::default(),
        vec![JobId(4)],
    );

    let plans = [fine.clone(), blocked.clone()];
    let Err(RegistrationRefusal::NotWipeable(devices)) = check_registration(&plans, false) else {
        panic!()
    };
    assert_eq!(devices.iter().map(|d| d.id.0).collect::<Vec<_>>(), [2]);
    assert_eq!(check_registration(&plans, true).unwrap(), [&fine]);

    let plans = [fine.clone(), open];
    let Err(RegistrationRefusal::OpenWipeExists(devices)) = check_registration(&plans, true) else {
        panic!()
    };
    assert_eq!(devices[0].open_job_ids, [JobId(4)]);

    assert_eq!(
        check_registration(&[blocked], true),
        Err(RegistrationRefusal::NothingToWipe)
    );
    assert_eq!(
        check_registration(&[], false),
        Err(RegistrationRefusal::NothingToWipe)
    );
}
