//! The wipe service: what `POST /api/wipes/preview` and `POST /api/wipes` do, whole, so each
//! handler calls one function. Registering validates the request with the model, re-checks the
//! administrator's password under the sign-in guards, and writes the jobs in one IMMEDIATE
//! transaction that also answers a repeated idempotency key.

use crate::store::sql::TransactionBehavior;
use chrono::{DateTime, Utc};
use mdm_model::{
    audit::{AuditEvent, WipeRefusal},
    ids::{AdministratorId, WifiSettingId},
    paging::Page,
    wifi::WifiSetting,
    wipe::{
        validate_preview_request, validate_wipe_request, wrong_password_error, PreviewSummary,
        WipePreview, WipePreviewRequest, WipeRegistered, WipeRequest, IDEMPOTENCY_KEY_HEADER,
    },
    ErrorCode,
};
use sha2::{Digest, Sha256};

use super::registration::{self, Registrant};
use crate::{
    error::ApiError,
    ids::TenantId,
    sign_in::{check_password, lockout, PasswordAttempt},
    state::AppState,
    store::{admins, audit, catalog, jobs, to_millis},
};

/// Who asks, from where, and the request's idempotency key.
pub struct WipeCaller {
    pub tenant_id: TenantId,
    pub admin_id: AdministratorId,
    pub address: Option<std::net::IpAddr>,
    pub idempotency_key: String,
}

fn chosen_wifi(settings: &[WifiSetting], id: Option<WifiSettingId>) -> Option<WifiSetting> {
    id.and_then(|id| settings.iter().find(|s| s.id == id).cloned())
}

/// Per-device outcomes, the jobs that would be created and the totals, one page of devices.
pub async fn preview(
    state: &AppState,
    tenant_id: TenantId,
    request: WipePreviewRequest,
) -> Result<WipePreview, ApiError> {
    let page_request = request.page_request();
    page_request.validate()?;
    state
        .store
        .call(move |conn| {
            let settings = catalog::wifi_settings(conn, tenant_id)?;
            validate_preview_request(&request, &settings)
                .map_err(|errors| ApiError::rendered(move |lang| errors.to_api_error(lang)))?;
            let devices = registration::resolve_selection(conn, tenant_id, &request.selection)?;
            let wifi = chosen_wifi(&settings, request.options.wifi_setting_id);
            let windows_kind = request.options.platform.windows.unwrap_or_default();
            let mut plans =
                registration::plan(conn, tenant_id, &devices, wifi.is_some(), windows_kind)?;
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
            Ok(WipePreview {
                summary,
                devices: Page::of_all(plans, page_request)?,
            })
        })
        .await
}

/// A digest of everything in the request but the password, to recognise a repeat. The schedule
/// is digested as entered (text and zone): the same request sent again digests the same.
fn request_digest(request: &WipeRequest) -> String {
    digest_of(&serde_json::json!({
        "selection": request.selection.normalized(),
        "options": request.options,
        "agreed": request.agreed,
        "skip_not_wipeable": request.skip_not_wipeable,
    }))
}

/// The hex SHA-256 of a request's canonical JSON (its password left out by the caller).
pub(crate) fn digest_of(canonical: &serde_json::Value) -> String {
    Sha256::digest(canonical.to_string().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The password re-check: the signed-in administrator's own password, under the same guards
/// and lockout budget as sign-in, so a left-open session cannot be used to guess it. A wrong
/// password is audited (as `refused`) and refused.
pub(crate) async fn recheck_password(
    state: &AppState,
    caller: &WipeCaller,
    password: String,
    now: DateTime<Utc>,
    refused: AuditEvent,
) -> Result<(), ApiError> {
    let (tenant_id, admin_id) = (caller.tenant_id, caller.admin_id);
    let record = state
        .store
        .read(move |conn| Ok(admins::by_id(conn, admin_id)?))
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated))?;
    let attempt = PasswordAttempt {
        account: lockout::account_key(Some(record.tenant_id), &record.admin.username),
        address: caller.address,
        stored_hash: record.password_hash,
        password,
    };
    if check_password(state, attempt).await? {
        return Ok(());
    }
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
                &refused,
            )?)
        })
        .await?;
    Err(ApiError::rendered(wrong_password_error))
}

/// The answer already given to this administrator's idempotency key, when the request is the
/// same one again; a key reused for another request is refused.
pub(crate) fn earlier_answer<T: serde::de::DeserializeOwned>(
    conn: &crate::store::sql::Connection,
    caller: &WipeCaller,
    digest: &str,
) -> Result<Option<T>, ApiError> {
    let Some((stored_digest, response)) =
        jobs::wipe_by_idempotency_key(conn, caller.admin_id, &caller.idempotency_key)?
    else {
        return Ok(None);
    };
    if stored_digest.as_deref() != Some(digest) {
        return Err(
            ApiError::new(ErrorCode::IdempotencyKeyReused).with_field(IDEMPOTENCY_KEY_HEADER)
        );
    }
    response
        .as_deref()
        .and_then(|r| serde_json::from_str(r).ok())
        .map(Some)
        .ok_or_else(|| ApiError::internal("stored registration answer unreadable"))
}

/// Registers the wipe jobs of a request, all or nothing; a repeat of an idempotency key with
/// the same request answers the first registration, with another request is refused.
pub async fn register(
    state: &AppState,
    caller: WipeCaller,
    request: WipeRequest,
) -> Result<WipeRegistered, ApiError> {
    let now = state.clock.now();
    let tenant_id = caller.tenant_id;
    // Reads before the registration's own transaction go to a reader: under load the writer
    // is the one connection a registration must wait for.
    let settings = state
        .store
        .read(move |conn| Ok(catalog::wifi_settings(conn, tenant_id)?))
        .await?;
    // The options to register: the schedule resolved in the zone it was entered in.
    let options = validate_wipe_request(&request, now, &settings)
        .map_err(|errors| ApiError::rendered(move |lang| errors.to_api_error(lang)))?;
    let refused = AuditEvent::WipeRefused {
        reason: WipeRefusal::WrongPassword,
    };
    recheck_password(state, &caller, request.password.clone(), now, refused).await?;

    let digest = request_digest(&request);
    let wifi = chosen_wifi(&settings, request.options.wifi_setting_id);
    state
        .store
        .call(move |conn| {
            // IMMEDIATE: take the write lock before reading, so the open-wipe check and the
            // inserts see the same data.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some(earlier) = earlier_answer(&tx, &caller, &digest)? {
                return Ok(earlier);
            }
            let who = Registrant {
                tenant_id,
                admin_id: caller.admin_id,
                idempotency_key: &caller.idempotency_key,
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
            Ok(registered)
        })
        .await
}
