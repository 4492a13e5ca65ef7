//! The 紛失時対策 endpoints other than the wipe: the dialog's counts, a measure's preview, its
//! registration, and a device's location answers. Each handler reads the request and calls the
//! measure service ([`crate::engine::measure_service`]) once.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    Extension,
};
use mdm_model::{
    ids::DeviceId,
    measure::{
        DeviceLocations, MeasureCounts, MeasureCountsRequest, MeasurePreview,
        MeasurePreviewRequest, MeasureRegistered, MeasureRequest,
    },
    paging::PageRequest,
};

use crate::{
    auth::CurrentAdmin,
    engine::measure_service,
    error::ApiError,
    extract::{ApiJson, ApiPath, ClientAddress, QueryPairs},
    state::AppState,
};

/// `POST /api/measures/counts`: how many of the selected devices each measure applies to.
pub async fn counts(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiJson(request): ApiJson<MeasureCountsRequest>,
) -> Result<ApiJson<MeasureCounts>, ApiError> {
    Ok(ApiJson(
        measure_service::counts(&state, current.tenant_id, request).await?,
    ))
}

/// `POST /api/measures/preview`: the devices a measure reaches or leaves out, and why.
pub async fn preview(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiJson(request): ApiJson<MeasurePreviewRequest>,
) -> Result<ApiJson<MeasurePreview>, ApiError> {
    Ok(ApiJson(
        measure_service::preview(&state, current.tenant_id, request).await?,
    ))
}

/// `POST /api/measures`: registers the measure's jobs after re-checking the password.
pub async fn register(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    address: ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<MeasureRequest>,
) -> Result<(StatusCode, ApiJson<MeasureRegistered>), ApiError> {
    let caller = super::wipes::registering_caller(&current, address, &headers)?;
    let registered = measure_service::register(&state, caller, request).await?;
    Ok((StatusCode::CREATED, ApiJson(registered)))
}

/// `GET /api/devices/{id}/locations`: where the device said it was, newest first.
pub async fn locations(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(id): ApiPath<DeviceId>,
    pairs: QueryPairs,
) -> Result<ApiJson<DeviceLocations>, ApiError> {
    let page = PageRequest::from_query(&pairs.reader())?;
    Ok(ApiJson(
        measure_service::locations_of(&state, current.tenant_id, id, page).await?,
    ))
}
