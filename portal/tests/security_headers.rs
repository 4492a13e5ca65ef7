//! Every response carries the browser security headers: the console's pages and files, the
//! API's JSON (which is also never cached), errors, and the notice shown when no console is built.

mod common;

use axum::http::StatusCode;
use common::{test_settings, TestApp, TestResponse};
use mdm_portal::{security::Origin, Settings};

fn header<'a>(response: &'a TestResponse, name: &str) -> Option<&'a str> {
    response.headers.get(name).map(|v| v.to_str().unwrap())
}

fn assert_secured(response: &TestResponse, what: &str) {
    let csp = header(response, "content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no Content-Security-Policy"));
    assert!(csp.contains("default-src 'self'"), "{what}: {csp}");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{what}: {csp}"
    );
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{what}: {csp}"
    );
    assert_eq!(
        header(response, "x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        header(response, "referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
    assert_eq!(
        header(response, "cross-origin-opener-policy"),
        Some("same-origin"),
        "{what}"
    );
    assert!(
        header(response, "permissions-policy").is_some_and(|p| p.contains("camera=()")),
        "{what}"
    );
}

fn dist(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mdm-dist-sec-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::write(dir.join("app-d111f6a7174f11fd.js"), "console.log(1)").unwrap();
    dir
}

#[tokio::test]
async fn pages_files_and_api_answers_carry_the_security_headers() {
    let mut app = TestApp::with_settings(Settings {
        dist: Some(dist("pages")),
        ..test_settings()
    });
    for path in ["/", "/jobs/42", "/app-d111f6a7174f11fd.js"] {
        let response = app.get(path).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert_secured(&response, path);
        assert_eq!(
            header(&response, "x-frame-options"),
            Some("SAMEORIGIN"),
            "{path}"
        );
        assert_eq!(
            header(&response, "strict-transport-security"),
            None,
            "{path}"
        );
    }

    // The API's answers (who is signed in: nobody), a refusal and an unknown path included,
    // are never stored by caches.
    for (path, status) in [
        ("/api/session", StatusCode::OK),
        ("/api/groups", StatusCode::UNAUTHORIZED),
        ("/api/nothing", StatusCode::NOT_FOUND),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status, status, "{path}");
        assert_secured(&response, path);
        assert_eq!(
            header(&response, "cache-control"),
            Some("no-store"),
            "{path}"
        );
    }
    let signed_in = app.sign_in("admin", "Demo#2026").await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_secured(&signed_in, "sign-in");
    let groups = app.get("/api/groups").await;
    assert_eq!(groups.status, StatusCode::OK);
    assert_eq!(header(&groups, "cache-control"), Some("no-store"));
}

#[tokio::test]
async fn configured_hosts_may_frame_the_console_and_https_adds_hsts() {
    let mut app = TestApp::with_settings(Settings {
        frame_ancestors: vec![Origin::parse("https://intranet.example.co.jp").unwrap()],
        secure_cookies: true,
        ..test_settings()
    });
    // No console built: the notice page is secured the same way.
    let response = app.get("/devices").await;
    assert_secured(&response, "notice");
    let csp = header(&response, "content-security-policy").unwrap();
    assert!(
        csp.contains("frame-ancestors 'self' https://intranet.example.co.jp"),
        "{csp}"
    );
    assert_eq!(header(&response, "x-frame-options"), None);
    assert!(header(&response, "strict-transport-security").is_some());
}

/// `--secure-cookies`: every cookie the portal sets says `Secure` (a browser then never sends
/// the session over plain HTTP); without it none does, so sign-in works on `http://` locally.
#[tokio::test]
async fn secure_cookies_mark_every_cookie_secure_and_only_then() {
    for secure in [true, false] {
        let mut app = TestApp::with_settings(Settings {
            secure_cookies: secure,
            ..test_settings()
        });
        let mut set = app.get("/api/session").await.set_cookies();
        set.extend(app.sign_in("admin", "Demo#2026").await.set_cookies());
        let names: Vec<&str> = set.iter().map(|c| c.split('=').next().unwrap()).collect();
        // Behind HTTPS the names carry the `__Host-` prefix (portal/tests/csrf_binding.rs).
        let prefix = if secure { "__Host-" } else { "" };
        let (session, csrf) = (format!("{prefix}mdm_session"), format!("{prefix}mdm_csrf"));
        assert!(
            names.contains(&session.as_str()) && names.contains(&csrf.as_str()),
            "{set:?}"
        );
        for cookie in &set {
            let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
            assert_eq!(
                attributes.contains(&"Secure"),
                secure,
                "secure_cookies={secure}: {cookie}"
            );
        }
    }
}
