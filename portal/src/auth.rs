//! Authentication: the double-submit CSRF check and the middleware that requires a signed-in
//! administrator, on the credentials of [`crate::credentials`] (password hashes, session tokens
//! in an HttpOnly cookie).
//!
//! A request is authenticated either by the session cookie or, for host pages embedding the
//! console, by `Authorization: Bearer …` with a token from `POST /api/auth/tokens`. A bearer
//! request skips the CSRF check (a browser never attaches that header by itself) and is never
//! taken for a cookie request: [`request_admin`] is the one place both are resolved.

use crate::ids::TenantId;
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method},
    middleware::Next,
    response::Response,
};
use mdm_model::{
    session::{Administrator, CSRF_HEADER},
    ErrorCode,
};
use subtle::ConstantTimeEq;

use crate::{
    error::ApiError,
    state::AppState,
    store::{sessions, tokens},
};

pub use crate::credentials::{
    cookie, hash_password, is_token_shaped, new_token, session_csrf_token, set_cookie, token_hash,
    verify_password, CookieNames, HashCost,
};

fn has_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

/// The token of an `Authorization: Bearer …` header, when it has the shape of ours.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
        .map(|v| v[7..].trim())
        .filter(|t| is_token_shaped(t))
}

/// Which CSRF tokens a route accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsrfRule {
    /// Routes of the signed-in administrator: the token of the request's session cookie. A
    /// bearer request skips the check, because these routes then authenticate by the bearer
    /// token alone and never read the cookie.
    SessionBound,
    /// Sign-in and sign-out, which act on cookies whatever else the request carries: the
    /// session's token, or before sign-in the double-submitted `mdm_csrf` cookie.
    CookieRoutes,
}

/// Whether `sent` is a CSRF token this request may use under `rule`.
fn csrf_accepted(headers: &HeaderMap, names: CookieNames, rule: CsrfRule, sent: &str) -> bool {
    let equal = |expected: &str| bool::from(sent.as_bytes().ct_eq(expected.as_bytes()));
    let session = cookie(headers, names.session).filter(|t| is_token_shaped(t));
    let bound = session.is_some_and(|token| equal(&session_csrf_token(token)));
    match rule {
        CsrfRule::SessionBound => bound,
        CsrfRule::CookieRoutes => {
            bound
                || cookie(headers, names.csrf)
                    .filter(|t| is_token_shaped(t))
                    .is_some_and(equal)
        }
    }
}

/// The CSRF check of every state-changing request: the `x-csrf-token` header must carry a
/// token the route accepts ([`CsrfRule`]). A cross-site page can make the browser send the
/// cookies but cannot read a token to put in the header.
pub async fn require_csrf(
    State((state, rule)): State<(AppState, CsrfRule)>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let bearer_route = rule == CsrfRule::SessionBound && has_bearer(request.headers());
    if !safe && !bearer_route {
        let headers = request.headers();
        let names = state.cookie_names();
        let ok = headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|sent| csrf_accepted(headers, names, rule, sent));
        if !ok {
            return Err(ApiError::new(ErrorCode::CsrfRejected));
        }
    }
    Ok(next.run(request).await)
}

/// The signed-in administrator, put in the request extensions by [`require_session`].
#[derive(Debug, Clone)]
pub struct CurrentAdmin {
    pub admin: Administrator,
    pub tenant_id: TenantId,
    pub via: Credential,
}

/// What the request was authenticated with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// The session cookie.
    Session,
    /// A bearer token: its hash, its chain, and until when it may be renewed (ms).
    Token {
        hash: String,
        chain: String,
        renewable_until: i64,
    },
}

/// The administrator of the request: by its bearer token when it has an `Authorization`
/// header (never falling back to the cookie), else by its session cookie.
pub async fn request_admin(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<CurrentAdmin>, ApiError> {
    // Any `Authorization` header makes it a token request: a malformed one is refused, never
    // taken for a cookie request.
    if headers.contains_key(header::AUTHORIZATION) {
        return token_admin(state, headers).await;
    }
    session_admin(state, headers).await
}

/// The administrator of a live bearer token.
async fn token_admin(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<CurrentAdmin>, ApiError> {
    let Some(token) = bearer_token(headers) else {
        return Ok(None);
    };
    let hash = token_hash(token);
    let now = state.session_clock.now_ms();
    let lookup = hash.clone();
    let record = state
        .store
        .read(move |conn| Ok(tokens::live(conn, &lookup, now)?))
        .await?;
    Ok(record.map(|r| CurrentAdmin {
        admin: r.admin.admin,
        tenant_id: r.admin.tenant_id,
        via: Credential::Token {
            hash,
            chain: r.chain,
            renewable_until: r.renewable_until,
        },
    }))
}

/// Looks up the administrator of the request's session cookie, if any, and marks the session
/// used. An expired session (idle too long, or past its absolute lifetime) counts as none.
pub async fn session_admin(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<CurrentAdmin>, ApiError> {
    let Some(token) = cookie(headers, state.cookie_names().session).filter(|t| is_token_shaped(t))
    else {
        return Ok(None);
    };
    let hash = token_hash(token);
    let (now, idle) = (state.session_clock.now_ms(), state.session_idle_ms());
    // Most requests only read the session (its last-seen time is moved once a minute), so
    // the check runs on a reader and goes to the writer only when there is something to write.
    let lookup = hash.clone();
    let found = state
        .store
        .read(move |conn| Ok(sessions::check(conn, &lookup, now, idle)?))
        .await?;
    let record = match found {
        sessions::Check::Live(record) => Some(record),
        sessions::Check::NeedsWrite => {
            state
                .store
                .call(move |conn| Ok(sessions::resume(conn, &hash, now, idle)?))
                .await?
        }
    };
    Ok(record.map(|r| CurrentAdmin {
        admin: r.admin,
        tenant_id: r.tenant_id,
        via: Credential::Session,
    }))
}

/// Refuses the request with 401 `unauthenticated` unless it comes from a signed-in
/// administrator, who is then available to handlers as `Extension<CurrentAdmin>`.
pub async fn require_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    match request_admin(&state, request.headers()).await? {
        Some(current) => {
            request.extensions_mut().insert(current);
            Ok(next.run(request).await)
        }
        None => Err(ApiError::new(ErrorCode::Unauthenticated)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn password_hash_round_trip() {
        let hash = hash_password("Demo#2026", HashCost::Fast).unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "Demo#2026"));
        assert!(!verify_password(&hash, "demo#2026"));
        assert!(!verify_password("not a hash", "Demo#2026"));
    }

    #[test]
    fn tokens_are_random_and_shaped() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(is_token_shaped(&a));
        assert!(!is_token_shaped("short"));
        assert_eq!(token_hash(&a).len(), 64);
    }

    #[test]
    fn cookie_parsing_finds_the_named_cookie() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; mdm_csrf=xyz"),
        );
        headers.append(header::COOKIE, HeaderValue::from_static("mdm_session=s"));
        assert_eq!(cookie(&headers, "mdm_csrf"), Some("xyz"));
        assert_eq!(cookie(&headers, "mdm_session"), Some("s"));
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
