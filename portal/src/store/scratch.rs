//! Fresh, empty databases for tests and benchmarks. By default a private SQLite database in
//! memory; when `MDM_TEST_POSTGRES_URL` names a PostgreSQL server (the test command starts a
//! private one), a new database of its own on that server, so the same tests run against both.

use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context;

use super::{database_url::redacted, sql, sql::PgRuntime, Store};

/// The environment variable naming the PostgreSQL server tests run against.
pub const TEST_POSTGRES_URL: &str = "MDM_TEST_POSTGRES_URL";

/// Read connections a scratch PostgreSQL store opens (tests run several stores at once).
const SCRATCH_READERS: usize = 2;

impl Store {
    /// A fresh store for one test: see the module's documentation.
    pub fn open_scratch() -> anyhow::Result<Store> {
        match std::env::var(TEST_POSTGRES_URL) {
            Ok(server) if !server.is_empty() => {
                Store::open_postgres(&scratch_database(&server)?, SCRATCH_READERS)
            }
            _ => Store::open_in_memory(),
        }
    }
}

/// Creates a new, empty database on the PostgreSQL server at `server` (a URL of any database
/// there) and answers its URL.
pub fn scratch_database(server: &str) -> anyhow::Result<String> {
    static MADE: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        "mdm_{}_{}_{}",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed),
        rand::random::<u32>()
    );
    let runtime = PgRuntime::new()?;
    let admin = sql::connect_postgres(server, &runtime)
        .with_context(|| format!("connecting to the test server {}", redacted(server)))?;
    admin
        .execute_batch(&format!("CREATE DATABASE {name}"))
        .with_context(|| format!("creating the database {name}"))?;
    let (base, _) = server
        .split('?')
        .next()
        .and_then(|url| url.rsplit_once('/'))
        .context("the test server's URL names no database")?;
    Ok(format!("{base}/{name}"))
}
