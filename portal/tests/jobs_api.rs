//! The job API: list filters, cancelling, help feedback.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{
    jobs::{entry, online, pick, register, wipeable},
    plain_options, start_time, utc_schedule, TestApp,
};
use mdm_model::{
    device::ManagementMethod,
    job::{JobListEntry, JobStatus},
    paging::Page,
    ErrorCode,
};
use serde_json::json;

#[tokio::test]
async fn cancelling_follows_the_status_rules() {
    let mut app = TestApp::signed_in().await;
    let hybrid = pick(&mut app, |d| {
        wipeable(d) && d.management_method == ManagementMethod::Hybrid
    })
    .await;
    let options = json!({ "delete_general_info": true, "schedule_at": utc_schedule(start_time() + Duration::days(1)), "wifi_setting_id": null, "keep_esim_data_plan": false });
    let wipe = register(&mut app, &[hybrid.id], options).await;
    let pair = entry(&mut app, wipe).await;
    let response = app
        .post(&format!("/api/jobs/{}/cancel", pair.job.id), json!({}))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert_eq!(
        response.json()["cancelled"].as_array().unwrap().len(),
        2,
        "both jobs of the pair"
    );
    let again = app
        .post(&format!("/api/jobs/{}/cancel", pair.job.id), json!({}))
        .await;
    assert_eq!(
        (again.status, again.error().code),
        (StatusCode::CONFLICT, ErrorCode::JobAlreadyFinished)
    );

    // A sent job is already running on the device.
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::seconds(1)).await;
    let job = entry(&mut app, wipe).await.job;
    assert_eq!(job.status, JobStatus::Sent);
    let running = app
        .post(&format!("/api/jobs/{}/cancel", job.id), json!({}))
        .await;
    assert_eq!(running.error().code, ErrorCode::JobAlreadyRunning);

    assert_eq!(
        app.post("/api/jobs/999999/cancel", json!({}))
            .await
            .error()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        app.get("/api/jobs/abc").await.error().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        app.get("/api/jobs/999999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn job_list_filters_and_bad_parameters() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    register(&mut app, &[device.id], plain_options()).await;
    let by_device: Page<JobListEntry> = serde_json::from_value(
        app.get(&format!("/api/jobs?device={}", device.id))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(by_device.total, 1);
    let by_name: Page<JobListEntry> = serde_json::from_value(
        app.get(&format!("/api/jobs?q={}", device.name.to_lowercase()))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(by_name.total, 1);
    let succeeded: Page<JobListEntry> =
        serde_json::from_value(app.get("/api/jobs?status=succeeded").await.json()).unwrap();
    assert_eq!(succeeded.total, 0);
    for (query, field) in [
        ("status=done", "status"),
        ("from=yesterday", "from"),
        ("per_page=1000", "per_page"),
        ("page=5", "page"),
    ] {
        let response = app.get(&format!("/api/jobs?{query}")).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(response.error().field.as_deref(), Some(field), "{query}");
    }
}

#[tokio::test]
async fn help_feedback_is_recorded_and_audited() {
    let mut app = TestApp::signed_in().await;
    let response = app
        .post(
            "/api/help/wipe-lost-device/feedback",
            json!({ "helpful": true }),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(response.json()["article"], "wipe-lost-device");
    let unknown = app
        .post(
            "/api/help/no-such-article/feedback",
            json!({ "helpful": true }),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let malformed = app
        .post(
            "/api/help/wipe-lost-device/feedback",
            json!({ "helpful": "yes" }),
        )
        .await;
    assert_eq!(malformed.error().code, ErrorCode::MalformedRequest);
    let audit = app.get("/api/audit?action=help_feedback").await.json();
    assert_eq!(audit["total"], 1);
}

#[tokio::test]
async fn a_second_help_answer_replaces_the_first_and_can_be_read_back() {
    let mut app = TestApp::signed_in().await;
    let path = "/api/help/reenrollment-conditions/feedback";
    let none = app.get(path).await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.json()["current"], serde_json::Value::Null);

    let first = app.post(path, json!({ "helpful": true })).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let second = app
        .post(
            path,
            json!({ "helpful": false, "comment": "  Wi-Fiの条件がもう少し知りたい  " }),
        )
        .await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text());
    assert_eq!(second.json()["comment"], "Wi-Fiの条件がもう少し知りたい");

    let current = app.get(path).await.json();
    assert_eq!(current["current"]["helpful"], false);
    assert_eq!(
        current["current"]["comment"],
        "Wi-Fiの条件がもう少し知りたい"
    );
    // Both answers are audited, but only one is counted as the administrator's vote.
    let audit = app.get("/api/audit?action=help_feedback").await.json();
    assert_eq!(audit["total"], 2);
    let votes: i64 = app
        .state
        .store
        .call(
            |conn| Ok(conn.query_row("SELECT COUNT(*) FROM help_feedback", [], |row| row.get(0))?),
        )
        .await
        .unwrap();
    assert_eq!(votes, 1);
}

#[tokio::test]
async fn an_overlong_help_comment_is_refused_next_to_the_field_and_not_recorded() {
    let mut app = TestApp::signed_in().await;
    let path = "/api/help/wipe-lost-device/feedback";
    let comment = "あ".repeat(mdm_model::help::FEEDBACK_COMMENT_MAX_CHARS + 1);
    let refused = app
        .post(path, json!({ "helpful": true, "comment": comment }))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = refused.error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    assert_eq!(error.field.as_deref(), Some("comment"));
    assert!(error.message.contains("1000"), "{}", error.message);
    assert_eq!(
        app.get(path).await.json()["current"],
        serde_json::Value::Null
    );
}
