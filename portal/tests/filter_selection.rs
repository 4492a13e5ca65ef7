//! "Every device matching" minus the devices the administrator unticked: the unticked ones
//! are neither previewed nor wiped. Guards the exclusion in the wipe registration (without
//! it an administrator's deliberately kept devices would be factory-reset).

mod common;

use axum::http::StatusCode;
use common::{all_devices, plain_options, TestApp};
use mdm_model::{
    device::{Device, Enrollment, Os, Ownership},
    ids::DeviceId,
    wipe::{WipePreview, WipeRegistered},
};
use serde_json::{json, Value};

fn wipeable(d: &Device) -> bool {
    d.ownership == Ownership::Company && d.enrollment != Enrollment::User
}

/// Company Windows devices, all wipeable, minus `unticked`.
fn selection(unticked: &[DeviceId]) -> Value {
    json!({
        "kind": "filter",
        "filter": { "os": "windows", "ownership": "company" },
        "excluded_device_ids": unticked,
    })
}

async fn matching(app: &mut TestApp) -> Vec<DeviceId> {
    all_devices(app)
        .await
        .into_iter()
        .filter(|d| d.os == Os::Windows && wipeable(d))
        .map(|d| d.id)
        .collect()
}

#[tokio::test]
async fn unticked_devices_are_left_out_of_the_preview() {
    let mut app = TestApp::signed_in().await;
    let matching = matching(&mut app).await;
    assert!(
        matching.len() > 3,
        "the test fleet has several company Windows devices"
    );
    let unticked = [matching[0], matching[matching.len() - 1]];

    let body =
        json!({ "selection": selection(&unticked), "options": plain_options(), "per_page": 100 });
    let response = app.post("/api/wipes/preview", body).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    let preview: WipePreview = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(preview.summary.totals.devices, matching.len() as u64 - 2);
    let listed: Vec<DeviceId> = preview.devices.items.iter().map(|p| p.device.id).collect();
    assert_eq!(listed.len(), matching.len() - 2, "one page holds them all");
    for id in unticked {
        assert!(
            !listed.contains(&id),
            "unticked device {id:?} previewed as wiped"
        );
    }
}

#[tokio::test]
async fn unticked_devices_get_no_job() {
    let mut app = TestApp::signed_in().await;
    let matching = matching(&mut app).await;
    let unticked = [matching[0], matching[matching.len() - 1]];
    let body = json!({
        "selection": selection(&unticked),
        "options": plain_options(),
        "password": "Demo#2026",
        "agreed": true,
    });
    let response = app.register_wipe(body, "filter-minus-two").await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let registered: WipeRegistered = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(registered.device_count, matching.len() as u64 - 2);
    for id in unticked {
        let jobs = app.get(&format!("/api/jobs?device={}", id.0)).await.json();
        assert_eq!(jobs["total"], 0, "unticked device {id:?} got a wipe job");
    }
    let kept = matching[1];
    let jobs = app
        .get(&format!("/api/jobs?device={}", kept.0))
        .await
        .json();
    assert_eq!(jobs["total"], 1, "a ticked device of the filter is wiped");
}
