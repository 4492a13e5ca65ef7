//! Serving the built console: deep links, precompressed variants chosen by
//! `Accept-Encoding`, and cache lifetimes (a year for hashed files, none for `index.html`).

mod common;

use std::io::Read;

use axum::{
    body::Body,
    http::{header, Method, Request, StatusCode},
};
use common::{test_settings, TestApp, TestResponse};
use mdm_portal::Settings;

/// An `index.html` long enough to be worth compressing, as Trunk's is.
fn index_html() -> String {
    let links: String = (0..40)
        .map(|i| format!("<link rel=\"stylesheet\" href=\"/style-{i:016x}.css\">\n"))
        .collect();
    format!("<!doctype html><title>console</title>\n{links}")
}
const HASHED_JS: &str = "/mdm-console-d111f6a7174f11fd.js";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Compressible script text, long enough that compression clearly pays.
fn script() -> String {
    (0..400)
        .map(|i| format!("export function row{i}(cell) {{ return cell.textContent; }}\n"))
        .collect()
}

/// A dist folder of its own for each test (`name`), like Trunk's output.
fn dist(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mdm-dist-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), index_html()).unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log(1)").unwrap();
    std::fs::write(dir.join(&HASHED_JS[1..]), script()).unwrap();
    // Already-compressed bytes (a PNG signature and noise) get no variants.
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n"
        .iter()
        .copied()
        .chain((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8))
        .collect();
    std::fs::write(dir.join("logo-4e8ad762e7da82cf.png"), png).unwrap();
    // Trunk's staging folder of a build in progress is not part of the console.
    std::fs::create_dir_all(dir.join(".stage")).unwrap();
    std::fs::write(dir.join(".stage/index.html"), "half-built").unwrap();
    dir
}

fn app_for(name: &str) -> TestApp {
    TestApp::with_settings(Settings {
        dist: Some(dist(name)),
        ..test_settings()
    })
}

