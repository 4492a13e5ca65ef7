//! Lists that stay fast while devices change: the ordered ids of a list are recomputed only
//! after a change that can move them (per tenant, per column), counted through `/metrics`;
//! soft changes may be served for `list_max_age`, an administrator's own changes never; and
//! reads run on read-only connections that do not wait for the writer.

mod common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::{plain_options, seeded_state, start_time, test_settings, wipe_body, TestApp};
use mdm_model::{device::Device, ids::DeviceId};
use mdm_portal::{
    auth::HashCost,
    engine::clock::Clock,
    ids::TenantId,
    store::{devices, seed, Store},
    AppState, Settings,
};

/// `mdm_list_cache_lookups_total` for one list and outcome.
async fn lookups(app: &mut TestApp, list: &str, outcome: &str) -> u64 {
    let text = app.get("/metrics").await.text();
    text.lines()
        .find(|l| {
            l.starts_with("mdm_list_cache_lookups_total{")
                && l.contains(&format!("list=\"{list}\""))
                && l.contains(&format!("outcome=\"{outcome}\""))
        })
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

async fn total(app: &mut TestApp, path: &str) -> u64 {
    let answer = app.get(path).await;
    assert_eq!(answer.status, StatusCode::OK, "{path}: {}", answer.text());
    answer.json()["total"].as_u64().unwrap()
}

/// Changes a stored device as the simulator does, through the store's own update.
fn change(state: &AppState, tenant: i64, id: DeviceId, edit: impl FnOnce(&mut Device) + Send) {
    state
        .store
        .blocking(|conn| {
            let mut device = devices::get(conn, TenantId(tenant), id)?.expect("device");
            edit(&mut device);
            devices::update(conn, &device)?;
            Ok(())
        })
        .unwrap();
}

async fn online_device(app: &mut TestApp) -> DeviceId {
    let page = app
        .get("/api/devices?status=online&per_page=1")
        .await
        .json();
    DeviceId(page["items"][0]["id"].as_i64().unwrap())
}

async fn signed_in(settings: Settings) -> TestApp {
    let mut app = TestApp::with_state(seeded_state(settings));
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    app
}

#[tokio::test]
async fn a_device_going_offline_retires_only_the_lists_that_read_its_status() {
    let mut app = signed_in(test_settings()).await;
    let by_name = "/api/devices?sort=name&per_page=20";
    let online = "/api/devices?status=online&sort=name&per_page=20";
    total(&mut app, by_name).await;
    let online_before = total(&mut app, online).await;
    assert_eq!(lookups(&mut app, "devices", "computed").await, 2);

    let id = online_device(&mut app).await;
    change(&app.state, 1, id, |d| {
        d.state.powered_on = false;
        d.last_seen_at = start_time();
    });
    total(&mut app, &format!("{by_name}&page=2")).await;
    assert_eq!(
        lookups(&mut app, "devices", "computed").await,
        2,
        "the list by name does not read the status"
    );
    assert_eq!(total(&mut app, online).await, online_before - 1, "exact");
    assert_eq!(lookups(&mut app, "devices", "computed").await, 3);
    assert_eq!(lookups(&mut app, "devices", "stale").await, 0);
}

#[tokio::test]
async fn a_change_in_another_tenant_keeps_this_tenants_lists() {
    let mut app = signed_in(test_settings()).await;
    let recent = "/api/devices?sort=last_seen&order=desc&per_page=20";
    // A second tenant with one device, as another company on the same portal.
    let other = app
        .state
        .store
        .blocking(|conn| {
            let tenant = conn.query_row(
                "INSERT INTO tenants (name) VALUES ('他社株式会社') RETURNING id",
                [],
                |r| r.get(0).map(TenantId),
            )?;
            let group = conn.query_row(
                "INSERT INTO groups (tenant_id, name) VALUES (?1, '本社') RETURNING id",
                [tenant.0],
                |r| r.get(0).map(mdm_model::ids::GroupId),
            )?;
            let mut device = devices::get(conn, TenantId(1), DeviceId(1))?.expect("device");
            device.group_id = group;
            Ok((tenant, devices::insert(conn, tenant, &device)?))
        })
        .unwrap();
    let id = online_device(&mut app).await;
    total(&mut app, recent).await;
    let computed = lookups(&mut app, "devices", "computed").await;

    change(&app.state, other.0 .0, other.1, |d| {
        d.state.powered_on = !d.state.powered_on;
        d.last_seen_at = start_time() + chrono::Duration::hours(1);
    });
    total(&mut app, recent).await;
    assert_eq!(lookups(&mut app, "devices", "computed").await, computed);

    change(&app.state, 1, id, |d| {
        d.last_seen_at = start_time() + chrono::Duration::hours(2)
    });
    let first = app.get(recent).await.json();
    assert_eq!(lookups(&mut app, "devices", "computed").await, computed + 1);
    assert_eq!(
        first["items"][0]["id"], id.0,
        "the device seen last comes first"
    );
}

#[tokio::test]
async fn soft_changes_may_be_served_within_the_refresh_time_but_own_changes_never() {
    let mut app = signed_in(Settings {
        list_max_age: Duration::from_secs(3600),
        ..test_settings()
    })
    .await;
    let online = "/api/devices?status=online&per_page=20";
    let before = total(&mut app, online).await;
    let id = online_device(&mut app).await;
    change(&app.state, 1, id, |d| d.state.network_connected = false);
    assert_eq!(total(&mut app, online).await, before, "served as it was");
    assert_eq!(lookups(&mut app, "devices", "stale").await, 1);

    // The administrator's own wipe and cancel show at once in a list filtered by status.
    let waiting = "/api/jobs?status=waiting_for_device&per_page=20";
    let jobs_before = total(&mut app, waiting).await;
    let device = app
        .get("/api/devices?os=ios&ownership=company&per_page=1")
        .await
        .json();
    let device = device["items"][0]["id"].as_i64().unwrap();
    let registered = app
        .register_wipe(wipe_body(&[device], plain_options()), "cache-1")
        .await;
    assert_eq!(
        registered.status,
        StatusCode::CREATED,
        "{}",
        registered.text()
    );
    let jobs_after = total(&mut app, waiting).await;
    assert!(jobs_after > jobs_before, "{jobs_before} → {jobs_after}");
    let job = app.get(waiting).await.json()["items"][0]["job"]["id"].clone();
    let cancelled = app
        .post(&format!("/api/jobs/{job}/cancel"), serde_json::json!({}))
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.text());
    assert_eq!(total(&mut app, waiting).await, jobs_before);
}

