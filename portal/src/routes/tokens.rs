//! `/api/auth/tokens`: bearer tokens for host pages that embed the console.
//!
//! A host page signs its administrator in with `POST /api/auth/tokens` (user name and password,
//! under the same lockout as a session sign-in), hands the token to the console, and renews it
//! with `POST /api/auth/tokens/renew` before it expires. `DELETE /api/auth/tokens/current`
//! revokes it (and every earlier token of the same sign-in).

use axum::{extract::State, http::StatusCode, response::IntoResponse, Extension};
use chrono::{DateTime, Utc};
use mdm_model::{
    audit::{AuditEvent, SignInVia, SignOutReason},
    session::{SignInRequest, TokenIssued},
    ErrorCode,
};

use crate::{
    auth::{self, Credential, CurrentAdmin},
    error::ApiError,
    extract::{ApiJson, ClientAddress},
    state::AppState,
    store::{
        admins::AdminRecord,
        audit,
        tokens::{self, NewToken},
    },
};

/// `POST /api/auth/tokens`: a token for a user name and password.
pub async fn issue(
    State(state): State<AppState>,
    address: ClientAddress,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let record = super::session::check_credentials(&state, address, request).await?;
    let now = state.session_clock.now();
    let renewable_until = now + state.settings.session_ttl;
    let issued = record_token(&state, record, None, now, renewable_until).await?;
    Ok((StatusCode::CREATED, ApiJson(issued)))
}

/// `POST /api/auth/tokens/renew`: a fresh token for the bearer's sign-in; the old one keeps
/// working for a short grace only.
pub async fn renew(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
) -> Result<impl IntoResponse, ApiError> {
    let Credential::Token {
        hash,
        chain,
        renewable_until,
    } = current.via
    else {
        // A cookie session has nothing to renew here.
        return Err(ApiError::new(ErrorCode::Unauthenticated));
    };
    let now = state.session_clock.now();
    let renewable_until = DateTime::<Utc>::from_timestamp_millis(renewable_until).unwrap_or(now);
    if renewable_until <= now {
        return Err(ApiError::new(ErrorCode::Unauthenticated));
    }
    let record = AdminRecord {
        admin: current.admin,
        tenant_id: current.tenant_id,
        password_hash: String::new(),
    };
    let issued = record_token(&state, record, Some((hash, chain)), now, renewable_until).await?;
    Ok((StatusCode::CREATED, ApiJson(issued)))
}

/// `DELETE /api/auth/tokens/current`: ends the bearer's sign-in.
pub async fn revoke(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
) -> Result<StatusCode, ApiError> {
    let Credential::Token { chain, .. } = current.via else {
        return Err(ApiError::new(ErrorCode::Unauthenticated));
    };
    let (now, at) = (state.session_clock.now_ms(), state.clock.now_ms());
    let (admin_id, tenant_id) = (current.admin.id, current.tenant_id);
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction()?;
            tokens::revoke_chain(&tx, &chain, now)?;
            audit::record(
                &tx,
                tenant_id,
                Some(admin_id),
                at,
                "",
                &AuditEvent::SignedOut {
                    via: SignInVia::Token,
                    reason: None,
                },
            )?;
            Ok(tx.commit()?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stores a new token (renewing `old` = (hash, chain) when given) and describes it.
async fn record_token(
    state: &AppState,
    record: AdminRecord,
    old: Option<(String, String)>,
    now: DateTime<Utc>,
    renewable_until: DateTime<Utc>,
) -> Result<TokenIssued, ApiError> {
    let token = auth::new_token();
    let hash = auth::token_hash(&token);
    let expires_at = (now + state.settings.token_ttl).min(renewable_until);
    let (admin_id, tenant_id) = (record.admin.id, record.tenant_id);
    let at = state.clock.now_ms();
    let (now_ms, expires_ms, limit_ms) = (
        now.timestamp_millis(),
        expires_at.timestamp_millis(),
        renewable_until.timestamp_millis(),
    );
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction()?;
            tokens::purge_expired(&tx, now_ms)?;
            let chain = match &old {
                Some((old_hash, chain)) => {
                    if !tokens::retire(&tx, old_hash, now_ms)? {
                        // A retired token presented again: someone else holds the chain's
                        // newer token. End the sign-in rather than fork it.
                        tokens::revoke_chain(&tx, chain, now_ms)?;
                        audit::record(
                            &tx,
                            tenant_id,
                            Some(admin_id),
                            at,
                            "retired token renewed again",
                            &AuditEvent::SignedOut {
                                via: SignInVia::Token,
                                reason: Some(SignOutReason::RetiredTokenReused),
                            },
                        )?;
                        tx.commit()?;
                        return Err(ApiError::new(ErrorCode::Unauthenticated));
                    }
                    chain.clone()
                }
                None => hash.clone(),
            };
            tokens::insert(
                &tx,
                &NewToken {
                    token_hash: &hash,
                    chain: &chain,
                    admin_id,
                    now: now_ms,
                    expires_at: expires_ms,
                    renewable_until: limit_ms,
                },
            )?;
            // The sign-in is audited; renewals are routine and would flood the log.
            if old.is_none() {
                audit::record(
                    &tx,
                    tenant_id,
                    Some(admin_id),
                    at,
                    "",
                    &AuditEvent::SignedIn {
                        via: SignInVia::Token,
                    },
                )?;
            }
            Ok(tx.commit()?)
        })
        .await?;
    tracing::info!(admin_id = admin_id.0, "bearer token issued");
    Ok(TokenIssued {
        token,
        token_type: "Bearer".to_string(),
        expires_at,
        expires_in: (expires_at - now).num_seconds(),
        renewable_until,
        administrator: record.admin,
    })
}
