//! The job engine on a controllable clock: scheduling, execution conditions, Apple replies,
//! Hybrid pairing, time-outs, cancelling, and the job detail.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{
    all_devices,
    jobs::{
        detail, entry, online, pick, reenrolling_iphone, reenrollment_wifi, register, set_device,
        wipeable,
    },
    plain_options, quiet_simulator, start_time, utc_schedule, TestApp,
};
use mdm_model::command::WipeCommand;
use mdm_model::{
    audit::{AuditEntry, AuditEvent},
    device::ManagementMethod,
    job::{
        AppleReply, JobMethod, JobStatus, ReenrollmentBlocker, ReenrollmentStatus, StatusReason,
        REENROLLMENT_WINDOW,
    },
};
use mdm_portal::{
    engine::EngineHandle,
    simulator::{ReplyPolicy, SCRIPTED_RETURN_DELAY},
};
use serde_json::json;

#[tokio::test]
async fn an_apple_wipe_runs_succeeds_and_clears_the_general_info() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d)
            && online(d)
            && d.management_method == ManagementMethod::AppleMdm
            && d.user_full_name.is_some()
    })
    .await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    assert_eq!(
        entry(&mut app, wipe.clone()).await.job.status,
        JobStatus::WaitingForDevice
    );

    app.advance(Duration::seconds(1)).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    assert_eq!(job.status, JobStatus::Sent);

    app.advance(Duration::minutes(2)).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    assert_eq!(
        (job.status, job.status_reason),
        (JobStatus::Succeeded, StatusReason::Acknowledged)
    );
    let history: Vec<JobStatus> = detail(&mut app, job.id)
        .await
        .history
        .iter()
        .map(|c| c.status)
        .collect();
    assert_eq!(
        history,
        [
            JobStatus::WaitingForDevice,
            JobStatus::Sent,
            JobStatus::Succeeded
        ]
    );

    let after = all_devices(&mut app)
        .await
        .into_iter()
        .find(|d| d.id == device.id)
        .unwrap();
    assert_eq!(
        (
            after.user_full_name,
            after.employee_number,
            after.phone_number
        ),
        (None, None, None)
    );
    assert!(after.tags.is_empty());
    assert_eq!(
        after.serial_number, device.serial_number,
        "identifying fields are kept"
    );
}

#[tokio::test]
async fn a_scheduled_job_waits_for_its_time_even_across_a_restart() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    let options = json!({ "delete_general_info": false, "schedule_at": utc_schedule(start_time() + Duration::hours(3)), "wifi_setting_id": null, "keep_esim_data_plan": false });
    let wipe = register(&mut app, &[device.id], options).await;

    app.advance(Duration::hours(2)).await;
    assert_eq!(
        entry(&mut app, wipe.clone()).await.job.status,
        JobStatus::Scheduled
    );

    // A new engine on the same database (the portal restarted) picks the job up on time.
    app.engine = EngineHandle::new(quiet_simulator(ReplyPolicy::Always(
        AppleReply::Acknowledged,
    )));
    app.advance(Duration::hours(1)).await;
    let job = entry(&mut app, wipe).await.job;
    assert_eq!(job.status, JobStatus::Sent);
    let history = detail(&mut app, job.id).await.history;
    assert_eq!(history[1].reason, StatusReason::ScheduleReached);
    assert_eq!(history[1].at, start_time() + Duration::hours(3));
}

#[tokio::test]
async fn a_switched_off_device_keeps_the_job_waiting_until_it_comes_back() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    set_device(&app, device.id, |d| d.state.powered_on = false).await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::minutes(10)).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    assert_eq!(job.status, JobStatus::WaitingForDevice);
    let unmet = detail(&mut app, job.id).await.conditions.unmet;
    assert_eq!(
        unmet.iter().map(|u| u.as_str()).collect::<Vec<_>>(),
        ["powered_off"]
    );

    set_device(&app, device.id, |d| d.state.powered_on = true).await;
    app.advance(Duration::hours(1)).await;
    assert_eq!(entry(&mut app, wipe).await.job.status, JobStatus::Sent);
}

