//! Wipe preview and registration: every rule refuses with a stable code and writes nothing.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{all_devices, plain_options, start_time, utc_schedule, wipe_body, TestApp};
use mdm_model::{
    device::{Device, Enrollment, ManagementMethod, Os, Ownership},
    job::{JobListEntry, JobStatus},
    paging::{ItemList, Page},
    wifi::WifiSetting,
    wipe::{PreviewOutcome, WipePreview, WipeRegistered},
    ErrorCode,
};
use serde_json::json;

fn wipeable(d: &Device) -> bool {
    d.ownership == Ownership::Company && d.enrollment != Enrollment::User
}

fn pick(devices: &[Device], f: impl Fn(&Device) -> bool) -> Device {
    devices
        .iter()
        .find(|d| f(d))
        .cloned()
        .expect("the test fleet has such a device")
}

/// A company iPhone on iOS 17+, DEP-enrolled with a DEP profile, Apple MDM only.
fn rts_capable(d: &Device) -> bool {
    wipeable(d)
        && d.os == Os::Ios
        && d.os_version.major >= 17
        && d.enrollment == Enrollment::Dep
        && d.dep_profile_id.is_some()
        && d.management_method == ManagementMethod::AppleMdm
}

async fn auto_join_wifi(app: &mut TestApp) -> WifiSetting {
    let list: ItemList<WifiSetting> = serde_json::from_value(
        app.get("/api/wifi-settings?auto_join=true&registered=true")
            .await
            .json(),
    )
    .unwrap();
    list.items[0].clone()
}

async fn job_total(app: &mut TestApp) -> u64 {
    app.get("/api/jobs").await.json()["total"].as_u64().unwrap()
}

#[tokio::test]
async fn preview_shows_eligibility_jobs_and_totals() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let eligible = pick(&devices, rts_capable);
    let hybrid = pick(&devices, |d| {
        wipeable(d) && d.management_method == ManagementMethod::Hybrid
    });
    let android = pick(&devices, |d| wipeable(d) && d.os == Os::Android);
    let byod = pick(&devices, |d| d.ownership == Ownership::Byod);
    let wifi = auto_join_wifi(&mut app).await;

    let options = json!({ "delete_general_info": true, "schedule_at": null, "wifi_setting_id": wifi.id, "keep_esim_data_plan": true });
    let body = json!({
        "selection": { "kind": "devices", "device_ids": [eligible.id, hybrid.id, android.id, byod.id] },
        "options": options,
    });
    let response = app.post("/api/wipes/preview", body).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    let preview: WipePreview = serde_json::from_slice(&response.body).unwrap();
    let totals = preview.summary.totals;
    assert_eq!(totals.devices, 4);
    assert_eq!(totals.not_wipeable_devices, 1);
    assert_eq!(totals.wipeable_devices, 3);
    assert_eq!(
        totals.jobs, 4,
        "two jobs for the Hybrid device, one each for the others"
    );
    let plan = |id| {
        preview
            .devices
            .items
            .iter()
            .find(|p| p.device.id == id)
            .unwrap()
    };
    assert!(matches!(
        plan(eligible.id).outcome,
        PreviewOutcome::WipeAndReenroll | PreviewOutcome::WipeAndReenrollWithAuthentication
    ));
    assert_eq!(
        plan(android.id).outcome,
        PreviewOutcome::WipeWithoutReenrollment
    );
    assert_eq!(plan(byod.id).outcome, PreviewOutcome::NotWipeable);
    assert_eq!(plan(hybrid.id).jobs.len(), 2);
    // A preview writes nothing.
    assert_eq!(job_total(&mut app).await, 0);
}

#[tokio::test]
async fn registration_creates_jobs_and_a_hybrid_pair_lists_as_one_entry() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let apple = pick(&devices, |d| {
        wipeable(d) && d.management_method == ManagementMethod::AppleMdm
    });
    let hybrid = pick(&devices, |d| {
        wipeable(d) && d.management_method == ManagementMethod::Hybrid
    });
    let schedule = start_time() + Duration::hours(2);
    let options = json!({ "delete_general_info": true, "schedule_at": utc_schedule(schedule), "wifi_setting_id": null, "keep_esim_data_plan": false });

    let response = app
        .register_wipe(wipe_body(&[apple.id.0, hybrid.id.0], options), "key-1")
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let registered: WipeRegistered = serde_json::from_slice(&response.body).unwrap();
    assert_eq!((registered.device_count, registered.job_count), (2, 3));

    let list: Page<JobListEntry> = serde_json::from_value(
        app.get(&format!("/api/jobs?wipe={}", registered.wipe_id))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(list.total, 2, "the Hybrid pair is one entry");
    assert!(list
        .items
        .iter()
        .flat_map(|e| e.jobs())
        .all(|j| j.status == JobStatus::Scheduled));
    let pair = list
        .items
        .iter()
        .find(|e| e.partner.is_some())
        .expect("hybrid pair");
    assert_eq!(pair.job.device.id, hybrid.id);
    assert_eq!(pair.job.pair_job_id, pair.partner.as_ref().map(|p| p.id));

    let audit = app.get("/api/audit?action=wipe_registered").await.json();
    assert_eq!(audit["total"], 1);
}

