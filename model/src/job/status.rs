//! The job status machine: which status may follow which, and for what reason. The reason is
//! part of the rule: an administrator may cancel only a job that has not been sent, while the
//! portal may cancel a Hybrid partner even after its command went out, because the device is
//! already erased by the other method.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a job stands. Moves scheduled → waiting for device → sent → succeeded | failed |
    /// cancelled (a busy device sends a job back to waiting).
    pub enum JobStatus {
        Scheduled = "scheduled", ja: "予約中", en: "Scheduled";
        WaitingForDevice = "waiting_for_device", ja: "端末の応答待ち", en: "Waiting for device";
        Sent = "sent", ja: "送信済み", en: "Sent";
        Succeeded = "succeeded", ja: "成功", en: "Succeeded";
        Failed = "failed", ja: "失敗", en: "Failed";
        Cancelled = "cancelled", ja: "取消", en: "Cancelled";
    }
}

impl JobStatus {
    /// Not finished yet: the job still counts as the device's open wipe.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            JobStatus::Scheduled | JobStatus::WaitingForDevice | JobStatus::Sent
        )
    }

    pub fn is_terminal(self) -> bool {
        !self.is_open()
    }

    /// The status a new job starts in.
    pub fn initial(scheduled: bool) -> JobStatus {
        if scheduled {
            JobStatus::Scheduled
        } else {
            JobStatus::WaitingForDevice
        }
    }
}

vocabulary! {
    /// Why a job entered its status; recorded with every status change.
    pub enum StatusReason {
        Registered = "registered", ja: "登録されました", en: "Registered";
        ScheduleReached = "schedule_reached", ja: "予約日時になりました", en: "The scheduled time was reached";
        CommandSent = "command_sent", ja: "端末にコマンドを送信しました", en: "The command was sent to the device";
        /// Apple's NotNow: the device is busy; the portal sends the command again later.
        DeviceBusy = "device_busy", ja: "端末が処理できない状態(NotNow)のため、再送を待っています",
            en: "The device was busy (NotNow); the command will be sent again";
        /// Apple's Acknowledged: the device accepted the erase.
        Acknowledged = "acknowledged", ja: "端末が初期化を受け付けました", en: "The device acknowledged the erase";
        /// The ActiveSync gateway confirmed the IVI MDM wipe.
        WipeConfirmed = "wipe_confirmed", ja: "IVI MDMによる初期化の完了を確認しました",
            en: "The IVI MDM wipe was confirmed";
        DeviceError = "device_error", ja: "端末がエラーを返しました", en: "The device answered with an error";
        CommandFormatError = "command_format_error", ja: "端末がコマンドの形式エラーを返しました",
            en: "The device reported a command format error";
        TimedOut = "timed_out", ja: "30日間応答がなかったため終了しました",
            en: "No answer within 30 days; the job was ended";
        CancelledByAdministrator = "cancelled_by_administrator", ja: "管理者が取り消しました",
            en: "Cancelled by an administrator";
        /// Android: the device is gone from the enterprise's device list once it ran the wipe.
        RemovedFromEnterprise = "removed_from_enterprise",
            ja: "端末が初期化を実行し、エンタープライズの端末一覧から削除されました",
            en: "The device ran the wipe and is gone from the enterprise's device list";
        /// Android: the API answered 404, the device was no longer in the enterprise.
        NotInEnterprise = "not_in_enterprise",
            ja: "端末がエンタープライズに登録されていません(Android Management APIが404を返しました)",
            en: "The device is not in the enterprise (the Android Management API answered 404)";
        /// Android: the API answered 403 to the portal's service account.
        ApiPermissionDenied = "api_permission_denied",
            ja: "Android Management APIが操作を許可しませんでした(403)",
            en: "The Android Management API refused the call (403)";
        /// Android: the API answered 429 or 503; the call is made again later.
        ApiUnavailable = "api_unavailable",
            ja: "Android Management APIが一時的に応答できないため、再送を待っています(429/503)",
            en: "The Android Management API was temporarily unavailable (429/503); the call will be made again";
        /// Windows: SyncML status 200 for the Exec.
        SyncMlAccepted = "syncml_accepted", ja: "端末が初期化を受け付けました(SyncMLステータス200)",
            en: "The device accepted the wipe (SyncML status 200)";
        /// Windows: 404, 405 or 406: this Windows has no such RemoteWipe node.
        WipeKindNotSupported = "wipe_kind_not_supported",
            ja: "この端末のWindowsは指定した初期化方法に対応していません(SyncMLステータス404/405/406)",
            en: "This Windows does not support the chosen wipe method (SyncML status 404/405/406)";
        /// Windows: 401, 403 or 425: the device did not permit the command.
        CommandNotPermitted = "command_not_permitted",
            ja: "端末が初期化コマンドを許可しませんでした(SyncMLステータス401/403/425)",
            en: "The device did not permit the wipe command (SyncML status 401/403/425)";
        /// Windows: 500 or another failure status.
        CommandFailed = "command_failed",
            ja: "端末で初期化コマンドが失敗しました(SyncMLステータス500など)",
            en: "The wipe command failed on the device (SyncML status 500 or another failure)";
        /// The other job of a Hybrid pair succeeded first.
        PartnerSucceeded = "partner_succeeded", ja: "もう一方の方式で初期化が成功したため、自動的に取り消しました",
            en: "Cancelled automatically: the other method of the pair succeeded first";
        /// A lost-device measure (not a wipe) acknowledged by an Apple device.
        MeasureAcknowledged = "measure_acknowledged", ja: "端末がコマンドを受け付けました(Acknowledged)",
            en: "The device acknowledged the command";
        /// Android: the issueCommand operation finished on the device.
        ApiCommandDone = "api_command_done", ja: "Android Management APIのコマンドが端末で実行されました",
            en: "The Android Management API command ran on the device";
        /// Windows: SyncML status 200 for a measure's Exec.
        MeasureSyncMlAccepted = "measure_syncml_accepted", ja: "端末がコマンドを受け付けました(SyncMLステータス200)",
            en: "The device accepted the command (SyncML status 200)";
        /// Windows: any other status for a measure's Exec.
        MeasureRefused = "measure_refused", ja: "端末がコマンドを実行しませんでした(SyncMLのエラーステータス)",
            en: "The device did not run the command (a SyncML error status)";
        /// The command could not be built from the job record (a device registered before it
        /// reported what the command needs): nothing was sent, and waiting cannot change it.
        CommandNotBuilt = "command_not_built",
            ja: "ジョブの記録からコマンドを作成できなかったため、送信せずに終了しました",
            en: "The command could not be built from the job record; nothing was sent";
        /// Apple: a location or sound request reached a device that had left lost mode.
        NotInLostMode = "not_in_lost_mode", ja: "端末が紛失モードではなくなっていたため、実行されませんでした",
            en: "The device was no longer in lost mode, so it did not run the command";
    }
}

