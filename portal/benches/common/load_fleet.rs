//! The load benchmark's fleet: the seeded SQLite file every set-up starts from, and the
//! devices its wipes may take.

use std::{path::Path, time::Instant};

use chrono::Utc;
use mdm_portal::{
    auth::HashCost,
    store::{
        seed::{self, FleetSpec},
        Store,
    },
};

/// Seeds the demo fleet and `jobs` historical jobs into a new database file.
pub fn seed_into(path: &Path, devices: usize, jobs: usize) {
    let now = Utc::now();
    let store = Store::open_with_readers(path, 0).expect("open");
    let started = Instant::now();
    let fleet = FleetSpec {
        devices,
        seed: 2026,
        contracted_on: seed::DEMO_CONTRACTED_ON,
    };
    store
        .blocking(|conn| seed::seed_demo(conn, HashCost::Fast, fleet, now))
        .expect("seed");
    let devices_s = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let written = super::common::seed_jobs(&store, jobs, now, osaka(path));
    let jobs_s = started.elapsed().as_secs_f64();
    store
        .blocking(|c| Ok(c.execute_batch("ANALYZE")?))
        .expect("analyze");
    drop(store);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!(
        "seeded {devices} devices in {devices_s:.0} s and {written} jobs in {jobs_s:.0} s; \
         database {:.1} GB",
        size as f64 / 1e9
    );
}

fn osaka(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row(
        "SELECT id FROM groups WHERE name = '大阪支店'",
        [],
        |r| r.get(0),
    )
    .expect("the group")
}

/// Company devices of 大阪支店, which the job seeding leaves without open jobs.
pub fn wipeable(path: &Path) -> Vec<i64> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut stmt = conn
        .prepare("SELECT id FROM devices WHERE group_id = ?1 AND ownership = 'company' ORDER BY id")
        .expect("query");
    let ids = stmt.query_map([osaka(path)], |r| r.get(0)).expect("ids");
    ids.collect::<Result<Vec<i64>, _>>().expect("ids")
}
