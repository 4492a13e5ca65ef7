//! 紛失時対策 beside the wipe, through the API: lock two devices, put a supervised iPhone and an
//! Android phone in lost mode, ask where they are, make one ring, end lost mode, remove a
//! personal phone's company data, wipe a device in lost mode; and every bad request refused with
//! a localized 4xx naming its field or device, with nothing registered.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::Duration;
use common::{all_devices, jobs::online, TestApp};
use mdm_model::{
    command::WipeCommand,
    device::{Device, ManagementMethod, Os, Ownership},
    ids::DeviceId,
    job::{AppleReply, JobDetail, JobKind, JobListEntry, JobStatus, StatusReason},
    measure::{
        DeviceLocationFix, Measure, MeasureCounts, MeasurePreview, MeasureRegistered, NotApplicable,
    },
    paging::Page,
    session::CSRF_HEADER,
    ErrorCode,
};
use mdm_portal::engine::EngineHandle;
use mdm_portal::simulator::SimulatorConfig;
use serde_json::{json, Value};

/// `POST /api/measures` for `ids` with `options`, under `key`.
async fn send_measure(
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

async fn measure_request(app: &mut TestApp, body: Value, key: &str) -> (StatusCode, Value) {
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

async fn registered(
    app: &mut TestApp,
    ids: &[DeviceId],
    options: Value,
    key: &str,
) -> MeasureRegistered {
    let (status, body) = send_measure(app, ids, options, key).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    serde_json::from_value(body).unwrap()
}

async fn jobs_of(app: &mut TestApp, registration: &MeasureRegistered) -> Vec<JobListEntry> {
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

async fn device(app: &mut TestApp, id: DeviceId) -> Device {
    all_devices(app)
        .await
        .into_iter()
        .find(|d| d.id == id)
        .unwrap()
}

async fn detail(app: &mut TestApp, entry: &JobListEntry) -> JobDetail {
    serde_json::from_value(app.get(&format!("/api/jobs/{}", entry.job.id)).await.json()).unwrap()
}

/// Runs the engine until the devices have answered (the quiet simulator acknowledges).
async fn let_devices_answer(app: &TestApp) {
    for _ in 0..4 {
        app.advance(Duration::minutes(1)).await;
    }
}

async fn registered_jobs(app: &mut TestApp) -> u64 {
    let page: Page<JobListEntry> =
        serde_json::from_value(app.get("/api/jobs?per_page=1").await.json()).unwrap();
    page.total
}

fn supervised_iphone(d: &Device) -> bool {
    online(d)
        && d.os == Os::Ios
        && d.supervised
        && d.ownership == Ownership::Company
        && d.management_method == ManagementMethod::AppleMdm
        && d.os_version.major >= 17
}

fn company_android(d: &Device) -> bool {
    online(d)
        && d.management_method == ManagementMethod::AndroidFullyManaged
        && d.os_version.major >= 13
}

#[tokio::test]
async fn lock_lost_mode_location_sound_and_its_end_each_register_their_own_jobs() {
    let mut app = TestApp::signed_in().await;
    let fleet = all_devices(&mut app).await;
    let iphone = fleet
        .iter()
        .find(|d| supervised_iphone(d))
        .expect("a supervised iPhone")
        .id;
    let android = fleet
        .iter()
        .find(|d| company_android(d))
        .expect("a company Android")
        .id;
    let both = [iphone, android];

    // The dialog's counts: both can be locked; neither can be located before lost mode.
    let counts: MeasureCounts = serde_json::from_value(
        app.post(
            "/api/measures/counts",
            json!({ "selection": { "kind": "devices", "device_ids": [iphone.0, android.0] } }),
        )
        .await
        .json(),
    )
    .unwrap();
    let count = |m: Measure| {
        counts
            .measures
            .iter()
            .find(|c| c.measure == m)
            .unwrap()
            .clone()
    };
    assert_eq!(counts.device_count, 2);
    assert_eq!(count(Measure::Lock).applicable, 2);
    assert_eq!(count(Measure::Locate).applicable, 0);
    assert_eq!(
        count(Measure::Locate).main_reason,
        Some(NotApplicable::NotInLostMode)
    );
    assert_eq!(
        count(Measure::RemoveCompanyData).main_reason,
        Some(NotApplicable::CompanyOwned)
    );

    // 遠隔ロック: one job per device, of its kind, and each platform's command.
    let lock = registered(&mut app, &both, json!({ "measure": "lock", "message": "拾った方はご連絡ください", "phone_number": "03-1234-5678" }), "lock-1").await;
    assert_eq!((lock.device_count, lock.job_count), (2, 2));
    let entries = jobs_of(&mut app, &lock).await;
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.job.kind == JobKind::Lock));
    let_devices_answer(&app).await;
    for entry in jobs_of(&mut app, &lock).await {
        assert_eq!(entry.job.status, JobStatus::Succeeded, "{:?}", entry.job);
        let detail = detail(&mut app, &entry).await;
        let Some(WipeCommand::Measure(command)) = &detail.command else {
            panic!("a measure command: {:?}", detail.command);
        };
        let wire = detail.command_text.clone().unwrap();
        match entry.job.device.os {
            Os::Ios => assert!(
                wire.contains("DeviceLock") && wire.contains("拾った方はご連絡ください"),
                "{wire}"
            ),
            _ => assert!(wire.contains("LOCK"), "{wire} {command:?}"),
        }
    }
    assert!(device(&mut app, iphone).await.locked);

    // 紛失モードを開始 on both; the device list shows and filters them.
    let on = registered(&mut app, &both, json!({ "measure": "lost_mode_on", "message": "この端末は紛失中です", "phone_number": "03-1234-5678", "footnote": "総務部" }), "lost-1").await;
    assert_eq!(on.job_count, 2);
    let_devices_answer(&app).await;
    for entry in jobs_of(&mut app, &on).await {
        assert_eq!(entry.job.status, JobStatus::Succeeded, "{:?}", entry.job);
        let wire = detail(&mut app, &entry).await.command_text.unwrap();
        assert!(
            wire.contains("EnableLostMode") || wire.contains("START_LOST_MODE"),
            "{wire}"
        );
    }
    let lost: Page<Device> = serde_json::from_value(
        app.get("/api/devices?mark=lost_mode&per_page=500")
            .await
            .json(),
    )
    .unwrap();
    assert!(
        lost.items.iter().any(|d| d.id == iphone) && lost.items.iter().any(|d| d.id == android)
    );
    assert!(lost.items.iter().all(|d| d.lost_mode));

    // 位置情報を取得: the Android phone reports by itself, so asking both is refused by name...
    let (status, body) =
        send_measure(&mut app, &both, json!({ "measure": "locate" }), "locate-1").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["code"], "measure_not_applicable");
    let android_name = device(&mut app, android).await.name;
    assert!(
        body["message"].as_str().unwrap().contains(&android_name),
        "{body}"
    );
    // The preview says why the Android phone is left out.
    let preview: MeasurePreview = serde_json::from_value(
        app.post(
            "/api/measures/preview",
            json!({ "selection": { "kind": "devices", "device_ids": [iphone.0, android.0] },
            "measure": "locate", "applicable": false }),
        )
        .await
        .json(),
    )
    .unwrap();
    assert_eq!((preview.applicable, preview.left_out), (1, 1));
    assert_eq!(
        preview.devices.items[0].not_applicable,
        Some(NotApplicable::AndroidReportsLocation)
    );
    // ...and asking with the others left out registers the iPhone's job alone.
    let located = measure_body(&both, json!({ "measure": "locate" }), true);
    let (status, body) = measure_request(&mut app, located, "locate-2").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let locate: MeasureRegistered = serde_json::from_value(body).unwrap();
    assert_eq!((locate.job_count, locate.skipped_device_count), (1, 1));
    let_devices_answer(&app).await;
    let entry = jobs_of(&mut app, &locate).await.remove(0);
    assert_eq!(entry.job.status, JobStatus::Succeeded);
    let fix = detail(&mut app, &entry)
        .await
        .location
        .expect("the job shows its location");
    assert_eq!(fix.job_id, Some(entry.job.id));
    assert!(
        (20.0..46.0).contains(&fix.latitude) && (122.0..154.0).contains(&fix.longitude),
        "{fix:?}"
    );
    let history: Page<DeviceLocationFix> = serde_json::from_value(
        app.get(&format!("/api/devices/{iphone}/locations"))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(history.items.first(), Some(&fix));

    // サウンドを再生, then 紛失モードを解除 of both.
    let sound = registered(
        &mut app,
        &[iphone],
        json!({ "measure": "play_sound" }),
        "sound-1",
    )
    .await;
    let_devices_answer(&app).await;
    let entry = jobs_of(&mut app, &sound).await.remove(0);
    assert_eq!(entry.job.status, JobStatus::Succeeded);
    assert!(detail(&mut app, &entry)
        .await
        .command_text
        .unwrap()
        .contains("PlayLostModeSound"));
    let off = registered(
        &mut app,
        &both,
        json!({ "measure": "lost_mode_off" }),
        "off-1",
    )
    .await;
    let_devices_answer(&app).await;
    for entry in jobs_of(&mut app, &off).await {
        assert_eq!(entry.job.status, JobStatus::Succeeded, "{:?}", entry.job);
    }
    assert!(
        !device(&mut app, iphone).await.lost_mode && !device(&mut app, android).await.lost_mode
    );

    // The job list lists each kind apart; the audit log has one entry per registration.
    let kinds: Page<JobListEntry> = serde_json::from_value(
        app.get("/api/jobs?kind=lost_mode_on&per_page=100")
            .await
            .json(),
    )
    .unwrap();
    assert!(
        kinds
            .items
            .iter()
            .all(|e| e.job.kind == JobKind::LostModeOn)
            && kinds.total >= 2
    );
    let audit = app
        .get("/api/audit?action=measure_registered&per_page=100")
        .await
        .json();
    assert_eq!(audit["total"], 5, "{audit}");
}

fn measure_body(ids: &[DeviceId], options: Value, skip: bool) -> Value {
    json!({
        "selection": { "kind": "devices", "device_ids": ids.iter().map(|d| d.0).collect::<Vec<_>>() },
        "options": options,
        "password": "Demo#2026",
        "agreed": true,
        "skip_not_applicable": skip,
    })
}

#[tokio::test]
async fn company_data_leaves_a_personal_phone_and_a_lost_phone_can_still_be_wiped() {
    let mut app = TestApp::signed_in().await;
    let fleet = all_devices(&mut app).await;
    let personal = fleet
        .iter()
        .find(|d| online(d) && d.management_method == ManagementMethod::AndroidWorkProfile)
        .expect("a work-profile Android")
        .id;
    let company = fleet.iter().find(|d| supervised_iphone(d)).unwrap().clone();

    // A personal phone cannot be wiped; the refusal names the measure that applies.
    let wipe = json!({ "selection": { "kind": "devices", "device_ids": [personal.0] },
        "options": common::plain_options(), "password": "Demo#2026", "agreed": true });
    let response = app.register_wipe(wipe, "wipe-personal").await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.text().contains("企業データの削除"),
        "{}",
        response.text()
    );

    let remove = registered(
        &mut app,
        &[personal],
        json!({ "measure": "remove_company_data", "reason_message": "退職に伴う管理解除" }),
        "remove-1",
    )
    .await;
    let_devices_answer(&app).await;
    let entry = jobs_of(&mut app, &remove).await.remove(0);
    assert_eq!(entry.job.kind, JobKind::RemoveCompanyData);
    let wire = detail(&mut app, &entry).await.command_text.unwrap();
    assert!(
        wire.contains("DELETE") && wire.contains("wipeReasonMessage"),
        "{wire}"
    );

    // A company phone in lost mode is wiped like any other, and lost mode ends with it.
    common::jobs::set_device(&app, company.id, |d| d.lost_mode = true).await;
    let wiped = common::jobs::register(&mut app, &[company.id], common::plain_options()).await;
    let_devices_answer(&app).await;
    let entry = common::jobs::entry(&mut app, wiped).await;
    assert_eq!(entry.job.status, JobStatus::Succeeded, "{:?}", entry.job);
    assert!(!device(&mut app, company.id).await.lost_mode);
}

