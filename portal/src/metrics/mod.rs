//! `GET /metrics` in Prometheus' text format: requests by route template and status with
//! latency histograms, jobs by status, how late the engine is on due jobs, the database
//! connections and the list cache. Request figures are counted as requests finish; the rest
//! is read when scraped.

use std::{sync::atomic::Ordering, time::Instant};

use axum::{
    extract::{MatchedPath, Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use prometheus::{Encoder, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry, TextEncoder};

pub mod figures;

pub use figures::Metrics;
use figures::JOB_COUNTS_FOR;

use crate::{cache::ListCache, state::AppState, store::stats};

/// Counts every request under its route template (`/api/jobs/{id}`, never the id itself, so
/// the number of series stays bounded); the console's files count as `console`.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("console", |p| p.as_str())
        .to_string();
    let response = next.run(request).await;
    let metrics = &state.metrics;
    metrics
        .latency
        .with_label_values(&[&method, &route])
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .with_label_values(&[&method, &route, response.status().as_str()])
        .inc();
    response
}

/// `GET /metrics`.
pub async fn scrape(State(state): State<AppState>) -> Response {
    let now = state.clock.now_ms();
    let cached = {
        let counts = state
            .metrics
            .job_counts
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        counts
            .as_ref()
            .filter(|(at, _)| at.elapsed() < JOB_COUNTS_FOR)
            .map(|(_, counts)| counts.clone())
    };
    let read = state
        .store
        .read(move |conn| {
            let counts = match cached {
                Some(counts) => counts,
                None => stats::jobs_by_status(conn)?,
            };
            Ok((counts, stats::engine_lag_ms(conn, now)?))
        })
        .await;
    let Ok((job_counts, lag_ms)) = read else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the database does not answer\n",
        )
            .into_response();
    };
    *state
        .metrics
        .job_counts
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), job_counts.clone()));
    let mut families = state.metrics.registry.gather();
    families.extend(scraped(&state, &job_counts, lag_ms).gather());
    let mut text = Vec::new();
    if TextEncoder::new().encode(&families, &mut text).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    ([(header::CONTENT_TYPE, prometheus::TEXT_FORMAT)], text).into_response()
}

/// The figures read at scrape time, in a registry of their own.
fn scraped(state: &AppState, job_counts: &[(String, i64)], lag_ms: i64) -> Registry {
    let registry = Registry::new();
    let gauge = |name: &str, help: &str, value: f64| {
        let gauge = prometheus::Gauge::new(name, help).expect("valid metric");
        gauge.set(value);
        let _ = registry.register(Box::new(gauge));
    };
    // Totals kept elsewhere, published as the counters they are.
    let counter = |name: &str, help: &str, value: f64| {
        let counter = prometheus::Counter::new(name, help).expect("valid metric");
        counter.inc_by(value);
        let _ = registry.register(Box::new(counter));
    };
    let pool = state.store.pool_stats();
    gauge(
        "mdm_engine_lag_seconds",
        "How long the oldest due open job has waited for the engine",
        lag_ms as f64 / 1e3,
    );
    gauge(
        "mdm_db_read_connections",
        "Read-only database connections (0: reads share the writer)",
        pool.readers as f64,
    );
    gauge(
        "mdm_db_read_connections_busy",
        "Read-only connections in use",
        pool.readers_busy as f64,
    );
    counter(
        "mdm_db_read_waits_total",
        "Reads that waited for a free read-only connection",
        pool.read_waits as f64,
    );
    counter(
        "mdm_db_read_wait_seconds_total",
        "Time reads spent waiting for a read-only connection",
        pool.read_wait_seconds,
    );
    counter(
        "mdm_db_writer_wait_seconds_total",
        "Time spent waiting for the single writer connection",
        pool.writer_wait_seconds,
    );
    let jobs = IntGaugeVec::new(Opts::new("mdm_jobs", "Jobs by status"), &["status"])
        .expect("valid metric");
    for (status, count) in job_counts {
        jobs.with_label_values(&[status]).set(*count);
    }
    let _ = registry.register(Box::new(jobs));
    let lists = IntCounterVec::new(
        Opts::new(
            "mdm_list_cache_lookups_total",
            "List pages by how their ordered ids were found: fresh, stale (a soft change within the refresh time) or computed",
        ),
        &["list", "outcome"],
    )
    .expect("valid metric");
    for (list, cache) in [("devices", &state.device_lists), ("jobs", &state.job_lists)] {
        count_lookups(&lists, list, cache);
    }
    let _ = registry.register(Box::new(lists));
    let up = IntGauge::new("mdm_up", "1 while the portal answers").expect("valid metric");
    up.set(1);
    let _ = registry.register(Box::new(up));
    registry
}

fn count_lookups(family: &IntCounterVec, list: &str, cache: &ListCache) {
    let counts = &cache.counts;
    for (outcome, value) in [
        ("fresh", &counts.fresh),
        ("stale", &counts.stale),
        ("computed", &counts.computed),
    ] {
        let value = value.load(Ordering::Relaxed);
        family.with_label_values(&[list, outcome]).inc_by(value);
    }
}