use JobStatus::*;
use StatusReason::*;

/// Every legal move: from, to, and the reasons that justify it.
const TRANSITIONS: &[(JobStatus, JobStatus, &[StatusReason])] = &[
    (Scheduled, WaitingForDevice, &[ScheduleReached]),
    (
        Scheduled,
        Cancelled,
        &[CancelledByAdministrator, PartnerSucceeded],
    ),
    (WaitingForDevice, Sent, &[CommandSent]),
    (
        WaitingForDevice,
        Cancelled,
        &[CancelledByAdministrator, PartnerSucceeded],
    ),
    (WaitingForDevice, Failed, &[TimedOut, CommandNotBuilt]),
    (
        Sent,
        Succeeded,
        &[
            Acknowledged,
            WipeConfirmed,
            RemovedFromEnterprise,
            SyncMlAccepted,
            MeasureAcknowledged,
            ApiCommandDone,
            MeasureSyncMlAccepted,
        ],
    ),
    (
        Sent,
        Failed,
        &[
            DeviceError,
            CommandFormatError,
            TimedOut,
            NotInEnterprise,
            ApiPermissionDenied,
            WipeKindNotSupported,
            CommandNotPermitted,
            CommandFailed,
            MeasureRefused,
            NotInLostMode,
        ],
    ),
    (Sent, WaitingForDevice, &[DeviceBusy, ApiUnavailable]),
    (Sent, Cancelled, &[PartnerSucceeded]),
];

/// A move the status machine forbids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a job cannot move from {from} to {to} ({reason})")]
pub struct IllegalTransition {
    pub from: JobStatus,
    pub to: JobStatus,
    pub reason: StatusReason,
}

/// The reasons for which `from` may move to `to` (empty: never).
pub fn allowed_reasons(from: JobStatus, to: JobStatus) -> &'static [StatusReason] {
    TRANSITIONS
        .iter()
        .find(|(f, t, _)| *f == from && *t == to)
        .map(|(_, _, reasons)| *reasons)
        .unwrap_or(&[])
}

/// Checks one move; the engine and every store update go through this.
pub fn check_transition(
    from: JobStatus,
    to: JobStatus,
    reason: StatusReason,
) -> Result<(), IllegalTransition> {
    if allowed_reasons(from, to).contains(&reason) {
        Ok(())
    } else {
        Err(IllegalTransition { from, to, reason })
    }
}

