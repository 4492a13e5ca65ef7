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
mod tests {
    use super::*;

    #[test]
    fn the_actor_filter_takes_system_and_refuses_other_words() {
        let system = AuditQuery::from_query(&QueryReader::new([("actor", "system")])).unwrap();
        assert_eq!(system.actor, Some(AuditActor::System));
        assert_eq!(system.to_query_pairs(), [("actor", "system".to_string())]);
        for (param, bad) in [("actor", "someone"), ("device", "iPhone-001")] {
            let error = AuditQuery::from_query(&QueryReader::new([(param, bad)])).unwrap_err();
            assert_eq!(error.param, param);
        }
    }

    #[test]
    fn every_event_carries_the_wire_name_of_its_action() {
        let events = [
            AuditEvent::SignedIn {
                via: SignInVia::Token,
            },
            AuditEvent::SignInFailed {
                username: "admin".into(),
            },
            AuditEvent::SignedOut {
                via: SignInVia::Token,
                reason: Some(SignOutReason::RetiredTokenReused),
            },
            AuditEvent::WipeRegistered {
                wipe_id: WipeId(3),
                device_count: 2,
                job_count: 3,
                skipped_device_count: 0,
                scheduled_at: None,
                wifi_setting_id: None,
            },
            AuditEvent::WipeRefused {
                reason: WipeRefusal::WrongPassword,
            },
            AuditEvent::MeasureRegistered {
                wipe_id: WipeId(4),
                measure: crate::measure::Measure::Lock,
                device_count: 2,
                job_count: 2,
                skipped_device_count: 1,
            },
            AuditEvent::MeasureRefused {
                measure: crate::measure::Measure::LostModeOn,
                reason: WipeRefusal::WrongPassword,
            },
            AuditEvent::JobsCancelled {
                job_ids: vec![JobId(4), JobId(5)],
            },
            AuditEvent::PartnerJobCancelled {
                job_id: JobId(6),
                succeeded_job_id: JobId(7),
            },
            AuditEvent::JobTimedOut { job_id: JobId(8) },
            AuditEvent::DeviceReenrolled {
                job_id: JobId(9),
                device_id: DeviceId(2),
                group_id: GroupId(10),
            },
            AuditEvent::ReenrollmentNotConfirmed {
                job_id: JobId(10),
                likely_reason: ReenrollmentBlocker::ActivationLock,
            },
            AuditEvent::HelpFeedback {
                article: HelpArticle::ALL[0],
                helpful: true,
                comment: None,
            },
            AuditEvent::TimeZoneChanged {
                from: Zone::JAPAN,
                to: Zone::parse("America/New_York").unwrap(),
            },
        ];
        assert_eq!(events.len(), AuditAction::ALL.len(), "one event per action");
        for event in events {
            let wire = serde_json::to_value(&event).unwrap();
            assert_eq!(wire["action"], event.action().as_str(), "{wire}");
            assert_eq!(serde_json::from_value::<AuditEvent>(wire).unwrap(), event);
        }
    }

    #[test]
    fn an_entry_puts_the_events_fields_beside_its_own() {
        let entry = AuditEntry {
            id: AuditEntryId(1),
            at: DateTime::from_timestamp(0, 0).unwrap(),
            actor: None,
            summary: "job 6 (partner 7 succeeded)".into(),
            event: AuditEvent::PartnerJobCancelled {
                job_id: JobId(6),
                succeeded_job_id: JobId(7),
            },
        };
        let wire = serde_json::to_value(&entry).unwrap();
        assert_eq!(wire["action"], "partner_job_cancelled");
        assert_eq!(wire["job_id"], 6);
        assert_eq!(wire["succeeded_job_id"], 7);
        assert_eq!(serde_json::from_value::<AuditEntry>(wire).unwrap(), entry);
        // Entries written before the events were typed read as the same events.
        let legacy = serde_json::json!({ "action": "signed_in" });
        assert_eq!(
            serde_json::from_value::<AuditEvent>(legacy).unwrap(),
            AuditEvent::SignedIn {
                via: SignInVia::Session
            }
        );
    }

    #[test]
    fn query_round_trips_and_checks_the_range() {
        let pairs = [
            ("action", "wipe_registered"),
            ("actor", "3"),
            ("device", "12"),
            ("from", "2026-11-01T00:00:00Z"),
            ("page", "2"),
        ];
        let query = AuditQuery::from_query(&QueryReader::new(pairs)).unwrap();
        assert_eq!(query.action, Some(AuditAction::WipeRegistered));
        assert_eq!(
            query.actor,
            Some(AuditActor::Administrator(crate::ids::AdministratorId(3)))
        );
        assert_eq!(query.device, Some(DeviceId(12)));
        let written = query.to_query_pairs();
        let reader = QueryReader::new(written.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(AuditQuery::from_query(&reader), Ok(query));
        let inverted = [
            ("from", "2026-11-02T00:00:00Z"),
            ("to", "2026-11-01T00:00:00Z"),
        ];
        assert!(AuditQuery::from_query(&QueryReader::new(inverted)).is_err());
        assert_eq!(
            AuditQuery::from_query(&QueryReader::new([("action", "x")]))
                .unwrap_err()
                .param,
            "action"
        );
    }
}
