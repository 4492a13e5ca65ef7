//! Credentials and cookies: argon2id password hashes, session and bearer tokens (random, kept
//! only as hashes), the CSRF token bound to a session, and the cookie names and headers. Plain
//! functions, used by the authentication middleware ([`crate::auth`]) and the app state alike.

use argon2::{
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use axum::http::{header, HeaderMap};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use mdm_model::session::{CSRF_COOKIE, SESSION_COOKIE};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

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
