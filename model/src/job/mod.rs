//! Wipe jobs (端末初期化ジョブ): one job per method per device.

mod attempt;
pub(crate) mod csv;
mod engine;
mod query;
mod reenrollment;
mod snapshot;
mod status;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use attempt::{ConditionsAt, SendAttempt, SentCommand};
pub use csv::{jobs_csv_header, jobs_csv_rows};
pub use engine::{
    after_android_reply, after_apple_reply, after_measure_reply, after_windows_status, due_at,
    hybrid_can_run, is_timed_out, pair_status, partner_after_success, timeout_at, unmet_conditions,
    AndroidReply, AppleReply, ChannelAnswer, UnmetCondition, IVI_MDM_MAX_DELAY,
    LOST_DEVICE_JOB_TIMEOUT,
};
pub use query::{JobQuery, JobSortKey};
pub use reenrollment::{
    likely_blocker, reenrollment_outcome, ReenrollmentBlocker, ReenrollmentFacts,
    ReenrollmentOutcome, ReenrollmentStatus, REENROLLMENT_WINDOW,
};
pub use snapshot::{DeviceNow, DeviceSnapshot, GROUP_PATH_SEPARATOR};
pub use status::{
    allowed_reasons, check_transition, plan_administrator_cancel, CancelRefusal, IllegalTransition,
    JobStatus, StatusChange, StatusReason,
};

use crate::command::{PlatformWipeOptions, WipeCommand};
use crate::device::{DeviceState, ManagementMethod};
use crate::ids::{AdministratorId, GroupId, JobId, WifiSettingId, WipeId};
use crate::measure::{Measure, MeasureOptions};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The channel a job erases the device through. New channels go at the end: stored list
    /// entries keep a bit per position.
    pub enum JobMethod {
        IviMdm = "ivi_mdm", ja: "IVI MDM", en: "IVI MDM";
        AppleMdm = "apple_mdm", ja: "Apple MDM", en: "Apple MDM";
        AndroidEnterprise = "android_enterprise", ja: "Android Enterprise", en: "Android Enterprise";
        WindowsMdm = "windows_mdm", ja: "Windows MDM", en: "Windows MDM";
    }
}

/// The jobs a wipe registers for a device of this management method: two for Hybrid (listed
/// IVI MDM first, as the pair is shown), one otherwise.
pub fn job_methods(method: ManagementMethod) -> &'static [JobMethod] {
    match method {
        ManagementMethod::AppleMdm => &[JobMethod::AppleMdm],
        ManagementMethod::IviMdm => &[JobMethod::IviMdm],
        ManagementMethod::Hybrid => &[JobMethod::IviMdm, JobMethod::AppleMdm],
        ManagementMethod::AndroidFullyManaged | ManagementMethod::AndroidWorkProfile => {
            &[JobMethod::AndroidEnterprise]
        }
        ManagementMethod::WindowsMdm => &[JobMethod::WindowsMdm],
    }
}

vocabulary! {
    /// What a job does: a wipe, or one of the other lost-device measures. The label is the job
    /// list's 種類 column and filter.
    pub enum JobKind {
        Wipe = "wipe", ja: "遠隔初期化", en: "Remote wipe";
        Lock = "lock", ja: "遠隔ロック", en: "Remote lock";
        LostModeOn = "lost_mode_on", ja: "紛失モード開始", en: "Lost mode on";
        LostModeOff = "lost_mode_off", ja: "紛失モード解除", en: "Lost mode off";
        Locate = "locate", ja: "位置情報の取得", en: "Location request";
        PlaySound = "play_sound", ja: "サウンド再生", en: "Play sound";
        RemoveCompanyData = "remove_company_data", ja: "企業データの削除", en: "Company data removal";
    }
}

impl JobKind {
    /// The measure a job of this kind performs.
    pub fn measure(self) -> Measure {
        match self {
            JobKind::Wipe => Measure::Wipe,
            JobKind::Lock => Measure::Lock,
            JobKind::LostModeOn => Measure::LostModeOn,
            JobKind::LostModeOff => Measure::LostModeOff,
            JobKind::Locate => Measure::Locate,
            JobKind::PlaySound => Measure::PlaySound,
            JobKind::RemoveCompanyData => Measure::RemoveCompanyData,
        }
    }

