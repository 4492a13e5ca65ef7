//! The audit log (`GET /api/audit`): who did what, and what the portal did by itself.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::help::HelpArticle;
use crate::ids::{AuditEntryId, DeviceId, GroupId, JobId, WifiSettingId, WipeId};
use crate::job::{AdministratorRef, ReenrollmentBlocker};
use crate::paging::PageRequest;
use crate::query::{ParamProblem, QueryParamError, QueryReader, QueryWriter};
use crate::time::Zone;
use crate::vocabulary::vocabulary;

mod actor;
mod csv;
mod describe;

pub use actor::{actor_label, AuditActor};
pub use csv::{audit_csv_header, audit_csv_rows};
pub use describe::{jobs_subject, via_text, wipe_subject};

vocabulary! {
    /// What an audit entry records.
    pub enum AuditAction {
        SignedIn = "signed_in", ja: "サインイン", en: "Signed in";
        SignInFailed = "sign_in_failed", ja: "サインイン失敗", en: "Sign-in failed";
        SignedOut = "signed_out", ja: "サインアウト", en: "Signed out";
        WipeRegistered = "wipe_registered", ja: "遠隔初期化の登録", en: "Wipe registered";
        WipeRefused = "wipe_refused", ja: "遠隔初期化の登録拒否", en: "Wipe refused";
        JobsCancelled = "jobs_cancelled", ja: "ジョブの取消", en: "Jobs cancelled";
        PartnerJobCancelled = "partner_job_cancelled", ja: "Hybridペアのジョブの自動取消",
            en: "Hybrid partner job cancelled automatically";
        JobTimedOut = "job_timed_out", ja: "ジョブのタイムアウト", en: "Job timed out";
        DeviceReenrolled = "device_reenrolled", ja: "初期化後の再登録", en: "Device re-enrolled after the wipe";
        ReenrollmentNotConfirmed = "reenrollment_not_confirmed", ja: "初期化後の再登録を確認できず",
            en: "Re-enrollment after the wipe not confirmed";
        HelpFeedback = "help_feedback", ja: "ヘルプへのフィードバック", en: "Help feedback";
        TimeZoneChanged = "time_zone_changed", ja: "表示タイムゾーンの変更", en: "Time zone changed";
        MeasureRegistered = "measure_registered", ja: "紛失時対策の登録", en: "Lost-device measure registered";
        MeasureRefused = "measure_refused", ja: "紛失時対策の拒否", en: "Lost-device measure refused";
    }
}

/// What an administrator signed in or out with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInVia {
    /// The console's own sign-in (session cookie).
    #[default]
    Session,
    /// A host page's bearer token.
    Token,
}

/// Why a sign-in ended other than by the administrator's own sign-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignOutReason {
    /// A token that had been renewed was presented for renewal again: two holders, so the
    /// whole sign-in was ended.
    RetiredTokenReused,
}

/// Why a wipe registration was refused after its request was valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WipeRefusal {
    /// The administrator's password re-check failed.
    WrongPassword,
}

/// What happened, with its specifics as typed fields. On the wire the variant is the
/// `action` field (the [`AuditAction`] wire names) beside the fields of its variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AuditEvent {
    SignedIn {
        #[serde(default)]
        via: SignInVia,
    },
    SignInFailed {
        /// The account the failed attempt named.
        username: String,
    },
    SignedOut {
        #[serde(default)]
        via: SignInVia,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<SignOutReason>,
    },
    WipeRegistered {
        wipe_id: WipeId,
        device_count: u64,
        job_count: u64,
        #[serde(default)]
        skipped_device_count: u64,
        #[serde(default)]
        scheduled_at: Option<DateTime<Utc>>,
        #[serde(default)]
        wifi_setting_id: Option<WifiSettingId>,
    },
    WipeRefused {
        reason: WipeRefusal,
    },
    /// A lost-device measure other than the wipe (lock, lost mode...) was registered.
    MeasureRegistered {
        /// The registration (one press of OK), as for a wipe.
        wipe_id: WipeId,
        measure: crate::measure::Measure,
        device_count: u64,
        job_count: u64,
        #[serde(default)]
        skipped_device_count: u64,
    },
    /// A measure's registration refused before anything was written (the password re-check).
    MeasureRefused {
        measure: crate::measure::Measure,
        reason: WipeRefusal,
    },
    JobsCancelled {
        job_ids: Vec<JobId>,
    },
    /// The portal cancelled a Hybrid job because its partner succeeded.
    PartnerJobCancelled {
        job_id: JobId,
        succeeded_job_id: JobId,
    },
    /// The portal failed a job that got no answer in time.
    JobTimedOut {
        job_id: JobId,
    },
    /// A device wiped with Return to Service checked in again and is managed in its DEP
    /// profile's enrollment group.
    DeviceReenrolled {
        job_id: JobId,
        device_id: DeviceId,
        group_id: GroupId,
    },
    /// The re-enrollment window closed without the wiped device checking in.
    ReenrollmentNotConfirmed {
        job_id: JobId,
        likely_reason: ReenrollmentBlocker,
    },
    HelpFeedback {
        article: HelpArticle,
        helpful: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
    },
    /// The administrator chose another time zone to see and enter times in.
    TimeZoneChanged {
        from: Zone,
        to: Zone,
    },
}

