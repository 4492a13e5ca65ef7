//! CSRF tokens bound to the session and rotated at sign-in and sign-out; a bearer header
//! skips the CSRF check only on routes the bearer token authenticates; `__Host-` cookies with
//! `--secure-cookies`.

mod common;

use axum::{
    body::Body,
    http::{header, Method, Request, StatusCode},
};
use common::{test_settings, TestApp};
use mdm_model::{session::CSRF_HEADER, ErrorCode};
use mdm_portal::Settings;
use serde_json::json;

fn preview_body() -> serde_json::Value {
    json!({
        "selection": { "kind": "devices", "device_ids": [1] },
        "options": { "delete_general_info": false, "schedule_at": null,
                     "wifi_setting_id": null, "keep_esim_data_plan": false },
    })
}

#[tokio::test]
async fn the_token_changes_at_sign_in_and_the_old_one_stops_working() {
    let mut app = TestApp::new();
    app.get("/api/session").await;
    let before = app.csrf.clone().unwrap();
    let signed_in = app.sign_in("admin", "Demo#2026").await;
    assert_eq!(signed_in.status, StatusCode::OK);
    let after = app.csrf.clone().unwrap();
    assert_ne!(before, after, "sign-in rotates the token");
    // The anonymous cookie is replaced too.
    assert_ne!(app.jar["mdm_csrf"], before);
    assert_eq!(
        app.post("/api/wipes/preview", preview_body()).await.status,
        StatusCode::OK
    );

    app.csrf = Some(before);
    let stale = app.post("/api/wipes/preview", preview_body()).await;
    assert_eq!(stale.error().code, ErrorCode::CsrfRejected);
    // Even the double-submitted cookie's value is no good for a signed-in route.
    app.csrf = Some(app.jar["mdm_csrf"].clone());
    let cookie_copy = app.post("/api/wipes/preview", preview_body()).await;
    assert_eq!(cookie_copy.error().code, ErrorCode::CsrfRejected);
}

#[tokio::test]
async fn one_sessions_token_does_not_work_with_another_session() {
    let mut first = TestApp::signed_in().await;
    let mut second = TestApp::signed_in().await;
    let first_token = first.csrf.clone();
    assert_ne!(first_token, second.csrf);
    second.csrf = first_token;
    let crossed = second.post("/api/wipes/preview", preview_body()).await;
    assert_eq!(crossed.error().code, ErrorCode::CsrfRejected);
    assert_eq!(
        first
            .post("/api/wipes/preview", preview_body())
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn who_am_i_hands_out_the_sessions_own_token_and_sign_out_rotates_it() {
    let mut app = TestApp::signed_in().await;
    let token = app.csrf.clone();
    app.get("/api/session").await;
    assert_eq!(app.csrf, token, "the same session keeps its token");
    let anonymous_before = app.jar["mdm_csrf"].clone();
    let out = app.send(Method::DELETE, "/api/session", None).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let set = out.set_cookies();
    assert!(set
        .iter()
        .any(|c| c.starts_with("mdm_session=;") && c.contains("Max-Age=0")));
    assert!(set.iter().any(|c| c.starts_with("mdm_csrf=")), "{set:?}");
    assert_ne!(app.jar["mdm_csrf"], anonymous_before);
    // The next session check hands out the new anonymous token, and sign-in works with it.
    app.get("/api/session").await;
    assert_eq!(app.csrf.as_deref(), Some(app.jar["mdm_csrf"].as_str()));
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_bearer_header_does_not_switch_off_csrf_on_the_cookie_routes() {
    let mut app = TestApp::signed_in().await;
    for method in [Method::DELETE, Method::POST] {
        let request = Request::builder()
            .method(method.clone())
            .uri("/api/session")
            .header(header::AUTHORIZATION, format!("Bearer {}", "A".repeat(43)))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({ "username": "admin", "password": "Demo#2026" }).to_string(),
            ))
            .unwrap();
        let answer = app.send_raw(request).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{method}");
        assert_eq!(answer.error().code, ErrorCode::CsrfRejected, "{method}");
    }
    // The session was not signed out.
    assert_eq!(app.get("/api/devices").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_bearer_request_to_a_bearer_route_needs_no_csrf_and_ignores_the_cookie() {
    let mut app = TestApp::signed_in().await;
    // A bogus bearer token with a valid cookie: the route authenticates by the token only.
    let request = Request::post("/api/wipes/preview")
        .header(header::AUTHORIZATION, format!("Bearer {}", "A".repeat(43)))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(preview_body().to_string()))
        .unwrap();
    let answer = app.send_raw(request).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.error().code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn secure_cookies_use_the_host_prefix_and_still_work() {
    let mut app = TestApp::with_settings(Settings {
        secure_cookies: true,
        ..test_settings()
    });
    let first = app.get("/api/session").await;
    let set = first.set_cookies();
    assert_eq!(set.len(), 1);
    assert!(set[0].starts_with("__Host-mdm_csrf="), "{}", set[0]);
    let signed_in = app.sign_in("admin", "Demo#2026").await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.text());
    let set = signed_in.set_cookies();
    for cookie in &set {
        assert!(cookie.starts_with("__Host-"), "{cookie}");
        assert!(
            cookie.contains("; Secure") && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(!cookie.contains("Domain="), "{cookie}");
    }
    assert!(set.iter().any(|c| c.starts_with("__Host-mdm_session=")));
    assert!(!app.jar.contains_key("mdm_session"));
    assert_eq!(app.get("/api/devices").await.status, StatusCode::OK);
    assert_eq!(
        app.post("/api/wipes/preview", preview_body()).await.status,
        StatusCode::OK
    );
    // A cookie without the prefix is not the session.
    let plain = app.jar.remove("__Host-mdm_session").unwrap();
    app.jar.insert("mdm_session".into(), plain);
    assert_eq!(
        app.get("/api/devices").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_write_without_the_header_is_refused() {
    let mut app = TestApp::signed_in().await;
    let request = Request::post("/api/wipes/preview")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(preview_body().to_string()))
        .unwrap();
    assert_eq!(
        app.send_raw(request).await.error().code,
        ErrorCode::CsrfRejected
    );
    let wrong = Request::post("/api/wipes/preview")
        .header(header::CONTENT_TYPE, "application/json")
        .header(CSRF_HEADER, "B".repeat(43))
        .body(Body::from(preview_body().to_string()))
        .unwrap();
    assert_eq!(
        app.send_raw(wrong).await.error().code,
        ErrorCode::CsrfRejected
    );
}
