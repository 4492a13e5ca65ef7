//! The only door to the portal: one typed [`Api`] with one `async fn` per endpoint, and one status
//! gate turning every non-2xx answer into an [`ApiError`]. Pages never build URLs or touch gloo.

mod auth;
mod catalog;
mod devices;
mod download;
mod help;
mod jobs;
mod measures;
mod wipes;

use std::sync::{Arc, RwLock};

use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::*;
use mdm_model::{session::CSRF_HEADER, ApiErrorBody, ErrorCode, Lang};
use serde::{de::DeserializeOwned, Serialize};

pub use download::{audit_csv_path, devices_csv_path, jobs_csv_path, Received};

use crate::config::AuthMode;
use crate::i18n::catalog;

/// Everything that can go wrong talking to the portal.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The portal answered with its JSON error body; its message is already in the UI language.
    #[error("{}", .body.message)]
    Api { status: u16, body: ApiErrorBody },
    /// The portal answered with a non-2xx status but no error body (a proxy in between, say).
    #[error("unexpected HTTP status {status}")]
    Http { status: u16 },
    /// The request never got an answer: portal down, network gone.
    #[error("the portal could not be reached: {0}")]
    Network(String),
    /// The answer arrived but is not what this console version expects.
    #[error("the portal's answer could not be read: {0}")]
    Decode(String),
}

impl ApiError {
    /// The portal's stable error code, when it sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Api { body, .. } => Some(body.code),
            _ => None,
        }
    }

    /// The request field the error concerns, when the portal named one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Api { body, .. } => body.field.as_deref(),
            _ => None,
        }
    }

    /// A message for the administrator, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = catalog(lang);
        match self {
            // The portal localizes from our Accept-Language; fall back to the code's own text.
            // A failure on the portal's side names the request, for the administrator to quote.
            ApiError::Api { status, body } => {
                let message = if body.message.trim().is_empty() {
                    body.code.message(lang).to_string()
                } else {
                    body.message.clone()
                };
                match body.request_id.as_deref().filter(|_| *status >= 500) {
                    Some(id) => (t.error_with_reference)(&message, id),
                    None => message,
                }
            }
            ApiError::Http { status } => (t.error_http)(*status),
            ApiError::Network(_) => t.error_network.to_string(),
            ApiError::Decode(_) => t.error_decode.to_string(),
        }
    }
}

/// Client of the portal API. Cheap to clone; provided once as context by the app root.
#[derive(Clone)]
pub struct Api {
    base: Arc<str>,
    lang: Signal<Lang>,
    // The CSRF token the portal hands out with every session answer; echoed on writes.
    csrf: Arc<RwLock<Option<String>>>,
    // Fired when the portal says the session is gone, so the app can return to sign-in.
    session_expired: ArcTrigger,
    auth: AuthMode,
    // The host's bearer token (bearer mode only); replaced whenever the host renews it.
    bearer: Arc<RwLock<Option<String>>>,
}

impl Api {
    /// A client for the API at `base` (for example `/api`), sending `lang` as Accept-Language.
    pub fn new(base: impl Into<String>, lang: Signal<Lang>) -> Api {
        let base = base.into();
        Api {
            base: base.trim_end_matches('/').into(),
            lang,
            csrf: Arc::default(),
            session_expired: ArcTrigger::new(),
            auth: AuthMode::Cookie,
            bearer: Arc::default(),
        }
    }

    /// The same client authenticating with `auth`.
    pub fn with_auth(mut self, auth: AuthMode) -> Api {
        self.auth = auth;
        self
    }

    /// How this client authenticates.
    pub fn auth(&self) -> AuthMode {
        self.auth
    }

    /// Takes the host's (new) bearer token for every following request.
    pub fn set_bearer(&self, token: String) {
        if let Ok(mut slot) = self.bearer.write() {
            *slot = Some(token);
        }
    }

    /// Forgets the bearer token (after sign-out).
    pub fn forget_bearer(&self) {
        if let Ok(mut slot) = self.bearer.write() {
            *slot = None;
        }
    }

    /// The bearer token in use, if any.
    pub fn bearer(&self) -> Option<String> {
        self.bearer.read().ok().and_then(|slot| slot.clone())
    }

