//! The `/api` router. One module per resource; handlers are thin: parse, call a model rule,
//! call the store, answer.

pub mod audit;
pub mod catalog;
pub mod devices;
pub mod groups;
pub mod help;
pub mod jobs;
pub mod session;
pub mod wipes;

use axum::{
    middleware,
    routing::{get, post},
    Router,
};

use crate::{auth, error, state::AppState};

/// Largest accepted request body. A wipe of 10,000 devices by id is well under this.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Routes that need a signed-in administrator.
fn protected(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/audit", get(audit::list))
        .route("/groups", get(groups::tree))
        .route("/devices", get(devices::list))
        .route("/wifi-settings", get(catalog::wifi_settings))
        .route("/dep-profiles", get(catalog::dep_profiles))
        .route("/wipes/preview", post(wipes::preview))
        .route("/wipes", post(wipes::register))
        .route("/jobs", get(jobs::list))
        .route("/jobs/{id}", get(jobs::detail))
        .route("/jobs/{id}/cancel", post(jobs::cancel))
        .route("/help/{article}/feedback", post(help::feedback))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            auth::require_session,
        ))
}

/// Routes anyone may call (CSRF still applies to their state-changing methods).
fn public() -> Router<AppState> {
    Router::new().route(
        "/session",
        get(session::who_am_i)
            .post(session::sign_in)
            .delete(session::sign_out),
    )
}

/// Everything under `/api`, with its state applied.
pub fn api_router(state: AppState) -> Router {
    public()
        .merge(protected(&state))
        .route_layer(middleware::from_fn(auth::require_csrf))
        .fallback(error::api_not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(error::localize_errors))
        .with_state(state)
}
