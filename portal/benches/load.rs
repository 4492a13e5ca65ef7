//! Load benchmark of the real `mdm-portal` binary on a large fleet with the simulator running at
//! real time: 1, 8 and 32 signed-in clients page random pages of device and job lists over
//! HTTP, and a 10,000-device wipe is registered under the 32-client load. SQLite, PostgreSQL
//! with one instance and PostgreSQL with two instances (clients split between them) run on the
//! same seeded rows in one run, beside a baseline, so the figures compare.
//!
//! `cargo bench -p mdm-portal --bench load -- --devices 1000000 --jobs 2000000 --seconds 20`
//! (sizes default to 200,000 devices and twice as many jobs). The database goes to the
//! system's temporary folder and is deleted at the end.

mod common;
#[path = "common/http.rs"]
mod http;
#[path = "common/load_fleet.rs"]
mod load_fleet;
#[path = "common/postgres.rs"]
mod postgres;

use std::{
    process::{Child, Command, Stdio},
    sync::{Arc, Barrier},
    time::{Duration, Instant},
};

use http::Connection;
use mdm_portal::store::seed::rng::SeedRng;
use serde_json::json;

/// The lists clients page through: what the console asks for, sorted by columns the fleet
/// changes by itself and by columns it never changes.
const LISTS: &[&str] = &[
    "/api/devices?sort=name&per_page=50",
    "/api/devices?status=online&sort=last_seen&order=desc&per_page=50",
    "/api/devices?ownership=company&os=ios&sort=user&per_page=50",
    "/api/jobs?sort=registered_at&per_page=50",
    "/api/jobs?status=succeeded&per_page=50",
    "/api/jobs?sort=updated_at&order=desc&per_page=50",
];

const LEVELS: [usize; 3] = [1, 8, 32];
const WIPE_SIZE: usize = 10_000;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" / "))
        .unwrap_or_else(|_| "unknown".into())
}

struct Portal {
    child: Child,
    addr: String,
}

impl Portal {
    /// Starts the binary on the database `database` names (`--db FILE` or
    /// `--database-url URL`).
    fn start(database: &[String], flags: &[&str]) -> Portal {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_mdm-portal"))
            .args(database)
            .args([
                "--addr",
                "127.0.0.1:0",
                "--time-scale",
                "1",
                "--dist",
                "no-dist",
            ])
            // Every client signs in from 127.0.0.1: the per-address limit is for sprays.
            .args([
                "--sign-in-rate-per-minute",
                "100000",
                "--sign-in-burst",
                "1000",
            ])
            .args(flags)
            .env("RUST_LOG", "error")
            .stdout(Stdio::piped())
            .spawn()
            .expect("the portal starts");
        let stdout = child.stdout.take().expect("piped");
        let mut lines = std::io::BufReader::new(stdout).lines();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(addr) = line.strip_prefix("portal listening on http://") {
                        break addr.trim().to_string();
                    }
                }
                _ => panic!("the portal exited before listening"),
            }
        };
        std::thread::spawn(move || lines.for_each(drop));
        Portal { child, addr }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Figures of one load level.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    per_second: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    errors: usize,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len().max(1) as f64 - 1.0) * p).round() as usize;
    sorted.get(index).map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

