//! The device simulator changes the fleet over time, so every device status actually occurs,
//! and an IVI MDM wipe reaches its device only after the gateway's delay.

mod common;

use std::collections::HashSet;

use chrono::Duration;
use common::{
    all_devices,
    jobs::{entry, pick, register, wipeable},
    plain_options, TestApp,
};
use mdm_model::{
    device::{DeviceStatus, ManagementMethod},
    job::{AppleReply, JobStatus, IVI_MDM_MAX_DELAY},
};
use mdm_portal::{
    engine::EngineHandle,
    simulator::{ReplyPolicy, SimulatorConfig},
};

#[tokio::test]
async fn the_fleet_changes_state_over_simulated_time() {
    let mut app = TestApp::signed_in().await;
    app.engine = EngineHandle::new(SimulatorConfig {
        replies: ReplyPolicy::Always(AppleReply::Acknowledged),
        ..SimulatorConfig::default()
    });
    let before = all_devices(&mut app).await;
    app.advance(Duration::seconds(1)).await;
    for _ in 0..12 {
        app.advance(Duration::minutes(10)).await;
    }
    let after = all_devices(&mut app).await;
    let changed = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b.state != a.state)
        .count();
    assert!(
        changed > 10,
        "only {changed} devices changed in two simulated hours"
    );
    let statuses: HashSet<DeviceStatus> = after.iter().map(|d| d.status()).collect();
    assert_eq!(statuses.len(), DeviceStatus::ALL.len(), "{statuses:?}");
}

#[tokio::test]
async fn an_ivi_wipe_reaches_the_device_within_the_hour() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| {
        wipeable(d)
            && d.state.powered_on
            && d.state.network_connected
            && d.state.activesync.is_some_and(|a| a.any_service_on())
            && d.management_method == ManagementMethod::IviMdm
            && d.os.is_apple_mobile()
    })
    .await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;
    app.advance(Duration::seconds(0)).await;
    let first = entry(&mut app, wipe.clone()).await.job.status;
    assert!(matches!(
        first,
        JobStatus::WaitingForDevice | JobStatus::Sent
    ));
    app.advance(IVI_MDM_MAX_DELAY).await;
    app.advance(Duration::minutes(2)).await;
    let job = entry(&mut app, wipe).await.job;
    assert_eq!(job.status, JobStatus::Succeeded, "{:?}", job.status_reason);
}
