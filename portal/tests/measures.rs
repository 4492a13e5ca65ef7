//! 紛失時対策 beside the wipe, through the API: lock two devices, put a supervised iPhone and an
//! Android phone in lost mode, ask where they are, make one ring, end lost mode, remove a
//! personal phone's company data, wipe a device in lost mode; and the simulated devices answer
//! as Apple documents. Bad requests: `measure_requests.rs`.

mod common;

use axum::http::StatusCode;
use common::{
    all_devices,
    jobs::online,
    measures::{
        company_android, detail, device, jobs_of, let_devices_answer, measure_body,
        measure_request, registered, send_measure, supervised_iphone,
    },
    TestApp,
};
use mdm_model::{
    command::WipeCommand,
    device::{Device, ManagementMethod, Os},
    job::{AppleReply, JobKind, JobListEntry, JobStatus, StatusReason},
    measure::{
        DeviceLocationFix, Measure, MeasureCounts, MeasurePreview, MeasureRegistered, NotApplicable,
    },
    paging::Page,
};
use mdm_portal::engine::EngineHandle;
use mdm_portal::simulator::SimulatorConfig;
use serde_json::json;

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
