//! `GET /api/audit`: the tenant's audit log, newest first.

use axum::{extract::State, Extension};
use mdm_model::{
    audit::{AuditEntry, AuditQuery},
    paging::Page,
};

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, QueryPairs},
    state::AppState,
    store::audit,
};

/// Lists the signed-in administrator's tenant's log.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<Page<AuditEntry>>, ApiError> {
    let query = AuditQuery::from_query(&pairs.reader())?;
    let page = state
        .store
        .call(move |conn| {
            let total = audit::count(conn, current.tenant_id, &query)?;
            query.page.ensure_within(total)?;
            let items = audit::page(conn, current.tenant_id, &query)?;
            Ok(Page::new(items, total, query.page))
        })
        .await?;
    Ok(ApiJson(page))
}
