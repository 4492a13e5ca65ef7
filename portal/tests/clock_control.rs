//! `--clock manual` and `--simulator scripted` as a host portal's test uses them: time stands
//! still until `POST /api/clock/advance` moves it, the engine runs at every moment a job is
//! due on the way, and a scripted device answers exactly when scripted.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{
    all_devices,
    jobs::{detail, entry, online, register, wipeable},
    plain_options, seeded_state, start_time, test_settings, TestApp,
};
use mdm_model::{
    device::ManagementMethod,
    job::{AppleReply, JobStatus},
    ErrorCode,
};
use mdm_portal::{
    engine::{clock::Clock, EngineHandle},
    simulator::{SimulatorConfig, SCRIPTED_REPLY_DELAY},
    AppState,
};
use serde_json::json;

async fn scripted_app() -> TestApp {
    let engine = EngineHandle::new(SimulatorConfig::scripted(AppleReply::Acknowledged));
    let mut app = TestApp::with_engine(seeded_state(test_settings()), engine);
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    app
}

#[tokio::test]
async fn an_hour_advanced_in_one_request_runs_every_step_at_its_own_time() {
    let mut app = scripted_app().await;
    let device = all_devices(&mut app)
        .await
        .into_iter()
        .find(|d| wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm)
        .expect("a reachable Apple MDM device");
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    assert_eq!(
        entry(&mut app, wipe.clone()).await.job.status,
        JobStatus::WaitingForDevice,
        "nothing moves before the clock does"
    );

    let response = app
        .post("/api/clock/advance", json!({ "seconds": 3600 }))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    let advanced = response.json();
    let end = start_time() + Duration::hours(1);
    assert_eq!(advanced["now"], json!(end));
    // At the start (sent), 30 s later (acknowledged), at the end.
    assert_eq!(advanced["engine_runs"], 3);
    assert_eq!(advanced["transitions"], 2);

    let job = entry(&mut app, wipe).await.job;
    let history: Vec<_> = detail(&mut app, job.id)
        .await
        .history
        .iter()
        .map(|c| (c.status, c.at))
        .collect();
    assert_eq!(
        history,
        [
            (JobStatus::WaitingForDevice, start_time()),
            (JobStatus::Sent, start_time()),
            (JobStatus::Succeeded, start_time() + SCRIPTED_REPLY_DELAY),
        ]
    );
    let now = app.get("/api/clock").await.json();
    assert_eq!(now, json!({ "now": end, "manual": true }));
}

#[tokio::test]
async fn a_scripted_reply_is_the_one_every_device_gives() {
    let engine = EngineHandle::new(SimulatorConfig::scripted(AppleReply::Error));
    let mut app = TestApp::with_engine(seeded_state(test_settings()), engine);
    app.sign_in("admin", "Demo#2026").await;
    let device = all_devices(&mut app)
        .await
        .into_iter()
        .find(|d| wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm)
        .unwrap();
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    let response = app
        .post("/api/clock/advance", json!({ "seconds": 30 }))
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(entry(&mut app, wipe).await.job.status, JobStatus::Failed);
}

#[tokio::test]
async fn a_clock_that_runs_by_itself_cannot_be_moved() {
    let store = seeded_state(test_settings()).store;
    let state = AppState::new(store, Clock::system(), test_settings()).unwrap();
    let mut app = TestApp::with_state(state);
    app.sign_in("admin", "Demo#2026").await;
    let response = app
        .post("/api/clock/advance", json!({ "seconds": 60 }))
        .await;
    assert_eq!(response.status, StatusCode::CONFLICT);
    let error = response.error();
    assert_eq!(error.code, ErrorCode::Conflict);
    assert!(
        error.message.contains("--clock manual"),
        "{}",
        error.message
    );
    assert_eq!(app.get("/api/clock").await.json()["manual"], false);
}

#[tokio::test]
async fn bad_amounts_are_refused_with_the_field_named() {
    let mut app = scripted_app().await;
    app.lang = Some("en".into());
    let too_far = app
        .post(
            "/api/clock/advance",
            json!({ "seconds": 366 * 24 * 3600 + 1 }),
        )
        .await;
    assert_eq!(too_far.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = too_far.error();
    assert_eq!(
        (error.code, error.field.as_deref()),
        (ErrorCode::ValidationFailed, Some("seconds"))
    );
    assert_eq!(
        error.message,
        "The clock moves at most 366 days per request."
    );
    let backwards = app
        .post("/api/clock/advance", json!({ "seconds": -5 }))
        .await;
    assert_eq!(backwards.status, StatusCode::BAD_REQUEST);
    assert_eq!(backwards.error().code, ErrorCode::MalformedRequest);
    assert_eq!(
        app.get("/api/clock").await.json()["now"],
        json!(start_time()),
        "the clock stayed"
    );
}
