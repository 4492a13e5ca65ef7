//! `/api/session`: who am I, sign in, sign out.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use mdm_model::{
    audit::{AuditEvent, SignInVia},
    session::{SessionInfo, SignInRequest},
    ErrorCode,
};

use crate::{
    auth::{self, cookie, is_token_shaped, set_cookie, token_hash, Credential},
    error::ApiError,
    extract::{ApiJson, ClientAddress},
    sign_in::{self, check_password, lockout, PasswordAttempt},
    state::AppState,
    store::{
        admins::{self, AdminRecord},
        audit, sessions,
    },
};

/// The double-submit CSRF token of a request without a session (for signing in): the
/// request's own, or a fresh one plus the `Set-Cookie` that hands it out.
fn anonymous_csrf(state: &AppState, headers: &HeaderMap) -> (String, Option<String>) {
    match cookie(headers, state.cookie_names().csrf).filter(|t| is_token_shaped(t)) {
        Some(token) => (token.to_string(), None),
        None => fresh_anonymous_csrf(state),
    }
}

/// A new double-submit CSRF token and its `Set-Cookie`: handed out at sign-in and sign-out,
/// so a token seen before either stops working.
fn fresh_anonymous_csrf(state: &AppState) -> (String, Option<String>) {
    let token = auth::new_token();
    let set = set_cookie(
        state.cookie_names().csrf,
        &token,
        None,
        state.settings.secure_cookies,
    );
    (token, Some(set))
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
    let names = state.cookie_names();
    let session = cookie(&headers, names.session).filter(|t| is_token_shaped(t));
    let (csrf_token, set_csrf) = match (&current, session) {
        // Signed in by cookie: the token bound to this session.
        (Some(c), Some(token)) if c.via == Credential::Session => {
            (auth::session_csrf_token(token), None)
        }
        _ => anonymous_csrf(&state, &headers),
    };
    // A session cookie that no longer names a live session is dropped, so the browser stops
    // sending it.
    let clear_session = (current.is_none() && session.is_some())
        .then(|| set_cookie(names.session, "", Some(0), state.settings.secure_cookies));
    let info = SessionInfo {
        administrator: current.map(|c| c.admin),
        csrf_token,
    };
    let cookies = set_csrf.into_iter().chain(clear_session);
    Ok(with_cookies(axum::Json(info).into_response(), cookies))
}

/// Checks a user name and password under the sign-in guards ([`crate::sign_in`]): the one
/// check behind both a session sign-in and a host page's token request. A wrong password for
/// an existing account is audited.
pub(crate) async fn check_credentials(
    state: &AppState,
    address: ClientAddress,
    request: SignInRequest,
) -> Result<AdminRecord, ApiError> {
    sign_in::admit(state, address.0).await?;
    if request.username.trim().is_empty() {
        return Err(ApiError::new(ErrorCode::ValidationFailed).with_field("username"));
    }
    if request.password.is_empty() {
        return Err(ApiError::new(ErrorCode::ValidationFailed).with_field("password"));
    }
    let username = request.username.trim().to_string();
    let lookup = username.clone();
    let record = state
        .store
        .call(move |conn| Ok(admins::by_username(conn, &lookup)?))
        .await?;
    // An unknown user name is checked against a dummy hash, so the answer (and its time)
    // does not reveal whether the account exists.
    let attempt = PasswordAttempt {
        account: lockout::account_key(record.as_ref().map(|r| r.tenant_id), &username),
        address: address.0,
        stored_hash: record
            .as_ref()
            .map_or_else(|| state.dummy_hash.to_string(), |r| r.password_hash.clone()),
        password: request.password,
    };
    let verified = check_password(state, attempt).await?;
    match record {
        Some(record) if verified => Ok(record),
        other => {
            tracing::info!("sign-in refused");
            if let Some(record) = other {
                let at = state.clock.now_ms();
                state
                    .store
                    .call(move |conn| {
                        let event = AuditEvent::SignInFailed {
                            username: record.admin.username,
                        };
                        Ok(audit::record(
                            conn,
                            record.tenant_id,
                            Some(record.admin.id),
                            at,
                            "",
                            &event,
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
    address: ClientAddress,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<Response, ApiError> {
    let record = check_credentials(&state, address, request).await?;
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
                "",
                &AuditEvent::SignedIn {
                    via: SignInVia::Session,
                },
            )?;
            Ok(tx.commit()?)
        })
        .await?;
    tracing::info!(admin_id = admin_id.0, "signed in");

    // The session's own CSRF token, and a new anonymous one in place of the one used to
    // sign in.
    let csrf_token = auth::session_csrf_token(&token);
    let (_, set_csrf) = fresh_anonymous_csrf(&state);
    let session_cookie = set_cookie(
        state.cookie_names().session,
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
    let names = state.cookie_names();
    if let Some(token) = cookie(&headers, names.session).filter(|t| is_token_shaped(t)) {
        let hash = token_hash(token);
        let (now, at) = (state.session_clock.now_ms(), state.clock.now_ms());
        let idle = state.session_idle_ms();
        state
            .store
            .call(move |conn| {
                let tx = conn.transaction()?;
                if let Some(record) = sessions::admin_for(&tx, &hash, now, idle)? {
                    let event = AuditEvent::SignedOut {
                        via: SignInVia::Session,
                        reason: None,
                    };
                    audit::record(&tx, record.tenant_id, Some(record.admin.id), at, "", &event)?;
                }
                sessions::delete(&tx, &hash)?;
                Ok(tx.commit()?)
            })
            .await?;
    }
    let clear = set_cookie(names.session, "", Some(0), state.settings.secure_cookies);
    let (_, csrf) = fresh_anonymous_csrf(&state);
    Ok(with_cookies(
        StatusCode::NO_CONTENT.into_response(),
        std::iter::once(clear).chain(csrf),
    ))
}
