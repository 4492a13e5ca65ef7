//! The reference portal: the JSON API the console uses (under `/api`), a SQLite store, the
//! wipe-job engine with a device simulator, and static serving of the built console.
//!
//! [`app`] builds the whole HTTP application from an [`AppState`]; tests drive it directly
//! with `tower::ServiceExt::oneshot`, and `main.rs` serves it on a socket.

pub mod access;
pub mod auth;
pub mod cache;
pub mod credentials;
pub mod engine;
pub mod error;
pub mod export;
pub mod extract;
pub mod health;
pub mod ids;
mod logging;
pub mod metrics;
mod nul_guard;
pub mod openapi;
pub mod routes;
pub mod security;
pub mod sign_in;
pub mod simulator;
pub mod state;
pub mod store;
mod web;

use axum::{
    http::{header, HeaderValue},
    middleware,
    routing::get,
    Router,
};
use tower_http::set_header::SetResponseHeaderLayer;

pub use state::{AppState, Settings};

/// The whole application: `/api` plus the console, with request logging and security headers.
pub fn app(state: AppState) -> Router {
    let console = web::console_router(state.settings.dist.as_deref());
    let frame_ancestors = state.settings.frame_ancestors.clone();
    let secure = state.settings.secure_cookies;
    let ready_state = state.clone();
    let metrics_state = state.clone();
    let api = routes::api_router(state).layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    let security = std::sync::Arc::new(security::SecurityHeaders::new(&frame_ancestors, secure));
    Router::new()
        .route("/healthz", get(health::alive))
        .route(
            "/readyz",
            get(health::ready).with_state(ready_state.clone()),
        )
        .route("/metrics", get(metrics::scrape).with_state(ready_state))
        .nest("/api", api)
        .merge(console)
        .layer(middleware::from_fn(nul_guard::refuse_nul))
        .layer(middleware::from_fn_with_state(
            metrics_state,
            metrics::track,
        ))
        .layer(middleware::from_fn_with_state(security, security::apply))
        .layer(middleware::from_fn(logging::log_request))
}
