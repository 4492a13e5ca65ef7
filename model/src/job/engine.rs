//! The rules the job engine applies: when a job can run on its device, what a device's answer
//! means, when a lost-device job gives up, and how a Hybrid pair resolves.

use chrono::{DateTime, TimeDelta, Utc};

use super::status::{JobStatus, StatusReason};
use super::JobMethod;
use crate::device::{DeviceState, Os};
use crate::vocabulary::vocabulary;

/// A lost-device job that gets no answer is ended this long after it became due.
pub const LOST_DEVICE_JOB_TIMEOUT: TimeDelta = TimeDelta::days(30);

/// An IVI MDM wipe reaches the device from immediately up to about this long after registration.
pub const IVI_MDM_MAX_DELAY: TimeDelta = TimeDelta::hours(1);

vocabulary! {
    /// An execution condition that does not hold now: what a waiting job waits for.
    pub enum UnmetCondition {
        PoweredOff = "powered_off", ja: "端末の電源がオフです", en: "The device is switched off";
        NoNetwork = "no_network", ja: "端末がネットワークに接続されていません", en: "The device is not on a network";
        MdmProfileRemoved = "mdm_profile_removed", ja: "MDMプロファイルが削除されています",
            en: "The MDM profile has been removed";
        NoActiveSyncAccount = "no_activesync_account", ja: "ActiveSyncアカウントが設定されていません",
            en: "The device has no ActiveSync account";
        ActiveSyncServicesOff = "activesync_services_off",
            ja: "ActiveSyncアカウントのメール・連絡先・カレンダーなどがすべてオフです",
            en: "Mail, contacts, calendar and the other ActiveSync services are all off";
    }
}

/// The conditions a job of `method` needs on this device that do not hold now (empty: it can
/// run). Always: powered on and on a network. Apple MDM: the MDM profile is installed. IVI MDM on
/// iPhone / iPad: the ActiveSync gateway account syncs at least one service; on Android and
/// Windows IVI MDM works through its agent, which the `mdm_profile_installed` flag reports.
pub fn unmet_conditions(method: JobMethod, os: Os, state: &DeviceState) -> Vec<UnmetCondition> {
    let mut unmet = Vec::new();
    if !state.powered_on {
        unmet.push(UnmetCondition::PoweredOff);
    }
    if !state.network_connected {
        unmet.push(UnmetCondition::NoNetwork);
    }
    match method {
        JobMethod::AppleMdm => {
            if !state.mdm_profile_installed {
                unmet.push(UnmetCondition::MdmProfileRemoved);
            }
        }
        JobMethod::IviMdm if os.is_apple_mobile() => match state.activesync {
            None => unmet.push(UnmetCondition::NoActiveSyncAccount),
            Some(account) if !account.any_service_on() => {
                unmet.push(UnmetCondition::ActiveSyncServicesOff)
            }
            Some(_) => {}
        },
        JobMethod::IviMdm => {
            if !state.mdm_profile_installed {
                unmet.push(UnmetCondition::MdmProfileRemoved);
            }
        }
    }
    unmet
}

/// A Hybrid wipe can run when the common conditions hold and either method's do.
pub fn hybrid_can_run(os: Os, state: &DeviceState) -> bool {
    unmet_conditions(JobMethod::AppleMdm, os, state).is_empty()
        || unmet_conditions(JobMethod::IviMdm, os, state).is_empty()
}

vocabulary! {
    /// The status a device answers an Apple MDM command with (wire names are Apple's).
    pub enum AppleReply {
        Acknowledged = "Acknowledged", ja: "受領(Acknowledged)", en: "Acknowledged";
        Error = "Error", ja: "エラー(Error)", en: "Error";
        CommandFormatError = "CommandFormatError", ja: "形式エラー(CommandFormatError)", en: "Command format error";
        NotNow = "NotNow", ja: "処理不可(NotNow)", en: "Not now";
    }
}

