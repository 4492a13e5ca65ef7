//! Sessions end after inactivity and after an absolute lifetime, on the session clock (real
//! time in production, a manual clock here); expired sessions are refused and purged.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{seeded_state, test_settings, TestApp};
use mdm_model::ErrorCode;
use mdm_portal::{engine::clock::Clock, store::sessions, Settings};

/// A signed-in client whose sessions run on a manual clock it can move; returns the clock.
async fn signed_in_with(settings: Settings) -> (TestApp, Clock) {
    let clock = Clock::manual(common::start_time());
    let state = seeded_state(settings).with_session_clock(clock.clone());
    let mut app = TestApp::with_state(state);
    let response = app.sign_in("admin", "Demo#2026").await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    (app, clock)
}

fn stored_sessions(app: &TestApp) -> i64 {
    app.state
        .store
        .blocking(|conn| Ok(sessions::count(conn)?))
        .unwrap()
}

async fn assert_unauthenticated(app: &mut TestApp) {
    let response = app.get("/api/groups").await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(response.error().code, ErrorCode::Unauthenticated);
}

#[tokio::test]
async fn the_idle_timeout_slides_with_use_and_then_signs_out() {
    let (mut app, clock) = signed_in_with(test_settings()).await;
    // Used every 29 minutes, the session outlives several idle timeouts.
    for _ in 0..4 {
        clock.advance(Duration::minutes(29));
        assert_eq!(app.get("/api/groups").await.status, StatusCode::OK);
    }
    clock.advance(Duration::minutes(31));
    assert_unauthenticated(&mut app).await;
    assert_eq!(stored_sessions(&app), 0, "the expired row is purged");
    // Coming back does not revive it.
    clock.advance(Duration::seconds(-40 * 60));
    assert_unauthenticated(&mut app).await;
}

#[tokio::test]
async fn who_am_i_reports_nobody_once_idle() {
    let (mut app, clock) = signed_in_with(test_settings()).await;
    clock.advance(Duration::minutes(30) + Duration::seconds(1));
    let me = app.get("/api/session").await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(me.json()["administrator"].is_null(), "{}", me.text());
}

#[tokio::test]
async fn a_busy_session_still_ends_at_its_absolute_lifetime() {
    let (mut app, clock) = signed_in_with(test_settings()).await;
    let mut elapsed = Duration::zero();
    while elapsed + Duration::minutes(20) < Duration::hours(12) {
        clock.advance(Duration::minutes(20));
        elapsed += Duration::minutes(20);
        assert_eq!(
            app.get("/api/groups").await.status,
            StatusCode::OK,
            "{elapsed}"
        );
    }
    clock.advance(Duration::hours(12) - elapsed);
    assert_unauthenticated(&mut app).await;
}

#[tokio::test]
async fn the_idle_timeout_is_configurable_and_signing_in_purges_stale_sessions() {
    let settings = Settings {
        session_idle: Duration::minutes(5),
        ..test_settings()
    };
    let (mut app, clock) = signed_in_with(settings).await;
    clock.advance(Duration::minutes(4));
    assert_eq!(app.get("/api/groups").await.status, StatusCode::OK);
    clock.advance(Duration::minutes(6));

    // Another administrator signs in; the first session, idle too long, is purged with it.
    let mut other = TestApp::with_state(app.state.clone());
    let response = other.sign_in("operator", "Operator#2026").await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert_eq!(stored_sessions(&app), 1);
    assert_unauthenticated(&mut app).await;
    assert_eq!(other.get("/api/groups").await.status, StatusCode::OK);
}
