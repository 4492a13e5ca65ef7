//! The OpenAPI 3.1 document of the API, served at `GET /api/openapi.json`. Its paths are the
//! operations of the route table the router is built from (`routes::api_document` hands them
//! in); a test checks the two agree and that every operation is described.

use axum::http::Method;
use mdm_model::{
    audit::AuditAction,
    device::{DeviceStatus, Enrollment, ManagementMethod, Os, Ownership},
    help::HelpArticle,
    job::{
        JobKind, JobMethod, JobStatus, ReenrollmentBlocker, ReenrollmentStatus, StatusReason,
        UnmetCondition,
    },
    measure::{Measure, NotApplicable},
    wifi::WifiSecurity,
    wipe::{IneligibilityReason, NotWipeableReason, PreviewOutcome},
    ErrorCode,
};
use serde_json::{json, Map, Value};

use crate::access::Access;

mod exports;
mod measure_schemas;
mod operations;
mod parameters;
mod platform;
mod schema_parts;
mod schemas;

use operations::describe;
use parameters::{op, words, Operation};

pub(crate) fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn json_content(name: &str) -> Value {
    json!({ "application/json": { "schema": schema_ref(name) } })
}

/// The refusals the router's own layers can give an operation before its handler runs, so the
/// document declares them whatever the operation's own list says: 401 without a signed-in
/// administrator, 403 for a state-changing request without its CSRF token, 400/413 for a body
/// that is not the expected JSON or too large, 400 for an address carrying a NUL character,
/// 429 on the credential endpoints, and 503 for any request that outlives
/// `--request-timeout-seconds` or finds the database away.
fn layer_errors(method: &Method, access: Access, has_body: bool) -> Vec<u16> {
    let writes = !matches!(*method, Method::GET | Method::HEAD);
    let mut errors = vec![400, 503];
    if access == Access::Session {
        errors.push(401);
    }
    if writes && access != Access::Credentials {
        errors.push(403);
    }
    if has_body {
        errors.push(413);
    }
    if access == Access::Credentials || (access == Access::Public && writes) {
        errors.push(429);
    }
    errors
}

fn render(operation: Operation, method: &Method, access: Access) -> Value {
    let mut responses = Map::new();
    let mut success = json!({ "description": "success" });
    if let Some(name) = operation.response {
        success["content"] = json_content(name);
    }
    if operation.csv {
        success["content"] = json!({ "text/csv": { "schema": { "type": "string" } } });
    }
    responses.insert(operation.status.to_string(), success);
    let layers = layer_errors(method, access, operation.body.is_some());
    for status in operation.errors.iter().chain(&layers) {
        responses.insert(
            status.to_string(),
            json!({ "description": "error", "content": json_content("ApiErrorBody") }),
        );
    }
    let mut value = json!({
        "operationId": operation.id,
        "summary": operation.summary,
        "parameters": operation.params,
        "responses": responses,
    });
    if let Some(body) = operation.body {
        value["requestBody"] = json!({ "required": true, "content": json_content(body) });
    }
    value["security"] = match access {
        Access::Public | Access::Credentials => json!([]),
        Access::Session => json!([{ "session": [], "csrf": [] }, { "bearer": [] }]),
    };
    value
}

/// An operation the document describes.
pub struct DocumentedRoute {
    pub path: &'static str,
    pub method: Method,
    pub access: Access,
}

/// The whole document for these operations.
pub fn build(routes: &[DocumentedRoute]) -> Value {
    let mut paths = Map::new();
    for route in routes {
        let operation = describe(&route.method, route.path)
            .unwrap_or_else(|| op("undocumented", "not described", 200, None));
        let item = paths
            .entry(route.path.to_string())
            .or_insert_with(|| json!({}));
        item[route.method.as_str().to_ascii_lowercase()] =
            render(operation, &route.method, route.access);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "MDM lost-device wipe portal API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The API the console uses. Errors are ApiErrorBody with a stable code and a message \
                in the language of Accept-Language (Japanese by default). Requests authenticate with the session \
                cookie (state-changing ones carry the x-csrf-token header: the csrf_token of the session answer, bound \
                to the session; before sign-in the mdm_csrf cookie's value) or, for host \
                pages embedding the console, with Authorization: Bearer and a token from POST /auth/tokens (no cookie, \
                no CSRF header). A missing, expired or revoked token is refused with 401 and code unauthenticated.",
        },
        "servers": [{ "url": "/api" }],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": mdm_model::session::SESSION_COOKIE },
                "csrf": { "type": "apiKey", "in": "header", "name": mdm_model::session::CSRF_HEADER },
                "bearer": { "type": "http", "scheme": "bearer", "description": "a token from POST /auth/tokens" },
            },
            "schemas": schemas::all(&Vocabularies::collect()),
        },
    })
}

/// The model's vocabularies, as JSON enums for the schemas.
pub(crate) struct Vocabularies {
    pub error_code: Value,
    pub os: Value,
    pub ownership: Value,
    pub enrollment: Value,
    pub method: Value,
    pub device_status: Value,
    pub security: Value,
    pub job_method: Value,
    pub job_status: Value,
    pub status_reason: Value,
    pub unmet: Value,
    pub outcome: Value,
    pub not_wipeable: Value,
    pub ineligible: Value,
    pub audit_action: Value,
    pub article: Value,
    pub reenrollment_status: Value,
    pub reenrollment_blocker: Value,
    pub measure: Value,
    pub job_kind: Value,
    pub not_applicable: Value,
}

impl Vocabularies {
    fn collect() -> Vocabularies {
        Vocabularies {
            error_code: words(ErrorCode::ALL, ErrorCode::as_str),
            os: words(Os::ALL, Os::as_str),
            ownership: words(Ownership::ALL, Ownership::as_str),
            enrollment: words(Enrollment::ALL, Enrollment::as_str),
            method: words(ManagementMethod::ALL, ManagementMethod::as_str),
            device_status: words(DeviceStatus::ALL, DeviceStatus::as_str),
            security: words(WifiSecurity::ALL, WifiSecurity::as_str),
            job_method: words(JobMethod::ALL, JobMethod::as_str),
            job_status: words(JobStatus::ALL, JobStatus::as_str),
            status_reason: words(StatusReason::ALL, StatusReason::as_str),
            unmet: words(UnmetCondition::ALL, UnmetCondition::as_str),
            outcome: words(PreviewOutcome::ALL, PreviewOutcome::as_str),
            not_wipeable: words(NotWipeableReason::ALL, NotWipeableReason::as_str),
            ineligible: words(IneligibilityReason::ALL, IneligibilityReason::as_str),
            audit_action: words(AuditAction::ALL, AuditAction::as_str),
            article: words(HelpArticle::ALL, HelpArticle::as_str),
            reenrollment_status: words(ReenrollmentStatus::ALL, ReenrollmentStatus::as_str),
            reenrollment_blocker: words(ReenrollmentBlocker::ALL, ReenrollmentBlocker::as_str),
            measure: words(Measure::ALL, Measure::as_str),
            job_kind: words(JobKind::ALL, JobKind::as_str),
            not_applicable: words(NotApplicable::ALL, NotApplicable::as_str),
        }
    }
}
