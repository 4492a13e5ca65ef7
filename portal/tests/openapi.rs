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

#[tokio::test]
async fn the_document_is_public_and_lists_every_route_of_the_table() {
    let mut app = TestApp::new();
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status, StatusCode::OK);
    let doc = response.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let table: BTreeSet<(String, String)> = mdm_portal::routes::table()
        .iter()
        .map(|r| (r.method.as_str().to_string(), r.path.to_string()))
        .collect();
    assert_eq!(documented(&doc), table);
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
async fn every_documented_operation_exists_and_nothing_else_does() {
    let mut app = TestApp::new();
    let doc = app.get("/api/openapi.json").await.json();
    let operations = documented(&doc);
    let paths: BTreeSet<&String> = operations.iter().map(|(_, p)| p).collect();
    for path in paths {
        for method in METHODS {
            // No session and no CSRF token: a route that exists answers 200, 401 or 403;
            // one that does not exists answers 405 (or 404 for an unknown path).
            let request = Request::builder()
                .method(method.clone())
                .uri(format!("/api{}", concrete(path)))
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let status = app.send_raw(request).await.status;
            let is_documented = operations.contains(&(method.as_str().to_string(), path.clone()));
            if is_documented {
                assert!(
                    ![StatusCode::NOT_FOUND, StatusCode::METHOD_NOT_ALLOWED].contains(&status),
                    "{method} {path} is documented but answers {status}"
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path} is not documented"
                );
            }
        }
    }
}
