//! Bearer tokens for host pages: issue with user name and password (same lockout as sign-in),
//! use on the API without cookies or CSRF, renew, expire, revoke; a bad token is a 401 with
//! the stable `unauthenticated` code, never a fall-back to a cookie.

mod common;

use axum::{
    body::Body,
    http::{header, Method, Request, StatusCode},
};
use chrono::Duration;
use common::{
    all_devices, plain_options, seeded_state, test_settings, wipe_body, TestApp, TestResponse,
};
use mdm_model::ErrorCode;
use mdm_portal::engine::clock::Clock;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A client without cookies whose tokens run on a manual clock; returns the clock.
fn token_client() -> (TestApp, Clock) {
    let clock = Clock::manual(common::start_time());
    let state = seeded_state(test_settings()).with_session_clock(clock.clone());
    (TestApp::with_state(state), clock)
}

/// A request with `Authorization: Bearer token` only (the jar is kept empty).
async fn bearer(
    app: &mut TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> TestResponse {
    static KEYS: AtomicUsize = AtomicUsize::new(0);
    app.jar.clear();
    let builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(
            "idempotency-key",
            format!("token-test-{}", KEYS.fetch_add(1, Ordering::Relaxed)),
        );
    let request = match body {
        Some(body) => builder
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(serde_json::to_vec(&body).unwrap())),
        None => builder.body(Body::empty()),
    }
    .unwrap();
    app.send_raw(request).await
}

async fn issue(app: &mut TestApp, username: &str, password: &str) -> TestResponse {
    app.jar.clear();
    let request = Request::post("/api/auth/tokens")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({ "username": username, "password": password }).to_string(),
        ))
        .unwrap();
    app.send_raw(request).await
}

async fn token_for_admin(app: &mut TestApp) -> String {
    let issued = issue(app, "admin", "Demo#2026").await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text());
    issued.json()["token"].as_str().unwrap().to_string()
}

fn assert_refused(response: &TestResponse) {
    assert_eq!(
        response.status,
        StatusCode::UNAUTHORIZED,
        "{}",
        response.text()
    );
    assert_eq!(response.error().code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn a_token_is_issued_without_cookies_and_works_on_the_api() {
    let (mut app, _) = token_client();
    let issued = issue(&mut app, "admin", "Demo#2026").await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text());
    assert!(
        issued.headers.get(header::SET_COOKIE).is_none(),
        "no cookie for a host page"
    );
    let body = issued.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 15 * 60);
    assert_eq!(body["administrator"]["username"], "admin");
    let token = body["token"].as_str().unwrap();

    let groups = bearer(&mut app, Method::GET, "/api/groups", token, None).await;
    assert_eq!(groups.status, StatusCode::OK, "{}", groups.text());
    let me = bearer(&mut app, Method::GET, "/api/session", token, None).await;
    assert_eq!(me.json()["administrator"]["username"], "admin");
    // Writes need no CSRF token with a bearer token.
    let preview = bearer(
        &mut app,
        Method::POST,
        "/api/wipes/preview",
        token,
        Some(json!({ "selection": { "kind": "devices", "device_ids": [1] }, "options": plain_options() })),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text());
}

#[tokio::test]
async fn a_wipe_with_a_token_still_needs_the_password_again() {
    let (mut app, _) = token_client();
    let token = token_for_admin(&mut app).await;
    let device = {
        let mut cookie_app = TestApp::signed_in().await;
        all_devices(&mut cookie_app)
            .await
            .into_iter()
            .find(|d| d.ownership == mdm_model::device::Ownership::Company)
            .unwrap()
    };
    let mut wrong = wipe_body(&[device.id.0], plain_options());
    wrong["password"] = json!("not-my-password");
    let refused = bearer(&mut app, Method::POST, "/api/wipes", &token, Some(wrong)).await;
    assert_eq!(refused.error().code, ErrorCode::WrongPassword);
    let body = wipe_body(&[device.id.0], plain_options());
    let done = bearer(&mut app, Method::POST, "/api/wipes", &token, Some(body)).await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.text());
}

#[tokio::test]
async fn bad_tokens_are_refused_with_a_stable_code_and_never_fall_back_to_the_cookie() {
    let mut app = TestApp::signed_in().await;
    for token in ["", "short", &"x".repeat(43), "a b"] {
        let request = Request::get("/api/groups")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        // The jar still holds a valid session cookie: it must not count.
        let response = app.send_raw(request).await;
        assert_refused(&response);
    }
    assert_eq!(app.get("/api/groups").await.status, StatusCode::OK);
}

#[tokio::test]
async fn tokens_expire_and_renewal_keeps_the_sign_in_going() {
    let (mut app, clock) = token_client();
    let first = token_for_admin(&mut app).await;
    clock.advance(Duration::minutes(14));
    let renewed = bearer(
        &mut app,
        Method::POST,
        "/api/auth/tokens/renew",
        &first,
        None,
    )
    .await;
    assert_eq!(renewed.status, StatusCode::CREATED, "{}", renewed.text());
    let second = renewed.json()["token"].as_str().unwrap().to_string();
    assert_ne!(first, second);
    // The old token keeps working for requests already on their way, then stops.
    let groups = bearer(&mut app, Method::GET, "/api/groups", &first, None).await;
    assert_eq!(groups.status, StatusCode::OK);
    clock.advance(Duration::seconds(31));
    assert_refused(&bearer(&mut app, Method::GET, "/api/groups", &first, None).await);
    assert_eq!(
        bearer(&mut app, Method::GET, "/api/groups", &second, None)
            .await
            .status,
        StatusCode::OK
    );
    // Not renewed in time: gone, and cannot be renewed either.
    clock.advance(Duration::minutes(15));
    assert_refused(&bearer(&mut app, Method::GET, "/api/groups", &second, None).await);
    assert_refused(
        &bearer(
            &mut app,
            Method::POST,
            "/api/auth/tokens/renew",
            &second,
            None,
        )
        .await,
    );
}