/// `clients` signed-in clients page random pages for `seconds`; `during` runs on its own
/// thread a third of the way in and answers its own figure.
fn run_level(
    addrs: &[String],
    clients: usize,
    seconds: u64,
    pages: &[u64],
    during: Option<Box<dyn FnOnce() -> String + Send>>,
) -> (Figures, Option<String>) {
    // Clients are spread over the instances, as a load balancer would.
    let connections: Vec<Connection> = (0..clients)
        .map(|i| Connection::sign_in(&addrs[i % addrs.len()]))
        .collect();
    let gate = Arc::new(Barrier::new(clients + 1));
    let pages = Arc::new(pages.to_vec());
    let threads: Vec<_> = connections
        .into_iter()
        .enumerate()
        .map(|(i, mut connection)| {
            let (gate, pages) = (gate.clone(), pages.clone());
            std::thread::spawn(move || {
                let mut rng = SeedRng::new(1_000 + i as u64);
                let mut times = Vec::new();
                let mut errors = 0;
                gate.wait();
                let end = Instant::now() + Duration::from_secs(seconds);
                while Instant::now() < end {
                    let list = rng.below(LISTS.len() as u64) as usize;
                    // Within the first nine tenths: a list filtered by status shrinks and grows
                    // while it is paged, and a page past its end is a 4xx, not a measurement.
                    let page = 1 + rng.below((pages[list] * 9 / 10).max(1));
                    let started = Instant::now();
                    let status = connection.get(&format!("{}&page={page}", LISTS[list]));
                    times.push((list, started.elapsed()));
                    if status != 200 {
                        errors += 1;
                    }
                }
                (times, errors)
            })
        })
        .collect();
    let started = Instant::now();
    gate.wait();
    let side = during.map(|task| {
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(seconds / 3));
            task()
        })
    });
    let mut by_list: Vec<(usize, Duration)> = Vec::new();
    let mut errors = 0;
    for thread in threads {
        let (t, e) = thread.join().expect("client");
        by_list.extend(t);
        errors += e;
    }
    // Where the slow requests are: p95 per list.
    let per_list: Vec<String> = (0..LISTS.len())
        .map(|list| {
            let mut times: Vec<Duration> = by_list
                .iter()
                .filter(|(l, _)| *l == list)
                .map(|(_, t)| *t)
                .collect();
            times.sort();
            format!("{:.1}", percentile(&times, 0.95))
        })
        .collect();
    println!("    p95 per list (ms): {}", per_list.join(" / "));
    let mut times: Vec<Duration> = by_list.into_iter().map(|(_, t)| t).collect();
    let elapsed = started.elapsed().as_secs_f64();
    let side = side.map(|s| s.join().expect("side task"));
    times.sort();
    let figures = Figures {
        per_second: times.len() as f64 / elapsed,
        p50: percentile(&times, 0.50),
        p95: percentile(&times, 0.95),
        p99: percentile(&times, 0.99),
        errors,
    };
    (figures, side)
}

/// Registers a wipe of `devices` and answers how long it took and what it registered.
fn wipe(addr: &str, devices: Vec<i64>, key: String) -> String {
    let mut connection = Connection::sign_in(addr);
    let body = json!({
        "selection": { "kind": "devices", "device_ids": devices },
        // Every platform's options, as the console sends them for a mixed selection (a Mac
        // without Apple silicon or a T2 chip needs its PIN).
        "options": { "delete_general_info": true, "schedule_at": null,
                     "wifi_setting_id": null, "keep_esim_data_plan": true,
                     "platform": {
                         "android": { "wipe_data_flags": [], "wipe_reason_message": null },
                         "windows": "doWipe",
                         "mac": { "obliteration_behavior": "Default", "pin": "135790" },
                     } },
        "password": "Demo#2026",
        "agreed": true,
    });
    let started = Instant::now();
    let (status, answer) = connection.post("/api/wipes", &body, &key);
    let ms = started.elapsed().as_secs_f64() * 1e3;
    assert_eq!(status, 201, "{answer}");
    format!(
        "{ms:.0} ms ({} devices, {} jobs)",
        answer["device_count"], answer["job_count"]
    )
}

