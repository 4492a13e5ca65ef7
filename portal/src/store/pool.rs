//! Read connections beside the one writer. On SQLite (WAL mode) a read-only connection works
//! on the last committed state while the writer writes; on PostgreSQL each reader is a session
//! of its own. Either way list pages, job details and session checks do not queue behind a
//! simulator step or a 10,000-device registration. Hand-made rather than a pool crate: it is a
//! vector, a condition variable and a few counters, over the store's own connection type.

use std::{
    path::Path,
    sync::{
        atomic::{AtomicU64, AtomicUsize, Ordering},
        Condvar, Mutex,
    },
    time::Instant,
};

use rusqlite::OpenFlags;

use super::sql::Connection;

/// Figures about the pool for `/metrics`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PoolStats {
    /// Read-only connections opened (0: every read uses the writer connection).
    pub readers: usize,
    /// Readers lent out right now.
    pub readers_busy: usize,
    /// Reads that found every reader busy and waited.
    pub read_waits: u64,
    /// Seconds spent waiting for a reader, summed.
    pub read_wait_seconds: f64,
    /// Seconds spent waiting for the writer connection, summed.
    pub writer_wait_seconds: f64,
}

/// The idle read-only connections and what the pool has seen.
#[derive(Debug, Default)]
pub struct ReadPool {
    idle: Mutex<Vec<Connection>>,
    returned: Condvar,
    size: usize,
    busy: AtomicUsize,
    waits: AtomicU64,
    wait_micros: AtomicU64,
    pub(super) writer_wait_micros: AtomicU64,
}

impl ReadPool {
    /// Opens `size` read-only connections to the SQLite database file.
    pub fn open_sqlite(path: &Path, size: usize) -> rusqlite::Result<ReadPool> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let idle = (0..size)
            .map(|_| {
                let conn = rusqlite::Connection::open_with_flags(path, flags)?;
                // A smaller page cache each than the writer's: the pages they share live in
                // the memory map, which every connection of the process reads from.
                conn.pragma_update(None, "cache_size", -16_384)?;
                conn.pragma_update(None, "mmap_size", 268_435_456)?;
                conn.busy_timeout(std::time::Duration::from_secs(5))?;
                conn.set_prepared_statement_cache_capacity(128);
                Ok(Connection::Sqlite(conn))
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ReadPool::of(idle))
    }

    /// A pool of connections opened already (PostgreSQL sessions).
    pub fn of(connections: Vec<Connection>) -> ReadPool {
        ReadPool {
            size: connections.len(),
            idle: Mutex::new(connections),
            ..ReadPool::default()
        }
    }

    /// Whether reads have connections of their own.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Runs `f` on an idle reader, waiting for one when all are lent out.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let conn = self.take();
        self.busy.fetch_add(1, Ordering::Relaxed);
        // Given back even when `f` panics, so a panicking handler does not shrink the pool.
        let mut lent = Lent {
            pool: self,
            conn: Some(conn),
        };
        f(lent.conn.as_mut().expect("lent connection"))
    }

    fn take(&self) -> Connection {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(conn) = idle.pop() {
            return conn;
        }
        let started = Instant::now();
        self.waits.fetch_add(1, Ordering::Relaxed);
        loop {
            idle = self.returned.wait(idle).unwrap_or_else(|p| p.into_inner());
            if let Some(conn) = idle.pop() {
                let waited = started.elapsed().as_micros() as u64;
                self.wait_micros.fetch_add(waited, Ordering::Relaxed);
                return conn;
            }
        }
    }

    /// The pool's figures now.
    pub fn stats(&self) -> PoolStats {
        PoolStats {
            readers: self.size,
            readers_busy: self.busy.load(Ordering::Relaxed),
            read_waits: self.waits.load(Ordering::Relaxed),
            read_wait_seconds: self.wait_micros.load(Ordering::Relaxed) as f64 / 1e6,
            writer_wait_seconds: self.writer_wait_micros.load(Ordering::Relaxed) as f64 / 1e6,
        }
    }
}

/// A reader on loan.
struct Lent<'a> {
    pool: &'a ReadPool,
    conn: Option<Connection>,
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            let mut idle = self.pool.idle.lock().unwrap_or_else(|p| p.into_inner());
            idle.push(conn);
            self.pool.busy.fetch_sub(1, Ordering::Relaxed);
            self.pool.returned.notify_one();
        }
    }
}
