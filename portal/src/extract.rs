//! Request extractors whose rejections are [`ApiError`]s, so a malformed body, query or path
//! gets the same JSON error shape as every other failure (never axum's plain-text bodies).

use axum::{
    extract::{
        rejection::{PathRejection, QueryRejection},
        FromRequest, FromRequestParts,
    },
    http::request::Parts,
    response::{IntoResponse, Response},
};
use mdm_model::ErrorCode;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::ApiError;

/// JSON body; a bad content type, bad syntax or wrong shape answers 400 `malformed_request`.
#[derive(Debug, Clone, Copy, Default, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

impl<T: Serialize> IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// Query string; a value that does not parse answers 400 `invalid_parameter`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => Err(query_error(rejection)),
        }
    }
}

fn query_error(rejection: QueryRejection) -> ApiError {
    ApiError::new(ErrorCode::InvalidParameter).with_details(mdm_model::ErrorDetails::Malformed {
        reason: rejection.body_text(),
    })
}

/// Path parameters; an id that does not parse answers 404 `not_found` (the thing named by a
/// malformed id cannot exist).
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(path_error(rejection)),
        }
    }
}

fn path_error(rejection: PathRejection) -> ApiError {
    match rejection {
        PathRejection::FailedToDeserializePathParams(_) => ApiError::new(ErrorCode::NotFound),
        other => ApiError::internal(other.body_text()),
    }
}

/// The raw, decoded query pairs, for the model's `QueryReader` (which owns the meaning and
/// the checks of every list parameter, shared with the console).
#[derive(Debug, Clone, Default)]
pub struct QueryPairs(pub Vec<(String, String)>);

impl QueryPairs {
    /// A reader over the pairs.
    pub fn reader(&self) -> mdm_model::query::QueryReader<'_> {
        mdm_model::query::QueryReader::new(self.0.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ApiQuery(pairs) =
            ApiQuery::<Vec<(String, String)>>::from_request_parts(parts, state).await?;
        Ok(QueryPairs(pairs))
    }
}

/// The client's address from the connection; `None` for requests handed to the router
/// in-process (tests), which have no connection.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientAddress(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let info = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Ok(ClientAddress(info.map(|info| info.0.ip())))
    }
}
