//! The demo's `--time-scale` speeds up what the simulated devices do, never the clock jobs are
//! stamped with: on a portal started as `scripts/run.sh` starts it, "now" and a job registered
//! now are the wall clock's time, and a second of real time is a second of portal time. Guards
//! the bug in which the ×60 demo clock ran an hour ahead every real minute, so a job registered
//! "now" showed a time hours ahead of the administrator's own clock.

mod real_portal;

use chrono::{DateTime, Duration, Utc};
use real_portal::{temp_dir, Client, Portal};
use serde_json::json;

fn portal_now(client: &Client) -> DateTime<Utc> {
    let answer = client.get("/api/clock");
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.json()["now"].as_str().unwrap().parse().unwrap()
}

#[test]
fn a_sped_up_demo_stamps_jobs_with_the_wall_clock() {
    let db = temp_dir("demo_clock").join("portal.sqlite3");
    let portal = Portal::start(
        &db,
        &["--seed", "--seed-devices", "60", "--time-scale", "60"],
    );
    let client = Client::sign_in(&portal.addr, "admin", "Demo#2026");

    let before = Utc::now();
    let first = portal_now(&client);
    assert!(
        (first - before).abs() < Duration::seconds(5),
        "portal {first} against wall {before}"
    );
    std::thread::sleep(std::time::Duration::from_secs(2));
    let second = portal_now(&client);
    // Two real seconds (plus request time): at ×60 a sped-up clock would have moved 2 minutes.
    assert!(
        second - first < Duration::seconds(10),
        "the portal clock moved {} in about two real seconds",
        second - first
    );

    let devices = client.get("/api/devices?ownership=company&per_page=100");
    let device = devices.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["enrollment"] != "user")
        .expect("a company device to wipe")["id"]
        .clone();
    let body = json!({
        "selection": { "kind": "devices", "device_ids": [device] },
        "options": { "delete_general_info": false, "schedule_at": null, "wifi_setting_id": null, "keep_esim_data_plan": false },
        "password": "Demo#2026", "agreed": true, "skip_not_wipeable": true,
    });
    let registered = client.post("/api/wipes", &body, &[("idempotency-key", "demo-clock-1")]);
    assert_eq!(
        registered.status,
        201,
        "{}",
        String::from_utf8_lossy(&registered.body)
    );
    let at: DateTime<Utc> = registered.json()["registered_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let after = Utc::now();
    assert!(
        at >= before - Duration::seconds(1) && at <= after + Duration::seconds(1),
        "registered at {at}, between {before} and {after} on the wall clock"
    );
}
