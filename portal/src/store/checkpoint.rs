//! Copying SQLite's write-ahead log back into the database file, on a thread of its own.
//! Left to SQLite, the connection whose commit takes the log past 1,000 pages does it inside
//! that commit: a 10,000-device registration then paid, inside its request, for copying some
//! 24 MB and an fsync (a third of its time). The writer turns that off and this thread runs
//! a passive checkpoint every second instead, which waits for no one and blocks no one.

use std::{
    path::PathBuf,
    sync::{Mutex, Weak},
    time::Duration,
};

use super::sql::Connection;

/// How often the log is copied back. The log grows by what is written in between.
const INTERVAL: Duration = Duration::from_secs(1);

/// Starts the thread for the database at `path`; it ends once `writer` (the store's writer
/// connection) is dropped with the last clone of the store.
pub(super) fn spawn(path: PathBuf, writer: Weak<Mutex<Connection>>) {
    let spawned = std::thread::Builder::new()
        .name("wal-checkpoint".into())
        .spawn(move || {
            let conn = match rusqlite::Connection::open(&path) {
                Ok(conn) => conn,
                Err(error) => {
                    tracing::error!(%error, "the checkpoint connection did not open");
                    return;
                }
            };
            loop {
                std::thread::sleep(INTERVAL);
                if writer.strong_count() == 0 {
                    return;
                }
                let done = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                    Ok((row.get::<_, i64>(1)?, row.get::<_, i64>(2)?))
                });
                match done {
                    Ok((frames, copied)) => tracing::trace!(frames, copied, "checkpoint"),
                    Err(error) => tracing::warn!(%error, "checkpoint failed"),
                }
            }
        });
    if let Err(error) = spawned {
        tracing::error!(%error, "the checkpoint thread did not start");
    }
}
