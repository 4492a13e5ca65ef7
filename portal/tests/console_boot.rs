//! The console's start-up as an external module: the served `index.html` has no inline script
//! and loads `/console-boot.js`, which the portal makes from Trunk's inline start-up.

mod common;

use axum::http::{header, StatusCode};
use common::{test_settings, TestApp};
use mdm_portal::Settings;

/// Trunk's output, shortened: hashed stylesheets, the inline module, the preloads.
const TRUNK_INDEX: &str = r#"<!doctype html><html lang="ja"><head>
<link rel="stylesheet" href="/standalone.css">
<link rel="stylesheet" href="/base-7890c8b36a95f064.css" integrity="sha384-a"/>
<script type="module">
import init, * as bindings from '/mdm-console-a6f3ec4ba51484b6.js';
const wasm = await init({ module_or_path: '/mdm-console-a6f3ec4ba51484b6_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="/mdm-console-a6f3ec4ba51484b6.js"></head>
<body><div id="mdm-console"></div></body></html>"#;

fn app_with_trunk_index(name: &str) -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("mdm-boot-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), TRUNK_INDEX).unwrap();
    let app = TestApp::with_settings(Settings {
        dist: Some(dir.clone()),
        ..test_settings()
    });
    (app, dir)
}

#[tokio::test]
async fn pages_load_the_boot_module_instead_of_an_inline_script() {
    let (mut app, _) = app_with_trunk_index("index");
    for path in ["/", "/index.html", "/jobs/42", "/help/wipe-options"] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let html = page.text();
        assert!(
            html.contains(r#"<script type="module" src="/console-boot.js"></script>"#),
            "{path}: {html}"
        );
        assert!(!html.contains("import init"), "{path}: no inline start-up");
        assert_eq!(page.headers[header::CACHE_CONTROL], "no-cache");
    }
}

#[tokio::test]
async fn the_boot_module_is_served_with_a_stable_name_and_revalidated() {
    let (mut app, _) = app_with_trunk_index("script");
    let boot = app.get("/console-boot.js").await;
    assert_eq!(boot.status, StatusCode::OK);
    assert!(boot.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert_eq!(boot.headers[header::CACHE_CONTROL], "no-cache");
    let script = boot.text();
    assert!(script.contains(r#"import init from "/mdm-console-a6f3ec4ba51484b6.js";"#));
    assert!(script.contains(r#""/base-7890c8b36a95f064.css""#));
    assert!(!script.contains("standalone.css"));
}

#[tokio::test]
async fn a_new_build_gets_a_new_boot_module() {
    let (mut app, dir) = app_with_trunk_index("rebuilt");
    let before = app.get("/console-boot.js").await.text();
    std::fs::write(
        dir.join("index.html"),
        TRUNK_INDEX.replace("a6f3ec4ba51484b6", "0123456789abcdef"),
    )
    .unwrap();
    let file = std::fs::File::options()
        .append(true)
        .open(dir.join("index.html"))
        .unwrap();
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let after = app.get("/console-boot.js").await.text();
    assert_ne!(before, after);
    assert!(after.contains("/mdm-console-0123456789abcdef.js"));
    assert!(app
        .get("/devices")
        .await
        .text()
        .contains("/console-boot.js"));
}
