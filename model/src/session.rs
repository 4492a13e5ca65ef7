//! Sign-in and "who am I".

use serde::{Deserialize, Serialize};

use crate::ids::AdministratorId;
use crate::time::{UnknownTimeZone, Zone};
use crate::{ApiErrorBody, ErrorCode, Lang};

/// Header carrying the CSRF token on every state-changing request made with the session cookie.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Name of the session cookie (HttpOnly, SameSite=Strict).
pub const SESSION_COOKIE: &str = "mdm_session";
/// Name of the cookie holding the CSRF token the page must echo in [`CSRF_HEADER`].
pub const CSRF_COOKIE: &str = "mdm_csrf";

/// Body of `POST /api/session`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for SignInRequest {
    // Requests end up in logs: never print the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("username", &self.username)
            .field("password", &crate::apple::SECRET_MASK)
            .finish()
    }
}

/// The signed-in administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Administrator {
    pub id: AdministratorId,
    pub username: String,
    pub display_name: String,
    /// The tenant (customer company) this administrator belongs to.
    pub tenant_name: String,
    /// The administrator's time zone (its IANA name on the wire); times are shown and entered in
    /// it. Japan time unless the administrator chose another.
    pub time_zone: Zone,
    pub lang: Lang,
}

/// Body of `PUT /api/session/time-zone`: the zone the signed-in administrator sees times in.
/// The name is checked by [`TimeZoneRequest::zone`], so an unknown one gets a worded answer
/// rather than a parse error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeZoneRequest {
    /// An IANA time zone name: `America/New_York`.
    pub time_zone: String,
}

impl TimeZoneRequest {
    /// The request field an unknown name is reported on.
    pub const FIELD: &'static str = "time_zone";

    /// The zone asked for, or the portal's answer to an unknown name (nothing is changed).
    pub fn zone(&self) -> Result<Zone, UnknownTimeZone> {
        Zone::parse(self.time_zone.trim())
    }
}

impl UnknownTimeZone {
    /// The answer to an unknown name (422 `validation_failed` on the `time_zone` field, like
    /// every other value a rule refuses).
    pub fn to_api_error(&self, lang: Lang) -> ApiErrorBody {
        let mut body =
            ApiErrorBody::new(ErrorCode::ValidationFailed, lang).with_field(TimeZoneRequest::FIELD);
        body.message = UnknownTimeZone::message(lang).to_string();
        body
    }
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

/// Answer of `POST /api/auth/tokens` (sign-in for a host page) and of
/// `POST /api/auth/tokens/renew`: a short-lived bearer token for `Authorization: Bearer …`.
///
/// Only the portal's hash of the token is stored; the token itself is shown this once.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenIssued {
    pub token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// When this token stops working (renew before).
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// Seconds from now until `expires_at`.
    pub expires_in: i64,
    /// When renewing stops working: a sign-in lasts at most this long, however often renewed.
    pub renewable_until: chrono::DateTime<chrono::Utc>,
    pub administrator: Administrator,
}

impl std::fmt::Debug for TokenIssued {
    // Answers end up in logs too: never print the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenIssued")
            .field("token", &crate::apple::SECRET_MASK)
            .field("expires_at", &self.expires_at)
            .field("administrator", &self.administrator.username)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_zone_request_names_a_known_zone() {
        let ask = |name: &str| TimeZoneRequest {
            time_zone: name.into(),
        };
        assert_eq!(
            ask("America/New_York").zone().map(Zone::name),
            Ok("America/New_York")
        );
        assert_eq!(ask(" Asia/Tokyo ").zone(), Ok(Zone::JAPAN));
        let refused = ask("Mars/Olympus").zone().unwrap_err();
        let body = refused.to_api_error(Lang::Ja);
        assert_eq!(body.code, ErrorCode::ValidationFailed);
        assert_eq!(body.field.as_deref(), Some("time_zone"));
        assert!(body
            .message
            .starts_with("タイムゾーン名が正しくありません。"));
        assert!(refused
            .to_api_error(Lang::En)
            .message
            .starts_with("This is not a known time zone."));
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let request = SignInRequest {
            username: "admin".into(),
            password: "Demo#2026".into(),
        };
        let printed = format!("{request:?}");
        assert!(
            printed.contains("admin") && !printed.contains("Demo#2026"),
            "{printed}"
        );
    }
}

/// The message of a locked sign-in or password re-check: why, and in how many minutes (rounded
/// up, at least one) the next attempt is accepted.
pub fn locked_out_message(retry_after_secs: u64, lang: Lang) -> String {
    let minutes = retry_after_secs.div_ceil(60).max(1);
    match lang {
        Lang::Ja => format!(
            "失敗が続いたため、一時的にロックされています。{minutes}分後に再度お試しください。"
        ),
        Lang::En => {
            let unit = if minutes == 1 { "minute" } else { "minutes" };
            format!("Too many failed attempts, so this is locked for now. Try again in {minutes} {unit}.")
        }
    }
}

#[cfg(test)]
mod lockout_tests {
    use super::*;

    #[test]
    fn the_lockout_message_says_when_to_retry() {
        assert_eq!(
            locked_out_message(14 * 60 + 1, Lang::Ja),
            "失敗が続いたため、一時的にロックされています。15分後に再度お試しください。"
        );
        assert_eq!(
            locked_out_message(900, Lang::En),
            "Too many failed attempts, so this is locked for now. Try again in 15 minutes."
        );
        assert!(locked_out_message(5, Lang::En).ends_with("in 1 minute."));
    }
}
