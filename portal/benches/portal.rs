//! Benchmark of the portal at fleet scale: 100,000 devices and 200,000 jobs in a SQLite file.
//!
//! Run with `cargo bench -p mdm-portal --bench portal` (add `-- --devices N --jobs M` to change
//! the size). Requests go through the real router (routing, session and CSRF checks, SQL, JSON),
//! as the console sends them, so the figures are what a client sees minus the network.

mod common;

use std::time::{Duration as StdDuration, Instant};

use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use chrono::Utc;
use http_body_util::BodyExt;
use mdm_portal::{
    auth::HashCost,
    engine::clock::Clock,
    store::{
        seed::{self, rng::SeedRng, FleetSpec},
        Store,
    },
    AppState, Settings,
};
use serde_json::{json, Value};
use tower::ServiceExt;

struct Client {
    router: Router,
    cookies: String,
    csrf: String,
}

impl Client {
    async fn send(
        &self,
        method: &str,
        uri: &str,
        body: Option<Value>,
        extra: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let mut builder = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::COOKIE, &self.cookies)
            .header("x-csrf-token", &self.csrf)
            .header(header::CONTENT_TYPE, "application/json");
        for (name, value) in extra {
            builder = builder.header(*name, *value);
        }
        let body = body
            .map(|b| Body::from(b.to_string()))
            .unwrap_or_else(Body::empty);
        let response = self
            .router
            .clone()
            .oneshot(builder.body(body).expect("request"))
            .await
            .expect("answer");
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }
}

fn percentile(sorted: &[StdDuration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

/// Times 300 requests of random pages of a list query (pages within the list's size).
async fn measure(client: &Client, label: &str, base: &str, per_page: u64, rng: &mut SeedRng) {
    let (_, first) = client
        .send("GET", &format!("{base}&per_page={per_page}"), None, &[])
        .await;
    let pages = first["total"]
        .as_u64()
        .unwrap_or(0)
        .div_ceil(per_page)
        .max(1);
    let uris: Vec<String> = (0..300)
        .map(|_| format!("{base}&per_page={per_page}&page={}", 1 + rng.below(pages)))
        .collect();
    let mut times = Vec::with_capacity(uris.len());
    for uri in &uris {
        let started = Instant::now();
        let (status, _) = client.send("GET", uri, None, &[]).await;
        times.push(started.elapsed());
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
    times.sort();
    println!(
        "{label:<62} p50 {:>6.2} ms   p95 {:>6.2} ms   ({} matching)",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        first["total"]
    );
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let (device_count, job_count) = (arg("--devices", 100_000), arg("--jobs", 200_000));
    let dir = std::env::temp_dir().join(format!("mdm-portal-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir.join("bench.sqlite3")).expect("open store");
    let now = Utc::now();

    let started = Instant::now();
    store
        .blocking(|conn| {
            seed::seed_demo(
                conn,
                HashCost::Fast,
                FleetSpec {
                    devices: device_count,
                    seed: 2026,
                    contracted_on: seed::DEMO_CONTRACTED_ON,
                },
                now,
            )
        })
        .expect("seed");
    println!(
        "seeded {device_count} devices in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let osaka: i64 = store
        .blocking(|conn| {
            Ok(conn.query_row(
                "SELECT id FROM groups WHERE name = '大阪支店'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("group");
    let started = Instant::now();
    let written = common::seed_jobs(&store, job_count, now, osaka);
    println!(
        "seeded {written} jobs in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    store
        .blocking(|conn| Ok(conn.execute_batch("ANALYZE")?))
        .expect("analyze");
    let state = AppState::new(
        store,
        Clock::manual(now),
        Settings {
            hash_cost: HashCost::Fast,
            ..Settings::default()
        },
    )
    .expect("state");
    let router = mdm_portal::app(state);
    let mut client = Client {
        router,
        cookies: String::new(),
        csrf: String::new(),
    };
    let session = client
        .router
        .clone()
        .oneshot(Request::get("/api/session").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let csrf_cookie = session.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    client.csrf = csrf_cookie.trim_start_matches("mdm_csrf=").to_string();
    client.cookies = csrf_cookie.clone();
    let sign_in = Request::post("/api/session")
        .header(header::COOKIE, &csrf_cookie)
        .header("x-csrf-token", &client.csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({ "username": "admin", "password": "Demo#2026" }).to_string(),
        ))
        .unwrap();
    let response = client.router.clone().oneshot(sign_in).await.unwrap();
    let session_cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    client.cookies = format!("{csrf_cookie}; {session_cookie}");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let info: mdm_model::session::SessionInfo = serde_json::from_slice(&body).unwrap();
    // Writes carry the token bound to the session.
    client.csrf = info.csrf_token;

    let head_office: i64 = 1;
    let mut rng = SeedRng::new(5);
    let lists = [
        (
            "devices: group 本社 + subgroups, os=ios, sort name",
            format!("/api/devices?group={head_office}&os=ios&sort=name"),
            50,
        ),
        (
            "devices: status=online, method=hybrid, sort last_seen desc",
            "/api/devices?status=online&method=hybrid&sort=last_seen&order=desc".to_string(),
            100,
        ),
        (
            "devices: ownership=company, sort user",
            "/api/devices?ownership=company&sort=user".to_string(),
            50,
        ),
        (
            "jobs: newest first",
            "/api/jobs?sort=registered_at".to_string(),
            50,
        ),
        (
            "jobs: status=succeeded, newest first",
            "/api/jobs?status=succeeded".to_string(),
            50,
        ),
        (
            "jobs: method=apple_mdm, sort device",
            "/api/jobs?method=apple_mdm&sort=device&order=asc".to_string(),
            50,
        ),
    ];
    for (label, base, per_page) in lists {
        measure(&client, label, &base, per_page, &mut rng).await;
    }

    let selection =
        json!({ "kind": "filter", "filter": { "group": osaka, "ownership": "company" } });
    // Every platform's options, as the console sends them (a Mac without Apple silicon or a
    // T2 chip needs its PIN).
    let options = json!({ "delete_general_info": true, "schedule_at": null, "wifi_setting_id": null, "keep_esim_data_plan": true,
        "platform": { "android": { "wipe_data_flags": [], "wipe_reason_message": null }, "windows": "doWipe",
                      "mac": { "obliteration_behavior": "Default", "pin": "135790" } } });
    let started = Instant::now();
    let (status, preview) = client
        .send(
            "POST",
            "/api/wipes/preview",
            Some(json!({ "selection": selection, "options": options })),
            &[],
        )
        .await;
    let preview_ms = started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(status, StatusCode::OK, "{preview}");
    println!(
        "preview of {} devices selected by filter: {preview_ms:.0} ms",
        preview["summary"]["totals"]["devices"]
    );

    let body = json!({ "selection": selection, "options": options, "password": "Demo#2026", "agreed": true });
    let started = Instant::now();
    let (status, registered) = client
        .send(
            "POST",
            "/api/wipes",
            Some(body),
            &[("idempotency-key", "bench-1")],
        )
        .await;
    let register_ms = started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    println!(
        "registration of {} devices ({} jobs) selected by filter: {register_ms:.0} ms",
        registered["device_count"], registered["job_count"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
