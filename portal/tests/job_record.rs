//! The job record tells what happened: the device as registered (a snapshot), each send
//! attempt with the device's conditions then, and the command as sent, whose digest the
//! simulated device confirms.

mod common;

use chrono::Duration;
use common::{
    all_devices,
    jobs::{
        detail, entry, online, pick, reenrolling_iphone, reenrollment_wifi, register, wipeable,
    },
    plain_options, TestApp,
};
use mdm_model::{
    device::ManagementMethod,
    job::{JobListEntry, JobMethod, JobStatus},
    paging::Page,
};
use serde_json::json;

#[tokio::test]
async fn a_wipe_that_clears_the_owner_keeps_the_owner_in_its_jobs() {
    // The bug this guards: the job's device was a live join on the device row, whose owner
    // fields the wipe itself cleared, so the record forgot whose device it was.
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d)
            && online(d)
            && d.management_method == ManagementMethod::Hybrid
            && d.user_full_name.is_some()
            && d.employee_number.is_some()
    })
    .await;
    let owner = device.user_full_name.clone().unwrap();
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::seconds(1)).await;
    app.advance(Duration::minutes(2)).await;
    app.advance(Duration::hours(2)).await;

    let pair = entry(&mut app, wipe).await;
    assert_eq!(pair.status(), JobStatus::Succeeded);
    for job in pair.jobs() {
        assert_eq!(job.device.name, device.name);
        assert_eq!(job.device.user_full_name.as_deref(), Some(owner.as_str()));
        assert_eq!(job.device.employee_number, device.employee_number);
        assert!(!job.device.group_path.is_empty());
    }
    let after = all_devices(&mut app)
        .await
        .into_iter()
        .find(|d| d.id == device.id)
        .unwrap();
    assert_eq!(
        (after.user_full_name, after.employee_number),
        (None, None),
        "the device record is cleared"
    );

    // The list still finds the job by the owner it was registered for.
    let query = format!("/api/jobs?q={}", urlencode(&owner));
    let found: Page<JobListEntry> = serde_json::from_value(app.get(&query).await.json()).unwrap();
    assert!(
        found.items.iter().any(|e| e.job.device.id == device.id),
        "search by the registered owner"
    );

    let apple = pair
        .jobs()
        .find(|j| j.method == JobMethod::AppleMdm)
        .unwrap();
    let shown = detail(&mut app, apple.id).await;
    assert_eq!(
        shown.job.device.user_full_name.as_deref(),
        Some(owner.as_str())
    );
    let now = shown.device_now.expect("still in the fleet");
    assert_eq!(
        now.user_full_name, None,
        "the device now, beside the snapshot"
    );
    let winner = pair
        .jobs()
        .find(|j| j.status == JobStatus::Succeeded)
        .unwrap();
    let attempts = detail(&mut app, winner.id).await.attempts;
    assert!(!attempts.is_empty(), "the winning job was sent");
    assert!(
        attempts[0].conditions.unmet.is_empty(),
        "sent while its conditions held"
    );
    assert!(
        attempts[0].conditions.state.mdm_profile_installed,
        "conditions as they were, not after the erase"
    );
}

#[tokio::test]
async fn the_command_as_sent_is_the_command_the_device_received() {
    let mut app = TestApp::signed_in().await;
    let device = reenrolling_iphone(&mut app).await;
    let wifi = reenrollment_wifi(&mut app).await;
    let options = json!({ "delete_general_info": false, "schedule_at": null, "wifi_setting_id": wifi.id, "keep_esim_data_plan": true });
    let wipe = register(&mut app, &[device.id], options).await;
    let job = entry(&mut app, wipe).await.job;
    let rts = job.options.return_to_service.clone().expect("re-enrolls");
    assert!(
        rts.dep_profile_name.is_some(),
        "the DEP profile is part of the record"
    );
    assert_eq!(
        job.options.wifi_setting.as_ref().map(|w| &w.ssid),
        Some(&wifi.ssid)
    );

    app.advance(Duration::seconds(1)).await;
    let shown = detail(&mut app, job.id).await;
    assert_eq!(shown.attempts.len(), 1);
    let sent = shown.attempts[0]
        .command
        .clone()
        .expect("an Apple MDM job sends a command");
    assert_eq!(
        app.engine.received_command_digests(job.id),
        vec![sent.sha256.clone()]
    );
    assert_eq!(sent.sha256.len(), 64);
    assert_eq!(
        shown.command.as_ref(),
        Some(&sent.display),
        "once sent, the command as sent, not a rebuild"
    );
    let mdm_model::command::WipeCommand::Apple(display) = sent.display else {
        panic!("an iPhone's command is EraseDevice")
    };
    let profile = display
        .return_to_service
        .and_then(|r| r.wifi_profile)
        .expect("WiFiProfileData");
    assert_eq!(
        profile.password.as_deref(),
        Some(mdm_model::apple::SECRET_MASK)
    );

    // The plaintext password is in neither the answer nor the stored history.
    let wifi_id = wifi.id.0;
    let (password, stored): (String, String) = app
        .state
        .store
        .blocking(move |conn| {
            let password = conn.query_row(
                "SELECT password FROM wifi_settings WHERE id = ?1",
                [wifi_id],
                |r| r.get(0),
            )?;
            let stored: String = conn
                .prepare("SELECT conditions || COALESCE(command, '') FROM job_attempts")?
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()?;
            Ok((password, stored))
        })
        .unwrap();
    let answer = app.get(&format!("/api/jobs/{}", job.id)).await.text();
    for (text, place) in [(&stored, "job history"), (&answer, "the job detail")] {
        assert!(
            !text.contains(&password),
            "the Wi-Fi password is stored in {place}"
        );
        assert!(
            !text.contains(&base64_of(&password)),
            "the Wi-Fi password is encoded in {place}"
        );
    }
}

fn urlencode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}
