//! `GET /api/jobs` parameters: filters, search, sort and page, all kept in the console's URL.

use chrono::{DateTime, Utc};

use super::{JobKind, JobListEntry, JobMethod, JobStatus};
use crate::device::MAX_SEARCH_LENGTH;
use crate::ids::{AdministratorId, DeviceId, WipeId};
use crate::paging::{PageRequest, SortOrder};
use crate::query::{ParamProblem, QueryParamError, QueryReader, QueryWriter};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A column the job table sorts by; the label is the column header. A Hybrid pair sorts by
    /// its listed (IVI MDM) job.
    #[derive(Default)]
    pub enum JobSortKey {
        #[default]
        RegisteredAt = "registered_at", ja: "登録日時", en: "Registered";
        Id = "id", ja: "ジョブID", en: "Job ID";
        Status = "status", ja: "状態", en: "Status";
        Method = "method", ja: "方式", en: "Method";
        Device = "device", ja: "端末名", en: "Device";
        Registrant = "registrant", ja: "登録者", en: "Registered by";
        ScheduledAt = "scheduled_at", ja: "予約日時", en: "Scheduled for";
        UpdatedAt = "updated_at", ja: "更新日時", en: "Updated";
    }
}

/// Filters, search, sort and page of the job list. An entry (job or Hybrid pair) matches when
/// any of its jobs matches. Newest registrations come first by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobQuery {
    /// Only jobs of one kind (wipes, locks, lost mode...).
    pub kind: Option<JobKind>,
    pub status: Option<JobStatus>,
    pub method: Option<JobMethod>,
    pub device: Option<DeviceId>,
    pub registrant: Option<AdministratorId>,
    /// Registered at or after.
    pub from: Option<DateTime<Utc>>,
    /// Registered before.
    pub to: Option<DateTime<Utc>>,
    /// Only the jobs of one registration (the link after OK).
    pub wipe: Option<WipeId>,
    /// Search in the device name, serial number and user's full name.
    pub q: Option<String>,
    pub sort: JobSortKey,
    pub order: SortOrder,
    pub page: PageRequest,
}

impl Default for JobQuery {
    fn default() -> Self {
        JobQuery {
            kind: None,
            status: None,
            method: None,
            device: None,
            registrant: None,
            from: None,
            to: None,
            wipe: None,
            q: None,
            sort: JobSortKey::RegisteredAt,
            order: SortOrder::Desc,
            page: PageRequest::default(),
        }
    }
}

impl JobQuery {
    pub fn from_query(reader: &QueryReader<'_>) -> Result<JobQuery, QueryParamError> {
        let q = reader.text("q");
        if q.as_ref()
            .is_some_and(|q| q.chars().count() > MAX_SEARCH_LENGTH)
        {
            return Err(QueryParamError::new(
                "q",
                ParamProblem::OutOfRange {
                    min: 0,
                    max: MAX_SEARCH_LENGTH as u64,
                },
            ));
        }
        let query = JobQuery {
            kind: reader.parse("kind")?,
            status: reader.parse("status")?,
            method: reader.parse("method")?,
            device: reader.parse("device")?,
            registrant: reader.parse("registrant")?,
            from: reader.time("from")?,
            to: reader.time("to")?,
            wipe: reader.parse("wipe")?,
            q,
            sort: reader.parse("sort")?.unwrap_or_default(),
            order: reader.parse("order")?.unwrap_or(SortOrder::Desc),
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
            .opt("kind", self.kind)
            .opt("status", self.status)
            .opt("method", self.method)
            .opt("device", self.device)
            .opt("registrant", self.registrant)
            .time("from", self.from)
            .time("to", self.to)
            .opt("wipe", self.wipe)
            .opt("q", self.q.as_deref())
            .unless_default("sort", self.sort, JobSortKey::default())
            .unless_default("order", self.order, SortOrder::Desc);
        self.page.write(writer).into_pairs()
    }

    /// The reference meaning of the filters for one entry (the portal's SQL must agree).
    pub fn matches(&self, entry: &JobListEntry) -> bool {
        let terms = self
            .q
            .as_deref()
            .map(crate::device::search_terms)
            .unwrap_or_default();
        entry.jobs().any(|job| {
            let texts = [
                Some(job.device.name.as_str()),
                Some(job.device.serial_number.as_str()),
                job.device.user_full_name.as_deref(),
            ];
            self.kind.is_none_or(|k| job.kind == k)
                && self.status.is_none_or(|s| job.status == s)
                && self.method.is_none_or(|m| job.method == m)
                && self.device.is_none_or(|d| job.device.id == d)
                && self.registrant.is_none_or(|r| job.registered_by.id == r)
                && self.from.is_none_or(|from| job.registered_at >= from)
                && self.to.is_none_or(|to| job.registered_at < to)
                && self.wipe.is_none_or(|w| job.wipe_id == w)
                && terms.iter().all(|term| {
                    texts
                        .iter()
                        .flatten()
                        .any(|t| t.to_lowercase().contains(term.as_str()))
                })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::fixtures::job;

    fn parse(pairs: &[(&'static str, &'static str)]) -> Result<JobQuery, QueryParamError> {
        JobQuery::from_query(&QueryReader::new(pairs.iter().copied()))
    }

    #[test]
    fn defaults_to_newest_first() {
        let query = parse(&[]).unwrap();
        assert_eq!(
            (query.sort, query.order),
            (JobSortKey::RegisteredAt, SortOrder::Desc)
        );
        assert!(query.to_query_pairs().is_empty());
    }

    #[test]
    fn round_trips_every_parameter() {
        let query = parse(&[
            ("status", "waiting_for_device"),
            ("method", "ivi_mdm"),
            ("device", "12"),
            ("registrant", "2"),
            ("from", "2026-11-01T00:00:00+09:00"),
            ("to", "2026-12-01T00:00:00+09:00"),
            ("wipe", "5"),
            ("q", "iPhone"),
            ("sort", "status"),
            ("order", "asc"),
            ("page", "2"),
        ])
        .unwrap();
        let pairs = query.to_query_pairs();
        let reader = QueryReader::new(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(JobQuery::from_query(&reader), Ok(query));
    }

    #[test]
    fn refuses_an_inverted_date_range() {
        let error = parse(&[
            ("from", "2026-12-01T00:00:00Z"),
            ("to", "2026-11-01T00:00:00Z"),
        ])
        .unwrap_err();
        assert_eq!(error.param, "from");
        assert_eq!(parse(&[("status", "done")]).unwrap_err().param, "status");
    }

    #[test]
    fn a_pair_matches_when_either_job_does() {
        let mut apple = job(2, JobMethod::AppleMdm, JobStatus::Succeeded);
        apple.pair_job_id = Some(crate::ids::JobId(1));
        let entry = JobListEntry::pair(job(1, JobMethod::IviMdm, JobStatus::Cancelled), apple);
        let succeeded = JobQuery {
            status: Some(JobStatus::Succeeded),
            ..Default::default()
        };
        assert!(succeeded.matches(&entry));
        let failed = JobQuery {
            status: Some(JobStatus::Failed),
            ..Default::default()
        };
        assert!(!failed.matches(&entry));
        let searched = JobQuery {
            q: Some("iphone-001".into()),
            ..Default::default()
        };
        assert!(searched.matches(&entry));
        let other_device = JobQuery {
            device: Some(DeviceId(99)),
            ..Default::default()
        };
        assert!(!other_device.matches(&entry));
    }
}
