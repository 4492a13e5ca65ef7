//! The administrator's time zone: choosing it (`PUT /api/session/time-zone`), and wipe schedules
//! resolved in the zone they were entered in, daylight saving time included. Bad input is a
//! worded 422 that changes nothing.

mod common;

use axum::http::{Method, StatusCode};
use common::{all_devices, jobs::wipeable, wipe_body, TestApp};
use mdm_model::{
    job::{JobListEntry, JobOptions},
    paging::Page,
    session::{Administrator, SessionInfo},
    wipe::{WipeProblem, WipeRegistered},
    ErrorCode, ErrorDetails,
};
use serde_json::{json, Value};

async fn current_zone(app: &mut TestApp) -> String {
    let info: SessionInfo = serde_json::from_value(app.get("/api/session").await.json()).unwrap();
    info.administrator.expect("signed in").time_zone.to_string()
}

async fn set_zone(app: &mut TestApp, name: &str) -> common::TestResponse {
    app.send(
        Method::PUT,
        "/api/session/time-zone",
        Some(json!({ "time_zone": name })),
    )
    .await
}

async fn audit_total(app: &mut TestApp) -> u64 {
    app.get("/api/audit?action=time_zone_changed").await.json()["total"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn japan_time_is_the_default_and_an_unknown_zone_changes_nothing() {
    let mut app = TestApp::signed_in().await;
    assert_eq!(current_zone(&mut app).await, "Asia/Tokyo");

    let refused = set_zone(&mut app, "Mars/Olympus").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = refused.error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(error.field.as_deref(), Some("time_zone"));
    assert_eq!(
        error.message,
        "タイムゾーン名が正しくありません。Asia/Tokyo や America/New_York のようなIANAのタイムゾーン名を指定してください。"
    );
    app.lang = Some("en".into());
    let refused = set_zone(&mut app, "america/new_york").await;
    assert_eq!(
        refused.error().message,
        "This is not a known time zone. Use an IANA time zone name such as Asia/Tokyo or America/New_York."
    );
    assert_eq!(current_zone(&mut app).await, "Asia/Tokyo");
    assert_eq!(audit_total(&mut app).await, 0, "nothing audited");
}

#[tokio::test]
async fn a_chosen_zone_is_kept_answered_and_audited() {
    let mut app = TestApp::signed_in().await;
    let response = set_zone(&mut app, "America/New_York").await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    let admin: Administrator = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(admin.time_zone.name(), "America/New_York");
    assert_eq!(current_zone(&mut app).await, "America/New_York");
    let audit = app.get("/api/audit?action=time_zone_changed").await.json();
    assert_eq!(audit["total"], 1);
    assert_eq!(audit["items"][0]["from"], "Asia/Tokyo");
    assert_eq!(audit["items"][0]["to"], "America/New_York");
    // Choosing the same zone again is no change to audit.
    assert_eq!(
        set_zone(&mut app, "America/New_York").await.status,
        StatusCode::OK
    );
    assert_eq!(audit_total(&mut app).await, 1);
}

#[tokio::test]
async fn choosing_a_zone_needs_the_csrf_token() {
    let mut app = TestApp::signed_in().await;
    let request = axum::http::Request::put("/api/session/time-zone")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            r#"{"time_zone":"America/New_York"}"#,
        ))
        .unwrap();
    assert_eq!(app.send_raw(request).await.status, StatusCode::FORBIDDEN);
    assert_eq!(current_zone(&mut app).await, "Asia/Tokyo");
}

fn new_york(local: &str) -> Value {
    json!({ "delete_general_info": true, "schedule_at": { "local": local, "time_zone": "America/New_York" },
            "wifi_setting_id": null, "keep_esim_data_plan": false })
}

async fn job_total(app: &mut TestApp) -> u64 {
    app.get("/api/jobs").await.json()["total"].as_u64().unwrap()
}

#[tokio::test]
async fn a_schedule_is_resolved_in_its_zone_across_the_spring_change() {
    // The test clock stands at 2026-03-02; New York moves to summer time on 2026-03-08 at 02:00.
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let device = devices.iter().find(|d| wipeable(d)).unwrap();
    let body = |local: &str| wipe_body(&[device.id.0], new_york(local));

    let gap = app.register_wipe(body("2026-03-08T02:30"), "gap").await;
    assert_eq!(
        gap.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        gap.text()
    );
    let error = gap.error();
    assert_eq!(error.field.as_deref(), Some("schedule_at"));
    assert_eq!(
        error.message,
        "この日時は夏時間の切り替えにより存在しません。別の日時を指定してください。"
    );
    let Some(ErrorDetails::Validation { errors }) = error.details else {
        panic!("validation details")
    };
    assert_eq!(errors[0].problem, WipeProblem::ScheduleNonexistent);

    let mut unknown = body("2026-03-08T09:00");
    unknown["options"]["schedule_at"]["time_zone"] = json!("Mars/Olympus");
    let refused = app.register_wipe(unknown, "mars").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.error().field.as_deref(), Some("schedule_at"));
    assert_eq!(job_total(&mut app).await, 0, "nothing registered");

    // 09:00 on the Sunday of the change is summer time: 13:00 UTC, not 14:00.
    let response = app.register_wipe(body("2026-03-08T09:00"), "ok").await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let registered: WipeRegistered = serde_json::from_slice(&response.body).unwrap();
    let list: Page<JobListEntry> = serde_json::from_value(
        app.get(&format!("/api/jobs?wipe={}", registered.wipe_id))
            .await
            .json(),
    )
    .unwrap();
    let options: &JobOptions = &list.items[0].job.options;
    assert_eq!(
        options.scheduled_at.map(|at| at.to_rfc3339()),
        Some("2026-03-08T13:00:00+00:00".to_string())
    );
    // The same request again is recognised as a repeat (the schedule digests as entered).
    let again = app.register_wipe(body("2026-03-08T09:00"), "ok").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, response.body);
}
