//! `GET /api/devices`: the device table (filter, search, sort, page).

use axum::{extract::State, Extension};
use mdm_model::{
    device::{Device, DeviceFilter, DeviceQuery},
    group::GroupForest,
    ids::GroupId,
    paging::Page,
    query::{ParamProblem, QueryParamError},
};
use std::collections::HashSet;

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, QueryPairs},
    state::AppState,
    store::{devices, groups},
};

/// The groups a filter's `group` covers; an unknown group is a bad parameter.
pub fn group_scope(
    forest: &GroupForest,
    filter: &DeviceFilter,
) -> Result<Option<HashSet<GroupId>>, ApiError> {
    match filter.group {
        None => Ok(None),
        Some(group) => forest
            .scope(group, filter.include_subgroups)
            .map(Some)
            .ok_or_else(|| {
                QueryParamError::new(
                    "group",
                    ParamProblem::Unparsable {
                        value: group.to_string(),
                    },
                )
                .into()
            }),
    }
}

/// One page of the tenant's devices matching the query, with the total count.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<Page<Device>>, ApiError> {
    let query = DeviceQuery::from_query(&pairs.reader())?;
    let page = state
        .store
        .call(move |conn| {
            let forest = groups::forest(conn, current.tenant_id)?;
            let scope = group_scope(&forest, &query.filter)?;
            let total = devices::count(conn, current.tenant_id, &query.filter, scope.as_ref())?;
            query.page.ensure_within(total)?;
            let items = devices::page(conn, current.tenant_id, &query, scope.as_ref())?;
            Ok(Page::new(items, total, query.page))
        })
        .await?;
    Ok(ApiJson(page))
}
