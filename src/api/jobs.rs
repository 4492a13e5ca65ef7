//! The job list, one job, cancelling, and the audit log that records what happened to jobs.

use gloo_net::http::Method;
use mdm_model::audit::{AuditEntry, AuditQuery};
use mdm_model::ids::JobId;
use mdm_model::job::{AdministratorRef, CancelJobsResult, JobDetail, JobListEntry, JobQuery};
use mdm_model::paging::{ItemList, Page};

use super::{Api, ApiError};
use crate::routes::encode_component;

/// `path?name=value&…`, each value percent-encoded; just `path` without parameters.
pub(super) fn with_query(path: &str, pairs: &[(&'static str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode_component(value)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

impl Api {
    /// `GET /api/jobs`: one page of jobs; a Hybrid pair is one entry.
    pub async fn jobs(&self, query: &JobQuery) -> Result<Page<JobListEntry>, ApiError> {
        let path = with_query("/jobs", &query.to_query_pairs());
        Api::json(self.send(Method::GET, &path).await?).await
    }

    /// `GET /api/jobs/{id}`: a job with its partner, history, conditions and Apple command.
    pub async fn job(&self, id: JobId) -> Result<JobDetail, ApiError> {
        Api::json(self.send(Method::GET, &format!("/jobs/{id}")).await?).await
    }

    /// `POST /api/jobs/{id}/cancel`: cancels a scheduled or waiting job, with its Hybrid partner.
    pub async fn cancel_job(&self, id: JobId) -> Result<CancelJobsResult, ApiError> {
        let path = format!("/jobs/{id}/cancel");
        Api::json(self.send(Method::POST, &path).await?).await
    }

    /// `GET /api/jobs/{id}/audit`: the entries about a job, its partner and its registration.
    pub async fn job_audit(&self, id: JobId) -> Result<Vec<AuditEntry>, ApiError> {
        Api::json(self.send(Method::GET, &format!("/jobs/{id}/audit")).await?).await
    }

    /// `GET /api/audit`: one page of the tenant's audit log, newest first.
    pub async fn audit(&self, query: &AuditQuery) -> Result<Page<AuditEntry>, ApiError> {
        let path = with_query("/audit", &query.to_query_pairs());
        Api::json(self.send(Method::GET, &path).await?).await
    }

    /// `GET /api/audit/actors`: the administrators who appear in the log.
    pub async fn audit_actors(&self) -> Result<Vec<AdministratorRef>, ApiError> {
        let list: ItemList<AdministratorRef> =
            Api::json(self.send(Method::GET, "/audit/actors").await?).await?;
        Ok(list.items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::job::JobStatus;

    #[test]
    fn query_values_are_encoded_and_defaults_left_out() {
        assert_eq!(
            with_query("/jobs", &JobQuery::default().to_query_pairs()),
            "/jobs"
        );
        let query = JobQuery {
            status: Some(JobStatus::WaitingForDevice),
            q: Some("山田 iPhone".into()),
            ..JobQuery::default()
        };
        assert_eq!(
            with_query("/jobs", &query.to_query_pairs()),
            "/jobs?status=waiting_for_device&q=%E5%B1%B1%E7%94%B0%20iPhone"
        );
    }
}
