//! One structured log line per request: method, path, status, latency. The query string is
//! left out (it can carry search text), and so are bodies and headers (passwords, tokens).

use std::time::Instant;

use axum::{extract::Request, middleware::Next, response::Response};

/// Logs the request when its response is ready.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let latency_ms = (started.elapsed().as_secs_f64() * 1e6).round() / 1e3;
    if status >= 500 {
        tracing::error!(%method, %path, status, latency_ms, "request");
    } else {
        tracing::info!(%method, %path, status, latency_ms, "request");
    }
    response
}
