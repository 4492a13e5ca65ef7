//! `GET /api/devices`: the device table (filter, search, sort, page); `GET /api/devices.csv`:
//! every device matching the filter as a CSV file.

use axum::{extract::State, http::HeaderMap, response::Response, Extension};
use mdm_model::{
    device::{Device, DeviceQuery},
    paging::Page,
};
use std::sync::Arc;

use crate::{
    auth::CurrentAdmin,
    error::{request_lang, ApiError},
    export,
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

/// Every device matching the filter (sort applied; `page` and `per_page` ignored) as CSV in the
/// request's language and the administrator's time zone, as of one moment, streamed.
pub async fn csv(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    headers: HeaderMap,
    pairs: QueryPairs,
) -> Result<Response, ApiError> {
    let query = DeviceQuery::from_query(&pairs.reader())?;
    let tenant_id = current.tenant_id;
    // An unknown group is refused with a 400 before any byte of the file is sent.
    let filter = query.filter.clone();
    let scope = state
        .store
        .call(move |conn| Ok(groups::forest(conn, tenant_id)?.filter_scope(&filter)?))
        .await?;
    Ok(export::devices_csv(
        &state.store,
        tenant_id,
        query,
        scope,
        request_lang(&headers),
        current.admin.time_zone,
    ))
}
