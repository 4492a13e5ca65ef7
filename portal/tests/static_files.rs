//! Static serving never hands out dotfiles or anything outside the console's folder, from
//! memory or from disk: `/.env`, Trunk's `/.stage/…`, their percent-encoded spellings, and
//! symbolic links inside the folder that lead out of it.

mod common;

use axum::http::StatusCode;
use common::{test_settings, TestApp};
use mdm_portal::Settings;

const INDEX: &str = "<!doctype html><title>console</title>";

/// A console folder with the things that must never be served, and a secret outside it.
fn dist() -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("mdm-static-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dist = root.join("dist");
    std::fs::create_dir_all(dist.join(".stage")).unwrap();
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(dist.join("index.html"), INDEX).unwrap();
    std::fs::write(dist.join("assets/app.js"), "console.log('served')").unwrap();
    std::fs::write(dist.join(".env"), "SECRET=dotfile").unwrap();
    std::fs::write(dist.join(".stage/index.html"), "SECRET=staged").unwrap();
    std::fs::write(root.join("outside.txt"), "SECRET=outside").unwrap();
    std::fs::create_dir_all(root.join("elsewhere")).unwrap();
    std::fs::write(root.join("elsewhere/file.txt"), "SECRET=linked folder").unwrap();
    std::os::unix::fs::symlink(root.join("outside.txt"), dist.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("elsewhere"), dist.join("linked")).unwrap();
    dist
}

#[tokio::test]
async fn hidden_and_outside_files_are_never_served() {
    let dist = dist();
    let mut app = TestApp::with_settings(Settings {
        dist: Some(dist.clone()),
        ..test_settings()
    });
    assert_eq!(
        app.get("/assets/app.js").await.text(),
        "console.log('served')"
    );
    // Files that appear after start are read from disk: the same rules apply there.
    std::fs::write(dist.join(".late"), "SECRET=late dotfile").unwrap();
    std::fs::write(dist.join("assets/late.js"), "console.log('late')").unwrap();
    assert_eq!(
        app.get("/assets/late.js").await.text(),
        "console.log('late')"
    );
    for path in [
        "/.env",
        "/.late",
        "/%2Eenv",
        "/%2eenv",
        "/.stage/index.html",
        "/%2Estage/index.html",
        "/assets/../.env",
        "/assets/%2E%2E/.env",
        "/link.txt",
        "/linked/file.txt",
        "/%6Cinked/file.txt",
    ] {
        let answer = app.get(path).await;
        let text = answer.text();
        assert!(!text.contains("SECRET"), "{path} leaked: {text}");
        assert!(
            answer.status == StatusCode::OK && text == INDEX || answer.status.is_client_error(),
            "{path}: {} {text}",
            answer.status
        );
    }
}
