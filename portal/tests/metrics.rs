//! `GET /metrics`: Prometheus' text format, without sign-in, with requests counted under
//! their route template (never an id), jobs by status, the engine's lag and the database
//! connections.

mod common;

use axum::http::StatusCode;
use common::TestApp;

fn sample<'a>(text: &'a str, name: &str, labels: &[&str]) -> Option<&'a str> {
    text.lines().find(|line| {
        line.split(['{', ' ']).next() == Some(name) && labels.iter().all(|l| line.contains(l))
    })
}

fn value(line: &str) -> f64 {
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_read_the_store() {
    let mut app = TestApp::signed_in().await;
    for _ in 0..3 {
        assert_eq!(
            app.get("/api/devices?per_page=5").await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        app.get("/api/jobs/999999").await.status,
        StatusCode::NOT_FOUND
    );

    let answer = app.get("/metrics").await;
    assert_eq!(answer.status, StatusCode::OK);
    let content_type = answer
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    let text = answer.text();

    let devices = sample(
        &text,
        "mdm_http_requests_total",
        &[
            r#"route="/api/devices""#,
            r#"status="200""#,
            r#"method="GET""#,
        ],
    )
    .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(value(devices), 3.0);
    let missing = sample(
        &text,
        "mdm_http_requests_total",
        &[r#"route="/api/jobs/{id}""#, r#"status="404""#],
    );
    assert_eq!(missing.map(value), Some(1.0), "{text}");
    // (a float such as 0.0999999 may hold the digits; a path never does)
    assert!(!text.contains("/999999"), "ids never become labels");
    let histogram = sample(
        &text,
        "mdm_http_request_duration_seconds_bucket",
        &[r#"route="/api/devices""#, r#"le="+Inf""#],
    );
    assert_eq!(histogram.map(value), Some(3.0));

    // The seeded fleet has no jobs yet; after a wipe the waiting jobs are counted.
    assert!(
        sample(&text, "mdm_engine_lag_seconds", &[]).is_some(),
        "{text}"
    );
    // An in-memory database reads on its writer; a PostgreSQL one has sessions for reads.
    let readers = app.state.store.pool_stats().readers as f64;
    assert_eq!(
        sample(&text, "mdm_db_read_connections", &[]).map(value),
        Some(readers),
    );
    for name in [
        "mdm_db_read_connections_busy",
        "mdm_db_read_waits_total",
        "mdm_db_writer_wait_seconds_total",
        "mdm_up",
    ] {
        assert!(sample(&text, name, &[]).is_some(), "{name} in {text}");
    }
    assert!(
        sample(
            &text,
            "mdm_list_cache_lookups_total",
            &[r#"list="devices""#, r#"outcome="computed""#]
        )
        .is_some_and(|l| value(l) >= 1.0),
        "{text}"
    );
}

#[tokio::test]
async fn jobs_are_counted_by_status() {
    let mut app = TestApp::signed_in().await;
    let device = app
        .get("/api/devices?os=ios&ownership=company&per_page=1")
        .await
        .json()["items"][0]["id"]
        .as_i64()
        .unwrap();
    let registered = app
        .register_wipe(
            common::wipe_body(&[device], common::plain_options()),
            "metrics-1",
        )
        .await;
    assert_eq!(
        registered.status,
        StatusCode::CREATED,
        "{}",
        registered.text()
    );
    let jobs = registered.json()["job_count"].as_f64().unwrap();
    let text = app.get("/metrics").await.text();
    let open: f64 = text
        .lines()
        .filter(|l| l.starts_with("mdm_jobs{"))
        .map(value)
        .sum();
    assert_eq!(open, jobs, "{text}");
}
