//! Generated bad requests against every operation of the OpenAPI document, sent with a valid
//! session and CSRF token: malformed JSON, wrong types, huge and negative numbers, unknown
//! ids, missing fields and hostile strings in the path, the query and the body. No answer may
//! be a 5xx, and every error must be the API's JSON error with a known, stable code. The test
//! counts, per operation, the requests it could not even build (skipped) and those that got
//! past the session and CSRF checks, and fails when too few did: a fuzz that only ever meets
//! the sign-in wall proves nothing about the handlers behind it.

mod common;

use axum::{
    body::Body,
    http::{header, Method, Request},
};
use common::TestApp;
use mdm_model::{session::CSRF_HEADER, ApiErrorBody, ErrorCode};
use serde_json::{json, Value};

/// Strings an attacker or a broken client might send, already fit for a URL.
const HOSTILE_SEGMENTS: &[&str] = &[
    "0",
    "-1",
    "1.5",
    "abc",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999999",
    "%00",
    "%FF%FE",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%E2%80%AE%D7%90",
    "..%2F..%2Fetc%2Fpasswd",
    "1%27%20OR%201%3D1--",
    "NaN",
    "1e309",
    "true",
];

/// JSON values of every type and some extremes, for fields and whole bodies.
fn hostile_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(0),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(-9.9e300),
        json!(1.5),
        json!(""),
        json!("<img src=x onerror=alert(1)>"),
        json!("\u{202e}\u{0000}\u{feff}'; DROP TABLE jobs;--"),
        json!("x".repeat(70_000)),
        json!([]),
        json!([1, "a", null]),
        json!({}),
        json!({ "kind": "devices", "device_ids": [-1, 0, i64::MAX] }),
        json!("2026-13-45T99:99:99Z"),
    ]
}

/// Raw bodies that are not valid JSON for any operation.
fn malformed_bodies() -> Vec<Vec<u8>> {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    vec![
        b"".to_vec(),
        b"{".to_vec(),
        b"{\"a\":}".to_vec(),
        b"null".to_vec(),
        b"\xff\xfe\x00".to_vec(),
        deep.into_bytes(),
        b"{\"selection\": {\"kind\": \"devices\", \"device_ids\": [1e999]}}".to_vec(),
    ]
}

/// A valid body per operation that has one, so single-field mutations reach deep checks.
/// Sign-in mutations use the operator's name: five wrong passwords lock a name out, and the
/// test keeps signing the admin back in.
fn base_body(path: &str) -> Value {
    match path {
        "/session" | "/auth/tokens" => {
            json!({ "username": "operator", "password": "Operator#2026" })
        }
        "/clock/advance" => json!({ "seconds": 60 }),
        "/help/{article}/feedback" => json!({ "helpful": true, "comment": "fuzz" }),
        "/wipes" | "/wipes/preview" => json!({
            "selection": { "kind": "devices", "device_ids": [1, 2] },
            "options": { "delete_general_info": true, "schedule_at": null,
                         "wifi_setting_id": null, "keep_esim_data_plan": false },
            "password": "Demo#2026",
            "agreed": true,
        }),
        _ => json!({}),
    }
}

/// Every body to try: malformed bytes, whole hostile values, and the base body with each
/// field (one level deep too) missing or replaced by each hostile value.
fn bodies(path: &str) -> Vec<Vec<u8>> {
    let mut out = malformed_bodies();
    let values = hostile_values();
    out.extend(values.iter().map(|v| serde_json::to_vec(v).unwrap()));
    let base = base_body(path);
    let mut variants = Vec::new();
    if let Some(fields) = base.as_object() {
        for (key, inner) in fields {
            let mut missing = base.clone();
            missing.as_object_mut().unwrap().remove(key);
            variants.push(missing);
            for value in &values {
                let mut changed = base.clone();
                changed[key] = value.clone();
                variants.push(changed);
            }
            for inner_key in inner.as_object().map(|o| o.keys()).into_iter().flatten() {
                for value in &values {
                    let mut changed = base.clone();
                    changed[key][inner_key] = value.clone();
                    variants.push(changed);
                }
            }
        }
    }
    out.extend(variants.iter().map(|v| serde_json::to_vec(v).unwrap()));
    out
}

async fn fresh_token(app: &mut TestApp) -> String {
    let request = Request::post("/api/auth/tokens")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"username":"admin","password":"Demo#2026"}"#))
        .unwrap();
    let issued = app.send_raw(request).await;
    assert_eq!(issued.status.as_u16(), 201, "{}", issued.text());
    issued.json()["token"].as_str().unwrap().to_string()
}

/// What became of the requests of one operation.
#[derive(Debug, Default)]
struct Tally {
    tried: usize,
    /// Not a request a client could send at all (the URI does not parse).
    skipped: usize,
    /// Answered by something behind the session and CSRF checks (any answer but
    /// `unauthenticated` or `csrf_rejected`).
    past_the_checks: usize,
}

#[derive(Default)]
struct Outcome {
    tried: usize,
    failures: Vec<String>,
    /// How often each status came back.
    statuses: std::collections::BTreeMap<u16, usize>,
    /// By operation (`POST /wipes`).
    operations: std::collections::BTreeMap<String, Tally>,
}

