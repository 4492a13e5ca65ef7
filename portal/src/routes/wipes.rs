//! `POST /api/wipes/preview` and `POST /api/wipes`: what a wipe would do, and registering it.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    Extension,
};
use mdm_model::{
    audit::{AuditEvent, WipeRefusal},
    paging::Page,
    wifi::WifiSetting,
    wipe::{
        is_valid_idempotency_key, validate_preview_request, validate_wipe_request,
        wrong_password_error, PreviewSummary, WipePreview, WipePreviewRequest, WipeRegistered,
        WipeRequest, IDEMPOTENCY_KEY_HEADER,
    },
    ErrorCode,
};
use rusqlite::TransactionBehavior;
use sha2::{Digest, Sha256};

use crate::{
    auth::CurrentAdmin,
    engine::registration::{self, Registrant},
    error::ApiError,
    extract::{ApiJson, ClientAddress},
    sign_in::{check_password, lockout, PasswordAttempt},
    state::AppState,
    store::{admins, audit, catalog, to_millis},
};

fn chosen_wifi(
    settings: &[WifiSetting],
    id: Option<mdm_model::ids::WifiSettingId>,
) -> Option<WifiSetting> {
    id.and_then(|id| settings.iter().find(|s| s.id == id).cloned())
}

/// Per-device eligibility, the jobs that would be created and the totals.
pub async fn preview(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiJson(request): ApiJson<WipePreviewRequest>,
) -> Result<ApiJson<WipePreview>, ApiError> {
    let page_request = request.page_request();
    page_request.validate()?;
    let preview = state
        .store
        .call(move |conn| {
            let settings = catalog::wifi_settings(conn, current.tenant_id)?;
            validate_preview_request(&request, &settings)
                .map_err(|errors| ApiError::rendered(move |lang| errors.to_api_error(lang)))?;
            let devices =
                registration::resolve_selection(conn, current.tenant_id, &request.selection)?;
            let wifi = chosen_wifi(&settings, request.options.wifi_setting_id);
            let mut plans = registration::plan(conn, current.tenant_id, &devices, wifi.is_some())?;
            let summary = PreviewSummary::from_plans(&plans);
            if let Some(outcome) = request.outcome {
                plans.retain(|p| p.outcome == outcome);
            }
            plans.sort_by(|a, b| {
                a.device
                    .name
                    .cmp(&b.device.name)
                    .then(a.device.id.cmp(&b.device.id))
            });
            let total = plans.len() as u64;
            page_request.ensure_within(total)?;
            let items = plans
                .into_iter()
                .skip(page_request.offset() as usize)
                .take(page_request.limit() as usize)
                .collect();
            Ok(WipePreview {
                summary,
                devices: Page::new(items, total, page_request),
            })
        })
        .await?;
    Ok(ApiJson(preview))
}

/// A digest of everything in the request but the password, to recognise a repeat. The schedule
/// is digested as entered (text and zone): the same request sent again digests the same.
fn request_digest(request: &WipeRequest) -> String {
    let canonical = serde_json::json!({
        "selection": request.selection.normalized(),
        "options": request.options,
        "agreed": request.agreed,
        "skip_not_wipeable": request.skip_not_wipeable,
    });
    Sha256::digest(canonical.to_string().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Registers the wipe jobs after re-checking the administrator's password.
pub async fn register(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    address: ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<WipeRequest>,
) -> Result<(StatusCode, ApiJson<WipeRegistered>), ApiError> {
    let key = headers
        .get(IDEMPOTENCY_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|k| is_valid_idempotency_key(k))
        .map(str::to_string)
        .ok_or_else(|| {
            ApiError::new(ErrorCode::IdempotencyKeyInvalid).with_field(IDEMPOTENCY_KEY_HEADER)
        })?;
    let now = state.clock.now();
    let tenant_id = current.tenant_id;
    let admin_id = current.admin.id;

    // Reads before the registration's own transaction go to a reader: under load the writer
    // is the one connection a registration must wait for.
    let settings = state
        .store
        .read(move |conn| Ok(catalog::wifi_settings(conn, tenant_id)?))
        .await?;
    // The options to register: the schedule resolved in the zone it was entered in.
    let options = validate_wipe_request(&request, now, &settings)
        .map_err(|errors| ApiError::rendered(move |lang| errors.to_api_error(lang)))?;

    // The password re-check: the signed-in administrator's own password, under the same
    // guards and lockout budget as sign-in, so a left-open session cannot be used to guess it.
    let record = state
        .store
        .read(move |conn| Ok(admins::by_id(conn, admin_id)?))
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated))?;
    let attempt = PasswordAttempt {
        account: lockout::account_key(Some(record.tenant_id), &record.admin.username),
        address: address.0,
        stored_hash: record.password_hash,
        password: request.password.clone(),
    };
    if !check_password(&state, attempt).await? {
        let at = to_millis(now);
        state
            .store
            .call(move |conn| {
                Ok(audit::record(
                    conn,
                    tenant_id,
                    Some(admin_id),
                    at,
                    "wrong password",
                    &AuditEvent::WipeRefused {
                        reason: WipeRefusal::WrongPassword,
                    },
                )?)
            })
            .await?;
        return Err(ApiError::rendered(wrong_password_error));
    }

    let digest = request_digest(&request);
    let wifi = chosen_wifi(&settings, request.options.wifi_setting_id);
    let (status, registered) = state
        .store
        .call(move |conn| {
            // IMMEDIATE: take the write lock before reading, so the open-wipe check and the
            // inserts see the same data.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some((stored_digest, response)) =
                crate::store::jobs::wipe_by_idempotency_key(&tx, admin_id, &key)?
            {
                if stored_digest.as_deref() != Some(digest.as_str()) {
                    return Err(ApiError::new(ErrorCode::IdempotencyKeyReused)
                        .with_field(IDEMPOTENCY_KEY_HEADER));
                }
                let first: WipeRegistered = response
                    .as_deref()
                    .and_then(|r| serde_json::from_str(r).ok())
                    .ok_or_else(|| ApiError::internal("stored wipe answer unreadable"))?;
                // A repeat gets the first answer, status included.
                return Ok((StatusCode::CREATED, first));
            }
            let who = Registrant {
                tenant_id,
                admin_id,
                idempotency_key: &key,
                request_digest: &digest,
            };
            let registered = registration::register(
                &tx,
                &who,
                &request.selection,
                &options,
                request.skip_not_wipeable,
                wifi.as_ref(),
                now,
            )?;
            tx.commit()?;
            Ok((StatusCode::CREATED, registered))
        })
        .await?;
    Ok((status, ApiJson(registered)))
}
