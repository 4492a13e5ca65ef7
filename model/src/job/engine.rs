//! The rules the job engine applies: when a job can run on its device, what a device's answer
//! means, when a lost-device job gives up, and how a Hybrid pair resolves.

use chrono::{DateTime, TimeDelta, Utc};

use super::status::{JobStatus, StatusReason};
use super::JobMethod;
use crate::device::DeviceState;
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
/// run). Always: powered on and on a network. IVI MDM: the ActiveSync gateway account syncs at
/// least one service. Every other method: the device is still enrolled (the MDM profile on
/// Apple devices, Android Device Policy's work profile or device management on Android, the MDM
/// enrollment on Windows), which the `mdm_profile_installed` flag reports.
pub fn unmet_conditions(method: JobMethod, state: &DeviceState) -> Vec<UnmetCondition> {
    let mut unmet = Vec::new();
    if !state.powered_on {
        unmet.push(UnmetCondition::PoweredOff);
    }
    if !state.network_connected {
        unmet.push(UnmetCondition::NoNetwork);
    }
    match method {
        JobMethod::IviMdm => match state.activesync {
            None => unmet.push(UnmetCondition::NoActiveSyncAccount),
            Some(account) if !account.any_service_on() => {
                unmet.push(UnmetCondition::ActiveSyncServicesOff)
            }
            Some(_) => {}
        },
        JobMethod::AppleMdm | JobMethod::AndroidEnterprise | JobMethod::WindowsMdm => {
            if !state.mdm_profile_installed {
                unmet.push(UnmetCondition::MdmProfileRemoved);
            }
        }
    }
    unmet
}

/// A Hybrid wipe can run when the common conditions hold and either method's do.
pub fn hybrid_can_run(state: &DeviceState) -> bool {
    unmet_conditions(JobMethod::AppleMdm, state).is_empty()
        || unmet_conditions(JobMethod::IviMdm, state).is_empty()
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

vocabulary! {
    /// How the Android Management API answered a device deletion (HTTP status classes).
    pub enum AndroidReply {
        /// 200 with an empty body; the device then runs the wipe and leaves the device list.
        Deleted = "deleted", ja: "削除を受け付けました(200)", en: "Deletion accepted (200)";
        NotFound = "not_found", ja: "端末が見つかりません(404)", en: "Device not found (404)";
        PermissionDenied = "permission_denied", ja: "権限がありません(403)", en: "Permission denied (403)";
        /// 429 or 503: quota or a passing outage; Google asks callers to retry with back-off.
        Unavailable = "unavailable", ja: "一時的に利用できません(429/503)", en: "Temporarily unavailable (429/503)";
    }
}

/// Where a sent Android job goes once the API answered and, for an accepted deletion, the
/// device left the enterprise's device list after running the wipe.
pub fn after_android_reply(reply: AndroidReply) -> (JobStatus, StatusReason) {
    match reply {
        AndroidReply::Deleted => (JobStatus::Succeeded, StatusReason::RemovedFromEnterprise),
        AndroidReply::NotFound => (JobStatus::Failed, StatusReason::NotInEnterprise),
        AndroidReply::PermissionDenied => (JobStatus::Failed, StatusReason::ApiPermissionDenied),
        AndroidReply::Unavailable => (JobStatus::WaitingForDevice, StatusReason::ApiUnavailable),
    }
}

/// Where a sent Windows job goes on the SyncML status the device returned for the `Exec`
/// (OMA DM status codes as Microsoft documents them for Windows): 200 accepted; 404, 405 and
/// 406 mean the node or command is not supported there; 401, 403 and 425 that it was not
/// permitted; anything else failed.
pub fn after_windows_status(code: u16) -> (JobStatus, StatusReason) {
    match code {
        200 => (JobStatus::Succeeded, StatusReason::SyncMlAccepted),
        404..=406 => (JobStatus::Failed, StatusReason::WipeKindNotSupported),
        401 | 403 | 425 => (JobStatus::Failed, StatusReason::CommandNotPermitted),
        _ => (JobStatus::Failed, StatusReason::CommandFailed),
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
#[path = "engine_tests.rs"]
mod tests;

/// A device's (or Google's) answer to a command, by channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelAnswer {
    Apple(AppleReply),
    Android(AndroidReply),
    /// The SyncML status of the Exec.
    Windows(u16),
}

/// What a lost-device measure's answer (not a wipe's) does to its job. A location or sound
/// request that reaches a device no longer in lost mode fails with that reason (Apple answers
/// Error to it).
pub fn after_measure_reply(
    answer: ChannelAnswer,
    left_lost_mode: bool,
) -> (JobStatus, StatusReason) {
    match answer {
        ChannelAnswer::Apple(_) if left_lost_mode => {
            (JobStatus::Failed, StatusReason::NotInLostMode)
        }
        ChannelAnswer::Apple(AppleReply::Acknowledged) => {
            (JobStatus::Succeeded, StatusReason::MeasureAcknowledged)
        }
        ChannelAnswer::Apple(other) => after_apple_reply(other),
        ChannelAnswer::Android(AndroidReply::Deleted) => {
            (JobStatus::Succeeded, StatusReason::ApiCommandDone)
        }
        ChannelAnswer::Android(other) => after_android_reply(other),
        ChannelAnswer::Windows(200) => (JobStatus::Succeeded, StatusReason::MeasureSyncMlAccepted),
        ChannelAnswer::Windows(_) => (JobStatus::Failed, StatusReason::MeasureRefused),
    }
}

#[cfg(test)]
mod measure_reply_tests {
    use super::*;

    #[test]
    fn measures_read_their_answers_in_their_own_words() {
        assert_eq!(
            after_measure_reply(ChannelAnswer::Apple(AppleReply::Acknowledged), false),
            (JobStatus::Succeeded, StatusReason::MeasureAcknowledged)
        );
        assert_eq!(
            after_measure_reply(ChannelAnswer::Apple(AppleReply::Acknowledged), true),
            (JobStatus::Failed, StatusReason::NotInLostMode)
        );
        assert_eq!(
            after_measure_reply(ChannelAnswer::Apple(AppleReply::NotNow), false).0,
            JobStatus::WaitingForDevice
        );
        assert_eq!(
            after_measure_reply(ChannelAnswer::Android(AndroidReply::Deleted), false),
            (JobStatus::Succeeded, StatusReason::ApiCommandDone)
        );
        assert_eq!(
            after_measure_reply(ChannelAnswer::Windows(405), false),
            (JobStatus::Failed, StatusReason::MeasureRefused)
        );
    }
}