#[tokio::test]
async fn bad_requests_name_their_field_or_device_and_register_nothing() {
    let mut app = TestApp::signed_in().await;
    let fleet = all_devices(&mut app).await;
    let iphone = fleet.iter().find(|d| supervised_iphone(d)).unwrap().id;
    let company = fleet.iter().find(|d| company_android(d)).unwrap().clone();
    let before = registered_jobs(&mut app).await;

    let refused = |status: StatusCode, body: &Value, code: &str, field: &str| {
        assert_eq!(body["code"], code, "{body}");
        assert_eq!(body["field"], field, "{body}");
        assert!(status.is_client_error(), "{status}");
    };
    // Lost mode with neither message nor phone number.
    let (status, body) = send_measure(
        &mut app,
        &[iphone],
        json!({ "measure": "lost_mode_on", "footnote": "x" }),
        "bad-1",
    )
    .await;
    refused(status, &body, "validation_failed", "message");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("メッセージと電話番号"),
        "{body}"
    );
    // A message beyond the vendor's limit.
    let long = "あ".repeat(201);
    let (status, body) = send_measure(
        &mut app,
        &[iphone],
        json!({ "measure": "lost_mode_on", "message": long }),
        "bad-2",
    )
    .await;
    refused(status, &body, "validation_failed", "message");
    // A location request for a device not in lost mode.
    let (status, body) =
        send_measure(&mut app, &[iphone], json!({ "measure": "locate" }), "bad-3").await;
    refused(status, &body, "measure_not_applicable", "selection");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("紛失モードではありません"),
        "{body}"
    );
    // A selective wipe of a company-owned device, in English.
    app.lang = Some("en".into());
    let (status, body) = send_measure(
        &mut app,
        &[company.id],
        json!({ "measure": "remove_company_data" }),
        "bad-4",
    )
    .await;
    refused(status, &body, "measure_not_applicable", "selection");
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains(&company.name) && message.contains("company-owned"),
        "{message}"
    );
    app.lang = None;
    // Without 同意する.
    let mut unagreed = measure_body(&[iphone], json!({ "measure": "play_sound" }), false);
    unagreed["agreed"] = json!(false);
    let (status, body) = measure_request(&mut app, unagreed, "bad-5").await;
    refused(status, &body, "validation_failed", "agreed");
    // A wrong password: refused, audited, and it counts toward the lockout like sign-in.
    let mut wrong = measure_body(&[iphone], json!({ "measure": "lock" }), false);
    wrong["password"] = json!("not-my-password");
    let (status, body) = measure_request(&mut app, wrong, "bad-6").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "wrong_password");
    let audit = app.get("/api/audit?action=measure_refused").await.json();
    assert_eq!(audit["total"], 1, "{audit}");
    // The wipe is not a measure of these endpoints.
    let (status, _) =
        send_measure(&mut app, &[iphone], json!({ "measure": "wipe" }), "bad-7").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        registered_jobs(&mut app).await,
        before,
        "nothing was registered"
    );

    // The same request again answers the first registration; the key with another is refused.
    let lock = json!({ "measure": "lock", "message": "連絡ください" });
    let first = registered(&mut app, &[iphone], lock.clone(), "again-1").await;
    let second = registered(&mut app, &[iphone], lock, "again-1").await;
    assert_eq!(first, second);
    let (status, body) = send_measure(
        &mut app,
        &[iphone],
        json!({ "measure": "lock", "message": "別の文" }),
        "again-1",
    )
    .await;
    assert!(status.is_client_error(), "{status}");
    assert_eq!(body["code"], ErrorCode::IdempotencyKeyReused.as_str());
    // A second lock while the first is open is refused by name (it would be sent twice).
    let (status, body) =
        send_measure(&mut app, &[iphone], json!({ "measure": "lock" }), "again-2").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "open_measure_exists");
    assert_eq!(registered_jobs(&mut app).await, before + 1);
}