/// Where a sent Apple MDM job goes on the device's answer. A device never retries a failed
/// erase by itself, so errors are final; NotNow puts the job back to wait and be sent again.
pub fn after_apple_reply(reply: AppleReply) -> (JobStatus, StatusReason) {
    match reply {
        AppleReply::Acknowledged => (JobStatus::Succeeded, StatusReason::Acknowledged),
        AppleReply::Error => (JobStatus::Failed, StatusReason::DeviceError),
        AppleReply::CommandFormatError => (JobStatus::Failed, StatusReason::CommandFormatError),
        AppleReply::NotNow => (JobStatus::WaitingForDevice, StatusReason::DeviceBusy),
    }
}

/// When a job becomes due: its scheduled time, or its registration when not scheduled.
pub fn due_at(registered_at: DateTime<Utc>, scheduled_at: Option<DateTime<Utc>>) -> DateTime<Utc> {
    scheduled_at.unwrap_or(registered_at)
}

/// When a job that got no answer is ended.
pub fn timeout_at(due_at: DateTime<Utc>) -> DateTime<Utc> {
    due_at + LOST_DEVICE_JOB_TIMEOUT
}

/// Whether the engine must now end the job as timed out (only jobs that are due and unanswered).
pub fn is_timed_out(status: JobStatus, due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    matches!(status, JobStatus::WaitingForDevice | JobStatus::Sent) && now >= timeout_at(due_at)
}

/// When one job of a Hybrid pair succeeds: what happens to its partner. An open partner is
/// cancelled (the device is already erased); a finished one is left as it is.
pub fn partner_after_success(partner: JobStatus) -> Option<(JobStatus, StatusReason)> {
    partner
        .is_open()
        .then_some((JobStatus::Cancelled, StatusReason::PartnerSucceeded))
}

/// One status for a Hybrid pair as a whole: succeeded when either succeeded; otherwise the most
/// advanced open status while either is open; otherwise cancelled only when both were cancelled.
pub fn pair_status(a: JobStatus, b: JobStatus) -> JobStatus {
    fn progress(status: JobStatus) -> u8 {
        match status {
            JobStatus::Scheduled => 0,
            JobStatus::WaitingForDevice => 1,
            _ => 2,
        }
    }
    if a == JobStatus::Succeeded || b == JobStatus::Succeeded {
        return JobStatus::Succeeded;
    }
    match (a.is_open(), b.is_open()) {
        (true, true) => {
            if progress(a) >= progress(b) {
                a
            } else {
                b
            }
        }
        (true, false) => a,
        (false, true) => b,
        (false, false) if a == JobStatus::Cancelled && b == JobStatus::Cancelled => {
            JobStatus::Cancelled
        }
        (false, false) => JobStatus::Failed,
    }
}

#[cfg(test)]
mod tests {
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
                unmet_conditions(*method, Os::Ios, &off),
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
            unmet_conditions(JobMethod::AppleMdm, Os::Ios, &no_profile),
            [UnmetCondition::MdmProfileRemoved]
        );
        assert!(unmet_conditions(JobMethod::IviMdm, Os::Ios, &no_profile).is_empty());
        assert!(hybrid_can_run(Os::Ios, &no_profile));

        let sync_off = DeviceState {
            activesync: Some(ActiveSyncAccount::default()),
            ..online()
        };
        assert_eq!(
            unmet_conditions(JobMethod::IviMdm, Os::Ios, &sync_off),
            [UnmetCondition::ActiveSyncServicesOff]
        );
        assert!(unmet_conditions(JobMethod::AppleMdm, Os::Ios, &sync_off).is_empty());

        let neither = DeviceState {
            mdm_profile_installed: false,
            activesync: None,
            ..online()
        };
        assert_eq!(
            unmet_conditions(JobMethod::IviMdm, Os::IpadOs, &neither),
            [UnmetCondition::NoActiveSyncAccount]
        );
        assert!(!hybrid_can_run(Os::IpadOs, &neither));
    }

    #[test]
    fn ivi_on_android_needs_its_agent_not_activesync() {
        let agent_only = DeviceState {
            activesync: None,
            ..online()
        };
        assert!(unmet_conditions(JobMethod::IviMdm, Os::Android, &agent_only).is_empty());
        let removed = DeviceState {
            mdm_profile_installed: false,
            ..agent_only
        };
        assert_eq!(
            unmet_conditions(JobMethod::IviMdm, Os::Windows, &removed),
            [UnmetCondition::MdmProfileRemoved]
        );
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
}
