//! The OpenAPI document and the real router agree.

mod common;

use std::collections::BTreeSet;

use axum::{
    body::Body,
    http::{Method, Request, StatusCode},
};
use common::TestApp;
use serde_json::Value;

const METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::PATCH,
    Method::DELETE,
];

fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            operations.insert((method.to_uppercase(), path.clone()));
        }
    }
    operations
}

fn concrete(path: &str) -> String {
    path.replace("{id}", "1")
        .replace("{article}", "wipe-lost-device")
}

fn refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target.clone());
            }
            map.values().for_each(|v| refs(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
        _ => {}
    }
}

/// Every operation of the API, written out by hand (the document is built from the route table,
/// so comparing the two proves nothing), with what it answers a caller without session, token
/// or CSRF header: a state-changing call is refused by the CSRF check (403) before anything
/// else, a read that needs a session by the session check (401).
const OPERATIONS: &[(&str, &str, u16)] = &[
    ("GET", "/session", 200),
    ("POST", "/session", 403),
    ("DELETE", "/session", 403),
    ("PUT", "/session/time-zone", 403),
    ("POST", "/auth/tokens", 400),
    ("POST", "/auth/tokens/renew", 403),
    ("DELETE", "/auth/tokens/current", 403),
    ("GET", "/openapi.json", 200),
    ("GET", "/groups", 401),
    ("GET", "/devices", 401),
    ("GET", "/devices.csv", 401),
    ("GET", "/wifi-settings", 401),
    ("GET", "/dep-profiles", 401),
    ("POST", "/wipes/preview", 403),
    ("POST", "/wipes", 403),
    ("POST", "/measures/counts", 403),
    ("POST", "/measures/preview", 403),
    ("POST", "/measures", 403),
    ("GET", "/devices/{id}/locations", 401),
    ("GET", "/jobs", 401),
    ("GET", "/jobs.csv", 401),
    ("GET", "/jobs/{id}", 401),
    ("GET", "/jobs/{id}/audit", 401),
    ("POST", "/jobs/{id}/cancel", 403),
    ("GET", "/help/{article}/feedback", 401),
    ("POST", "/help/{article}/feedback", 403),
    ("GET", "/audit", 401),
    ("GET", "/audit.csv", 401),
    ("GET", "/audit/actors", 401),
    ("GET", "/clock", 401),
    ("POST", "/clock/advance", 403),
];

#[tokio::test]
async fn the_document_is_public_and_lists_exactly_the_apis_operations() {
    let mut app = TestApp::new();
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status, StatusCode::OK);
    let doc = response.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let expected: BTreeSet<(String, String)> = OPERATIONS
        .iter()
        .map(|(method, path, _)| (method.to_string(), path.to_string()))
        .collect();
    assert_eq!(documented(&doc), expected);
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            assert_ne!(
                operation["operationId"], "undocumented",
                "{method} {path} has no description"
            );
        }
    }
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let name = target.trim_start_matches("#/components/schemas/");
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "dangling {target}"
        );
    }
}

#[tokio::test]
async fn every_operation_answers_as_expected_and_other_methods_are_405() {
    let mut app = TestApp::new();
    let paths: BTreeSet<&str> = OPERATIONS.iter().map(|(_, path, _)| *path).collect();
    for path in paths {
        for method in METHODS {
            let request = Request::builder()
                .method(method.clone())
                .uri(format!("/api{}", concrete(path)))
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let status = app.send_raw(request).await.status.as_u16();
            let expected = OPERATIONS
                .iter()
                .find(|(m, p, _)| *m == method.as_str() && *p == path)
                .map_or(405, |(_, _, status)| *status);
            assert_eq!(status, expected, "{method} {path}");
        }
    }
}
