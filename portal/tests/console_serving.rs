//! Serving the built console, deep links included.

mod common;

use axum::http::{header, StatusCode};
use common::{test_settings, TestApp};
use mdm_portal::Settings;

fn dist_with_index() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mdm-portal-dist-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log(1)").unwrap();
    dir
}

#[tokio::test]
async fn files_and_deep_links_are_served_from_dist() {
    let dist = dist_with_index();
    let mut app = TestApp::with_settings(Settings {
        dist: Some(dist),
        ..test_settings()
    });

    let index = app.get("/").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text().contains("<title>console</title>"));

    let asset = app.get("/assets/app.js").await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(asset.text(), "console.log(1)");

    // A client-side route loads the app itself.
    let deep = app.get("/jobs/42").await;
    assert_eq!(deep.status, StatusCode::OK);
    assert!(deep.text().contains("<title>console</title>"));

    // The API is not shadowed by the fallback: an unknown API path is a JSON 404.
    let api = app.get("/api/nothing/42").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.error().code, mdm_model::ErrorCode::NotFound);
}

#[tokio::test]
async fn without_a_built_console_the_api_still_works() {
    let mut app = TestApp::with_settings(Settings {
        dist: Some(std::env::temp_dir().join("mdm-portal-no-such-dist")),
        ..test_settings()
    });
    let root = app.get("/").await;
    assert_eq!(root.status, StatusCode::OK);
    assert!(root.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(root.text().contains("not built"));
    assert_eq!(app.get("/api/session").await.status, StatusCode::OK);
}
