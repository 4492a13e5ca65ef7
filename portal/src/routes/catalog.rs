//! `GET /api/wifi-settings` and `GET /api/dep-profiles`: short lists, answered whole.

use axum::{extract::State, Extension};
use mdm_model::{
    dep::DepProfile,
    paging::ItemList,
    wifi::{WifiSetting, WifiSettingQuery},
};

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, QueryPairs},
    state::AppState,
    store::catalog,
};

/// The tenant's Wi-Fi settings, filtered by `auto_join` / `registered` when given.
pub async fn wifi_settings(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<ItemList<WifiSetting>>, ApiError> {
    let query = WifiSettingQuery::from_query(&pairs.reader())?;
    let all = state
        .store
        .call(move |conn| Ok(catalog::wifi_settings(conn, current.tenant_id)?))
        .await?;
    let items = all
        .into_iter()
        .filter(|setting| query.matches(setting))
        .collect();
    Ok(ApiJson(ItemList { items }))
}

/// The tenant's DEP profiles.
pub async fn dep_profiles(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
) -> Result<ApiJson<ItemList<DepProfile>>, ApiError> {
    let items = state
        .store
        .call(move |conn| Ok(catalog::dep_profiles(conn, current.tenant_id)?))
        .await?;
    Ok(ApiJson(ItemList { items }))
}