#[tokio::test]
async fn a_repeated_idempotency_key_returns_the_first_answer() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let device = pick(&devices, |d| {
        wipeable(d) && d.management_method == ManagementMethod::AppleMdm
    });
    let body = wipe_body(&[device.id.0], plain_options());
    let first = app.register_wipe(body.clone(), "same-key").await;
    let again = app.register_wipe(body, "same-key").await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(
        (again.status, again.body.clone()),
        (first.status, first.body.clone())
    );
    assert_eq!(job_total(&mut app).await, 1);

    let other = pick(&devices, |d| wipeable(d) && d.id != device.id);
    let reused = app
        .register_wipe(wipe_body(&[other.id.0], plain_options()), "same-key")
        .await;
    assert_eq!(reused.error().code, ErrorCode::IdempotencyKeyReused);

    let missing = app
        .post("/api/wipes", wipe_body(&[other.id.0], plain_options()))
        .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.error().code, ErrorCode::IdempotencyKeyInvalid);
    assert_eq!(job_total(&mut app).await, 1);
}

#[tokio::test]
async fn wrong_password_registers_nothing() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&all_devices(&mut app).await, wipeable);
    let mut body = wipe_body(&[device.id.0], plain_options());
    body["password"] = json!("not-my-password");
    let response = app.register_wipe(body, "k").await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let error = response.error();
    assert_eq!(
        (error.code, error.field.as_deref()),
        (ErrorCode::WrongPassword, Some("password"))
    );
    assert_eq!(job_total(&mut app).await, 0);
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_re_check() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&all_devices(&mut app).await, wipeable);
    let mut wrong = wipe_body(&[device.id.0], plain_options());
    wrong["password"] = json!("guess");
    for _ in 0..mdm_portal::sign_in::lockout::MAX_PER_SOURCE {
        assert_eq!(
            app.register_wipe(wrong.clone(), "k").await.error().code,
            ErrorCode::WrongPassword
        );
    }
    let right = wipe_body(&[device.id.0], plain_options());
    let locked = app.register_wipe(right, "k").await;
    assert_eq!(
        (locked.status, locked.error().code),
        (StatusCode::TOO_MANY_REQUESTS, ErrorCode::LockedOut)
    );
    assert!(
        locked.error().message.contains("分後に再度お試しください"),
        "{}",
        locked.error().message
    );
    assert_eq!(job_total(&mut app).await, 0);
    let refused = app.get("/api/audit?action=wipe_refused").await.json();
    assert_eq!(
        refused["total"],
        mdm_portal::sign_in::lockout::MAX_PER_SOURCE
    );
}

#[tokio::test]
async fn request_rules_are_422s_naming_the_field() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&all_devices(&mut app).await, wipeable);
    let wifi = auto_join_wifi(&mut app).await;
    let past = start_time() - Duration::minutes(1);
    let future = start_time() + Duration::hours(1);
    let cases = [
        (
            json!({ "delete_general_info": true, "schedule_at": utc_schedule(past), "wifi_setting_id": null, "keep_esim_data_plan": false }),
            "schedule_at",
        ),
        (
            json!({ "delete_general_info": true, "schedule_at": utc_schedule(future), "wifi_setting_id": wifi.id, "keep_esim_data_plan": false }),
            "wifi_setting_id",
        ),
        (
            json!({ "delete_general_info": true, "schedule_at": null, "wifi_setting_id": 9999, "keep_esim_data_plan": false }),
            "wifi_setting_id",
        ),
    ];
    for (options, field) in cases {
        let response = app
            .register_wipe(wipe_body(&[device.id.0], options), "k")
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            response.text()
        );
        let error = response.error();
        assert_eq!(
            (error.code, error.field.as_deref()),
            (ErrorCode::ValidationFailed, Some(field))
        );
    }
    let mut not_agreed = wipe_body(&[device.id.0], plain_options());
    not_agreed["agreed"] = json!(false);
    assert_eq!(
        app.register_wipe(not_agreed, "k")
            .await
            .error()
            .field
            .as_deref(),
        Some("agreed")
    );
    let nothing = wipe_body(&[], plain_options());
    assert_eq!(
        app.register_wipe(nothing, "k")
            .await
            .error()
            .field
            .as_deref(),
        Some("selection")
    );
    let unknown = app
        .register_wipe(wipe_body(&[987_654], plain_options()), "k")
        .await;
    assert_eq!(unknown.error().code, ErrorCode::ValidationFailed);
    assert_eq!(job_total(&mut app).await, 0);
}

