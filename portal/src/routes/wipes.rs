//! `POST /api/wipes/preview` and `POST /api/wipes`: what a wipe would do, and registering it.
//! Both are the wipe service's ([`crate::engine::wipe_service`]); the handlers only read the
//! request.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    Extension,
};
use mdm_model::{
    wipe::{
        is_valid_idempotency_key, WipePreview, WipePreviewRequest, WipeRegistered, WipeRequest,
        IDEMPOTENCY_KEY_HEADER,
    },
    ErrorCode,
};

use crate::{
    auth::CurrentAdmin,
    engine::wipe_service::{self, WipeCaller},
    error::ApiError,
    extract::{ApiJson, ClientAddress},
    state::AppState,
};

/// Per-device eligibility, the jobs that would be created and the totals.
pub async fn preview(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiJson(request): ApiJson<WipePreviewRequest>,
) -> Result<ApiJson<WipePreview>, ApiError> {
    let preview = wipe_service::preview(&state, current.tenant_id, request).await?;
    Ok(ApiJson(preview))
}

/// Registers the wipe jobs after re-checking the administrator's password.
pub async fn register(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    address: ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<WipeRequest>,
) -> Result<(StatusCode, ApiJson<WipeRegistered>), ApiError> {
    let caller = registering_caller(&current, address, &headers)?;
    let registered = wipe_service::register(&state, caller, request).await?;
    // A repeat gets the first answer, status included.
    Ok((StatusCode::CREATED, ApiJson(registered)))
}

/// Who registers (a wipe, or another measure: `routes::measures` uses it too), with the
/// request's idempotency key, refused 400 on the header when missing or malformed.
pub(super) fn registering_caller(
    current: &CurrentAdmin,
    address: ClientAddress,
    headers: &HeaderMap,
) -> Result<WipeCaller, ApiError> {
    let key = headers
        .get(IDEMPOTENCY_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|k| is_valid_idempotency_key(k))
        .map(str::to_string)
        .ok_or_else(|| {
            ApiError::new(ErrorCode::IdempotencyKeyInvalid).with_field(IDEMPOTENCY_KEY_HEADER)
        })?;
    Ok(WipeCaller {
        tenant_id: current.tenant_id,
        admin_id: current.admin.id,
        address: address.0,
        idempotency_key: key,
    })
}
