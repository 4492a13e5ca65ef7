//! `/healthz` and `/readyz` for orchestrators, and a database written by a newer portal refused
//! at start rather than misread.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use mdm_portal::store::{migrations, sql::Dialect, Store};

#[tokio::test]
async fn alive_and_ready_without_signing_in() {
    let mut app = TestApp::new();
    let alive = app.get("/healthz").await;
    assert_eq!(alive.status, StatusCode::OK);
    assert_eq!(alive.body, b"ok");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.text());
    let body = ready.json();
    assert_eq!(body["ready"], true);
    let head = migrations::head(app.state.store.dialect());
    assert_eq!(body["schema_version"], head);
    assert_eq!(body["schema_head"], head);
}

#[test]
fn a_database_with_a_newer_schema_is_refused_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("mdm-health-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("newer.sqlite3");
    let _ = std::fs::remove_file(&path);
    let head = migrations::head(Dialect::Sqlite);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", head + 1).unwrap();
    drop(conn);
    let refused = Store::open(&path).err().expect("a newer schema is refused");
    let reason = format!("{refused:#}");
    assert!(
        reason.contains(&format!(
            "schema is version {}, newer than this portal knows ({})",
            head + 1,
            head
        )),
        "{reason}"
    );
    // Nothing was written: the version is still the newer one.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, head + 1);
}
