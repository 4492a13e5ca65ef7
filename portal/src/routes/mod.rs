//! The `/api` router. One module per resource; handlers are thin: parse, call a model rule,
//! call the store, answer.

pub mod audit;
pub mod catalog;
pub mod clock;
pub mod devices;
pub mod groups;
pub mod help;
pub mod jobs;
pub mod measures;
pub mod session;
pub mod time_zone;
pub mod tokens;
pub mod wipes;

use axum::{
    http::Method,
    middleware,
    routing::{delete, get, post, put, MethodRouter},
    Router,
};

pub use crate::access::Access;
use crate::{auth, error, extract::ApiJson, openapi, state::AppState};

/// Largest accepted request body. A wipe of 10,000 devices by id is well under this.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// One operation of the API: the single table both the router and the OpenAPI document are
/// built from, so they cannot drift apart.
pub struct Route {
    /// Path under `/api`, in axum's `{param}` syntax (the same as OpenAPI's).
    pub path: &'static str,
    pub method: Method,
    pub access: Access,
    handler: MethodRouter<AppState>,
}

fn route(
    method: Method,
    path: &'static str,
    access: Access,
    handler: MethodRouter<AppState>,
) -> Route {
    Route {
        path,
        method,
        access,
        handler,
    }
}

/// The OpenAPI document of every operation of [`table`].
pub fn api_document() -> serde_json::Value {
    let routes: Vec<openapi::DocumentedRoute> = table()
        .iter()
        .map(|route| openapi::DocumentedRoute {
            path: route.path,
            method: route.method.clone(),
            access: route.access,
        })
        .collect();
    openapi::build(&routes)
}

/// `GET /api/openapi.json`.
async fn openapi_document() -> ApiJson<serde_json::Value> {
    ApiJson(api_document())
}

/// Every operation under `/api`.
pub fn table() -> Vec<Route> {
    use Access::{Credentials, Public, Session};
    vec![
        route(Method::GET, "/session", Public, get(session::who_am_i)),
        route(Method::POST, "/session", Public, post(session::sign_in)),
        route(
            Method::DELETE,
            "/session",
            Public,
            delete(session::sign_out),
        ),
        route(
            Method::PUT,
            "/session/time-zone",
            Session,
            put(time_zone::set),
        ),
        route(
            Method::POST,
            "/auth/tokens",
            Credentials,
            post(tokens::issue),
        ),
        route(
            Method::POST,
            "/auth/tokens/renew",
            Session,
            post(tokens::renew),
        ),
        route(
            Method::DELETE,
            "/auth/tokens/current",
            Session,
            delete(tokens::revoke),
        ),
        route(Method::GET, "/openapi.json", Public, get(openapi_document)),
        route(Method::GET, "/groups", Session, get(groups::tree)),
        route(Method::GET, "/devices", Session, get(devices::list)),
        route(Method::GET, "/devices.csv", Session, get(devices::csv)),
        route(
            Method::GET,
            "/wifi-settings",
            Session,
            get(catalog::wifi_settings),
        ),
        route(
            Method::GET,
            "/dep-profiles",
            Session,
            get(catalog::dep_profiles),
        ),
        route(
            Method::POST,
            "/wipes/preview",
            Session,
            post(wipes::preview),
        ),
        route(Method::POST, "/wipes", Session, post(wipes::register)),
        route(
            Method::POST,
            "/measures/counts",
            Session,
            post(measures::counts),
        ),
        route(
            Method::POST,
            "/measures/preview",
            Session,
            post(measures::preview),
        ),
        route(Method::POST, "/measures", Session, post(measures::register)),
        route(
            Method::GET,
            "/devices/{id}/locations",
            Session,
            get(measures::locations),
        ),
        route(Method::GET, "/jobs", Session, get(jobs::list)),
        route(Method::GET, "/jobs.csv", Session, get(jobs::csv)),
        route(Method::GET, "/jobs/{id}", Session, get(jobs::detail)),
        route(
            Method::GET,
            "/jobs/{id}/audit",
            Session,
            get(jobs::audit_entries),
        ),
        route(
            Method::POST,
            "/jobs/{id}/cancel",
            Session,
            post(jobs::cancel),
        ),
        route(
            Method::GET,
            "/help/{article}/feedback",
            Session,
            get(help::current),
        ),
        route(
            Method::POST,
            "/help/{article}/feedback",
            Session,
            post(help::feedback),
        ),
        route(Method::GET, "/audit", Session, get(audit::list)),
        route(Method::GET, "/audit.csv", Session, get(audit::csv)),
        route(Method::GET, "/audit/actors", Session, get(audit::actors)),
        route(Method::GET, "/clock", Session, get(clock::now)),
        route(
            Method::POST,
            "/clock/advance",
            Session,
            post(clock::advance),
        ),
    ]
}

/// Everything under `/api`, with its state applied.
pub fn api_router(state: AppState) -> Router {
    let mut router = Router::new();
    for Route {
        path,
        access,
        handler,
        ..
    } in table()
    {
        // Layers go on each method's handler, not on the path: a method the path does not
        // have must answer 405, before any session or CSRF check.
        let mut handler = handler;
        if access == Access::Session {
            handler = handler.route_layer(middleware::from_fn_with_state(
                state.clone(),
                auth::require_session,
            ));
        }
        let csrf = match access {
            Access::Session => Some(auth::CsrfRule::SessionBound),
            Access::Public => Some(auth::CsrfRule::CookieRoutes),
            Access::Credentials => None,
        };
        if let Some(rule) = csrf {
            handler = handler.route_layer(middleware::from_fn_with_state(
                (state.clone(), rule),
                auth::require_csrf,
            ));
        }
        router = router.route(path, handler);
    }
    let limit = state.settings.request_timeout;
    router
        .fallback(error::api_not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(limit, error::time_limit))
        .layer(middleware::from_fn(error::localize_errors))
        .with_state(state)
}
