//! Tests of the engine's rules for wipes (conditions, answers, time-outs, pairs).

use super::*;
use crate::device::ActiveSyncAccount;
use crate::job::status::check_transition;
use crate::test_time::at;

fn online() -> DeviceState {
    DeviceState {
        powered_on: true,
        network_connected: true,
        mdm_profile_installed: true,
        activesync: Some(ActiveSyncAccount {
            mail: true,
            ..Default::default()
        }),
    }
}

#[test]
fn common_conditions_apply_to_both_methods() {
    let off = DeviceState {
        powered_on: false,
        network_connected: false,
        ..online()
    };
    for method in JobMethod::ALL {
        assert_eq!(
            unmet_conditions(*method, &off),
            [UnmetCondition::PoweredOff, UnmetCondition::NoNetwork]
        );
    }
}

#[test]
fn each_method_has_its_own_channel() {
    let no_profile = DeviceState {
        mdm_profile_installed: false,
        ..online()
    };
    assert_eq!(
        unmet_conditions(JobMethod::AppleMdm, &no_profile),
        [UnmetCondition::MdmProfileRemoved]
    );
    assert!(unmet_conditions(JobMethod::IviMdm, &no_profile).is_empty());
    assert!(hybrid_can_run(&no_profile));

    let sync_off = DeviceState {
        activesync: Some(ActiveSyncAccount::default()),
        ..online()
    };
    assert_eq!(
        unmet_conditions(JobMethod::IviMdm, &sync_off),
        [UnmetCondition::ActiveSyncServicesOff]
    );
    assert!(unmet_conditions(JobMethod::AppleMdm, &sync_off).is_empty());

    let neither = DeviceState {
        mdm_profile_installed: false,
        activesync: None,
        ..online()
    };
    assert_eq!(
        unmet_conditions(JobMethod::IviMdm, &neither),
        [UnmetCondition::NoActiveSyncAccount]
    );
    assert!(!hybrid_can_run(&neither));
}

#[test]
fn android_and_windows_need_their_enrollment_not_activesync() {
    let enrolled = DeviceState {
        activesync: None,
        ..online()
    };
    for method in [JobMethod::AndroidEnterprise, JobMethod::WindowsMdm] {
        assert!(unmet_conditions(method, &enrolled).is_empty());
        let removed = DeviceState {
            mdm_profile_installed: false,
            ..enrolled
        };
        assert_eq!(
            unmet_conditions(method, &removed),
            [UnmetCondition::MdmProfileRemoved]
        );
    }
}

#[test]
fn android_and_windows_answers_move_a_sent_job_legally() {
    for reply in AndroidReply::ALL {
        let (to, reason) = after_android_reply(*reply);
        assert_eq!(check_transition(JobStatus::Sent, to, reason), Ok(()));
    }
    assert_eq!(
        after_android_reply(AndroidReply::Deleted),
        (JobStatus::Succeeded, StatusReason::RemovedFromEnterprise)
    );
    for code in [200, 400, 401, 403, 404, 405, 406, 425, 500, 507] {
        let (to, reason) = after_windows_status(code);
        assert_eq!(check_transition(JobStatus::Sent, to, reason), Ok(()));
    }
    assert_eq!(after_windows_status(200).0, JobStatus::Succeeded);
    assert_eq!(
        after_windows_status(405).1,
        StatusReason::WipeKindNotSupported
    );
    assert_eq!(
        after_windows_status(403).1,
        StatusReason::CommandNotPermitted
    );
    assert_eq!(after_windows_status(500).1, StatusReason::CommandFailed);
}

#[test]
fn apple_replies_move_a_sent_job_legally() {
    for reply in AppleReply::ALL {
        let (to, reason) = after_apple_reply(*reply);
        assert_eq!(
            check_transition(JobStatus::Sent, to, reason),
            Ok(()),
            "{reply}"
        );
    }
    assert_eq!(
        after_apple_reply(AppleReply::NotNow).0,
        JobStatus::WaitingForDevice
    );
    assert_eq!(
        serde_json::to_string(&AppleReply::NotNow).unwrap(),
        "\"NotNow\""
    );
}

#[test]
fn jobs_time_out_thirty_days_after_they_became_due() {
    let registered = at("2026-11-01T00:00:00Z");
    let scheduled = Some(at("2026-11-10T00:00:00Z"));
    let due = due_at(registered, scheduled);
    assert_eq!(timeout_at(due), at("2026-12-10T00:00:00Z"));
    assert!(!is_timed_out(
        JobStatus::WaitingForDevice,
        due,
        at("2026-12-09T23:59:59Z")
    ));
    assert!(is_timed_out(
        JobStatus::WaitingForDevice,
        due,
        at("2026-12-10T00:00:00Z")
    ));
    assert!(is_timed_out(
        JobStatus::Sent,
        due,
        at("2027-01-01T00:00:00Z")
    ));
    assert!(!is_timed_out(
        JobStatus::Scheduled,
        due,
        at("2027-01-01T00:00:00Z")
    ));
    assert!(!is_timed_out(
        JobStatus::Succeeded,
        due,
        at("2027-01-01T00:00:00Z")
    ));
    assert_eq!(due_at(registered, None), registered);
}

#[test]
fn first_success_cancels_an_open_partner_only() {
    for partner in [
        JobStatus::Scheduled,
        JobStatus::WaitingForDevice,
        JobStatus::Sent,
    ] {
        let (to, reason) = partner_after_success(partner).unwrap();
        assert_eq!(check_transition(partner, to, reason), Ok(()));
    }
    assert_eq!(partner_after_success(JobStatus::Failed), None);
    assert_eq!(partner_after_success(JobStatus::Succeeded), None);
}

#[test]
fn a_pair_reads_as_one_status() {
    use JobStatus::*;
    assert_eq!(pair_status(Cancelled, Succeeded), Succeeded);
    assert_eq!(pair_status(Failed, WaitingForDevice), WaitingForDevice);
    assert_eq!(pair_status(WaitingForDevice, Sent), Sent);
    assert_eq!(pair_status(Scheduled, Scheduled), Scheduled);
    assert_eq!(pair_status(Failed, Cancelled), Failed);
    assert_eq!(pair_status(Cancelled, Cancelled), Cancelled);
}