#[tokio::test]
async fn reads_do_not_wait_for_the_writer() {
    let dir = std::env::temp_dir().join(format!("mdm-read-pool-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir.join("portal.sqlite3")).unwrap();
    store
        .blocking(|conn| {
            let fleet = common::TEST_FLEET;
            seed::seed_demo(conn, HashCost::Fast, fleet, start_time())
        })
        .unwrap();
    let state = AppState::new(store.clone(), Clock::manual(start_time()), test_settings()).unwrap();
    let mut app = TestApp::with_state(state);
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    assert_eq!(
        store.pool_stats().readers,
        mdm_portal::store::DEFAULT_READERS
    );

    // A long write transaction holds the writer connection for two seconds.
    let (held, hold) = std::sync::mpsc::channel();
    let writer = store.clone();
    let busy = std::thread::spawn(move || {
        writer
            .blocking(|conn| {
                let tx = conn.transaction()?;
                tx.execute("UPDATE devices SET notes = 'busy' WHERE id = 1", [])?;
                held.send(()).unwrap();
                std::thread::sleep(Duration::from_secs(2));
                tx.commit()?;
                Ok(())
            })
            .unwrap();
    });
    hold.recv().unwrap();
    let started = Instant::now();
    let page = app.get("/api/devices?sort=model&per_page=50").await;
    let job_list = app.get("/api/jobs").await;
    let waited = started.elapsed();
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert_eq!(job_list.status, StatusCode::OK);
    assert!(waited < Duration::from_millis(1500), "{waited:?}");
    busy.join().unwrap();
    // The reader saw the state before the write committed; a read now sees it.
    let notes = app.get("/api/devices?per_page=1&sort=name").await;
    assert_eq!(notes.status, StatusCode::OK);
    let _ = std::fs::remove_dir_all(&dir);
}
