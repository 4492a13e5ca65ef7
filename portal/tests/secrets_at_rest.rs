//! What a copy of the database file gives away: no session or bearer token in clear, only
//! their SHA-256 hashes (a stolen backup signs nobody in). Reads the SQLite file itself.

mod common;

use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use common::{start_time, test_settings, TestApp, TEST_FLEET};
use mdm_portal::{
    auth::HashCost,
    engine::clock::Clock,
    store::{seed::seed_demo, Store},
    AppState,
};
use rusqlite::{types::ValueRef, Connection};
use sha2::{Digest, Sha256};

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every cell of every table, as text.
fn every_cell(db: &std::path::Path) -> Vec<(String, String)> {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut cells = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                let text = match row.get_ref(i).unwrap() {
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        String::from_utf8_lossy(t).into_owned()
                    }
                    _ => continue,
                };
                cells.push((table.clone(), text));
            }
        }
    }
    cells
}

#[tokio::test]
async fn the_database_file_holds_hashes_of_sessions_and_tokens_never_the_tokens() {
    let dir = std::env::temp_dir().join(format!("mdm-secrets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("portal.sqlite3");
    let store = Store::open(&db).unwrap();
    store
        .blocking(|conn| seed_demo(conn, HashCost::Fast, TEST_FLEET, start_time()))
        .unwrap();
    let state = AppState::new(store, Clock::manual(start_time()), test_settings()).unwrap();
    let mut app = TestApp::with_state(state);

    assert_eq!(
        app.sign_in("admin", "Demo#2026").await.status,
        StatusCode::OK
    );
    let session = app
        .jar
        .get("mdm_session")
        .cloned()
        .expect("a session cookie");
    let issued = app
        .send_raw(
            Request::post("/api/auth/tokens")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(r#"{"username":"admin","password":"Demo#2026"}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.text());
    let token = issued.json()["token"].as_str().unwrap().to_string();

    let cells = every_cell(&db);
    for (secret, what) in [(&session, "session"), (&token, "bearer token")] {
        let leaked: Vec<&String> = cells
            .iter()
            .filter(|(_, text)| text.contains(secret.as_str()))
            .map(|(t, _)| t)
            .collect();
        assert!(
            leaked.is_empty(),
            "the {what} is stored in clear in {leaked:?}"
        );
    }
    let stored = |table: &str, hash: &str| cells.iter().any(|(t, text)| t == table && text == hash);
    assert!(
        stored("sessions", &sha256_hex(&session)),
        "the session is stored as its SHA-256"
    );
    assert!(
        stored("api_tokens", &sha256_hex(&token)),
        "the token is stored as its SHA-256"
    );
    drop(app);
    let _ = std::fs::remove_dir_all(dir);
}
