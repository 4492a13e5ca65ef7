//! Every answer names its request: `X-Request-Id` on every response (the caller's own id kept
//! when it is a plain token), the same id in any error body, and a request that outlives
//! `--request-timeout-seconds` answered `503 timeout` in the caller's language.

mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use common::{test_settings, TestApp};
use mdm_model::ErrorCode;
use mdm_portal::Settings;

#[tokio::test]
async fn answers_and_error_bodies_carry_the_request_id() {
    let mut app = TestApp::new();
    let missing = app.get("/api/jobs/999999").await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    let header = missing.headers["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(header.len(), 16, "{header}");
    assert_eq!(missing.error().request_id.as_deref(), Some(header.as_str()));

    // A proxy's id is kept; one that could forge a log line is replaced.
    for (given, kept) in [("edge-7f3a.1", true), ("bad id\nforged", false)] {
        let request = Request::get("/api/jobs/1")
            .header("x-request-id", given.replace('\n', " "))
            .body(Body::empty())
            .unwrap();
        let answer = app.send_raw(request).await;
        let id = answer.headers["x-request-id"].to_str().unwrap().to_string();
        assert_eq!(id == given, kept, "{given:?} → {id:?}");
        assert_eq!(answer.error().request_id, Some(id));
    }
    // Successful answers name their request too.
    let ok = app.get("/healthz").await;
    assert!(ok.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn a_request_that_runs_too_long_is_answered_503_timeout_in_its_language() {
    // A limit no password check can meet: the sign-in's hashing outlives it.
    let mut app = TestApp::with_settings(Settings {
        request_timeout: std::time::Duration::from_nanos(1),
        ..test_settings()
    });
    app.lang = Some("en".into());
    let answer = app.sign_in("admin", "not-the-password").await;
    assert_eq!(
        answer.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        answer.text()
    );
    let body = answer.error();
    assert_eq!(body.code, ErrorCode::Timeout);
    assert_eq!(
        body.message,
        "The request took too long and was cut off. Please check the outcome before trying again."
    );
    assert!(body.request_id.is_some());
}
