//! Sign-in and "who am I".

use serde::{Deserialize, Serialize};

use crate::Lang;

/// Header carrying the CSRF token on every state-changing request made with the session cookie.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Name of the session cookie (HttpOnly, SameSite=Strict).
pub const SESSION_COOKIE: &str = "mdm_session";
/// Name of the cookie holding the CSRF token the page must echo in [`CSRF_HEADER`].
pub const CSRF_COOKIE: &str = "mdm_csrf";

/// Body of `POST /api/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
}

/// The signed-in administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Administrator {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// The tenant (customer company) this administrator belongs to.
    pub tenant_name: String,
    /// IANA name of the administrator's time zone; schedules are shown and entered in it.
    pub time_zone: String,
    pub lang: Lang,
}

/// Answer of `GET /api/session` and `POST /api/session`.
///
/// `GET` always answers 200: `administrator` is `None` when nobody is signed in. The CSRF token
/// is handed out either way, because signing in is itself a state-changing request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub administrator: Option<Administrator>,
    pub csrf_token: String,
}