impl AuditEvent {
    /// The kind of event, for filters and labels.
    pub fn action(&self) -> AuditAction {
        match self {
            AuditEvent::SignedIn { .. } => AuditAction::SignedIn,
            AuditEvent::SignInFailed { .. } => AuditAction::SignInFailed,
            AuditEvent::SignedOut { .. } => AuditAction::SignedOut,
            AuditEvent::WipeRegistered { .. } => AuditAction::WipeRegistered,
            AuditEvent::WipeRefused { .. } => AuditAction::WipeRefused,
            AuditEvent::JobsCancelled { .. } => AuditAction::JobsCancelled,
            AuditEvent::PartnerJobCancelled { .. } => AuditAction::PartnerJobCancelled,
            AuditEvent::JobTimedOut { .. } => AuditAction::JobTimedOut,
            AuditEvent::DeviceReenrolled { .. } => AuditAction::DeviceReenrolled,
            AuditEvent::ReenrollmentNotConfirmed { .. } => AuditAction::ReenrollmentNotConfirmed,
            AuditEvent::HelpFeedback { .. } => AuditAction::HelpFeedback,
            AuditEvent::TimeZoneChanged { .. } => AuditAction::TimeZoneChanged,
            AuditEvent::MeasureRegistered { .. } => AuditAction::MeasureRegistered,
            AuditEvent::MeasureRefused { .. } => AuditAction::MeasureRefused,
        }
    }

    /// The jobs the event is about, for a job's own audit entries.
    pub fn job_ids(&self) -> Vec<JobId> {
        match self {
            AuditEvent::JobsCancelled { job_ids } => job_ids.clone(),
            AuditEvent::PartnerJobCancelled {
                job_id,
                succeeded_job_id,
            } => vec![*job_id, *succeeded_job_id],
            AuditEvent::JobTimedOut { job_id }
            | AuditEvent::DeviceReenrolled { job_id, .. }
            | AuditEvent::ReenrollmentNotConfirmed { job_id, .. } => vec![*job_id],
            _ => Vec::new(),
        }
    }

    /// The wipe registration the event is about, if any.
    pub fn wipe_id(&self) -> Option<WipeId> {
        match self {
            AuditEvent::WipeRegistered { wipe_id, .. }
            | AuditEvent::MeasureRegistered { wipe_id, .. } => Some(*wipe_id),
            _ => None,
        }
    }
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: AuditEntryId,
    pub at: DateTime<Utc>,
    /// The administrator who acted; `None` for the portal itself (the job engine).
    pub actor: Option<AdministratorRef>,
    /// What the action concerned, readable (for example "wipe 12: 3 devices, 4 jobs").
    pub summary: String,
    /// What happened: `action` and its fields.
    #[serde(flatten)]
    pub event: AuditEvent,
}

impl AuditEntry {
    /// The kind of event.
    pub fn action(&self) -> AuditAction {
        self.event.action()
    }
}

/// `GET /api/audit` parameters; newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditQuery {
    pub action: Option<AuditAction>,
    /// Only what one administrator did, or what the portal did by itself.
    pub actor: Option<AuditActor>,
    /// Only entries about this device: its jobs, and the wipes that included it.
    pub device: Option<DeviceId>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub page: PageRequest,
}

impl AuditQuery {
    pub fn from_query(reader: &QueryReader<'_>) -> Result<AuditQuery, QueryParamError> {
        let query = AuditQuery {
            action: reader.parse("action")?,
            actor: reader.parse("actor")?,
            device: reader.parse("device")?,
            from: reader.time("from")?,
            to: reader.time("to")?,
            page: PageRequest::from_query(reader)?,
        };
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if from >= to {
                return Err(QueryParamError::new(
                    "from",
                    ParamProblem::Inconsistent { with: "to".into() },
                ));
            }
        }
        Ok(query)
    }

    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let writer = QueryWriter::new()
            .opt("action", self.action)
            .opt("actor", self.actor)
            .opt("device", self.device)
            .time("from", self.from)
            .time("to", self.to);
        self.page.write(writer).into_pairs()
    }
}

#[cfg(test)]
mod tests;
