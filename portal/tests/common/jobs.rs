//! Helpers for job tests: picking devices, registering wipes, reading entries.

use axum::http::StatusCode;
use mdm_model::{
    device::{Device, Enrollment, ManagementMethod, Os, Ownership},
    ids::DeviceId,
    job::{JobDetail, JobListEntry},
    paging::{ItemList, Page},
    wifi::WifiSetting,
    wipe::WipeRegistered,
};
use mdm_portal::store::devices;

use super::{all_devices, wipe_body, TestApp};

pub fn wipeable(d: &Device) -> bool {
    d.ownership == Ownership::Company && d.enrollment != Enrollment::User
}

pub fn online(d: &Device) -> bool {
    d.state.powered_on && d.state.network_connected && d.state.mdm_profile_installed
}

pub async fn pick(app: &mut TestApp, f: impl Fn(&Device) -> bool) -> Device {
    all_devices(app)
        .await
        .into_iter()
        .find(|d| f(d))
        .expect("the test fleet has such a device")
}

/// An online company iPhone that qualifies for Return to Service: iOS 17 or later, enrolled
/// through DEP with a profile, managed by Apple MDM alone.
pub async fn reenrolling_iphone(app: &mut TestApp) -> Device {
    pick(app, |d| {
        wipeable(d)
            && online(d)
            && d.os == Os::Ios
            && d.os_version.major >= 17
            && d.enrollment == Enrollment::Dep
            && d.dep_profile_id.is_some()
            && d.management_method == ManagementMethod::AppleMdm
    })
    .await
}

/// The first Wi-Fi setting the wipe screen offers for re-enrollment (registered, auto-join on).
pub async fn reenrollment_wifi(app: &mut TestApp) -> WifiSetting {
    let offered: ItemList<WifiSetting> = serde_json::from_value(
        app.get("/api/wifi-settings?auto_join=true&registered=true")
            .await
            .json(),
    )
    .unwrap();
    offered
        .items
        .into_iter()
        .next()
        .expect("a Wi-Fi setting for re-enrollment")
}

/// A key per selection: `key-1-2-3`.
fn idempotency_key(ids: &[i64]) -> String {
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("key-{}", ids.join("-"))
}

pub async fn register(
    app: &mut TestApp,
    ids: &[DeviceId],
    options: serde_json::Value,
) -> WipeRegistered {
    let ids: Vec<i64> = ids.iter().map(|d| d.0).collect();
    let response = app
        .register_wipe(wipe_body(&ids, options), &idempotency_key(&ids))
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

pub async fn entry(app: &mut TestApp, wipe: WipeRegistered) -> JobListEntry {
    let page: Page<JobListEntry> = serde_json::from_value(
        app.get(&format!("/api/jobs?wipe={}", wipe.wipe_id))
            .await
            .json(),
    )
    .unwrap();
    page.items.into_iter().next().expect("one entry")
}

pub async fn detail(app: &mut TestApp, id: mdm_model::ids::JobId) -> JobDetail {
    let response = app.get(&format!("/api/jobs/{id}")).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

pub async fn set_device(
    app: &TestApp,
    id: DeviceId,
    change: impl FnOnce(&mut Device) + Send + 'static,
) {
    app.state
        .store
        .call(move |conn| {
            let tenant: mdm_portal::ids::TenantId =
                conn.query_row("SELECT tenant_id FROM devices WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })?;
            let mut device = devices::get(conn, tenant, id)?.unwrap();
            change(&mut device);
            Ok(devices::update(conn, &device)?)
        })
        .await
        .unwrap();
}
