//! Storage on SQLite (embedded, the default) or PostgreSQL (several portal instances): opening
//! the database, applying migrations, and one module of SQL per kind of data, written once
//! against [`sql`]. Handlers never write SQL; they call the functions here through
//! [`Store::call`].

pub mod admins;
pub mod audit;
pub mod backup;
pub mod catalog;
mod checkpoint;
pub mod database_url;
mod device_filter_sql;
pub mod device_lists;
pub mod devices;
pub mod groups;
pub mod instances;
pub mod jobs;
pub mod locations;
pub mod migrations;
pub mod pool;
mod scratch;
mod search_text;
pub mod seed;
pub mod sessions;
pub mod sign_in_attempts;
mod snapshot;
pub mod sql;
pub mod stats;
pub mod tokens;
pub use scratch::{scratch_database, TEST_POSTGRES_URL};
mod writer_lock;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use anyhow::Context;

use crate::error::ApiError;
use sql::{Connection, PgRuntime};

/// Timestamps are stored as milliseconds since the Unix epoch (UTC): compact, and they sort
/// and compare as plain integers in indexes.
pub type Millis = i64;

/// A stored time from a model time.
pub fn to_millis(time: chrono::DateTime<chrono::Utc>) -> Millis {
    time.timestamp_millis()
}

/// A model time from a stored time (out-of-range values, which the portal never writes,
/// read as the epoch).
pub fn from_millis(millis: Millis) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// Reads a text column into a type with a `FromStr` (the model's vocabularies, versions).
pub fn parse_col<T: std::str::FromStr>(row: &sql::Row<'_>, index: usize) -> sql::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text: String = row.get(index)?;
    text.parse()
        .map_err(|e| sql::Error::FromSqlConversionFailure(index, sql::Type::Text, Box::new(e)))
}

/// Like [`parse_col`] for a column that may be NULL.
pub fn parse_opt_col<T: std::str::FromStr>(
    row: &sql::Row<'_>,
    index: usize,
) -> sql::Result<Option<T>>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text: Option<String> = row.get(index)?;
    text.map(|text| {
        text.parse()
            .map_err(|e| sql::Error::FromSqlConversionFailure(index, sql::Type::Text, Box::new(e)))
    })
    .transpose()
}

/// The machine's name, as far as the environment says (instance names in logs).
fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "portal".to_string())
}

/// Read-only connections a database gets by default.
pub const DEFAULT_READERS: usize = 4;

/// Where the store's data lives.
enum Location {
    /// A private SQLite database in memory (tests, benchmarks).
    Memory,
    SqliteFile(PathBuf),
    Postgres {
        url: String,
        runtime: Arc<PgRuntime>,
    },
}

/// Handle to the database. Cloning is cheap; all clones share one writer connection, used by
/// one task at a time on tokio's blocking pool, and a pool of read connections.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    readers: Arc<pool::ReadPool>,
    /// The changes written through this store, for the list caches.
    ledger: Arc<crate::cache::Ledger>,
    location: Arc<Location>,
    /// This process's name among the instances sharing a PostgreSQL database.
    instance: Arc<String>,
}

