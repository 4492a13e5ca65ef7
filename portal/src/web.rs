//! Serving the built console: files from the dist folder, and `index.html` for any other
//! path so deep links such as `/jobs/42` load the app, which then routes on the client.

use std::path::Path;

use axum::{
    http::{header, StatusCode},
    response::{Html, IntoResponse},
    routing::get,
    Router,
};
use tower_http::services::{ServeDir, ServeFile};

/// Shown at every non-API path when the console has not been built.
const NOT_BUILT: &str = "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
<title>MDM portal</title></head><body><p>コンソールはまだビルドされていません。\
The console is not built yet; the API is available under /api.</p></body></html>";

/// The router for everything outside `/api`.
pub fn console_router(dist: Option<&Path>) -> Router {
    match dist.filter(|d| d.join("index.html").is_file()) {
        Some(dist) => {
            let index = ServeFile::new(dist.join("index.html"));
            Router::new().fallback_service(ServeDir::new(dist).fallback(index))
        }
        None => Router::new().fallback(get(not_built)),
    }
}

async fn not_built() -> impl IntoResponse {
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-store")],
        Html(NOT_BUILT),
    )
}
