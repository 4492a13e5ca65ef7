//! `GET /api/devices`: the device table (filter, search, sort, page); `GET /api/devices.csv`:
//! every device matching the filter as a CSV file.

use axum::{extract::State, http::HeaderMap, response::Response, Extension};
use mdm_model::{
    device::{Device, DeviceQuery},
    paging::Page,
};

use crate::{
    auth::CurrentAdmin,
    error::{request_lang, ApiError},
    export,
    extract::{ApiJson, QueryPairs},
    ids::TenantId,
    state::AppState,
    store::{device_lists, devices, groups},
};

/// One page of the tenant's devices matching the query, with the total count. The ordered ids
/// of the query (and so the total) are cached until a change that can move them
/// ([`crate::cache`]), so paging through a list reads one page of rows, not the whole list.
/// Runs on a read-only connection, beside the writer.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<Page<Device>>, ApiError> {
    let query = DeviceQuery::from_query(&pairs.reader())?;
    let cache = state.device_lists.clone();
    let store = state.store.clone();
    let page = state
        .store
        .read(move |conn| {
            let tenant_id = current.tenant_id;
            let filter = serde_json::to_string(&query.filter).map_err(ApiError::internal)?;
            let key = format!("{tenant_id}|{filter}|{}|{}", query.sort, query.order);
            let deps = device_lists::list_deps(&query);
            let (ids, refresh) = cache.ids(&key, tenant_id, deps, || {
                ordered_ids(conn, tenant_id, &query)
            })?;
            if let Some(refresh) = refresh {
                let (cache, query) = (cache.clone(), query.clone());
                tokio::task::spawn_blocking(move || {
                    let ids = store.read_blocking(|conn| ordered_ids(conn, tenant_id, &query));
                    cache.finish(refresh, ids.ok());
                });
            }
            let total = ids.len() as u64;
            query.page.ensure_within(total)?;
            let start = (query.page.offset() as usize).min(ids.len());
            let end = (start + query.page.limit() as usize).min(ids.len());
            let items = devices::in_order(conn, tenant_id, &ids[start..end])?;
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

/// Every matching device id in the query's order.
fn ordered_ids(
    conn: &crate::store::sql::Connection,
    tenant_id: TenantId,
    query: &DeviceQuery,
) -> Result<Vec<i64>, ApiError> {
    let forest = groups::forest(conn, tenant_id)?;
    let scope = forest.filter_scope(&query.filter)?;
    Ok(devices::ordered_ids(
        conn,
        tenant_id,
        query,
        scope.as_ref(),
    )?)
}
