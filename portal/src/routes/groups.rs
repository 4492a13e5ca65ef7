//! `GET /api/groups`: the group tree with device counts.

use std::collections::HashMap;

use axum::{extract::State, Extension};
use mdm_model::group::GroupTree;

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::ApiJson,
    state::AppState,
    store::{devices, groups},
};

/// The tenant's tree; counts cover each group alone and with its descendants.
pub async fn tree(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
) -> Result<ApiJson<GroupTree>, ApiError> {
    let tree = state
        .store
        .call(move |conn| {
            let forest = groups::forest(conn, current.tenant_id)?;
            let counts: HashMap<_, _> = devices::counts_by_group(conn, current.tenant_id)?
                .into_iter()
                .collect();
            Ok(forest.tree(&counts))
        })
        .await?;
    Ok(ApiJson(tree))
}
