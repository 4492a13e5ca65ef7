//! Long reads that must see the database as of one moment (exports of a whole list) without
//! holding up everyone else: a read transaction on a connection of their own.

use rusqlite::OpenFlags;

use super::{
    sql::{self, Connection, Transaction},
    Location, Store,
};
use crate::error::ApiError;

impl Store {
    /// Runs `read` on the blocking pool inside one read transaction, so everything it reads is
    /// as of the transaction's first read, however long it takes (it may wait on a consumer).
    ///
    /// A file database gets a read-only connection of its own: SQLite's write-ahead log keeps
    /// its snapshot while the store's connection goes on writing, so requests and the engine
    /// are not held up. On PostgreSQL it is a session of its own in a repeatable-read
    /// transaction. An in-memory database (tests, benchmarks) cannot be opened twice; there
    /// the read holds the store's connection until it ends.
    pub async fn read_snapshot<T, F>(&self, read: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = match &*store.location {
                Location::SqliteFile(path) => {
                    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                    let conn = rusqlite::Connection::open_with_flags(path, flags)
                        .map_err(sql::Error::from)?;
                    conn.busy_timeout(std::time::Duration::from_secs(5))
                        .map_err(sql::Error::from)?;
                    conn.pragma_update(None, "mmap_size", 268_435_456)
                        .map_err(sql::Error::from)?;
                    Connection::Sqlite(conn)
                }
                Location::Postgres { url, runtime } => sql::connect_postgres(url, runtime)?,
                Location::Memory => {
                    return store.blocking(|conn| {
                        let tx = conn.snapshot_transaction()?;
                        read(&tx)
                    })
                }
            };
            let tx = conn.snapshot_transaction()?;
            read(&tx)
        })
        .await
        .map_err(ApiError::internal)?
    }
}
