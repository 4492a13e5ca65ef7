//! Health endpoints for whatever runs the portal (a load balancer, an orchestrator), outside
//! `/api` and without sign-in: `/healthz` says the process answers; `/readyz` that it can do
//! its work: the database answers and its schema is the one this binary migrates to.

use axum::{extract::State, http::StatusCode, Json};
use serde::Serialize;

use crate::{state::AppState, store::migrations};

/// `GET /healthz`: the process is alive.
pub async fn alive() -> &'static str {
    "ok"
}

/// The answer of `/readyz`.
#[derive(Debug, Serialize)]
pub struct Readiness {
    pub ready: bool,
    /// The database's schema version (absent when the database did not answer).
    pub schema_version: Option<i64>,
    /// The version this binary migrates to.
    pub schema_head: i64,
    /// Why the portal is not ready.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// `GET /readyz`: 200 when the database answers at the schema head, 503 otherwise.
pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Readiness>) {
    let head = migrations::head(state.store.dialect());
    let found = state
        .store
        .call(|conn| Ok(migrations::version(conn)?))
        .await;
    let (schema_version, problem) = match found {
        Ok(version) if version == head => (Some(version), None),
        Ok(version) => (
            Some(version),
            Some(format!("schema version {version}, expected {head}")),
        ),
        Err(_) => (None, Some("the database does not answer".to_string())),
    };
    let ready = problem.is_none();
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let answer = Readiness {
        ready,
        schema_version,
        schema_head: head,
        problem,
    };
    (status, Json(answer))
}