#[tokio::test]
async fn byod_and_user_enrollment_are_refused_unless_left_out() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let byod = pick(&devices, |d| d.ownership == Ownership::Byod);
    let company = pick(&devices, wipeable);
    let body = wipe_body(&[company.id.0, byod.id.0], plain_options());
    let response = app.register_wipe(body.clone(), "k1").await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = response.error();
    assert_eq!(error.code, ErrorCode::DeviceNotWipeable);
    assert!(error.message.contains(&byod.name), "{}", error.message);
    assert_eq!(job_total(&mut app).await, 0, "all or nothing");

    let mut skipping = body;
    skipping["skip_not_wipeable"] = json!(true);
    let response = app.register_wipe(skipping, "k2").await;
    let registered: WipeRegistered = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(
        (registered.device_count, registered.skipped_device_count),
        (1, 1)
    );

    // Only unwipeable devices: nothing left to wipe even when skipping.
    let mut only_byod = wipe_body(&[byod.id.0], plain_options());
    only_byod["skip_not_wipeable"] = json!(true);
    assert_eq!(
        app.register_wipe(only_byod, "k3").await.error().code,
        ErrorCode::ValidationFailed
    );
}

#[tokio::test]
async fn a_device_has_at_most_one_open_wipe() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let device = pick(&devices, wipeable);
    let other = pick(&devices, |d| wipeable(d) && d.id != device.id);
    assert_eq!(
        app.register_wipe(wipe_body(&[device.id.0], plain_options()), "a")
            .await
            .status,
        StatusCode::CREATED
    );
    let before = job_total(&mut app).await;
    let response = app
        .register_wipe(wipe_body(&[other.id.0, device.id.0], plain_options()), "b")
        .await;
    assert_eq!(response.status, StatusCode::CONFLICT);
    let error = response.error();
    assert_eq!(error.code, ErrorCode::OpenWipeExists);
    assert!(error.message.contains(&device.name));
    let Some(mdm_model::ErrorDetails::Devices { devices, total: 1 }) = error.details else {
        panic!("the refused device")
    };
    assert_eq!(devices[0].id, device.id);
    assert_eq!(job_total(&mut app).await, before, "nothing half-written");
}

#[tokio::test]
async fn a_filter_selection_wipes_every_matching_device() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let expected = devices
        .iter()
        .filter(|d| d.os == Os::Windows && wipeable(d))
        .count() as u64;
    let body = json!({
        "selection": { "kind": "filter", "filter": { "os": "windows", "ownership": "company" } },
        "options": plain_options(),
        "password": "Demo#2026",
        "agreed": true,
    });
    let response = app.register_wipe(body, "filter").await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let registered: WipeRegistered = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(registered.device_count, expected);
}

#[tokio::test]
async fn malformed_bodies_and_missing_csrf_are_refused() {
    let mut app = TestApp::signed_in().await;
    let response = app
        .post("/api/wipes/preview", json!({ "selection": "everything" }))
        .await;
    assert_eq!(response.error().code, ErrorCode::MalformedRequest);

    let token = app.csrf.take();
    let response = app
        .register_wipe(wipe_body(&[1], plain_options()), "k")
        .await;
    assert_eq!(response.error().code, ErrorCode::CsrfRejected);
    app.csrf = token;
}

#[tokio::test]
async fn an_oversized_body_is_a_413_not_a_crash() {
    let mut app = TestApp::signed_in().await;
    let ids: Vec<i64> = (1..400_000).collect();
    let response = app
        .register_wipe(wipe_body(&ids, plain_options()), "big")
        .await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.error().code, ErrorCode::PayloadTooLarge);
}