/// One entry of a job's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: JobStatus,
    pub reason: StatusReason,
    pub at: DateTime<Utc>,
}

/// Why an administrator's cancel is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CancelRefusal {
    /// A command already went to the device: the device carries it out (a wipe completes, a
    /// lock locks) whatever the console does.
    #[error("the command was already sent to the device")]
    AlreadyRunning,
    /// Nothing left to cancel.
    #[error("the job has already finished")]
    AlreadyFinished,
}

impl CancelRefusal {
    pub fn error_code(self) -> crate::ErrorCode {
        match self {
            CancelRefusal::AlreadyRunning => crate::ErrorCode::JobAlreadyRunning,
            CancelRefusal::AlreadyFinished => crate::ErrorCode::JobAlreadyFinished,
        }
    }
}

/// An administrator cancels a job, or both jobs of a Hybrid pair together (`statuses` holds one
/// or two). All or nothing: refused when any job is already running on the device; otherwise
/// answers which of them (by position) move to cancelled: those scheduled or waiting.
pub fn plan_administrator_cancel(statuses: &[JobStatus]) -> Result<Vec<usize>, CancelRefusal> {
    if statuses.contains(&Sent) {
        return Err(CancelRefusal::AlreadyRunning);
    }
    let cancellable: Vec<usize> = statuses
        .iter()
        .enumerate()
        .filter(|(_, status)| matches!(status, Scheduled | WaitingForDevice))
        .map(|(position, _)| position)
        .collect();
    if cancellable.is_empty() {
        return Err(CancelRefusal::AlreadyFinished);
    }
    Ok(cancellable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_paths_are_legal() {
        let scheduled = [
            (Scheduled, WaitingForDevice, ScheduleReached),
            (WaitingForDevice, Sent, CommandSent),
            (Sent, WaitingForDevice, DeviceBusy),
            (WaitingForDevice, Sent, CommandSent),
            (Sent, Succeeded, Acknowledged),
        ];
        for (from, to, reason) in scheduled {
            assert_eq!(check_transition(from, to, reason), Ok(()), "{from} → {to}");
        }
    }

    #[test]
    fn terminal_statuses_never_move() {
        for from in JobStatus::ALL.iter().filter(|s| s.is_terminal()) {
            for to in JobStatus::ALL {
                assert!(
                    allowed_reasons(*from, *to).is_empty(),
                    "{from} → {to} allowed"
                );
            }
        }
    }

    #[test]
    fn skipping_steps_or_wrong_reasons_are_illegal() {
        assert!(check_transition(Scheduled, Sent, CommandSent).is_err());
        assert!(check_transition(WaitingForDevice, Succeeded, Acknowledged).is_err());
        assert!(check_transition(Sent, Succeeded, DeviceError).is_err());
        // An administrator cannot cancel a sent job, but the portal cancels a sent partner.
        assert!(check_transition(Sent, Cancelled, CancelledByAdministrator).is_err());
        assert_eq!(check_transition(Sent, Cancelled, PartnerSucceeded), Ok(()));
        // A scheduled job has not started its 30 days yet.
        assert!(check_transition(Scheduled, Failed, TimedOut).is_err());
    }

    #[test]
    fn every_transition_leaves_an_open_status_and_has_a_reason() {
        for (from, to, reasons) in TRANSITIONS {
            assert!(from.is_open(), "{from} is terminal");
            assert_ne!(from, to);
            assert!(!reasons.is_empty());
        }
    }

    #[test]
    fn new_jobs_start_scheduled_or_waiting() {
        assert_eq!(JobStatus::initial(true), Scheduled);
        assert_eq!(JobStatus::initial(false), WaitingForDevice);
    }

    #[test]
    fn administrator_cancel_is_all_or_nothing() {
        assert_eq!(plan_administrator_cancel(&[Scheduled]), Ok(vec![0]));
        assert_eq!(
            plan_administrator_cancel(&[WaitingForDevice, WaitingForDevice]),
            Ok(vec![0, 1])
        );
        assert_eq!(
            plan_administrator_cancel(&[Failed, WaitingForDevice]),
            Ok(vec![1])
        );
        assert_eq!(
            plan_administrator_cancel(&[WaitingForDevice, Sent]),
            Err(CancelRefusal::AlreadyRunning)
        );
        assert_eq!(
            plan_administrator_cancel(&[Succeeded, Cancelled]),
            Err(CancelRefusal::AlreadyFinished)
        );
        assert_eq!(
            plan_administrator_cancel(&[]),
            Err(CancelRefusal::AlreadyFinished)
        );
    }
}
