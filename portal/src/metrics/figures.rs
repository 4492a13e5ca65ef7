//! The request figures `/metrics` reports, kept for the life of the process in the app state.

use std::{
    sync::Mutex,
    time::{Duration, Instant},
};

use prometheus::{core::Collector, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry};

/// Latency buckets in seconds: list pages take a millisecond or two, a 10,000-device
/// registration most of a second, a request time-out a minute.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 60.0,
];

/// Job counts are a pass over every job: a scrape reuses them for this long.
pub(super) const JOB_COUNTS_FOR: Duration = Duration::from_secs(15);

/// Jobs by status, and when they were counted.
pub(super) type JobCounts = (Instant, Vec<(String, i64)>);

/// The request figures, kept for the life of the process.
pub struct Metrics {
    pub(super) registry: Registry,
    pub(super) requests: IntCounterVec,
    pub(super) latency: HistogramVec,
    pub(super) job_counts: Mutex<Option<JobCounts>>,
}

impl Default for Metrics {
    fn default() -> Self {
        let requests = IntCounterVec::new(
            Opts::new("mdm_http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "mdm_http_request_duration_seconds",
                "Time from request to response head",
            )
            .buckets(BUCKETS.to_vec()),
            &["method", "route"],
        )
        .expect("valid metric");
        let registry = Registry::new();
        for collector in [
            Box::new(requests.clone()) as Box<dyn Collector>,
            Box::new(latency.clone()),
        ] {
            registry.register(collector).expect("registered once");
        }
        Metrics {
            registry,
            requests,
            latency,
            job_counts: Mutex::new(None),
        }
    }
}
