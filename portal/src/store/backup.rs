//! `mdm-portal --backup-to FILE`: a consistent copy of the database, taken while a portal may
//! be running on it. `VACUUM INTO` reads one snapshot (WAL lets it read beside the writer) and
//! writes a compact, self-contained file with no `-wal` beside it, ready to start a portal on.

use std::path::Path;

use anyhow::{bail, Context};
use rusqlite::OpenFlags;

use super::sql::Connection;

/// Copies the database at `db` into the new file `to` and answers its schema version.
pub fn backup(db: &Path, to: &Path) -> anyhow::Result<i64> {
    if !db.is_file() {
        bail!("no database at {}", db.display());
    }
    // Never over an existing file: a backup must not replace an older one by mistake.
    if to.exists() {
        bail!("{} exists already; name a new file", to.display());
    }
    if let Some(parent) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating the folder {}", parent.display()))?;
    }
    let conn = rusqlite::Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("opening {}", db.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    let conn = Connection::Sqlite(conn);
    let version = super::migrations::version(&conn)?;
    let target = to
        .to_str()
        .context("the backup file's name must be valid UTF-8")?;
    conn.execute("VACUUM INTO ?1", [target])
        .with_context(|| format!("writing the backup {}", to.display()))?;
    Ok(version)
}