impl Store {
    /// Opens (creating if needed) the database file, its parent folder included, and applies
    /// any pending migrations; reads get [`DEFAULT_READERS`] connections of their own.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        Store::open_with_readers(path, DEFAULT_READERS)
    }

    /// [`Store::open`] with `readers` read-only connections (0: reads share the writer's).
    pub fn open_with_readers(path: &Path, readers: usize) -> anyhow::Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating the database folder {}", parent.display()))?;
        }
        let conn = rusqlite::Connection::open(path)
            .with_context(|| format!("opening the database {}", path.display()))?;
        // WAL lets readers (for example a backup) proceed while the portal writes.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A larger page cache and memory-mapped reads keep a 100,000-device fleet's indexes
        // in memory.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "mmap_size", 268_435_456)?;
        // The log is copied back by a thread of its own (see `checkpoint`), not by commits.
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        // A statement that may fail halfway keeps its undo journal in memory, not in a file.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        let mut store = Store::prepare(conn, Location::SqliteFile(path.to_path_buf()))?;
        checkpoint::spawn(path.to_path_buf(), Arc::downgrade(&store.conn));
        // Opened after the migrations, so every reader sees the schema at head.
        let readers = pool::ReadPool::open_sqlite(path, readers)
            .with_context(|| format!("opening read connections to {}", path.display()))?;
        store.readers = Arc::new(readers);
        Ok(store)
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> anyhow::Result<Store> {
        Store::prepare(rusqlite::Connection::open_in_memory()?, Location::Memory)
    }

    fn prepare(conn: rusqlite::Connection, location: Location) -> anyhow::Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.set_prepared_statement_cache_capacity(128);
        let mut conn = Connection::Sqlite(conn);
        migrations::apply(&mut conn).context("applying database migrations")?;
        Ok(Store::around(conn, pool::ReadPool::default(), location))
    }

    /// Opens the PostgreSQL database at `url` with `readers` connections for reads beside
    /// the writer, and applies any pending migrations.
    pub fn open_postgres(url: &str, readers: usize) -> anyhow::Result<Store> {
        let runtime = PgRuntime::new().context("starting the PostgreSQL connection runtime")?;
        let connect = || {
            sql::connect_postgres(url, &runtime).with_context(|| {
                format!(
                    "connecting to PostgreSQL at {}",
                    database_url::redacted(url)
                )
            })
        };
        let mut conn = connect()?;
        migrations::apply(&mut conn).context("applying database migrations")?;
        let readers = (0..readers)
            .map(|_| connect())
            .collect::<anyhow::Result<_>>()?;
        let location = Location::Postgres {
            url: url.to_string(),
            runtime,
        };
        Ok(Store::around(conn, pool::ReadPool::of(readers), location))
    }

    /// Opens the database a `--database-url` names.
    pub fn open_url(url: &database_url::DatabaseUrl, readers: usize) -> anyhow::Result<Store> {
        match url {
            database_url::DatabaseUrl::Sqlite(path) => Store::open_with_readers(path, readers),
            database_url::DatabaseUrl::Postgres(url) => Store::open_postgres(url, readers),
        }
    }

    fn around(conn: Connection, readers: pool::ReadPool, location: Location) -> Store {
        Store {
            conn: Arc::new(Mutex::new(conn)),
            readers: Arc::new(readers),
            ledger: Arc::default(),
            location: Arc::new(location),
            instance: Arc::new(format!(
                "{}-{}-{:08x}",
                hostname(),
                std::process::id(),
                rand::random::<u32>()
            )),
        }
    }

    /// Which SQL the database speaks.
    pub fn dialect(&self) -> sql::Dialect {
        match *self.location {
            Location::Postgres { .. } => sql::Dialect::Postgres,
            _ => sql::Dialect::Sqlite,
        }
    }

    /// Runs `f` with the connection on the blocking pool, so SQLite never stalls the async
    /// workers.
    pub async fn call<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.blocking(f))
            .await
            .map_err(ApiError::internal)?
    }

    /// Runs `f` with the connection on the current thread (start-up, seeding, benchmarks).
    pub fn blocking<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        // A panic while holding the lock cannot leave a half-done transaction behind
        // (a dropped transaction rolls back), so a poisoned lock is safe to reuse.
        let asked = std::time::Instant::now();
        let mut conn = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let waited = asked.elapsed().as_micros() as u64;
        self.readers
            .writer_wait_micros
            .fetch_add(waited, std::sync::atomic::Ordering::Relaxed);
        self.reconnect_if_broken(&mut conn)?;
        let result = match conn.dialect() {
            sql::Dialect::Sqlite => f(&mut conn),
            sql::Dialect::Postgres => writer_lock::holding(&mut conn, &self.instance, f),
        };
        // Every transaction `f` opened is committed or rolled back by now: only now may list
        // caches learn of its changes (see `crate::cache`).
        self.ledger.publish();
        result
    }

    /// A PostgreSQL connection the server closed (a restart, a broken network) is opened
    /// again before it is used; if the database is still away the request answers 503.
    fn reconnect_if_broken(&self, conn: &mut Connection) -> Result<(), ApiError> {
        let Location::Postgres { url, runtime } = &*self.location else {
            return Ok(());
        };
        if !conn.is_broken() {
            return Ok(());
        }
        *conn = sql::connect_postgres(url, runtime)?;
        Ok(())
    }

    /// Runs a read-only `f` on a reader connection on the blocking pool, beside the writer.
    /// An in-memory database (tests) has no readers: `f` then runs on the writer connection.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.read_blocking(f))
            .await
            .map_err(ApiError::internal)?
    }

    /// [`Store::read`] on the current thread.
    pub fn read_blocking<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        if self.readers.is_empty() {
            return self.blocking(|conn| f(conn));
        }
        self.readers.with(|conn| {
            self.reconnect_if_broken(conn)?;
            f(conn)
        })
    }

    /// The changes written through this store, which list caches compare against.
    pub fn ledger(&self) -> Arc<crate::cache::Ledger> {
        self.ledger.clone()
    }

    /// The connection pool's figures (`/metrics`).
    pub fn pool_stats(&self) -> pool::PoolStats {
        self.readers.stats()
    }
}
