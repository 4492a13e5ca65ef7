//! Return to Service on the engine's clock: the EraseDevice command carries the Wi-Fi profile
//! (its password only inside `WiFiProfileData`), the device is awaited back and observed when
//! it checks in, and an Activation-Locked device is reported not back after the window, with
//! the likely reason.

mod common;

use chrono::Duration;
use common::{
    all_devices,
    jobs::{detail, entry, reenrolling_iphone, reenrollment_wifi, register, set_device},
    TestApp,
};
use mdm_model::command::WipeCommand;
use mdm_model::{
    audit::{AuditEntry, AuditEvent},
    job::{JobStatus, ReenrollmentBlocker, ReenrollmentStatus, REENROLLMENT_WINDOW},
};
use mdm_portal::simulator::SCRIPTED_RETURN_DELAY;
use serde_json::json;

#[tokio::test]
async fn re_enrollment_is_observed_when_the_device_checks_in_and_the_command_carries_the_wifi() {
    let mut app = TestApp::signed_in().await;
    let device = reenrolling_iphone(&mut app).await;
    let wifi = reenrollment_wifi(&mut app).await;
    let options = json!({ "delete_general_info": true, "schedule_at": null, "wifi_setting_id": wifi.id, "keep_esim_data_plan": true });
    let wipe = register(&mut app, &[device.id], options).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    let plan = job
        .options
        .return_to_service
        .clone()
        .expect("eligible device re-enrolls");

    let detail = detail(&mut app, job.id).await;
    let Some(WipeCommand::Apple(command)) = detail.command else {
        panic!("an iPhone's Apple MDM job sends EraseDevice")
    };
    assert_eq!(command.preserve_data_plan, Some(true));
    let rts = command.return_to_service.expect("ReturnToService");
    assert!(rts.enabled);
    let profile = rts.wifi_profile.expect("WiFiProfileData");
    assert_eq!(profile.ssid, wifi.ssid);
    let plist = detail.command_text.unwrap();
    assert!(
        plist.contains("<key>ReturnToService</key>")
            && plist.contains("<key>PreserveDataPlan</key>")
    );
    // The Wi-Fi password sits base64-encoded inside WiFiProfileData's <data>: decode it and
    // look for the stored password itself, not just in the plist's text.
    let wifi_id = wifi.id.0;
    let password: String = app
        .state
        .store
        .blocking(move |conn| {
            Ok(conn.query_row(
                "SELECT password FROM wifi_settings WHERE id = ?1",
                [wifi_id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert!(
        password.len() >= 8,
        "the seeded Wi-Fi setting has a password"
    );
    let profile_data = wifi_profile_data(&plist);
    assert!(
        profile_data.contains("<key>Password</key>"),
        "{profile_data}"
    );
    assert!(
        profile_data.contains(mdm_model::apple::SECRET_MASK),
        "{profile_data}"
    );
    for (shown, what) in [
        (profile_data.as_str(), "WiFiProfileData"),
        (plist.as_str(), "the plist"),
        (
            &serde_json::to_string(&profile).unwrap(),
            "the JSON command",
        ),
    ] {
        assert!(
            !shown.contains(&password),
            "the Wi-Fi password shows in {what}"
        );
    }

    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(2)).await;
    // The erase is acknowledged: the job succeeded, but the device is not back yet. It is out
    // of management and stays in its old group until it is seen checking in.
    let wiped = entry(&mut app, wipe.clone()).await.job;
    assert_eq!(wiped.status, JobStatus::Succeeded);
    let awaiting = wiped
        .reenrollment
        .expect("a Return-to-Service job is awaited back");
    assert_eq!(awaiting.status, ReenrollmentStatus::Awaiting);
    assert_eq!(awaiting.deadline, awaiting.since + REENROLLMENT_WINDOW);
    let after_erase = device_now(&mut app, device.id).await;
    assert_eq!(after_erase.group_id, device.group_id);
    assert!(!after_erase.state.mdm_profile_installed);

    // The scripted device checks in ten minutes after its erase.
    app.advance(SCRIPTED_RETURN_DELAY).await;
    let back = entry(&mut app, wipe).await.job;
    let outcome = back.reenrollment.unwrap();
    assert_eq!(outcome.status, ReenrollmentStatus::Reenrolled);
    assert_eq!(outcome.since, awaiting.since + SCRIPTED_RETURN_DELAY);
    let after = device_now(&mut app, device.id).await;
    assert_eq!(after.group_id, plan.enrollment_group_id);
    assert!(after.state.mdm_profile_installed, "re-enrolled");
    let audit: Vec<AuditEntry> =
        serde_json::from_slice(&app.get(&format!("/api/jobs/{}/audit", job.id)).await.body)
            .unwrap();
    assert!(
        audit.iter().any(|e| e.event
            == AuditEvent::DeviceReenrolled {
                job_id: job.id,
                device_id: device.id,
                group_id: plan.enrollment_group_id,
            }
            && e.at == outcome.since),
        "{audit:?}"
    );
}

#[tokio::test]
async fn an_activation_locked_device_is_not_confirmed_back_after_the_window_with_the_reason() {
    let mut app = TestApp::signed_in().await;
    let device = reenrolling_iphone(&mut app).await;
    set_device(&app, device.id, |d| d.activation_lock_enabled = Some(true)).await;
    let wifi = reenrollment_wifi(&mut app).await;
    let options = json!({ "delete_general_info": false, "schedule_at": null, "wifi_setting_id": wifi.id, "keep_esim_data_plan": false });
    let wipe = register(&mut app, &[device.id], options).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    assert!(
        job.options
            .return_to_service
            .as_ref()
            .unwrap()
            .activation_lock_enabled
    );
    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(2)).await;
    let erased = entry(&mut app, wipe.clone())
        .await
        .job
        .reenrollment
        .unwrap();
    assert_eq!(erased.status, ReenrollmentStatus::Awaiting);

    // A minute before the window closes it is still awaited; at the close it is not confirmed,
    // stamped with the window's end whenever the engine looked.
    app.advance(REENROLLMENT_WINDOW - Duration::minutes(3))
        .await;
    let still = entry(&mut app, wipe.clone())
        .await
        .job
        .reenrollment
        .unwrap();
    assert_eq!(still.status, ReenrollmentStatus::Awaiting);
    app.advance(Duration::hours(2)).await;
    let outcome = entry(&mut app, wipe).await.job.reenrollment.unwrap();
    assert_eq!(outcome.status, ReenrollmentStatus::NotConfirmed);
    assert_eq!(outcome.since, erased.deadline);
    assert_eq!(
        outcome.likely_reason,
        Some(ReenrollmentBlocker::ActivationLock)
    );
    let after = device_now(&mut app, device.id).await;
    assert_eq!(
        after.group_id, device.group_id,
        "never moved: it never came back"
    );
    assert!(!after.state.mdm_profile_installed);
    let audit: Vec<AuditEntry> =
        serde_json::from_slice(&app.get(&format!("/api/jobs/{}/audit", job.id)).await.body)
            .unwrap();
    assert!(
        audit.iter().any(|e| e.event
            == AuditEvent::ReenrollmentNotConfirmed {
                job_id: job.id,
                likely_reason: ReenrollmentBlocker::ActivationLock,
            }),
        "{audit:?}"
    );
}

async fn device_now(app: &mut TestApp, id: mdm_model::ids::DeviceId) -> mdm_model::device::Device {
    all_devices(app)
        .await
        .into_iter()
        .find(|d| d.id == id)
        .expect("the device is still in the fleet")
}

/// The decoded `<data>` of the `WiFiProfileData` key of an EraseDevice plist.
fn wifi_profile_data(plist: &str) -> String {
    use base64::Engine;
    let key = plist
        .find("<key>WiFiProfileData</key>")
        .expect("WiFiProfileData in the plist");
    let start = key + plist[key..].find("<data>").unwrap() + "<data>".len();
    let end = start + plist[start..].find("</data>").unwrap();
    let encoded: String = plist[start..end].split_whitespace().collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}