async fn get_with(
    app: &mut TestApp,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> TestResponse {
    let mut builder = Request::builder().method(Method::GET).uri(path);
    for (name, value) in headers {
        builder = builder.header(name, *value);
    }
    app.send_raw(builder.body(Body::empty()).unwrap()).await
}

fn header_of(response: &TestResponse, name: header::HeaderName) -> Option<&str> {
    response.headers.get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn files_and_deep_links_are_served_from_dist() {
    let mut app = app_for("basic");

    let index = app.get("/").await;
    assert_eq!(index.status, StatusCode::OK);
    assert_eq!(index.text(), index_html());

    let asset = app.get("/assets/app.js").await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(asset.text(), "console.log(1)");
    assert!(header_of(&asset, header::CONTENT_TYPE)
        .unwrap()
        .contains("javascript"));

    // A client-side route loads the app itself.
    let deep = app.get("/jobs/42").await;
    assert_eq!(deep.status, StatusCode::OK);
    assert_eq!(deep.text(), index_html());

    // The API is not shadowed by the fallback: an unknown API path is a JSON 404.
    let api = app.get("/api/nothing/42").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.error().code, mdm_model::ErrorCode::NotFound);
}

#[tokio::test]
async fn the_smallest_accepted_encoding_is_sent() {
    let mut app = app_for("encodings");
    let raw = script();

    let br = get_with(
        &mut app,
        HASHED_JS,
        &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
    )
    .await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(header_of(&br, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(header_of(&br, header::VARY), Some("Accept-Encoding"));
    assert!(br.body.len() * 4 < raw.len(), "brotli is much smaller");
    let mut decoded = String::new();
    brotli::Decompressor::new(&br.body[..], 4096)
        .read_to_string(&mut decoded)
        .unwrap();
    assert_eq!(decoded, raw);

    let gz = get_with(
        &mut app,
        HASHED_JS,
        &[(header::ACCEPT_ENCODING, "gzip, br;q=0")],
    )
    .await;
    assert_eq!(header_of(&gz, header::CONTENT_ENCODING), Some("gzip"));
    let mut decoded = String::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_string(&mut decoded)
        .unwrap();
    assert_eq!(decoded, raw);

    let plain = get_with(&mut app, HASHED_JS, &[]).await;
    assert_eq!(header_of(&plain, header::CONTENT_ENCODING), None);
    assert_eq!(header_of(&plain, header::VARY), Some("Accept-Encoding"));
    assert_eq!(plain.text(), raw);

    // An image is not compressed again, whatever the browser accepts.
    let png = get_with(
        &mut app,
        "/logo-4e8ad762e7da82cf.png",
        &[(header::ACCEPT_ENCODING, "br, gzip")],
    )
    .await;
    assert_eq!(png.status, StatusCode::OK);
    assert_eq!(header_of(&png, header::CONTENT_ENCODING), None);
    assert_eq!(header_of(&png, header::CONTENT_TYPE), Some("image/png"));
}

#[tokio::test]
async fn hashed_files_are_immutable_and_index_html_is_revalidated() {
    let mut app = app_for("caching");
    for path in [HASHED_JS, "/logo-4e8ad762e7da82cf.png"] {
        let response = app.get(path).await;
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL),
            Some(IMMUTABLE),
            "{path}"
        );
    }
    for path in [
        "/",
        "/index.html",
        "/jobs/42",
        "/devices?group=3",
        "/assets/app.js",
    ] {
        let response = get_with(&mut app, path, &[(header::ACCEPT_ENCODING, "br")]).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL),
            Some("no-cache"),
            "{path}"
        );
    }
    // A deep link gets the compressed index like `/` does.
    let deep = get_with(
        &mut app,
        "/jobs/42",
        &[(header::ACCEPT_ENCODING, "gzip, br")],
    )
    .await;
    assert_eq!(header_of(&deep, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(header_of(&deep, header::VARY), Some("Accept-Encoding"));
    // A staged file is not the console's: the address is a deep link like any other.
    let staged = app.get("/.stage/index.html").await;
    assert_eq!(staged.text(), index_html());
    assert_ne!(header_of(&staged, header::CACHE_CONTROL), Some(IMMUTABLE));
    // A deep link that looks like a hashed file name is still the uncached index.
    let fake = app.get("/jobs/mdm-console-0123456789abcdef.js").await;
    assert_eq!(fake.text(), index_html());
    assert_eq!(header_of(&fake, header::CACHE_CONTROL), Some("no-cache"));
}

#[tokio::test]
async fn revalidation_answers_not_modified_per_encoding() {
    let mut app = app_for("etag");
    let first = get_with(&mut app, "/", &[(header::ACCEPT_ENCODING, "gzip")]).await;
    let etag = header_of(&first, header::ETAG).unwrap().to_string();
    let again = get_with(
        &mut app,
        "/",
        &[
            (header::ACCEPT_ENCODING, "gzip"),
            (header::IF_NONE_MATCH, &etag),
        ],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    // The same tag does not validate another encoding's bytes.
    let other = get_with(&mut app, "/", &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(other.status, StatusCode::OK);
}

#[tokio::test]
async fn a_file_rebuilt_after_start_is_served_fresh() {
    let dir = dist("rebuilt");
    let mut app = TestApp::with_settings(Settings {
        dist: Some(dir.clone()),
        ..test_settings()
    });
    // Make sure the modification time moves even on coarse-grained file systems.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>new build</title>",
    )
    .unwrap();
    let file = std::fs::File::options()
        .append(true)
        .open(dir.join("index.html"))
        .unwrap();
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let index = get_with(&mut app, "/jobs/7", &[(header::ACCEPT_ENCODING, "br")]).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text().contains("new build"), "{}", index.text());
    assert_eq!(header_of(&index, header::CACHE_CONTROL), Some("no-cache"));
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
