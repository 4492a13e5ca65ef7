//! API errors: one type every handler returns, rendered as the model's [`ApiErrorBody`] in the
//! language of the request.
//!
//! A handler does not know the request's language, so [`ApiError`] renders itself in Japanese
//! and also leaves a copy of itself in the response extensions; the [`localize_errors`]
//! middleware, which does know the `Accept-Language` header, renders it again in that language.

use axum::{
    extract::{rejection::JsonRejection, Request},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use mdm_model::{ApiErrorBody, ErrorCode, ErrorDetails, Lang};

/// A message that overrides the code's generic one, in both languages (for example a domain
/// rule's own explanation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalizedMessage {
    pub ja: String,
    pub en: String,
}

impl LocalizedMessage {
    /// The message in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// The error every API handler returns.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub details: Option<ErrorDetails>,
    /// Boxed, as `rendered` is: most errors have none, and every handler's `Result` carries an
    /// `ApiError` by value, so it stays small (clippy's `result_large_err`).
    pub message: Option<Box<LocalizedMessage>>,
    /// Bodies rendered by a model rule in each language (ja, en); they win over the fields
    /// above when present.
    pub rendered: Option<Box<(ApiErrorBody, ApiErrorBody)>>,
    /// Seconds for the `Retry-After` header (429 answers).
    pub retry_after: Option<u64>,
    /// The failing request's id, filled in by [`localize_errors`].
    pub request_id: Option<String>,
}

impl ApiError {
    /// An error with the code's generic message.
    pub fn new(code: ErrorCode) -> Self {
        ApiError {
            code,
            field: None,
            details: None,
            message: None,
            rendered: None,
            retry_after: None,
            request_id: None,
        }
    }

    /// Names the request field the error concerns.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Adds machine-readable detail (for example conflicting device ids).
    pub fn with_details(mut self, details: ErrorDetails) -> Self {
        self.details = Some(details);
        self
    }

    /// Tells the client when to try again (`Retry-After`, in seconds).
    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// Replaces the generic message with a specific one.
    pub fn with_message(mut self, ja: impl Into<String>, en: impl Into<String>) -> Self {
        self.message = Some(Box::new(LocalizedMessage {
            ja: ja.into(),
            en: en.into(),
        }));
        self
    }

    /// An error whose body a model rule renders per language (for example a wipe validation
    /// with one message per problem).
    pub fn rendered(render: impl Fn(Lang) -> ApiErrorBody) -> Self {
        let (ja, en) = (render(Lang::Ja), render(Lang::En));
        ApiError {
            code: ja.code,
            field: None,
            details: None,
            message: None,
            rendered: Some(Box::new((ja, en))),
            retry_after: None,
            request_id: None,
        }
    }

    /// Shorthand for an unexpected failure inside the portal; the cause is logged, never sent.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        ApiError::new(ErrorCode::Internal)
    }

    /// The JSON body in one language.
    pub fn body(&self, lang: Lang) -> ApiErrorBody {
        let mut body = match &self.rendered {
            Some(rendered) => match lang {
                Lang::Ja => rendered.0.clone(),
                Lang::En => rendered.1.clone(),
            },
            None => {
                let mut body = ApiErrorBody::new(self.code, lang);
                if let Some(message) = &self.message {
                    body.message = message.get(lang).to_string();
                }
                body.field = self.field.clone();
                body.details = self.details.clone();
                body
            }
        };
        body.request_id = self.request_id.clone();
        body
    }

    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn render(&self, lang: Lang) -> Response {
        let body = serde_json::to_vec(&self.body(lang)).unwrap_or_default();
        let mut response = (self.status(), body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<crate::store::sql::Error> for ApiError {
    fn from(error: crate::store::sql::Error) -> Self {
        if matches!(error, crate::store::sql::Error::NulInText) {
            return ApiError::new(ErrorCode::InvalidParameter);
        }
        if error.is_unavailable() {
            tracing::warn!(%error, "the database does not answer");
            return ApiError::new(ErrorCode::DatabaseUnavailable).with_retry_after(5);
        }
        ApiError::internal(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.render(Lang::default());
        response.extensions_mut().insert(self);
        response
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::BytesRejection(inner)
                if inner.status() == StatusCode::PAYLOAD_TOO_LARGE =>
            {
                ApiError::new(ErrorCode::PayloadTooLarge)
            }
            // Wrong content type, bad syntax and a body of the wrong shape are all the
            // client's mistake; axum's own text explains which, which helps API users.
            other => {
                ApiError::new(ErrorCode::MalformedRequest).with_details(ErrorDetails::Malformed {
                    reason: other.body_text(),
                })
            }
        }
    }
}

impl From<mdm_model::query::QueryParamError> for ApiError {
    fn from(error: mdm_model::query::QueryParamError) -> Self {
        ApiError::new(ErrorCode::InvalidParameter)
            .with_field(error.param.clone())
            .with_message(error.message(Lang::Ja), error.message(Lang::En))
    }
}

/// The request's language, from `Accept-Language` (Japanese by default).
pub fn request_lang(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// Re-renders any [`ApiError`] in the request's language, and turns axum's bare 405 answers
/// into JSON errors, so every `/api` error has the same shape.
pub async fn localize_errors(request: Request, next: Next) -> Response {
    let lang = request_lang(request.headers());
    let id = request
        .extensions()
        .get::<crate::logging::RequestId>()
        .map(|id| id.0.clone());
    let response = next.run(request).await;
    if let Some(error) = response.extensions().get::<ApiError>() {
        return error.clone().render_with_extension(lang, id);
    }
    if response.status() == StatusCode::METHOD_NOT_ALLOWED {
        return ApiError::new(ErrorCode::MethodNotAllowed).render_with_extension(lang, id);
    }
    response
}

impl ApiError {
    fn render_with_extension(mut self, lang: Lang, request_id: Option<String>) -> Response {
        self.request_id = request_id;
        let mut response = self.render(lang);
        response.extensions_mut().insert(self);
        response
    }
}

/// Answers `503 timeout` for a request still running after `limit`. Work already handed to
/// the database finishes on its own (a registration is complete or absent, never half
/// written); the caller learns its outcome by repeating the request with its idempotency key.
pub async fn time_limit(
    axum::extract::State(limit): axum::extract::State<std::time::Duration>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(limit_ms = limit.as_millis() as u64, "request timed out");
            ApiError::new(ErrorCode::Timeout).into_response()
        }
    }
}

/// Fallback for any unknown path under `/api`.
pub async fn api_not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound)
}
