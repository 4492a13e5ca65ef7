//! The lockout's keys: the tenant and the exact account, per source address, with a slower
//! limit per account. Guards two ways an outsider could lock an administrator out: failures
//! for `admin` in one tenant locking `Admin` in another (the key was the lower-cased name),
//! and a spray from one address locking the administrator out from their own.

mod common;

use std::net::SocketAddr;

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{header, Request, StatusCode},
};
use common::TestApp;
use mdm_model::{session::CSRF_HEADER, ErrorCode, Lang};
use mdm_portal::{
    auth::{hash_password, HashCost},
    sign_in::lockout::{MAX_PER_ACCOUNT, MAX_PER_SOURCE},
    store::admins::{insert_admin, insert_tenant, NewAdmin},
};
use serde_json::json;

/// A sign-in from `address`, as a browser there would send it (its own CSRF token).
async fn sign_in_from(
    app: &mut TestApp,
    address: &str,
    username: &str,
    password: &str,
) -> StatusCode {
    app.jar.clear();
    app.csrf = None;
    app.get("/api/session").await;
    let mut request = Request::post("/api/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header(CSRF_HEADER, app.csrf.clone().unwrap())
        .body(Body::from(
            json!({ "username": username, "password": password }).to_string(),
        ))
        .unwrap();
    let peer: SocketAddr = format!("{address}:50000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    let answer = app.send_raw(request).await;
    if answer.status == StatusCode::TOO_MANY_REQUESTS {
        assert_eq!(answer.error().code, ErrorCode::LockedOut);
    }
    answer.status
}

/// A second tenant with an administrator `Admin` (a different account from the demo `admin`).
fn add_second_tenant(app: &TestApp) {
    app.state
        .store
        .blocking(|conn| {
            let tenant = insert_tenant(
                conn,
                "株式会社別テナント",
                mdm_portal::store::seed::DEMO_CONTRACTED_ON,
            )?;
            let hash = hash_password("Other#2026", HashCost::Fast)?;
            insert_admin(
                conn,
                &NewAdmin {
                    tenant_id: tenant,
                    username: "Admin",
                    display_name: "別テナント管理者",
                    password_hash: &hash,
                    time_zone: "Asia/Tokyo",
                    lang: Lang::Ja,
                },
            )?;
            Ok(())
        })
        .unwrap();
}

#[tokio::test]
async fn failures_for_one_account_do_not_lock_a_same_named_account_of_another_tenant() {
    let mut app = TestApp::new();
    add_second_tenant(&app);
    for _ in 0..MAX_PER_SOURCE {
        assert_eq!(
            sign_in_from(&mut app, "203.0.113.9", "admin", "wrong").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        sign_in_from(&mut app, "203.0.113.9", "admin", "Demo#2026").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_from(&mut app, "203.0.113.9", "Admin", "Other#2026").await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_spray_from_one_address_does_not_lock_the_administrator_out_from_their_own() {
    let mut app = TestApp::new();
    for _ in 0..MAX_PER_SOURCE {
        sign_in_from(&mut app, "203.0.113.9", "admin", "wrong").await;
    }
    assert_eq!(
        sign_in_from(&mut app, "203.0.113.9", "admin", "Demo#2026").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_from(&mut app, "198.51.100.7", "admin", "Demo#2026").await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_slower_per_account_limit_stops_a_spread_out_guess() {
    let mut app = TestApp::new();
    let mut attempts = 0;
    'spread: for host in 1.. {
        for _ in 0..MAX_PER_SOURCE {
            if attempts == MAX_PER_ACCOUNT {
                break 'spread;
            }
            let status = sign_in_from(&mut app, &format!("192.0.2.{host}"), "admin", "wrong").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            attempts += 1;
        }
    }
    assert_eq!(
        sign_in_from(&mut app, "198.51.100.7", "admin", "Demo#2026").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a fresh address meets the account's own limit"
    );
    // Other accounts are untouched.
    assert_eq!(
        sign_in_from(&mut app, "198.51.100.7", "operator", "Operator#2026").await,
        StatusCode::OK
    );
}