/// A client of a portal whose scripted devices all answer `reply`.
async fn answering(reply: AppleReply) -> TestApp {
    let state = common::seeded_state(common::test_settings());
    let mut app = TestApp::with_engine(state, EngineHandle::new(SimulatorConfig::scripted(reply)));
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    app
}

#[tokio::test]
async fn the_simulated_devices_answer_as_apple_says_they_do() {
    // A busy device answers NotNow: the job waits and is sent again, never succeeding by itself.
    let mut app = answering(AppleReply::NotNow).await;
    let iphone = all_devices(&mut app)
        .await
        .into_iter()
        .find(supervised_iphone)
        .unwrap()
        .id;
    let lock = registered(&mut app, &[iphone], json!({ "measure": "lock" }), "busy-1").await;
    let_devices_answer(&app).await;
    let job = jobs_of(&mut app, &lock).await.remove(0).job;
    assert_eq!(job.status, JobStatus::WaitingForDevice, "{job:?}");
    assert!(!device(&mut app, iphone).await.locked);

    // An error is the job's failure, and the device's record does not change.
    let mut app = answering(AppleReply::Error).await;
    let on = registered(
        &mut app,
        &[iphone],
        json!({ "measure": "lost_mode_on", "message": "紛失中" }),
        "error-1",
    )
    .await;
    let_devices_answer(&app).await;
    assert_eq!(
        jobs_of(&mut app, &on).await.remove(0).job.status,
        JobStatus::Failed
    );
    assert!(!device(&mut app, iphone).await.lost_mode);

    // A device found and out of lost mode before the request reaches it answers with an error:
    // no location is made up for it.
    let mut app = answering(AppleReply::Acknowledged).await;
    common::jobs::set_device(&app, iphone, |d| d.lost_mode = true).await;
    let locate = registered(
        &mut app,
        &[iphone],
        json!({ "measure": "locate" }),
        "found-1",
    )
    .await;
    common::jobs::set_device(&app, iphone, |d| d.lost_mode = false).await;
    let_devices_answer(&app).await;
    let job = jobs_of(&mut app, &locate).await.remove(0).job;
    assert_eq!(
        (job.status, job.status_reason),
        (JobStatus::Failed, StatusReason::NotInLostMode)
    );
    let history: Page<DeviceLocationFix> = serde_json::from_value(
        app.get(&format!("/api/devices/{iphone}/locations"))
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(history.total, 0);
}
