//! Every platform wiped by its own method: one wipe of an iPhone, an Android phone, a Windows
//! PC and a Mac registers one job per device (two for a Hybrid iPhone), each sends its own
//! platform's command, and a platform choice that does not fit is refused naming its field and
//! the devices, with nothing registered.

mod common;

use chrono::Duration;
use common::{
    all_devices,
    jobs::{detail, online, pick, register, wipeable},
    plain_options, wipe_body, TestApp,
};
use mdm_model::{
    command::WipeCommand,
    device::{Device, MacSecurityChip, ManagementMethod, Os},
    job::{JobListEntry, JobMethod, JobStatus, StatusReason},
    paging::Page,
    ErrorCode,
};
use serde_json::{json, Value};

fn mixed(devices: &[Device]) -> [&Device; 5] {
    let find = |f: &dyn Fn(&Device) -> bool| {
        devices
            .iter()
            .find(|d| wipeable(d) && online(d) && f(d))
            .expect("the test fleet has such a device")
    };
    [
        find(&|d| d.os == Os::Ios && d.management_method == ManagementMethod::AppleMdm),
        find(&|d| d.management_method == ManagementMethod::Hybrid),
        find(&|d| d.os == Os::Android),
        find(&|d| d.os == Os::Windows),
        find(&|d| d.mac_security_chip == Some(MacSecurityChip::NoneOfThem)),
    ]
}

fn options(platform: Value) -> Value {
    let mut options = plain_options();
    options["platform"] = platform;
    options
}

async fn jobs_of(app: &mut TestApp, wipe: i64) -> Vec<JobListEntry> {
    let page: Page<JobListEntry> =
        serde_json::from_value(app.get(&format!("/api/jobs?wipe={wipe}")).await.json()).unwrap();
    page.items
}

#[tokio::test]
async fn one_wipe_of_every_platform_sends_each_its_own_command() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    assert!(
        !devices
            .iter()
            .any(|d| matches!(d.os, Os::Android | Os::Windows | Os::MacOs)
                && matches!(
                    d.management_method,
                    ManagementMethod::IviMdm | ManagementMethod::Hybrid
                )),
        "no Android, Windows or Mac device is IVI MDM or Hybrid"
    );
    let [iphone, hybrid, android, windows, mac] = mixed(&devices);
    let ids = [iphone.id, hybrid.id, android.id, windows.id, mac.id];
    let chosen = options(json!({
        "android": { "wipe_data_flags": ["PRESERVE_RESET_PROTECTION_DATA"], "wipe_reason_message": "紛失のため" },
        "windows": "doWipe",
        "mac": { "obliteration_behavior": "Default", "pin": "135790" },
    }));
    let wipe = register(&mut app, &ids, chosen).await;
    assert_eq!((wipe.device_count, wipe.job_count), (5, 6));

    // The scripted devices answer 30 s after the send; nothing waits for an IVI delay but the
    // Hybrid pair's IVI job.
    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(1)).await;
    let entries = jobs_of(&mut app, wipe.wipe_id.0).await;
    let job_of = |os: Os| {
        entries
            .iter()
            .flat_map(|e| e.jobs())
            .find(|j| j.device.os == os && j.method != JobMethod::IviMdm)
            .unwrap()
            .clone()
    };
    let android_job = job_of(Os::Android);
    assert_eq!(android_job.method, JobMethod::AndroidEnterprise);
    assert_eq!(android_job.status, JobStatus::Succeeded);
    assert_eq!(
        android_job.status_reason,
        StatusReason::RemovedFromEnterprise
    );
    let windows_job = job_of(Os::Windows);
    assert_eq!(windows_job.method, JobMethod::WindowsMdm);
    assert_eq!(windows_job.status_reason, StatusReason::SyncMlAccepted);

    let shown = detail(&mut app, android_job.id).await;
    let Some(WipeCommand::Android(request)) = shown.command else {
        panic!("an Android job sends the device deletion")
    };
    let resource = android.android_resource_name.clone().unwrap();
    assert_eq!(request.path, format!("v1/{resource}"));
    let text = shown.command_text.unwrap();
    assert!(text.starts_with("DELETE https://androidmanagement.googleapis.com/v1/enterprises/"));
    assert!(text.contains("wipeDataFlags=PRESERVE_RESET_PROTECTION_DATA"));
    assert!(
        text.contains("wipeDataFlags=WIPE_ESIMS"),
        "\"keep the eSIM data plan\" is off, so Android removes the eSIMs: {text}"
    );
    assert!(text.contains("wipeReasonMessage=%E7%B4%9B"), "{text}");

    let shown = detail(&mut app, windows_job.id).await;
    assert!(matches!(shown.command, Some(WipeCommand::Windows(_))));
    assert!(shown
        .command_text
        .unwrap()
        .contains("<LocURI>./Device/Vendor/MSFT/RemoteWipe/doWipe</LocURI>"));

    let mac_job = job_of(Os::MacOs);
    let shown = detail(&mut app, mac_job.id).await;
    let text = shown.command_text.unwrap();
    assert!(text.contains("<key>PIN</key>"), "{text}");
    assert!(
        !text.contains("135790"),
        "the PIN is masked in the record: {text}"
    );

    let iphone_job = job_of(Os::Ios);
    assert!(matches!(
        detail(&mut app, iphone_job.id).await.command,
        Some(WipeCommand::Apple(_))
    ));

    // The Android device left the enterprise; it is no longer managed.
    let after = all_devices(&mut app).await;
    let android_now = after.iter().find(|d| d.id == android.id).unwrap();
    assert_eq!(android_now.android_resource_name, None);
    assert!(!android_now.state.mdm_profile_installed);
}

