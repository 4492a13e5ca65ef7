//! Sign-in, who-am-I, sign-out, CSRF and the shared error shape.

mod common;

use axum::{
    body::Body,
    http::{header, Method, Request, StatusCode},
};
use common::TestApp;
use mdm_model::{session::SessionInfo, ApiErrorBody, ErrorCode};
use serde_json::json;

#[tokio::test]
async fn who_am_i_without_session_hands_out_a_csrf_cookie() {
    let mut app = TestApp::new();
    let response = app.get("/api/session").await;
    assert_eq!(response.status, StatusCode::OK);
    let info: SessionInfo = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(info.administrator, None);
    let set = response.set_cookies();
    assert_eq!(set.len(), 1);
    assert!(set[0].starts_with(&format!("mdm_csrf={}", info.csrf_token)));
    assert!(
        set[0].contains("HttpOnly")
            && set[0].contains("SameSite=Strict")
            && set[0].contains("Path=/")
    );

    // A second call keeps the same token and does not set the cookie again.
    let again = app.get("/api/session").await;
    let info2: SessionInfo = serde_json::from_slice(&again.body).unwrap();
    assert_eq!(info2.csrf_token, info.csrf_token);
    assert!(again.set_cookies().is_empty());
}

#[tokio::test]
async fn sign_in_who_am_i_and_sign_out() {
    let mut app = TestApp::new();
    let response = app.sign_in("admin", "Demo#2026").await;
    assert_eq!(response.status, StatusCode::OK);
    let info: SessionInfo = serde_json::from_slice(&response.body).unwrap();
    let admin = info.administrator.expect("signed in");
    assert_eq!(admin.username, "admin");
    assert_eq!(admin.display_name, "山田 太郎");
    assert_eq!(admin.tenant_name, "デモ株式会社");
    assert_eq!(admin.time_zone.name(), "Asia/Tokyo");
    let session_cookie = response
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("mdm_session="))
        .expect("session cookie");
    assert!(session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Strict"));
    // The token itself never appears in the body.
    let token = app.jar["mdm_session"].clone();
    assert!(!response.text().contains(&token));

    let me = app.get("/api/session").await;
    let info: SessionInfo = serde_json::from_slice(&me.body).unwrap();
    assert_eq!(
        info.administrator.map(|a| a.username).as_deref(),
        Some("admin")
    );

    let out = app.send(Method::DELETE, "/api/session", None).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(!app.jar.contains_key("mdm_session"), "cookie cleared");

    // The server-side session is gone too: replaying the old cookie does not work.
    app.jar.insert("mdm_session".into(), token);
    let me = app.get("/api/session").await;
    let info: SessionInfo = serde_json::from_slice(&me.body).unwrap();
    assert_eq!(info.administrator, None);
}

#[tokio::test]
async fn second_demo_administrator_can_sign_in() {
    let mut app = TestApp::new();
    let response = app.sign_in("operator", "Operator#2026").await;
    assert_eq!(response.status, StatusCode::OK);
    let info: SessionInfo = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(info.administrator.unwrap().display_name, "佐藤 花子");
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let mut app = TestApp::new();
    let wrong = app.sign_in("admin", "demo#2026").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let unknown = app.sign_in("nobody", "Demo#2026").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.error().code, ErrorCode::InvalidCredentials);
    // The same answer but for the request's own id.
    let without_id = |answer: &common::TestResponse| ApiErrorBody {
        request_id: None,
        ..answer.error()
    };
    assert_eq!(without_id(&wrong), without_id(&unknown));
    assert_ne!(wrong.error().request_id, unknown.error().request_id);
    assert!(!app.jar.contains_key("mdm_session"));
}

#[tokio::test]
async fn empty_fields_are_validation_errors_naming_the_field() {
    let mut app = TestApp::new();
    let response = app.sign_in("", "x").await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = response.error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(error.field.as_deref(), Some("username"));

    let response = app.sign_in("admin", "").await;
    assert_eq!(response.error().field.as_deref(), Some("password"));
}

