//! `GET /api/audit`: the tenant's audit log, newest first.

use axum::{extract::State, Extension};
use mdm_model::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, ApiQuery},
    state::AppState,
    store::audit::{self, AuditRow},
};

/// Query of `GET /api/audit`.
#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    #[serde(default = "first_page")]
    pub page: u32,
    #[serde(default = "default_per_page")]
    pub per_page: u32,
    /// Only this action (for example `wipe_registered`).
    pub action: Option<String>,
}

fn first_page() -> u32 {
    1
}

fn default_per_page() -> u32 {
    50
}

/// One page of the audit log.
#[derive(Debug, Serialize)]
pub struct AuditPage {
    pub items: Vec<AuditRow>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// Lists the signed-in administrator's tenant's log.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<ApiJson<AuditPage>, ApiError> {
    if query.page == 0 {
        return Err(ApiError::new(ErrorCode::InvalidParameter).with_field("page"));
    }
    if !(1..=500).contains(&query.per_page) {
        return Err(ApiError::new(ErrorCode::InvalidParameter).with_field("per_page"));
    }
    let offset = u64::from(query.page - 1) * u64::from(query.per_page);
    let limit = u64::from(query.per_page);
    let action = query.action.clone().filter(|a| !a.is_empty());
    let (items, total) = state
        .store
        .call(move |conn| {
            Ok(audit::page(
                conn,
                current.tenant_id,
                action.as_deref(),
                offset,
                limit,
            )?)
        })
        .await?;
    Ok(ApiJson(AuditPage {
        items,
        total,
        page: query.page,
        per_page: query.per_page,
    }))
}