    /// Fires whenever a call answered 401 `unauthenticated`.
    pub fn session_expired(&self) -> ArcTrigger {
        self.session_expired.clone()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn remember_csrf(&self, token: &str) {
        if let Ok(mut slot) = self.csrf.write() {
            *slot = Some(token.to_string());
        }
    }

    fn csrf(&self) -> Option<String> {
        self.csrf.read().ok().and_then(|slot| slot.clone())
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let writes = !matches!(method, Method::GET | Method::HEAD);
        let lang = self.lang.try_get_untracked().unwrap_or_default();
        let mut builder = RequestBuilder::new(&self.url(path))
            .method(method)
            .header("Accept", "application/json")
            .header("Accept-Language", lang.tag());
        if self.auth == AuthMode::Bearer {
            // The token is the only credential: no cookie goes out, so no CSRF token either.
            builder = builder.credentials(web_sys::RequestCredentials::Omit);
            if let Some(token) = self.bearer() {
                builder = builder.header("Authorization", &format!("Bearer {token}"));
            }
            return builder;
        }
        if writes {
            if let Some(token) = self.csrf() {
                builder = builder.header(CSRF_HEADER, &token);
            }
        }
        builder
    }

    // A request the browser refuses to build never reaches the portal: reported like a network
    // failure, because for the administrator the outcome is the same.

    /// Sends a request without a body.
    async fn send(&self, method: Method, path: &str) -> Result<Response, ApiError> {
        let request = self
            .request(method, path)
            .build()
            .map_err(|e| ApiError::Network(e.to_string()))?;
        self.gate(request.send().await).await
    }

    /// Sends a request with a JSON body.
    async fn send_json<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<Response, ApiError> {
        let request = self
            .request(method, path)
            .json(body)
            .map_err(|e| ApiError::Network(e.to_string()))?;
        self.gate(request.send().await).await
    }

    /// The status gate: the one place where an answer becomes `Ok` or an [`ApiError`].
    async fn gate(&self, sent: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
        let response = sent.map_err(|e| ApiError::Network(e.to_string()))?;
        if response.ok() {
            return Ok(response);
        }
        let status = response.status();
        let error = match response.json::<ApiErrorBody>().await {
            Ok(body) => ApiError::Api { status, body },
            Err(_) => ApiError::Http { status },
        };
        if error.code() == Some(ErrorCode::Unauthenticated) {
            self.session_expired.notify();
        }
        Err(error)
    }

    /// Reads a 2xx answer's JSON body.
    async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
        response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Decode(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_error(code: ErrorCode, message: &str) -> ApiError {
        let mut body = ApiErrorBody::new(code, Lang::Ja);
        body.message = message.to_string();
        ApiError::Api {
            status: code.http_status(),
            body,
        }
    }

    #[test]
    fn portal_message_is_shown_as_sent() {
        let error = api_error(
            ErrorCode::InvalidCredentials,
            "ユーザー名またはパスワードが正しくありません。",
        );
        assert_eq!(
            error.message(Lang::Ja),
            "ユーザー名またはパスワードが正しくありません。"
        );
        assert_eq!(error.code(), Some(ErrorCode::InvalidCredentials));
    }

    #[test]
    fn empty_portal_message_falls_back_to_the_code_text() {
        let error = api_error(ErrorCode::LockedOut, " ");
        assert_eq!(
            error.message(Lang::En),
            ErrorCode::LockedOut.message(Lang::En)
        );
    }

    #[test]
    fn transport_errors_are_localized() {
        let down = ApiError::Network("TypeError: Failed to fetch".into());
        assert!(down
            .message(Lang::Ja)
            .contains("ポータルに接続できませんでした"));
        assert!(down.message(Lang::En).contains("Could not connect"));
        assert!(ApiError::Http { status: 502 }
            .message(Lang::En)
            .contains("502"));
    }

    #[test]
    fn a_failure_on_the_portals_side_names_its_request() {
        let mut body = ApiErrorBody::new(ErrorCode::Internal, Lang::Ja);
        body.request_id = Some("3f2a9c1b00d4e5f6".into());
        let failed = ApiError::Api { status: 500, body };
        assert_eq!(
            failed.message(Lang::Ja),
            "サーバーでエラーが発生しました。時間をおいて再度お試しください。(お問い合わせ番号: 3f2a9c1b00d4e5f6)"
        );
        // The administrator's own mistakes need no reference.
        let mut refused = ApiErrorBody::new(ErrorCode::NotFound, Lang::En);
        refused.request_id = Some("3f2a9c1b00d4e5f6".into());
        let refused = ApiError::Api {
            status: 404,
            body: refused,
        };
        assert_eq!(
            refused.message(Lang::En),
            "The requested item was not found."
        );
    }
}
