//! `GET /api/devices`: the device table (filter, search, sort, page).

use axum::{extract::State, Extension};
use mdm_model::{
    device::{Device, DeviceQuery},
    paging::Page,
};
use std::sync::Arc;

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, QueryPairs},
    state::AppState,
    store::{devices, groups},
};

/// One page of the tenant's devices matching the query, with the total count. The ordered ids
/// of the query are cached until the next device write, so paging through a list costs one
/// query, not one per page.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<Page<Device>>, ApiError> {
    let query = DeviceQuery::from_query(&pairs.reader())?;
    let cache = state.device_lists.clone();
    let page = state
        .store
        .call(move |conn| {
            let version = devices::VERSION.get();
            let filter = serde_json::to_string(&query.filter).map_err(ApiError::internal)?;
            let key = format!(
                "{}|{filter}|{}|{}",
                current.tenant_id, query.sort, query.order
            );
            let ids = match cache.get(&key, version) {
                Some(ids) => ids,
                None => {
                    let forest = groups::forest(conn, current.tenant_id)?;
                    let scope = forest.filter_scope(&query.filter)?;
                    let ids = Arc::new(devices::ordered_ids(
                        conn,
                        current.tenant_id,
                        &query,
                        scope.as_ref(),
                    )?);
                    cache.put(key, version, ids.clone());
                    ids
                }
            };
            let total = ids.len() as u64;
            query.page.ensure_within(total)?;
            let start = (query.page.offset() as usize).min(ids.len());
            let end = (start + query.page.limit() as usize).min(ids.len());
            let items = devices::in_order(conn, current.tenant_id, &ids[start..end])?;
            Ok(Page::new(items, total, query.page))
        })
        .await?;
    Ok(ApiJson(page))
}