async fn refused(app: &mut TestApp, ids: &[i64], platform: Value, key: &str) -> (String, String) {
    let response = app
        .register_wipe(wipe_body(ids, options(platform)), key)
        .await;
    assert_eq!(response.status.as_u16(), 422, "{}", response.text());
    let error = response.error();
    assert_eq!(error.code, ErrorCode::ValidationFailed);
    (error.field.unwrap_or_default(), error.message)
}

#[tokio::test]
async fn choices_that_do_not_fit_are_refused_naming_field_and_device_and_nothing_is_registered() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let [iphone, _, android, _, intel_mac] = mixed(&devices);
    let silicon = pick(&mut app, |d| {
        wipeable(d) && d.mac_security_chip == Some(MacSecurityChip::AppleSilicon)
    })
    .await;

    let (field, message) = refused(
        &mut app,
        &[android.id.0],
        json!({ "windows": "doWipeProtected" }),
        "k1",
    )
    .await;
    assert_eq!(field, "windows_wipe_kind");
    assert!(message.contains(&android.name), "{message}");

    let (field, message) = refused(
        &mut app,
        &[iphone.id.0],
        json!({ "android": { "wipe_data_flags": [] } }),
        "k2",
    )
    .await;
    assert_eq!(field, "wipe_data_flags");
    assert!(
        message.starts_with("Androidの初期化オプションはAndroid端末にのみ"),
        "{message}"
    );
    assert!(message.contains(&iphone.name));

    let (field, message) = refused(&mut app, &[intel_mac.id.0], json!({}), "k3").await;
    assert_eq!(field, "pin");
    assert!(message.contains(&intel_mac.name), "{message}");
    let (field, _) = refused(
        &mut app,
        &[intel_mac.id.0],
        json!({ "mac": { "obliteration_behavior": "Default", "pin": "12345" } }),
        "k4",
    )
    .await;
    assert_eq!(field, "pin");
    let (field, message) = refused(
        &mut app,
        &[silicon.id.0],
        json!({ "mac": { "obliteration_behavior": "Default", "pin": "123456" } }),
        "k5",
    )
    .await;
    assert_eq!(field, "pin");
    assert!(message.contains(&silicon.name), "{message}");

    // A reason over 200 characters never becomes a request at all.
    let long = "あ".repeat(201);
    let response = app
        .register_wipe(
            wipe_body(
                &[android.id.0],
                options(
                    json!({ "android": { "wipe_data_flags": [], "wipe_reason_message": long } }),
                ),
            ),
            "k6",
        )
        .await;
    assert!(response.status.is_client_error(), "{}", response.text());

    let page: Page<JobListEntry> =
        serde_json::from_value(app.get("/api/jobs").await.json()).unwrap();
    assert_eq!(page.total, 0, "nothing was registered");
}

