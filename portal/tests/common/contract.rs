//! Every answer an API test receives is checked against the OpenAPI document the portal serves:
//! the status must be one the document declares for that operation, and a JSON body must match
//! the schema declared for that status. A schema that disagrees with the wire fails the test
//! that met it, so a host portal implementing the contract from the document is not misled.

use std::{
    collections::HashMap,
    sync::{Mutex, OnceLock},
};

use serde_json::{json, Value};

/// The served document and the validators compiled from it, one per response schema.
struct Contract {
    document: Value,
    validators: Cache,
}

fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| Contract {
        document: mdm_portal::routes::api_document(),
        validators: Mutex::default(),
    })
}

/// The document's path template for a request path under `/api` (`/jobs/{id}` for `/jobs/7`).
fn template<'a>(document: &'a Value, path: &str) -> Option<&'a str> {
    let segments: Vec<&str> = path.split('/').collect();
    document["paths"]
        .as_object()?
        .keys()
        .map(String::as_str)
        .find(|candidate| {
            let parts: Vec<&str> = candidate.split('/').collect();
            parts.len() == segments.len()
                && parts
                    .iter()
                    .zip(&segments)
                    .all(|(part, segment)| part.starts_with('{') || part == segment)
        })
}

/// A validator for `schema` (a response schema of the document), resolving its `$ref`s in the
/// document: the document is the root, the schema one of its definitions.
fn compile(document: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = document.clone();
    root["$defs"] = json!({ "answer": schema });
    root["$ref"] = json!("#/$defs/answer");
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    jsonschema::validator_for(&root)
        .unwrap_or_else(|e| panic!("the document's schema {schema} does not compile: {e}"))
}

/// Checks one answer against the served document (see [`disagreement`]); panics on a
/// disagreement, failing the test that met it.
pub fn check(method: &str, uri: &str, status: u16, content_type: Option<&str>, body: &[u8]) {
    let contract = contract();
    if let Err(problem) = disagreement(
        &contract.document,
        Some(&contract.validators),
        method,
        uri,
        status,
        content_type,
        body,
    ) {
        panic!("{problem}");
    }
}

type Cache = Mutex<HashMap<String, std::sync::Arc<jsonschema::Validator>>>;

/// How one answer disagrees with `document`, if it does. `uri` is the request's path and
/// query; answers of paths the document does not describe (the console's files, an unknown
/// `/api` path) are not part of the contract.
pub fn disagreement(
    document: &Value,
    cache: Option<&Cache>,
    method: &str,
    uri: &str,
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<(), String> {
    let Some(path) = uri.split('?').next().and_then(|p| p.strip_prefix("/api")) else {
        return Ok(());
    };
    let Some(template) = template(document, path) else {
        return Ok(());
    };
    let method = method.to_ascii_lowercase();
    let operation = &document["paths"][template][&method];
    if operation.is_null() || status == 405 {
        return Ok(()); // a method the path lacks: the router's own 405
    }
    let responses = &operation["responses"];
    let declared = &responses[status.to_string()];
    if declared.is_null() {
        return Err(format!(
            "{method} {template} answered {status}, which the OpenAPI document does not declare \
             (declared: {:?})",
            responses.as_object().map(|r| r.keys().collect::<Vec<_>>())
        ));
    }
    let is_json = content_type.is_some_and(|t| t.starts_with("application/json"));
    let schema = &declared["content"]["application/json"]["schema"];
    if !is_json || schema.is_null() {
        return Ok(());
    }
    let validator = match cache {
        Some(cache) => cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(format!("{method} {template} {status}"))
            .or_insert_with(|| std::sync::Arc::new(compile(document, schema)))
            .clone(),
        None => std::sync::Arc::new(compile(document, schema)),
    };
    let instance: Value = serde_json::from_slice(body)
        .map_err(|e| format!("{method} {template} {status}: not JSON ({e})"))?;
    let problems: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{method} {template} {status}: the answer disagrees with the OpenAPI document: {problems:#?}"
        ))
    }
}
