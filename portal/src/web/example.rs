//! The example host page at `/embed-example`: a customer portal with its own header, navigation
//! and (deliberately clashing) styles, with the console mounted under `/embed-example/mdm` and
//! signed in by bearer token. Customers copy it; the end-to-end tests drive it.
//!
//! Its files are compiled into the portal. Every other path under `/embed-example` answers the
//! page itself, so the console's deep links and reloads work inside the host.

use axum::{
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

/// Where the example lives.
pub const PATH: &str = "/embed-example";

const PAGE: &str = include_str!("../../embed-example/index.html");
const STYLE: &str = include_str!("../../embed-example/host.css");
const SCRIPT: &str = include_str!("../../embed-example/host.js");

fn file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

async fn page() -> Response {
    file("text/html; charset=utf-8", PAGE)
}

/// The example's routes: its two files, and the page at every other path under it.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route(
            "/embed-example/host.css",
            get(|| async { file("text/css; charset=utf-8", STYLE) }),
        )
        .route(
            "/embed-example/host.js",
            get(|| async { file("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(PATH, get(page))
        .route("/embed-example/", get(page))
        .route("/embed-example/{*rest}", get(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_no_inline_script_or_style() {
        for (at, _) in PAGE.match_indices("<script") {
            let tag = &PAGE[at..at + PAGE[at..].find('>').unwrap()];
            assert!(tag.contains(" src="), "inline script: {tag}");
        }
        assert!(!PAGE.contains("<style"));
        assert!(!PAGE.contains(" style="));
        // No inline event handlers (` onclick=` and the like).
        for (at, _) in PAGE.match_indices(" on") {
            let name: String = PAGE[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            assert!(
                !PAGE[at + 1 + name.len()..].starts_with('='),
                "inline handler {name}"
            );
        }
    }

    #[test]
    fn the_console_is_mounted_under_the_example_with_bearer_auth() {
        assert!(PAGE.contains(r#"data-base-path="/embed-example/mdm""#));
        assert!(PAGE.contains(r#"data-auth="bearer""#));
        assert!(PAGE.contains(r#"<script type="module" src="/console-boot.js"></script>"#));
    }
}