#[tokio::test]
async fn sign_in_without_or_with_wrong_csrf_token_is_refused() {
    let mut app = TestApp::new();
    app.get("/api/session").await;
    let body =
        serde_json::to_vec(&json!({ "username": "admin", "password": "Demo#2026" })).unwrap();

    let missing = Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.clone()))
        .unwrap();
    let response = app.send_raw(missing).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    assert_eq!(response.error().code, ErrorCode::CsrfRejected);

    let wrong = Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-csrf-token", "A".repeat(43))
        .body(Body::from(body))
        .unwrap();
    let response = app.send_raw(wrong).await;
    assert_eq!(response.error().code, ErrorCode::CsrfRejected);
    assert!(!app.jar.contains_key("mdm_session"));
}

#[tokio::test]
async fn sign_out_without_csrf_token_is_refused_and_keeps_the_session() {
    let mut app = TestApp::signed_in().await;
    let request = Request::delete("/api/session").body(Body::empty()).unwrap();
    let response = app.send_raw(request).await;
    assert_eq!(response.error().code, ErrorCode::CsrfRejected);
    let me: SessionInfo = serde_json::from_slice(&app.get("/api/session").await.body).unwrap();
    assert!(me.administrator.is_some());
}

#[tokio::test]
async fn protected_routes_need_a_session() {
    let mut app = TestApp::new();
    for path in common::PROTECTED_GETS {
        let response = app.get(path).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(response.error().code, ErrorCode::Unauthenticated, "{path}");
    }
    // A forged session cookie is no better than none.
    app.jar.insert("mdm_session".into(), "B".repeat(43));
    assert_eq!(app.get("/api/audit").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn malformed_sign_in_bodies_are_json_400s() {
    let mut app = TestApp::new();
    app.get("/api/session").await;
    let token = app.jar["mdm_csrf"].clone();
    for (content_type, body) in [
        ("application/json", "{not json"),
        ("application/json", "{\"username\": 5}"),
        (
            "text/plain",
            "{\"username\":\"admin\",\"password\":\"Demo#2026\"}",
        ),
    ] {
        let request = Request::post("/api/session")
            .header(header::CONTENT_TYPE, content_type)
            .header("x-csrf-token", token.as_str())
            .body(Body::from(body))
            .unwrap();
        let response = app.send_raw(request).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(response.error().code, ErrorCode::MalformedRequest);
    }
}

#[tokio::test]
async fn error_messages_follow_accept_language() {
    let mut app = TestApp::new();
    let ja = app.get("/api/audit").await.error();
    assert_eq!(ja.message, "サインインしてください。");
    app.lang = Some("en-US,en;q=0.9".into());
    let en = app.get("/api/audit").await.error();
    assert_eq!(en.message, "Please sign in.");
    assert_eq!(ja.code, en.code);
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_json_errors() {
    let mut app = TestApp::signed_in().await;
    let response = app.get("/api/no-such-thing").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.error().code, ErrorCode::NotFound);

    let response = app.send(Method::PUT, "/api/session", None).await;
    assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.error().code, ErrorCode::MethodNotAllowed);
}

#[tokio::test]
async fn repeated_failures_lock_the_user_name_even_for_the_right_password() {
    let mut app = TestApp::new();
    for _ in 0..mdm_portal::sign_in::lockout::MAX_PER_SOURCE {
        assert_eq!(
            app.sign_in("operator", "wrong").await.error().code,
            ErrorCode::InvalidCredentials
        );
    }
    let locked = app.sign_in("operator", "Operator#2026").await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(locked.error().code, ErrorCode::LockedOut);
    // The message says when to try again; the seconds are in the details.
    assert!(
        locked
            .error()
            .message
            .contains("15分後に再度お試しください"),
        "{}",
        locked.error().message
    );
    let Some(mdm_model::ErrorDetails::RetryAfter {
        retry_after_seconds: wait,
    }) = locked.error().details
    else {
        panic!("retry-after details")
    };
    assert!((14 * 60..=15 * 60).contains(&wait), "{wait}");
    app.lang = Some("en".to_string());
    let english = app
        .sign_in("operator", "Operator#2026")
        .await
        .error()
        .message;
    assert!(english.ends_with("Try again in 15 minutes."), "{english}");
    app.lang = None;
    // Other accounts are not affected.
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
}
