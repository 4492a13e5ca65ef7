//! Requests for 紛失時対策 (`POST /api/measures`) and the devices the measure tests pick.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::Duration;
use mdm_model::{
    device::{Device, ManagementMethod, Os, Ownership},
    ids::DeviceId,
    job::{JobDetail, JobKind, JobListEntry},
    measure::MeasureRegistered,
    paging::Page,
    session::CSRF_HEADER,
};
use serde_json::{json, Value};

use super::{all_devices, jobs::online, TestApp};

/// `POST /api/measures` for `ids` with `options`, under `key`.
pub async fn send_measure(
    app: &mut TestApp,
    ids: &[DeviceId],
    options: Value,
    key: &str,
) -> (StatusCode, Value) {
    let body = json!({
        "selection": { "kind": "devices", "device_ids": ids.iter().map(|d| d.0).collect::<Vec<_>>() },
        "options": options,
        "password": "Demo#2026",
        "agreed": true,
    });
    measure_request(app, body, key).await
}

pub async fn measure_request(app: &mut TestApp, body: Value, key: &str) -> (StatusCode, Value) {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/measures")
        .header(header::CONTENT_TYPE, "application/json")
        .header(CSRF_HEADER, app.csrf_token().unwrap_or_default())
        .header("idempotency-key", key)
        .body(Body::from(serde_json::to_vec(&body).unwrap()))
        .unwrap();
    let response = app.send_raw(request).await;
    (response.status, response.json())
}

pub async fn registered(
    app: &mut TestApp,
    ids: &[DeviceId],
    options: Value,
    key: &str,
) -> MeasureRegistered {
    let (status, body) = send_measure(app, ids, options, key).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    serde_json::from_value(body).unwrap()
}

pub async fn jobs_of(app: &mut TestApp, registration: &MeasureRegistered) -> Vec<JobListEntry> {
    let kind = JobKind::of(registration.measure);
    let page: Page<JobListEntry> = serde_json::from_value(
        app.get(&format!(
            "/api/jobs?wipe={}&kind={kind}",
            registration.registration_id
        ))
        .await
        .json(),
    )
    .unwrap();
    page.items
}

pub async fn device(app: &mut TestApp, id: DeviceId) -> Device {
    all_devices(app)
        .await
        .into_iter()
        .find(|d| d.id == id)
        .unwrap()
}

pub async fn detail(app: &mut TestApp, entry: &JobListEntry) -> JobDetail {
    serde_json::from_value(app.get(&format!("/api/jobs/{}", entry.job.id)).await.json()).unwrap()
}

/// Runs the engine until the devices have answered (the quiet simulator acknowledges).
pub async fn let_devices_answer(app: &TestApp) {
    for _ in 0..4 {
        app.advance(Duration::minutes(1)).await;
    }
}

pub async fn registered_jobs(app: &mut TestApp) -> u64 {
    let page: Page<JobListEntry> =
        serde_json::from_value(app.get("/api/jobs?per_page=1").await.json()).unwrap();
    page.total
}

pub fn supervised_iphone(d: &Device) -> bool {
    online(d)
        && d.os == Os::Ios
        && d.supervised
        && d.ownership == Ownership::Company
        && d.management_method == ManagementMethod::AppleMdm
        && d.os_version.major >= 17
}

pub fn company_android(d: &Device) -> bool {
    online(d)
        && d.management_method == ManagementMethod::AndroidFullyManaged
        && d.os_version.major >= 13
}

pub fn measure_body(ids: &[DeviceId], options: Value, skip: bool) -> Value {
    json!({
        "selection": { "kind": "devices", "device_ids": ids.iter().map(|d| d.0).collect::<Vec<_>>() },
        "options": options,
        "password": "Demo#2026",
        "agreed": true,
        "skip_not_applicable": skip,
    })
}
