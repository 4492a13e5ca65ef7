//! Authentication: argon2id password hashes, session tokens in an HttpOnly cookie, the
//! double-submit CSRF check, and the middleware that requires a signed-in administrator.
//!
//! A request is authenticated either by the session cookie or, for host pages embedding the
//! console, by `Authorization: Bearer …` with a token from `POST /api/auth/tokens`. A bearer
//! request skips the CSRF check (a browser never attaches that header by itself) and is never
//! taken for a cookie request: [`request_admin`] is the one place both are resolved.

use crate::ids::TenantId;
use argon2::{
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method},
    middleware::Next,
    response::Response,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use mdm_model::{
    session::{Administrator, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE},
    ErrorCode,
};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::{
    error::ApiError,
    state::AppState,
    store::{sessions, tokens},
};

/// How expensive password hashing is. Production uses argon2's recommended parameters; tests
/// use the cheapest valid ones so a debug build signs in quickly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashCost {
    /// argon2id with the OWASP-recommended defaults (19 MiB, 2 passes).
    Standard,
    /// Minimal parameters, for tests only.
    Fast,
}

impl HashCost {
    fn params(self) -> Params {
        match self {
            HashCost::Standard => Params::default(),
            // 8 KiB, 1 pass: valid argon2id, just cheap.
            HashCost::Fast => Params::new(8, 1, 1, None).unwrap_or_default(),
        }
    }
}

/// Hashes a password with argon2id and a random salt, in PHC string form.
pub fn hash_password(password: &str, cost: HashCost) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(ApiError::internal)?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, cost.params())
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(ApiError::internal)
}

/// Checks a password against a stored PHC hash (the hash carries its own parameters).
pub fn verify_password(stored_hash: &str, password: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A fresh random 256-bit token, URL-safe base64 (43 characters).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether a string has the shape of a token made by [`new_token`].
pub fn is_token_shaped(value: &str) -> bool {
    value.len() == 43
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The form a session token is stored in: SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The value of one cookie from the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

/// A `Set-Cookie` value for an HttpOnly, SameSite=Strict cookie on the whole site.
/// `max_age` of `Some(0)` deletes it; `None` makes a browser-session cookie.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(seconds) = max_age {
        cookie.push_str(&format!("; Max-Age={seconds}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// The names of the portal's two cookies. Behind HTTPS (`--secure-cookies`) they carry the
/// `__Host-` prefix, which makes the browser refuse them unless they are `Secure`, for the
/// whole site and set by this very host: a sibling subdomain cannot plant or shadow them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CookieNames {
    pub session: &'static str,
    pub csrf: &'static str,
}

impl CookieNames {
    pub fn new(secure: bool) -> CookieNames {
        if secure {
            CookieNames {
                session: "__Host-mdm_session",
                csrf: "__Host-mdm_csrf",
            }
        } else {
            CookieNames {
                session: SESSION_COOKIE,
                csrf: CSRF_COOKIE,
            }
        }
    }
}

/// The CSRF token of a session: derived from the session token, so it is bound to that
/// session, changes with every sign-in and cannot be guessed from outside (the session
/// token is HttpOnly and a hash does not reveal it).
pub fn session_csrf_token(session_token: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"mdm-csrf\0")
        .chain_update(session_token.as_bytes())
        .finalize();
    URL_SAFE_NO_PAD.encode(digest)
}

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
