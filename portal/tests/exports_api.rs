//! `GET /api/devices.csv` and `GET /api/jobs.csv`: the lists' filters, the language of the
//! request, the administrator's zone in the time headers, one row per device or job; and, on a
//! 100,000-device tenant in a database file, every row sent in bounded chunks from one snapshot
//! while the store goes on writing.

mod common;

use axum::http::{header, StatusCode};
use common::{plain_options, start_time, test_settings, wipe_body, TestApp};
use http_body_util::BodyExt;
use mdm_model::device::Device;
use mdm_model::paging::Page;
use mdm_model::ErrorCode;
use mdm_portal::{
    auth::HashCost,
    engine::clock::Clock,
    store::{
        seed::{seed_demo, FleetSpec},
        Store,
    },
    AppState,
};

fn lines(text: &str) -> Vec<&str> {
    text.trim_end().split("\r\n").collect()
}

async fn total(app: &mut TestApp, path: &str) -> u64 {
    let page: Page<Device> = serde_json::from_slice(&app.get(path).await.body).unwrap();
    page.total
}

#[tokio::test]
async fn devices_csv_has_the_lists_rows_in_the_requests_language() {
    let mut app = TestApp::signed_in().await;
    let response = app.get("/api/devices.csv?os=ios&sort=name&page=3").await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert_eq!(
        response.headers[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert!(response.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("devices.csv"));
    let text = response.text();
    let rows = lines(&text);
    assert!(
        rows[0].starts_with("\u{feff}端末ID,端末名,OS,"),
        "{}",
        rows[0]
    );
    assert!(
        rows[0].contains(",最終接続日時 (Asia/Tokyo),"),
        "{}",
        rows[0]
    );
    let expected = total(&mut app, "/api/devices?os=ios").await;
    assert!(expected > 0);
    assert_eq!(rows.len() as u64, expected + 1, "every page, not the third");
    assert!(rows[1..].iter().all(|row| row.contains(",iOS,")));
    let names: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.split(',').nth(1).unwrap())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");

    app.lang = Some("en".into());
    let english = app.get("/api/devices.csv?status=online").await.text();
    let rows = lines(&english);
    assert!(rows[0].starts_with("\u{feff}Device ID,Name,OS,OS version,"));
    assert!(rows[0].contains(",Status,Last seen (Asia/Tokyo),Tags"));
    assert!(rows[1..].iter().all(|row| row.contains(",Online,")));
    let online = total(&mut app, "/api/devices?status=online").await;
    assert_eq!(rows.len() as u64, online + 1);
}

#[tokio::test]
async fn jobs_csv_has_a_row_per_job_and_names_the_zone() {
    let mut app = TestApp::signed_in().await;
    let devices = common::all_devices(&mut app).await;
    let ids: Vec<i64> = devices
        .iter()
        // Wipeable without a platform choice: company-owned, and no Mac (which may need a PIN).
        .filter(|d| {
            d.enrollment != mdm_model::device::Enrollment::User
                && d.ownership == mdm_model::device::Ownership::Company
                && d.os != mdm_model::device::Os::MacOs
        })
        .take(3)
        .map(|d| d.id.0)
        .collect();
    let registered = app
        .register_wipe(wipe_body(&ids, plain_options()), "export-1")
        .await;
    assert_eq!(
        registered.status,
        StatusCode::CREATED,
        "{}",
        registered.text()
    );
    let jobs: serde_json::Value = app.get("/api/jobs?per_page=200").await.json();
    let job_count: usize = jobs["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| if e["partner"].is_null() { 1 } else { 2 })
        .sum();

    let text = app.get("/api/jobs.csv?sort=id&page=2").await.text();
    let rows = lines(&text);
    assert!(rows[0].starts_with("\u{feff}ジョブID,ペアのジョブID,端末名,"));
    assert!(
        rows[0].contains(",状態の理由,再登録,登録者,登録日時 (Asia/Tokyo),予約日時 (Asia/Tokyo),更新日時 (Asia/Tokyo),"),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len(), job_count + 1, "{text}");

    app.lang = Some("en".into());
    let english = app.get("/api/jobs.csv?status=succeeded").await.text();
    let rows = lines(&english);
    assert!(rows[0].contains(",Re-enrollment,Registered by,Registered (Asia/Tokyo),"));
    assert_eq!(rows.len(), 1, "nothing succeeded yet: {english}");
}

#[tokio::test]
async fn bad_filters_are_refused_before_the_file_starts() {
    let mut app = TestApp::signed_in().await;
    app.lang = Some("en".into());
    for path in [
        "/api/devices.csv?group=99999",
        "/api/devices.csv?os=symbian",
        "/api/jobs.csv?status=maybe",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(response.error().code, ErrorCode::InvalidParameter, "{path}");
    }
    let mut signed_out = TestApp::new();
    assert_eq!(
        signed_out.get("/api/jobs.csv").await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// A portal on a database file (as `--db` runs it) with a tenant of `devices` devices.
fn big_tenant(devices: usize) -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("mdm-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir.join("portal.sqlite3")).unwrap();
    let fleet = FleetSpec {
        devices,
        seed: 11,
        contracted_on: mdm_portal::store::seed::DEMO_CONTRACTED_ON,
    };
    store
        .blocking(|conn| seed_demo(conn, HashCost::Fast, fleet, start_time()))
        .unwrap();
    let state = AppState::new(store, Clock::manual(start_time()), test_settings()).unwrap();
    (TestApp::with_state(state), dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_100000_device_export_streams_every_row_from_one_snapshot() {
    let (mut app, dir) = big_tenant(100_000);
    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    let listed = total(&mut app, "/api/devices").await;
    assert_eq!(listed, 100_000);

    let response = app.open("/api/devices.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body();
    let first = body.frame().await.unwrap().unwrap().into_data().unwrap();
    // The store goes on writing while the export reads its snapshot: a rename of every
    // device now must not reach the file, and must not wait for the export to end.
    let renamed = app
        .state
        .store
        .call(|conn| Ok(conn.execute("UPDATE devices SET name = 'renamed-' || id", [])?))
        .await
        .unwrap();
    assert_eq!(renamed, 100_000);

    let (mut frames, mut largest, mut rows, mut renamed_rows) = (1usize, first.len(), 0usize, 0);
    let mut text = String::from_utf8(first.to_vec()).unwrap();
    while let Some(frame) = body.frame().await {
        let data = frame.unwrap().into_data().unwrap();
        frames += 1;
        largest = largest.max(data.len());
        text.push_str(std::str::from_utf8(&data).unwrap());
        // Count finished lines as they come, keeping only the unfinished tail.
        let end = text.rfind("\r\n").map_or(0, |i| i + 2);
        rows += text[..end].matches("\r\n").count();
        renamed_rows += text[..end].matches("renamed-").count();
        text.drain(..end);
    }
    assert!(text.is_empty(), "the file ends with a whole line");
    assert_eq!(rows as u64, listed + 1, "the header and one row per device");
    assert_eq!(renamed_rows, 0, "rows are as of the export's start");
    assert!(frames > 50, "sent in chunks, not at once: {frames} frames");
    assert!(
        largest < 1_000_000,
        "no chunk near the whole file: {largest} bytes"
    );
    drop(app);
    let _ = std::fs::remove_dir_all(dir);
}
