//! `/api/session`: who am I, sign in, sign out.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use mdm_model::{
    audit::AuditAction,
    session::{SessionInfo, SignInRequest, CSRF_COOKIE, SESSION_COOKIE},
    ErrorCode,
};

use crate::{
    auth::{self, cookie, is_token_shaped, set_cookie, token_hash},
    error::ApiError,
    extract::ApiJson,
    state::AppState,
    store::{
        admins::{self, AdminRecord},
        audit, sessions,
    },
};

/// The request's CSRF token, or a fresh one plus the `Set-Cookie` that hands it out.
fn csrf_token(state: &AppState, headers: &HeaderMap) -> (String, Option<String>) {
    match cookie(headers, CSRF_COOKIE).filter(|t| is_token_shaped(t)) {
        Some(token) => (token.to_string(), None),
        None => {
            let token = auth::new_token();
            let set = set_cookie(CSRF_COOKIE, &token, None, state.settings.secure_cookies);
            (token, Some(set))
        }
    }
}

fn with_cookies(mut response: Response, cookies: impl IntoIterator<Item = String>) -> Response {
    for value in cookies {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// `GET /api/session`: always 200; hands out the CSRF token and says who is signed in.
pub async fn who_am_i(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let current = auth::request_admin(&state, &headers).await?;
    let (csrf_token, set) = csrf_token(&state, &headers);
    let info = SessionInfo {
        administrator: current.map(|c| c.admin),
        csrf_token,
    };
    Ok(with_cookies(axum::Json(info).into_response(), set))
}

/// Checks a user name and password, with the sign-in lockout: the one check behind both a
/// session sign-in and a host page's token request. A failure is counted and audited.
pub(crate) async fn check_credentials(
    state: &AppState,
    request: SignInRequest,
) -> Result<AdminRecord, ApiError> {
    if request.username.trim().is_empty() {
        return Err(ApiError::new(ErrorCode::ValidationFailed).with_field("username"));
    }
    if request.password.is_empty() {
        return Err(ApiError::new(ErrorCode::ValidationFailed).with_field("password"));
    }
    let username = request.username.trim().to_string();
    if let Some(refusal) = state
        .sign_in_throttle
        .refusal(&username, std::time::Instant::now())
    {
        return Err(refusal);
    }
    let attempted = username.clone();
    let record = state
        .store
        .call(move |conn| Ok(admins::by_username(conn, &username)?))
        .await?;
    // Always run one argon2 verification, against a dummy hash for an unknown user, so the
    // answer time does not reveal whether the account exists.
    let hash = record
        .as_ref()
        .map(|r| r.password_hash.clone())
        .unwrap_or_else(|| state.dummy_hash.to_string());
    let password = request.password;
    let verified = tokio::task::spawn_blocking(move || auth::verify_password(&hash, &password))
        .await
        .map_err(ApiError::internal)?;
    match record {
        Some(record) if verified => {
            state.sign_in_throttle.succeeded(&attempted);
            Ok(record)
        }
        other => {
            tracing::info!("sign-in refused");
            state
                .sign_in_throttle
                .failed(&attempted, std::time::Instant::now());
            if let Some(record) = other {
                let at = state.clock.now_ms();
                state
                    .store
                    .call(move |conn| {
                        let details = serde_json::json!({ "username": record.admin.username });
                        Ok(audit::record(
                            conn,
                            record.tenant_id,
                            Some(record.admin.id),
                            at,
                            AuditAction::SignInFailed,
                            "",
                            &details,
                        )?)
                    })
                    .await?;
            }
            Err(ApiError::new(ErrorCode::InvalidCredentials))
        }
    }
}

/// `POST /api/session`: checks the user name and password and starts a session.
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<Response, ApiError> {
    let record = check_credentials(&state, request).await?;
    let token = auth::new_token();
    let hash = token_hash(&token);
    let now = state.session_clock.now();
    let ttl = state.settings.session_ttl;
    let idle = state.session_idle_ms();
    let (admin_id, tenant_id) = (record.admin.id, record.tenant_id);
    let at = state.clock.now_ms();
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction()?;
            sessions::purge_expired(&tx, now.timestamp_millis(), idle)?;
            sessions::insert(
                &tx,
                &hash,
                admin_id,
                now.timestamp_millis(),
                (now + ttl).timestamp_millis(),
            )?;
            audit::record(
                &tx,
                tenant_id,
                Some(admin_id),
                at,
                AuditAction::SignedIn,
                "",
                &serde_json::json!({}),
            )?;
            Ok(tx.commit()?)
        })
        .await?;
    tracing::info!(admin_id, "signed in");

    let (csrf_token, set_csrf) = csrf_token(&state, &headers);
    let session_cookie = set_cookie(
        SESSION_COOKIE,
        &token,
        Some(ttl.num_seconds()),
        state.settings.secure_cookies,
    );
    let info = SessionInfo {
        administrator: Some(record.admin),
        csrf_token,
    };
    Ok(with_cookies(
        axum::Json(info).into_response(),
        std::iter::once(session_cookie).chain(set_csrf),
    ))
}

/// `DELETE /api/session`: ends the session (if any) and clears the cookie. Always 204.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE).filter(|t| is_token_shaped(t)) {
        let hash = token_hash(token);
        let (now, at) = (state.session_clock.now_ms(), state.clock.now_ms());
        let idle = state.session_idle_ms();
        state
            .store
            .call(move |conn| {
                let tx = conn.transaction()?;
                if let Some(record) = sessions::admin_for(&tx, &hash, now, idle)? {
                    let details = serde_json::json!({});
                    audit::record(
                        &tx,
                        record.tenant_id,
                        Some(record.admin.id),
                        at,
                        AuditAction::SignedOut,
                        "",
                        &details,
                    )?;
                }
                sessions::delete(&tx, &hash)?;
                Ok(tx.commit()?)
            })
            .await?;
    }
    let clear = set_cookie(SESSION_COOKIE, "", Some(0), state.settings.secure_cookies);
    Ok(with_cookies(
        StatusCode::NO_CONTENT.into_response(),
        [clear],
    ))
}