/// Removes the benchmark's folder however the run ends, a failed assertion included.
struct TempFolder(std::path::PathBuf);

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn main() {
    let devices = arg("--devices", 200_000);
    let jobs = arg("--jobs", devices * 2);
    let seconds = arg("--seconds", 15) as u64;
    let dir = std::env::temp_dir().join(format!("mdm-portal-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let folder = TempFolder(dir.clone());
    let db = dir.join("load.sqlite3");
    println!("load average at the start: {}", load_average());

    // Every set-up starts from this same file: a set-up's wipes and the jobs its engine
    // moved never reach the next one.
    let pristine = std::env::args()
        .skip_while(|a| a != "--seeded")
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.join("pristine.sqlite3"));
    if pristine.exists() {
        println!("reusing the seeded database {}", pristine.display());
    } else {
        load_fleet::seed_into(&pristine, devices, jobs);
    }
    let wipeable = load_fleet::wipeable(&pristine);
    println!(
        "company devices of 大阪支店 without open jobs: {}",
        wipeable.len()
    );

    // (name, PostgreSQL instances (0: SQLite), flags)
    let setups: [(&str, usize, &[&str]); 4] = [
        ("SQLite (4 readers)", 0, &[]),
        ("PostgreSQL, one instance", 1, &[]),
        ("PostgreSQL, two instances", 2, &[]),
        (
            "baseline: SQLite, one connection, exact lists",
            0,
            &["--read-connections", "0", "--list-refresh-ms", "0"],
        ),
    ];
    const BASELINE: usize = 3;
    // The same rows in PostgreSQL: copied once into a template each set-up's database copies.
    let cluster = postgres::Cluster::start(&dir);
    cluster.admin("CREATE DATABASE pristine");
    postgres::copy_sqlite_into(&pristine, &cluster.database("pristine"));
    let mut results = Vec::new();
    for (number, (name, instances, flags)) in setups.iter().enumerate() {
        let portals: Vec<Portal> = if *instances == 0 {
            for suffix in ["sqlite3-wal", "sqlite3-shm"] {
                let _ = std::fs::remove_file(db.with_extension(suffix));
            }
            std::fs::copy(&pristine, &db).expect("a copy of the seeded database");
            let database = ["--db".to_string(), db.display().to_string()];
            vec![Portal::start(&database, flags)]
        } else {
            let copy = format!("run_{number}");
            cluster.copy_database("pristine", &copy);
            let database = ["--database-url".to_string(), cluster.database(&copy)];
            (0..*instances)
                .map(|_| Portal::start(&database, flags))
                .collect()
        };
        let addrs: Vec<String> = portals.iter().map(|p| p.addr.clone()).collect();
        let portal = &portals[0];
        let mut first = Connection::sign_in(&portal.addr);
        // Each list's size, and its first (cold) computation.
        let mut pages = Vec::new();
        let mut cold = Vec::new();
        for list in LISTS {
            let started = Instant::now();
            let (status, page) = first.get_json(list);
            cold.push(started.elapsed().as_secs_f64() * 1e3);
            assert_eq!(status, 200, "{list}: {page}");
            pages.push(page["total"].as_u64().unwrap_or(0).div_ceil(50).max(1));
        }
        let mut levels = Vec::new();
        for clients in LEVELS {
            let slice: Vec<i64> = wipeable.iter().take(WIPE_SIZE).copied().collect();
            let during = (clients == 32 && !slice.is_empty()).then(|| {
                let addr = portal.addr.clone();
                Box::new(move || wipe(&addr, slice, "load-1".to_string()))
                    as Box<dyn FnOnce() -> String + Send>
            });
            let (figures, wipe) = run_level(&addrs, clients, seconds, &pages, during);
            println!(
                "{name}: {clients:>2} clients {:>7.0} req/s  p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms  errors {}{}",
                figures.per_second,
                figures.p50,
                figures.p95,
                figures.p99,
                figures.errors,
                wipe.as_ref().map(|w| format!("  wipe {w}")).unwrap_or_default()
            );
            levels.push((figures, wipe));
        }
        let cold = cold.iter().map(|ms| format!("{ms:.0}")).collect::<Vec<_>>();
        println!("{name}: first pages (cold) {} ms", cold.join(" / "));
        // The same size of wipe with no client paging, to tell the load's share.
        let idle: Vec<i64> = wipeable
            .iter()
            .skip(WIPE_SIZE)
            .take(WIPE_SIZE)
            .copied()
            .collect();
        if idle.len() == WIPE_SIZE {
            println!(
                "{name}: wipe without clients {}",
                wipe(&portal.addr, idle, "idle-1".into())
            );
        }
        results.push((name.to_string(), levels));
        drop(portals);
        // A set-up's copy is gigabytes: gone before the next one's is made, so the run fits
        // the disk it had at the start.
        if *instances > 0 {
            cluster.admin(&format!("DROP DATABASE run_{number} WITH (FORCE)"));
        }
    }
    drop(cluster);
    println!("load average at the end: {}", load_average());

    println!("\n| set-up | clients | requests/s | p50 ms | p95 ms | p99 ms | vs one connection (req/s, p95) | 10k wipe |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for (name, levels) in &results {
        for (i, (f, wipe)) in levels.iter().enumerate() {
            let base: Figures = results[BASELINE].1[i].0;
            println!(
                "| {name} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2}× / {:.2}× | {} |",
                LEVELS[i],
                f.per_second,
                f.p50,
                f.p95,
                f.p99,
                f.per_second / base.per_second,
                f.p95 / base.p95,
                wipe.clone().unwrap_or_default()
            );
        }
    }
    drop(folder);
}