    /// The kind of job a measure registers.
    pub fn of(measure: Measure) -> JobKind {
        match measure {
            Measure::Wipe => JobKind::Wipe,
            Measure::Lock => JobKind::Lock,
            Measure::LostModeOn => JobKind::LostModeOn,
            Measure::LostModeOff => JobKind::LostModeOff,
            Measure::Locate => JobKind::Locate,
            Measure::PlaySound => JobKind::PlaySound,
            Measure::RemoveCompanyData => JobKind::RemoveCompanyData,
        }
    }
}

/// An administrator named in an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdministratorRef {
    pub id: AdministratorId,
    pub display_name: String,
}

/// A Wi-Fi setting named in an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WifiSettingRef {
    pub id: WifiSettingId,
    pub name: String,
    pub ssid: String,
}

/// Re-enrollment a job will trigger (Apple's Return to Service), decided at registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnToServicePlan {
    /// The enrollment group of the device's DEP profile: where the device lands afterwards.
    pub enrollment_group_id: GroupId,
    pub enrollment_group_name: String,
    /// The DEP profile does not skip the authentication screen: the user must sign in on the
    /// device.
    pub user_must_authenticate: bool,
    /// The name of the DEP profile the device re-enrolls with, as it was at registration
    /// (absent on jobs registered before it was recorded).
    #[serde(default)]
    pub dep_profile_name: Option<String>,
    /// Activation Lock was reported on when the job was registered: the device will stop in
    /// Setup Assistant after the erase (absent on jobs registered before it was recorded).
    #[serde(default)]
    pub activation_lock_enabled: bool,
}

impl ReturnToServicePlan {
    /// What was known at registration that decides why a device may not come back.
    pub fn reenrollment_facts(&self) -> ReenrollmentFacts {
        ReenrollmentFacts {
            activation_lock_enabled: self.activation_lock_enabled,
            user_must_authenticate: self.user_must_authenticate,
        }
    }
}

/// The options a job was registered with, as chosen on the wipe screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobOptions {
    pub delete_general_info: bool,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub wifi_setting: Option<WifiSettingRef>,
    pub keep_esim_data_plan: bool,
    /// Set on the Apple MDM job of a device that qualifies for re-enrollment.
    pub return_to_service: Option<ReturnToServicePlan>,
    /// The Android, Windows or Mac options this device's command is built from, as resolved
    /// at registration (absent for iPhone and iPad, and on jobs registered before they existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<PlatformWipeOptions>,
    /// For a job of another measure than the wipe: what it was registered with (the PIN
    /// masked in answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<MeasureOptions>,
}

/// A job as the job list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub id: JobId,
    /// The registration (one press of OK) the job belongs to.
    pub wipe_id: WipeId,
    pub kind: JobKind,
    pub method: JobMethod,
    /// The device as it was when the job was registered (never the device now).
    pub device: DeviceSnapshot,
    /// The options, with the Wi-Fi setting and re-enrollment plan as they were at registration.
    pub options: JobOptions,
    pub registered_by: AdministratorRef,
    pub registered_at: DateTime<Utc>,
    pub status: JobStatus,
    /// Why the job entered its current status (for example that its partner succeeded).
    pub status_reason: StatusReason,
    pub status_changed_at: DateTime<Utc>,
    /// The other job of a Hybrid pair.
    pub pair_job_id: Option<JobId>,
    /// For a Return-to-Service wipe that succeeded: whether the device came back into
    /// management, observed separately from the erase (`None` for every other job).
    pub reenrollment: Option<ReenrollmentOutcome>,
}

/// One line of `GET /api/jobs`: a job, or a Hybrid pair kept together. Paging and `total`
/// count entries, so a pair never straddles two pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobListEntry {
    /// The job; for a Hybrid pair, its IVI MDM job.
    pub job: Job,
    /// For a Hybrid pair, its Apple MDM job.
    pub partner: Option<Job>,
}

impl JobListEntry {
    /// Pairs two jobs, IVI MDM first whatever order they come in.
    pub fn pair(a: Job, b: Job) -> JobListEntry {
        if a.method == JobMethod::AppleMdm && b.method == JobMethod::IviMdm {
            JobListEntry {
                job: b,
                partner: Some(a),
            }
        } else {
            JobListEntry {
                job: a,
                partner: Some(b),
            }
        }
    }

    pub fn single(job: Job) -> JobListEntry {
        JobListEntry { job, partner: None }
    }

    pub fn jobs(&self) -> impl Iterator<Item = &Job> {
        std::iter::once(&self.job).chain(self.partner.as_ref())
    }

    /// The entry's status as a whole (see [`pair_status`]).
    pub fn status(&self) -> JobStatus {
        match &self.partner {
            Some(partner) => pair_status(self.job.status, partner.status),
            None => self.job.status,
        }
    }