impl Outcome {
    async fn send(
        &mut self,
        app: &mut TestApp,
        operation: &str,
        method: &Method,
        uri: &str,
        body: Option<Vec<u8>>,
    ) {
        // Renewing and revoking work on a bearer token, not a session: each request gets a
        // fresh one (a revoked token would turn every later request into a 401).
        let bearer = if operation.contains(" /auth/tokens/") {
            Some(fresh_token(app).await)
        } else {
            None
        };
        let tally = self.operations.entry(operation.to_string()).or_default();
        let mut builder = Request::builder().method(method.clone()).uri(uri);
        if let Some(token) = app.csrf_token() {
            builder = builder.header(CSRF_HEADER, token);
        }
        builder = builder.header("idempotency-key", format!("fuzz-{}", self.tried));
        if let Some(token) = bearer {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = match body {
            Some(bytes) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(bytes)),
            None => builder.body(Body::empty()),
        };
        let Ok(request) = request else {
            tally.skipped += 1;
            return;
        };
        self.tried += 1;
        tally.tried += 1;
        let response = app.send_raw(request).await;
        let status = response.status.as_u16();
        *self.statuses.entry(status).or_default() += 1;
        let code = serde_json::from_slice::<ApiErrorBody>(&response.body)
            .map(|e| e.code)
            .ok();
        if !matches!(
            code,
            Some(ErrorCode::Unauthenticated | ErrorCode::CsrfRejected)
        ) {
            tally.past_the_checks += 1;
        }
        let what = format!("{method} {}", uri.chars().take(120).collect::<String>());
        if status >= 500 {
            self.failures
                .push(format!("{what}: {status} {}", response.text()));
            return;
        }
        if status >= 400 {
            match serde_json::from_slice::<ApiErrorBody>(&response.body) {
                Ok(error) if ErrorCode::ALL.contains(&error.code) => {}
                _ => self.failures.push(format!(
                    "{what}: {status} without a known code: {}",
                    response.text()
                )),
            }
        }
        // Signing out (or a sign-in with a changed name) ends the session: start another.
        if !app.jar.contains_key("mdm_session") {
            app.sign_in("admin", "Demo#2026").await;
        }
    }
}

#[tokio::test]
async fn bad_requests_to_every_operation_get_4xx_with_known_codes() {
    let mut app = TestApp::signed_in().await;
    let doc = app.get("/api/openapi.json").await.json();
    let mut outcome = Outcome::default();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method_name, operation) in item.as_object().unwrap() {
            operations += 1;
            let method: Method = method_name.to_uppercase().parse().unwrap();
            let op = format!("{method} {path}");
            let parameters = operation["parameters"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let in_path: Vec<&str> = parameters
                .iter()
                .filter(|p| p["in"] == "path")
                .filter_map(|p| p["name"].as_str())
                .collect();
            let in_query: Vec<&str> = parameters
                .iter()
                .filter(|p| p["in"] == "query")
                .filter_map(|p| p["name"].as_str())
                .collect();
            let concrete = |segment: &str| {
                in_path.iter().fold(path.clone(), |p, name| {
                    p.replace(&format!("{{{name}}}"), segment)
                })
            };
            let has_body = operation.get("requestBody").is_some();
            let body = || has_body.then(|| serde_json::to_vec(&base_body(path)).unwrap());

            // Hostile path segments: unknown, negative, huge, not numbers.
            if !in_path.is_empty() {
                for segment in HOSTILE_SEGMENTS {
                    let uri = format!("/api{}", concrete(segment));
                    outcome.send(&mut app, &op, &method, &uri, body()).await;
                }
            }
            let base_path = format!("/api{}", concrete("1"));
            // Each query parameter with each hostile value, plus repeats and unknown names.
            for name in in_query.iter().copied().chain(["unknown_param"]) {
                for value in HOSTILE_SEGMENTS.iter().chain(&["", "%", "a%20b", "-0"]) {
                    let uri = format!("{base_path}?{name}={value}");
                    outcome.send(&mut app, &op, &method, &uri, body()).await;
                }
                let repeated = format!("{base_path}?{name}=1&{name}=2");
                outcome
                    .send(&mut app, &op, &method, &repeated, body())
                    .await;
            }
            let long = format!("{base_path}?q={}", "%41".repeat(20_000));
            outcome.send(&mut app, &op, &method, &long, body()).await;
            // Bodies: malformed, wrong types, missing and hostile fields.
            if has_body || method != Method::GET {
                for bytes in bodies(path) {
                    outcome
                        .send(&mut app, &op, &method, &base_path, Some(bytes))
                        .await;
                }
            }
        }
    }
    println!(
        "fuzzed {operations} operations with {} requests; {} failures; statuses {:?}",
        outcome.tried,
        outcome.failures.len(),
        outcome.statuses
    );
    for (operation, tally) in &outcome.operations {
        println!(
            "  {operation}: {} sent, {} past the session and CSRF checks, {} skipped",
            tally.tried, tally.past_the_checks, tally.skipped
        );
    }
    assert!(operations >= 10, "the document lists the operations");
    assert_eq!(
        outcome.operations.len(),
        operations,
        "every operation was tried"
    );
    for (operation, tally) in &outcome.operations {
        assert_eq!(
            tally.skipped, 0,
            "{operation}: requests that could not be built"
        );
        // Sign-out and the occasional session the fuzz itself ends aside, nearly all requests
        // must reach what they were aimed at.
        assert!(
            tally.past_the_checks * 100 >= tally.tried * 95,
            "{operation}: only {} of {} requests got past the session and CSRF checks",
            tally.past_the_checks,
            tally.tried
        );
    }
    assert!(
        outcome.failures.is_empty(),
        "{} of {} requests failed:\n{}",
        outcome.failures.len(),
        outcome.tried,
        outcome.failures.join("\n")
    );
}