#[tokio::test]
async fn an_unanswered_job_times_out_after_thirty_days() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    set_device(&app, device.id, |d| d.state.network_connected = false).await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::days(29)).await;
    assert_eq!(
        entry(&mut app, wipe.clone()).await.job.status,
        JobStatus::WaitingForDevice
    );
    app.advance(Duration::days(1)).await;
    let job = entry(&mut app, wipe).await.job;
    assert_eq!(
        (job.status, job.status_reason),
        (JobStatus::Failed, StatusReason::TimedOut)
    );
}

#[tokio::test]
async fn not_now_sends_the_command_again_later() {
    let mut app = TestApp::signed_in().await;
    app.engine = EngineHandle::new(quiet_simulator(ReplyPolicy::Always(AppleReply::NotNow)));
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(2)).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    assert_eq!(
        (job.status, job.status_reason),
        (JobStatus::WaitingForDevice, StatusReason::DeviceBusy)
    );

    app.engine = EngineHandle::new(quiet_simulator(ReplyPolicy::Always(
        AppleReply::Acknowledged,
    )));
    app.advance(Duration::minutes(6)).await;
    app.advance(Duration::minutes(2)).await;
    assert_eq!(entry(&mut app, wipe).await.job.status, JobStatus::Succeeded);
}

#[tokio::test]
async fn an_error_reply_fails_the_job() {
    let mut app = TestApp::signed_in().await;
    app.engine = EngineHandle::new(quiet_simulator(ReplyPolicy::Always(AppleReply::Error)));
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::AppleMdm
    })
    .await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(2)).await;
    let job = entry(&mut app, wipe).await.job;
    assert_eq!(
        (job.status, job.status_reason),
        (JobStatus::Failed, StatusReason::DeviceError)
    );
}

#[tokio::test]
async fn the_first_success_of_a_hybrid_pair_cancels_the_other() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d) && online(d) && d.management_method == ManagementMethod::Hybrid
    })
    .await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    let wipe_id = wipe.wipe_id;
    // The Apple MDM job is answered within minutes; IVI MDM takes up to an hour.
    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(2)).await;
    let pair = entry(&mut app, wipe).await;
    let apple = pair
        .jobs()
        .find(|j| j.method == JobMethod::AppleMdm)
        .unwrap();
    let ivi = pair.jobs().find(|j| j.method == JobMethod::IviMdm).unwrap();
    if apple.status == JobStatus::Succeeded {
        assert_eq!(
            (ivi.status, ivi.status_reason),
            (JobStatus::Cancelled, StatusReason::PartnerSucceeded)
        );
    } else {
        // The IVI job happened to be reachable at once and won.
        assert_eq!(ivi.status, JobStatus::Succeeded);
        assert_eq!(apple.status_reason, StatusReason::PartnerSucceeded);
    }
    assert_eq!(pair.status(), JobStatus::Succeeded);
    let audit = app
        .get("/api/audit?action=partner_job_cancelled")
        .await
        .json();
    assert_eq!(audit["total"], 1);
    assert!(
        audit["items"][0]["actor"].is_null(),
        "the portal acted by itself"
    );
    // The job's own entries in one answer, typed: its registration, then the cancellation of
    // its partner, the same for either job of the pair.
    for job in [apple.id, ivi.id] {
        let answer = app.get(&format!("/api/jobs/{}/audit", job.0)).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        let entries: Vec<AuditEntry> = serde_json::from_slice(&answer.body).unwrap();
        let events: Vec<AuditEvent> = entries.into_iter().map(|e| e.event).collect();
        assert!(
            matches!(&events[..], [
                AuditEvent::WipeRegistered { wipe_id: registered, device_count: 1, job_count: 2, .. },
                AuditEvent::PartnerJobCancelled { job_id, succeeded_job_id },
            ] if *registered == wipe_id && [*job_id, *succeeded_job_id].contains(&apple.id)
                && [*job_id, *succeeded_job_id].contains(&ivi.id)),
            "{events:?}"
        );
    }
    // Another tenant's job, or none at all: 404.
    let missing = app.get("/api/jobs/999999/audit").await;
    assert_eq!(missing.error().code, mdm_model::ErrorCode::NotFound);
}

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
