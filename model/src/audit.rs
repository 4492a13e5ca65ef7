//! The audit log (`GET /api/audit`): who did what, and what the portal did by itself.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::AuditEntryId;
use crate::job::AdministratorRef;
use crate::paging::PageRequest;
use crate::query::{ParamProblem, QueryParamError, QueryReader, QueryWriter};
use crate::vocabulary::vocabulary;

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
        HelpFeedback = "help_feedback", ja: "ヘルプへのフィードバック", en: "Help feedback";
    }
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: AuditEntryId,
    pub at: DateTime<Utc>,
    /// The administrator who acted; `None` for the portal itself (the job engine).
    pub actor: Option<AdministratorRef>,
    pub action: AuditAction,
    /// What the action concerned, readable (for example "wipe 12: 3 devices, 4 jobs").
    pub summary: String,
    /// Machine-readable specifics (ids, counts, the client address).
    pub details: serde_json::Value,
}

/// `GET /api/audit` parameters; newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditQuery {
    pub action: Option<AuditAction>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub page: PageRequest,
}

impl AuditQuery {
    pub fn from_query(reader: &QueryReader<'_>) -> Result<AuditQuery, QueryParamError> {
        let query = AuditQuery {
            action: reader.parse("action")?,
            from: reader.time("from")?,
            to: reader.time("to")?,
            page: PageRequest::from_query(reader)?,
        };
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if from >= to {
                return Err(QueryParamError::new("from", ParamProblem::Inconsistent { with: "to".into() }));
            }
        }
        Ok(query)
    }

    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let writer = QueryWriter::new().opt("action", self.action).time("from", self.from).time("to", self.to);
        self.page.write(writer).into_pairs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_and_checks_the_range() {
        let pairs = [("action", "wipe_registered"), ("from", "2026-11-01T00:00:00Z"), ("page", "2")];
        let query = AuditQuery::from_query(&QueryReader::new(pairs)).unwrap();
        assert_eq!(query.action, Some(AuditAction::WipeRegistered));
        let written = query.to_query_pairs();
        let reader = QueryReader::new(written.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(AuditQuery::from_query(&reader), Ok(query));
        let inverted = [("from", "2026-11-02T00:00:00Z"), ("to", "2026-11-01T00:00:00Z")];
        assert!(AuditQuery::from_query(&QueryReader::new(inverted)).is_err());
        assert_eq!(AuditQuery::from_query(&QueryReader::new([("action", "x")])).unwrap_err().param, "action");
    }
}
