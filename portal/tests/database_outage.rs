//! Issue 16: a PostgreSQL server that goes away while the portal runs. Requests answer
//! `503 database_unavailable` with `Retry-After`, `/readyz` says the database does not answer,
//! and once the server is back the portal serves again without a restart.
//!
//! The test stops and starts a PostgreSQL server of its own (`scripts/postgres.sh pause` and
//! `resume`), so it runs where the test command provides PostgreSQL (`MDM_TEST_POSTGRES_URL`
//! set); on a plain `cargo test` it says so and passes.

mod real_portal;

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::{Duration, Instant},
};

use mdm_portal::store::{scratch_database, TEST_POSTGRES_URL};
use real_portal::{Client, Portal};

/// A private server for this test only, removed when dropped.
struct OwnServer {
    dir: PathBuf,
    url: String,
}

fn script(action: &str, dir: &Path) -> String {
    let out = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh"))
        .arg(action)
        .arg(dir)
        .output()
        .expect("scripts/postgres.sh runs");
    assert!(
        out.status.success(),
        "postgres.sh {action}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

impl OwnServer {
    fn start() -> OwnServer {
        let dir = real_portal::temp_dir("outage-postgres");
        let url = script("start", &dir);
        OwnServer { dir, url }
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh"))
            .arg("stop")
            .arg(&self.dir)
            .status();
    }
}

/// Asks `path` until `accept` likes the answer, for at most 20 s.
fn eventually(
    client: &Client,
    path: &str,
    accept: impl Fn(&real_portal::Answer) -> bool,
) -> real_portal::Answer {
    let started = Instant::now();
    loop {
        let answer = client.get(path);
        if accept(&answer) || started.elapsed() > Duration::from_secs(20) {
            return answer;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_database_that_goes_away_is_a_503_and_the_portal_recovers_when_it_returns() {
    if std::env::var(TEST_POSTGRES_URL).map_or(true, |u| u.is_empty()) {
        eprintln!("{TEST_POSTGRES_URL} is not set: this test runs in scripts/test.sh");
        return;
    }
    let server = OwnServer::start();
    let url = scratch_database(&server.url).unwrap();
    let portal = Portal::start_on_url(
        &url,
        &["--seed", "--seed-devices", "50", "--simulator", "scripted"],
    );
    let client = Client::sign_in(&portal.addr, "admin", "Demo#2026");
    assert_eq!(client.get("/api/devices?per_page=10").status, 200);

    script("pause", &server.dir);
    let away = eventually(&client, "/api/devices?per_page=10", |a| a.status == 503);
    assert_eq!(away.status, 503, "{}", String::from_utf8_lossy(&away.body));
    assert_eq!(away.json()["code"], "database_unavailable");
    assert!(away.header("retry-after").is_some(), "{:?}", away.headers);
    let ready = client.get("/readyz");
    assert_eq!(ready.status, 503);
    assert_eq!(ready.json()["ready"], false);
    // The portal itself is still alive for the orchestrator: only readiness fails.
    assert_eq!(client.get("/healthz").status, 200);

    script("resume", &server.dir);
    let back = eventually(&client, "/api/devices?per_page=10", |a| a.status == 200);
    assert_eq!(back.status, 200, "{}", String::from_utf8_lossy(&back.body));
    assert_eq!(back.json()["items"].as_array().map(Vec::len), Some(10));
    assert_eq!(
        eventually(&client, "/readyz", |a| a.status == 200).status,
        200
    );
}
