//! Requests whose address carries a NUL character (`%00`) are refused before any handler runs.
//! PostgreSQL cannot store or compare text with NUL in it, and no name, search or filter needs
//! one; refusing it here gives the same 400 on both databases, also for exports, whose answer
//! starts streaming before the query runs. NUL inside a JSON body reaches the store and is
//! refused there (`store::sql::Error::NulInText`).

use axum::{extract::Request, middleware::Next, response::Response};
use mdm_model::ErrorCode;

use crate::error::ApiError;

pub async fn refuse_nul(request: Request, next: Next) -> Result<Response, ApiError> {
    let uri = request.uri();
    let carries_nul = |text: &str| text.contains("%00");
    if carries_nul(uri.path()) || uri.query().is_some_and(carries_nul) {
        return Err(ApiError::new(ErrorCode::InvalidParameter));
    }
    Ok(next.run(request).await)
}
