//! Backup and restore of the SQLite database as portal/README.md documents it: the real
//! binary's `--backup-to` copies the database of a running portal (WAL lets it read beside the
//! writer), and a portal started on the copy has the same fleet, jobs and accounts.

mod real_portal;

use std::process::Command;

use real_portal::{temp_dir, Client, Portal};
use serde_json::json;

fn backup(db: &std::path::Path, to: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mdm-portal"))
        .arg("--db")
        .arg(db)
        .arg("--backup-to")
        .arg(to)
        .env("RUST_LOG", "error")
        .output()
        .expect("the portal binary runs")
}

fn totals(client: &Client) -> (u64, u64) {
    let devices = client.get("/api/devices?per_page=1").json()["total"].as_u64();
    let jobs = client.get("/api/jobs?per_page=1").json()["total"].as_u64();
    (devices.unwrap(), jobs.unwrap())
}

#[test]
fn a_running_portals_database_is_backed_up_and_a_portal_starts_on_the_copy() {
    let dir = temp_dir("backup");
    let db = dir.join("portal.sqlite3");
    let copy = dir.join("copies").join("portal-copy.sqlite3");
    let running = Portal::start(&db, &["--seed", "--seed-devices", "60"]);
    let admin = Client::sign_in(&running.addr, "admin", "Demo#2026");
    let device = admin
        .get("/api/devices?os=ios&ownership=company&per_page=1")
        .json()["items"][0]["id"]
        .as_i64()
        .unwrap();
    let wipe = json!({
        "selection": { "kind": "devices", "device_ids": [device] },
        "options": { "delete_general_info": true, "schedule_at": null,
                     "wifi_setting_id": null, "keep_esim_data_plan": false },
        "password": "Demo#2026",
        "agreed": true,
    });
    let registered = admin.post("/api/wipes", &wipe, &[("idempotency-key", "backup-1")]);
    assert_eq!(
        registered.status,
        201,
        "{}",
        String::from_utf8_lossy(&registered.body)
    );
    let before = totals(&admin);
    assert!(before.1 >= 1);

    let output = backup(&db, &copy);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("written to"), "{said}");
    assert!(
        !copy.with_extension("sqlite3-wal").exists(),
        "a self-contained file"
    );
    // The running portal still answers, and an existing copy is never overwritten.
    assert_eq!(totals(&admin), before);
    let again = backup(&db, &copy);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));

    // Restore: a portal started on the copy (here beside the original, on another port).
    let restored = Portal::start(&copy, &[]);
    let admin_on_copy = Client::sign_in(&restored.addr, "admin", "Demo#2026");
    assert_eq!(totals(&admin_on_copy), before);
    drop(restored);
    drop(running);
    let _ = std::fs::remove_dir_all(&dir);
}
