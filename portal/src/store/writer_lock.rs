//! One writer at a time across every portal instance on a PostgreSQL database.
//!
//! The store's write functions read and then write (is there an open wipe for this device?
//! then register one), trusting that nothing changes in between: SQLite gives that by having
//! one writer, and each instance's store has one writer connection. On PostgreSQL several
//! instances share the database, so the writer connection holds a session advisory lock while
//! it works. Reads take no lock and run in parallel on their own sessions. A killed instance's
//! session ends with its connection, and the lock with it.

use super::sql::Connection;
use crate::error::ApiError;

/// The advisory lock's key (any constant every instance agrees on: "MDM writer").
const WRITER_KEY: i64 = 0x4D44_4D5F_5752;

/// Runs `f` holding the writer lock, released even when `f` fails or panics. What `f` changed
/// is written to the instances' journal before the lock is let go, so the journal is in the
/// order the changes were made.
pub(super) fn holding<T>(
    conn: &mut Connection,
    instance: &str,
    f: impl FnOnce(&mut Connection) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    conn.execute_batch(&format!("SELECT pg_advisory_lock({WRITER_KEY})"))?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let result = f(&mut *conn);
        super::instances::journal_changes(conn, instance)?;
        result
    }));
    let released = conn.execute_batch(&format!("SELECT pg_advisory_unlock({WRITER_KEY})"));
    match outcome {
        Err(panic) => std::panic::resume_unwind(panic),
        Ok(result) => {
            let value = result?;
            released?;
            Ok(value)
        }
    }
}