    /// Whether the list showing this entry should keep refreshing: a job is open, or a wiped
    /// device is still awaited back.
    pub fn is_active(&self) -> bool {
        self.jobs().any(|job| {
            job.status.is_open()
                || job
                    .reenrollment
                    .as_ref()
                    .is_some_and(|r| r.status == ReenrollmentStatus::Awaiting)
        })
    }
}

/// The device's execution conditions now, and what a job of each of its methods waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecutionConditions {
    pub state: DeviceState,
    pub last_seen_at: DateTime<Utc>,
    /// Conditions of this job's method that do not hold now (empty: it can run).
    pub unmet: Vec<UnmetCondition>,
}

/// Answer of `GET /api/jobs/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobDetail {
    pub job: Job,
    /// The other job of a Hybrid pair.
    pub partner: Option<Job>,
    /// Oldest first, starting with the registration.
    pub history: Vec<StatusChange>,
    /// The device's record now, beside the job's snapshot; `None` when it is no longer in the
    /// fleet.
    pub device_now: Option<DeviceNow>,
    /// The device's execution conditions now (what an open job waits for).
    pub conditions: ExecutionConditions,
    /// Every time the command was sent, oldest first, with the conditions at that moment.
    pub attempts: Vec<SendAttempt>,
    /// When the job is ended unless the device answers (open jobs that are due).
    pub times_out_at: Option<DateTime<Utc>>,
    /// The command last sent (the last attempt's), or before the first send the command the
    /// portal will send; secrets masked. `None` for IVI MDM jobs.
    pub command: Option<WipeCommand>,
    /// The same command as it goes on the wire (property list, HTTP request, SyncML).
    pub command_text: Option<String>,
    /// The location the device answered to this job (位置情報を取得), as it was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::measure::DeviceLocationFix>,
}

/// Answer of `POST /api/jobs/{id}/cancel`: every job that was cancelled (both of a pair).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelJobsResult {
    pub cancelled: Vec<Job>,
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::job::snapshot::fixtures::snapshot;

    pub fn job(id: i64, method: JobMethod, status: JobStatus) -> Job {
        let at = DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        Job {
            id: JobId(id),
            wipe_id: WipeId(1),
            kind: JobKind::Wipe,
            method,
            device: snapshot(1),
            options: JobOptions {
                delete_general_info: true,
                scheduled_at: None,
                wifi_setting: None,
                keep_esim_data_plan: false,
                return_to_service: None,
                platform: None,
                measure: None,
            },
            registered_by: AdministratorRef {
                id: AdministratorId(1),
                display_name: "山田 太郎".into(),
            },
            registered_at: at,
            status,
            status_reason: StatusReason::Registered,
            status_changed_at: at,
            pair_job_id: None,
            reenrollment: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::job;
    use super::*;

    #[test]
    fn hybrid_devices_get_two_jobs_others_one() {
        assert_eq!(
            job_methods(ManagementMethod::Hybrid),
            [JobMethod::IviMdm, JobMethod::AppleMdm]
        );
        assert_eq!(
            job_methods(ManagementMethod::AppleMdm),
            [JobMethod::AppleMdm]
        );
        assert_eq!(job_methods(ManagementMethod::IviMdm), [JobMethod::IviMdm]);
    }

    #[test]
    fn a_pair_lists_ivi_first_and_reads_as_one() {
        let apple = job(2, JobMethod::AppleMdm, JobStatus::Succeeded);
        let ivi = job(1, JobMethod::IviMdm, JobStatus::Cancelled);
        let entry = JobListEntry::pair(apple, ivi);
        assert_eq!(entry.job.method, JobMethod::IviMdm);
        assert_eq!(
            entry.partner.as_ref().map(|j| j.method),
            Some(JobMethod::AppleMdm)
        );
        assert_eq!(entry.status(), JobStatus::Succeeded);
        assert!(!entry.is_active());
        assert_eq!(entry.jobs().count(), 2);
    }

    #[test]
    fn an_entry_is_active_while_any_job_is_open() {
        let entry = JobListEntry::pair(
            job(1, JobMethod::IviMdm, JobStatus::Failed),
            job(2, JobMethod::AppleMdm, JobStatus::WaitingForDevice),
        );
        assert!(entry.is_active());
        assert!(!JobListEntry::single(job(3, JobMethod::AppleMdm, JobStatus::Failed)).is_active());
    }
}