#[tokio::test]
async fn an_android_device_offline_gets_its_wipe_when_it_comes_back() {
    let mut app = TestApp::signed_in().await;
    let android = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.os == Os::Android
    })
    .await;
    common::jobs::set_device(&app, android.id, |d| d.state.network_connected = false).await;
    let wipe = register(&mut app, &[android.id], plain_options()).await;
    app.advance(Duration::hours(2)).await;
    let job = jobs_of(&mut app, wipe.wipe_id.0).await.remove(0).job;
    assert_eq!(job.status, JobStatus::WaitingForDevice);
    common::jobs::set_device(&app, android.id, |d| d.state.network_connected = true).await;
    // The engine looks again within the hour (sooner when the simulator itself changes the
    // device), sends, and the answer comes 30 s later.
    app.advance(Duration::hours(1)).await;
    app.advance(Duration::minutes(1)).await;
    let job = jobs_of(&mut app, wipe.wipe_id.0).await.remove(0).job;
    assert_eq!(job.status, JobStatus::Succeeded);
    assert_eq!(job.status_reason, StatusReason::RemovedFromEnterprise);
}

#[tokio::test]
async fn a_mac_that_has_not_reported_its_chip_is_refused_naming_it() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let [_, _, _, windows, intel_mac] = mixed(&devices);
    // A Mac enrolled moments ago: its chip is not in the inventory yet (the store's update
    // never writes hardware facts, so the row is changed directly).
    let mac_id = intel_mac.id.0;
    app.state
        .store
        .call(move |conn| {
            conn.execute(
                "UPDATE devices SET mac_security_chip = NULL WHERE id = ?1",
                [mac_id],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    let (field, message) = refused(
        &mut app,
        &[windows.id.0, intel_mac.id.0],
        json!({ "mac": { "obliteration_behavior": "Default", "pin": "135790" } }),
        "chip-1",
    )
    .await;
    assert_eq!(field, "mac_erase");
    assert!(
        message.starts_with("このMacのセキュリティチップが不明なため"),
        "{message}"
    );
    assert!(message.contains(&intel_mac.name), "{message}");
    assert!(!message.contains(&windows.name), "{message}");
    let page: Page<JobListEntry> =
        serde_json::from_value(app.get("/api/jobs").await.json()).unwrap();
    assert_eq!(page.total, 0, "nothing was registered");
}

/// A job written before its device's command could be checked (by an older portal, or a
/// record restored from one) fails alone; the jobs handled beside it go on.
#[tokio::test]
async fn a_job_whose_record_cannot_make_its_command_fails_alone() {
    let mut app = TestApp::signed_in().await;
    let devices = all_devices(&mut app).await;
    let [iphone, _, _, windows, intel_mac] = mixed(&devices);
    let chosen = options(json!({
        "windows": "doWipe",
        "mac": { "obliteration_behavior": "Default", "pin": "135790" },
    }));
    let wipe = register(&mut app, &[iphone.id, windows.id, intel_mac.id], chosen).await;
    let mac_id = intel_mac.id.0;
    app.state
        .store
        .call(move |conn| {
            let snapshot: String = conn.query_row(
                "SELECT device_snapshot FROM jobs WHERE device_id = ?1",
                [mac_id],
                |r| r.get(0),
            )?;
            let mut snapshot: Value = serde_json::from_str(&snapshot).unwrap();
            snapshot["mac_security_chip"] = Value::Null;
            conn.execute(
                "UPDATE jobs SET device_snapshot = ?2 WHERE device_id = ?1",
                mdm_portal::store::sql::params![mac_id, snapshot.to_string()],
            )?;
            Ok(())
        })
        .await
        .unwrap();

    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(1)).await;
    let entries = jobs_of(&mut app, wipe.wipe_id.0).await;
    let status_of = |id: mdm_model::ids::DeviceId| {
        let job = &entries.iter().find(|e| e.job.device.id == id).unwrap().job;
        (job.status, job.status_reason)
    };
    assert_eq!(
        status_of(intel_mac.id),
        (JobStatus::Failed, StatusReason::CommandNotBuilt)
    );
    assert_eq!(status_of(iphone.id).0, JobStatus::Succeeded);
    assert_eq!(status_of(windows.id).0, JobStatus::Succeeded);

    // Its detail still opens: no command is shown, and nothing was ever sent.
    let mac_job = entries
        .iter()
        .find(|e| e.job.device.id == intel_mac.id)
        .unwrap()
        .job
        .id;
    let shown = detail(&mut app, mac_job).await;
    assert!(shown.command.is_none());
    assert!(shown.attempts.is_empty());
}
