//! The load benchmark's PostgreSQL: a private cluster (`scripts/postgres.sh`) for the run, and
//! the seeded SQLite fleet copied into it, so both databases are measured on the same rows.

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

use mdm_portal::store::{
    sql::{connect_postgres, params_from_iter, PgRuntime, Value},
    Store,
};

/// A private PostgreSQL server, stopped and removed when dropped.
pub struct Cluster {
    dir: PathBuf,
    pub url: String,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh")
}

impl Cluster {
    /// Starts a server in a new folder under `parent`.
    pub fn start(parent: &Path) -> Cluster {
        let dir = parent.join("postgres");
        std::fs::create_dir_all(&dir).expect("the cluster's folder");
        let out = Command::new("bash")
            .arg(script())
            .arg("start")
            .arg(&dir)
            .output()
            .expect("scripts/postgres.sh runs");
        assert!(
            out.status.success(),
            "the cluster did not start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let url = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Cluster { dir, url }
    }

    /// The URL of database `name` on this server.
    pub fn database(&self, name: &str) -> String {
        let (base, _) = self.url.rsplit_once('/').expect("a URL with a database");
        format!("{base}/{name}")
    }

    /// Runs SQL on the server's own database (creating and copying databases).
    pub fn admin(&self, sql: &str) {
        self.try_admin(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// [`Cluster::admin`], answering the server's refusal instead of stopping the run.
    fn try_admin(&self, sql: &str) -> Result<(), String> {
        let runtime = PgRuntime::new().expect("a runtime");
        let conn = connect_postgres(&self.url, &runtime).expect("the server answers");
        conn.execute_batch(sql).map_err(|e| e.to_string())
    }

    /// Creates database `copy` as a copy of `template`, file by file (PostgreSQL 15's default
    /// strategy reads a multi-gigabyte template page by page through shared buffers). A copy
    /// that fails is tried again; one that fails three times stops the run with the server's
    /// message (a full disk shows as "No space left on device").
    pub fn copy_database(&self, template: &str, copy: &str) {
        let sql = format!("CREATE DATABASE {copy} TEMPLATE {template} STRATEGY = FILE_COPY");
        for attempt in 1..=3 {
            match self.try_admin(&sql) {
                Ok(()) => return,
                Err(e) if attempt < 3 => {
                    println!("{sql}: {e}; trying again");
                    std::thread::sleep(std::time::Duration::from_secs(2));
                }
                Err(e) => panic!("{sql}: {e}"),
            }
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(&self.dir)
            .status();
    }
}

/// Tables in an order that respects their references.
const TABLES: &[&str] = &[
    "tenants",
    "administrators",
    "sessions",
    "audit_log",
    "groups",
    "wifi_settings",
    "dep_profiles",
    "devices",
    "wipes",
    "jobs",
    "job_events",
    "job_attempts",
    "device_locations",
    "audit_subjects",
    "help_feedback",
    "api_tokens",
    "sign_in_attempts",
];

/// Most parameters one INSERT binds (PostgreSQL allows 65,535).
const PARAMETERS_PER_INSERT: usize = 30_000;

/// Copies every row of the SQLite database at `sqlite` into the new PostgreSQL database `url`
/// (which it migrates first), then analyzes it.
pub fn copy_sqlite_into(sqlite: &Path, url: &str) {
    let started = Instant::now();
    let source =
        rusqlite::Connection::open_with_flags(sqlite, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("the seeded file opens");
    let store = Store::open_postgres(url, 0).expect("the copy's database opens");
    let mut copied = 0usize;
    store
        .blocking(|conn| {
            // Rows arrive in id order, so a row may name one not copied yet (a Hybrid pair's
            // partner): references are checked by the seed that wrote them, not again here.
            conn.execute_batch("SET session_replication_role = replica")?;
            let tx = conn.transaction()?;
            for table in TABLES {
                let columns: Vec<String> = source
                    .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                    .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                    .expect("the table's columns");
                let per_insert = PARAMETERS_PER_INSERT / columns.len();
                let mut select = source
                    .prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))
                    .expect("the rows");
                let mut rows = select.query([]).expect("the rows");
                let mut batch = Vec::new();
                let mut count = 0;
                while let Some(row) = rows.next().expect("a row") {
                    for index in 0..columns.len() {
                        batch.push(value(row.get_ref(index).expect("a column")));
                    }
                    count += 1;
                    if count == per_insert {
                        insert(&tx, table, &columns, &mut batch, count)?;
                        copied += count;
                        count = 0;
                    }
                }
                if count > 0 {
                    insert(&tx, table, &columns, &mut batch, count)?;
                    copied += count;
                }
                if columns.iter().any(|c| c == "id") {
                    tx.execute_batch(&format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                         (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
                    ))?;
                }
            }
            tx.commit()?;
            conn.execute_batch("SET session_replication_role = origin")?;
            // Statistics for the planner, and the visibility map that lets list queries read
            // their indexes only (a bulk load leaves it empty until a vacuum).
            conn.execute_batch("VACUUM ANALYZE")?;
            Ok(())
        })
        .expect("the copy");
    println!(
        "copied {copied} rows into PostgreSQL in {:.0} s",
        started.elapsed().as_secs_f64()
    );
}

fn insert(
    conn: &mdm_portal::store::sql::Connection,
    table: &str,
    columns: &[String],
    batch: &mut Vec<Value>,
    rows: usize,
) -> mdm_portal::store::sql::Result<()> {
    let row = format!("({})", vec!["?"; columns.len()].join(", "));
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        columns.join(", "),
        vec![row.as_str(); rows].join(", ")
    );
    conn.execute(&sql, params_from_iter(batch.drain(..)))?;
    Ok(())
}

fn value(value: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}