#[tokio::test]
async fn renewal_never_goes_past_the_sign_ins_absolute_limit() {
    let (mut app, clock) = token_client();
    let mut token = token_for_admin(&mut app).await;
    let limit = issue(&mut app, "admin", "Demo#2026").await.json()["renewable_until"].clone();
    let limit_at: chrono::DateTime<chrono::Utc> = limit.as_str().unwrap().parse().unwrap();
    for renewals in 0..(12 * 60 / 10) {
        clock.advance(Duration::minutes(10));
        let renewed = bearer(
            &mut app,
            Method::POST,
            "/api/auth/tokens/renew",
            &token,
            None,
        )
        .await;
        if renewed.status != StatusCode::CREATED {
            assert_refused(&renewed);
            // Refused at the limit, not before: a sign-in renewed every 10 minutes lasts.
            assert!(
                clock.now() + Duration::minutes(10) > limit_at,
                "refused at {} after {renewals} renewals, long before {limit_at}",
                clock.now()
            );
            return;
        }
        let body = renewed.json();
        assert!(body["expires_at"].as_str().unwrap() <= limit.as_str().unwrap());
        token = body["token"].as_str().unwrap().to_string();
    }
    panic!("a sign-in was renewed past twelve hours");
}

#[tokio::test]
async fn revoking_ends_the_token_and_every_earlier_one() {
    let (mut app, _) = token_client();
    let first = token_for_admin(&mut app).await;
    let renewed = bearer(
        &mut app,
        Method::POST,
        "/api/auth/tokens/renew",
        &first,
        None,
    )
    .await;
    let second = renewed.json()["token"].as_str().unwrap().to_string();
    let other = token_for_admin(&mut app).await;
    let revoked = bearer(
        &mut app,
        Method::DELETE,
        "/api/auth/tokens/current",
        &second,
        None,
    )
    .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT, "{}", revoked.text());
    assert_refused(&bearer(&mut app, Method::GET, "/api/groups", &second, None).await);
    assert_refused(&bearer(&mut app, Method::GET, "/api/groups", &first, None).await);
    // Another sign-in of the same administrator is not affected.
    assert_eq!(
        bearer(&mut app, Method::GET, "/api/groups", &other, None)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_token_endpoint_shares_the_sign_in_lockout() {
    let (mut app, _) = token_client();
    for _ in 0..5 {
        let refused = issue(&mut app, "admin", "wrong").await;
        assert_eq!(refused.error().code, ErrorCode::InvalidCredentials);
    }
    assert_eq!(
        issue(&mut app, "admin", "Demo#2026").await.error().code,
        ErrorCode::LockedOut
    );
    // The lockout is per user name, whichever door is used.
    let session = app.sign_in("admin", "Demo#2026").await;
    assert_eq!(session.error().code, ErrorCode::LockedOut);
    let missing = issue(&mut app, "", "x").await;
    assert_eq!(missing.error().field.as_deref(), Some("username"));
}

#[tokio::test]
async fn renewal_and_revocation_need_a_token_not_a_cookie() {
    let mut app = TestApp::signed_in().await;
    assert_refused(&app.send(Method::POST, "/api/auth/tokens/renew", None).await);
    assert_refused(
        &app.send(Method::DELETE, "/api/auth/tokens/current", None)
            .await,
    );
}

/// Guards the fork where a retired token, renewed again inside its grace, gave a second live
/// token in the same sign-in.
#[tokio::test]
async fn renewing_a_retired_token_revokes_the_whole_chain() {
    let (mut app, _) = token_client();
    let first = token_for_admin(&mut app).await;
    let renewed = bearer(
        &mut app,
        Method::POST,
        "/api/auth/tokens/renew",
        &first,
        None,
    )
    .await;
    assert_eq!(renewed.status, StatusCode::CREATED, "{}", renewed.text());
    let second = renewed.json()["token"].as_str().unwrap().to_string();
    // The first token still works for requests on their way (grace), but cannot be renewed.
    let groups = bearer(&mut app, Method::GET, "/api/groups", &first, None).await;
    assert_eq!(groups.status, StatusCode::OK);
    let fork = bearer(
        &mut app,
        Method::POST,
        "/api/auth/tokens/renew",
        &first,
        None,
    )
    .await;
    assert_refused(&fork);
    // Whoever held either token is signed out now.
    assert_refused(&bearer(&mut app, Method::GET, "/api/groups", &second, None).await);
    assert_refused(&bearer(&mut app, Method::GET, "/api/groups", &first, None).await);
    let mut auditor = TestApp::with_state(app.state.clone());
    assert_eq!(
        auditor.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    let audit = auditor.get("/api/audit?action=signed_out").await.json();
    assert!(
        audit["items"].to_string().contains("retired_token_reused"),
        "{audit}"
    );
}
