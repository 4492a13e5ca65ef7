//! The job engine on a controllable clock: scheduling, execution conditions, Apple replies,
//! Hybrid pairing, time-outs, cancelling, and the job detail.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::{
    all_devices,
    jobs::{detail, entry, online, pick, register, set_device, wipeable},
    plain_options, quiet_simulator, start_time, utc_schedule, TestApp,
};
use mdm_model::{
    audit::{AuditEntry, AuditEvent},
    device::ManagementMethod,
    job::{AppleReply, JobMethod, JobStatus, StatusReason},
};
use mdm_portal::{engine::EngineHandle, simulator::ReplyPolicy};
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
