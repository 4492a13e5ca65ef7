//! The OpenAPI 3.1 document of the API, served at `GET /api/openapi.json`. Its paths come from
//! the same route table the router is built from ([`crate::routes::table`]); a test checks the
//! two agree and that every operation is described.

use axum::http::Method;
use mdm_model::{
    audit::AuditAction,
    device::{DeviceSortKey, DeviceStatus, Enrollment, ManagementMethod, Os, Ownership},
    help::HelpArticle,
    job::{JobMethod, JobSortKey, JobStatus, StatusReason, UnmetCondition},
    paging::{SortOrder, MAX_PER_PAGE},
    wifi::WifiSecurity,
    wipe::{IneligibilityReason, NotWipeableReason, PreviewOutcome},
    ErrorCode,
};
use serde_json::{json, Map, Value};

use crate::{
    extract::ApiJson,
    routes::{table, Access},
};

mod schemas;

/// What the document says about one operation.
struct Operation {
    id: &'static str,
    summary: &'static str,
    params: Vec<Value>,
    body: Option<&'static str>,
    status: u16,
    response: Option<&'static str>,
    errors: &'static [u16],
}

fn op(
    id: &'static str,
    summary: &'static str,
    status: u16,
    response: Option<&'static str>,
) -> Operation {
    Operation {
        id,
        summary,
        params: Vec::new(),
        body: None,
        status,
        response,
        errors: &[],
    }
}

fn query(name: &str, schema: Value, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description })
}

fn path_param(name: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": schema })
}

/// The string enum of a model vocabulary.
fn words<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Value {
    json!({ "type": "string", "enum": all.iter().map(|v| name(*v)).collect::<Vec<_>>() })
}

fn paging() -> Vec<Value> {
    vec![
        query(
            "page",
            json!({ "type": "integer", "minimum": 1, "default": 1 }),
            "1-based page",
        ),
        query(
            "per_page",
            json!({ "type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 50 }),
            "rows per page",
        ),
        query(
            "order",
            words(SortOrder::ALL, SortOrder::as_str),
            "sort direction",
        ),
    ]
}

fn time_range() -> Vec<Value> {
    let time = json!({ "type": "string", "format": "date-time" });
    vec![
        query("from", time.clone(), "at or after (RFC 3339)"),
        query("to", time, "before (RFC 3339)"),
    ]
}

/// The description of one operation of the route table.
fn describe(method: &Method, path: &str) -> Option<Operation> {
    const AUTH: &[u16] = &[401];
    const LIST: &[u16] = &[400, 401];
    const WRITE: &[u16] = &[400, 401, 403, 413, 422];
    let operation = match (method.as_str(), path) {
        ("GET", "/session") => op(
            "whoAmI",
            "Who is signed in; hands out the CSRF token",
            200,
            Some("SessionInfo"),
        ),
        ("POST", "/session") => Operation {
            body: Some("SignInRequest"),
            errors: &[400, 401, 403, 422],
            ..op(
                "signIn",
                "Sign in with user name and password",
                200,
                Some("SessionInfo"),
            )
        },
        ("DELETE", "/session") => Operation {
            errors: &[403],
            ..op("signOut", "Sign out", 204, None)
        },
        ("GET", "/openapi.json") => op("openApi", "This document", 200, None),
        ("GET", "/groups") => Operation {
            errors: AUTH,
            ..op(
                "listGroups",
                "The group tree with device counts",
                200,
                Some("GroupTree"),
            )
        },
        ("GET", "/devices") => {
            let mut params = vec![
                query(
                    "q",
                    json!({ "type": "string", "maxLength": 200 }),
                    "search in name, serial, phone, user, employee number",
                ),
                query("group", json!({ "type": "integer" }), "group id"),
                query(
                    "subgroups",
                    json!({ "type": "boolean", "default": true }),
                    "include the group's descendants",
                ),
                query("os", words(Os::ALL, Os::as_str), ""),
                query("ownership", words(Ownership::ALL, Ownership::as_str), ""),
                query(
                    "method",
                    words(ManagementMethod::ALL, ManagementMethod::as_str),
                    "",
                ),
                query("status", words(DeviceStatus::ALL, DeviceStatus::as_str), ""),
                query("sort", words(DeviceSortKey::ALL, DeviceSortKey::as_str), ""),
            ];
            params.extend(paging());
            Operation {
                params,
                errors: LIST,
                ..op(
                    "listDevices",
                    "One page of devices",
                    200,
                    Some("DevicePage"),
                )
            }
        }
        ("GET", "/wifi-settings") => Operation {
            params: vec![
                query(
                    "auto_join",
                    json!({ "type": "boolean" }),
                    "only settings with auto-join on / off",
                ),
                query(
                    "registered",
                    json!({ "type": "boolean" }),
                    "only settings (not) in the remote-settings feature set",
                ),
            ],
            errors: LIST,
            ..op(
                "listWifiSettings",
                "Wi-Fi settings",
                200,
                Some("WifiSettingList"),
            )
        },
        ("GET", "/dep-profiles") => Operation {
            errors: AUTH,
            ..op(
                "listDepProfiles",
                "DEP profiles",
                200,
                Some("DepProfileList"),
            )
        },
        ("POST", "/wipes/preview") => Operation {
            body: Some("WipePreviewRequest"),
            errors: WRITE,
            ..op(
                "previewWipe",
                "Per-device eligibility, jobs that would be created, totals",
                200,
                Some("WipePreview"),
            )
        },
        ("POST", "/wipes") => Operation {
            params: vec![
                json!({ "name": "Idempotency-Key", "in": "header", "required": true,
                "schema": { "type": "string", "minLength": 1, "maxLength": 200 },
                "description": "a repeat with the same key returns the first answer" }),
            ],
            body: Some("WipeRequest"),
            errors: &[400, 401, 403, 409, 413, 422],
            ..op(
                "registerWipe",
                "Register wipe jobs (re-checks the password)",
                201,
                Some("WipeRegistered"),
            )
        },
        ("GET", "/jobs") => {
            let mut params = vec![
                query("status", words(JobStatus::ALL, JobStatus::as_str), ""),
                query("method", words(JobMethod::ALL, JobMethod::as_str), ""),
                query("device", json!({ "type": "integer" }), "device id"),
                query(
                    "registrant",
                    json!({ "type": "integer" }),
                    "administrator id",
                ),
                query("wipe", json!({ "type": "integer" }), "registration id"),
                query(
                    "q",
                    json!({ "type": "string", "maxLength": 200 }),
                    "search in device name, serial, user",
                ),
                query("sort", words(JobSortKey::ALL, JobSortKey::as_str), ""),
            ];
            params.extend(time_range());
            params.extend(paging());
            Operation {
                params,
                errors: LIST,
                ..op(
                    "listJobs",
                    "One page of jobs; a Hybrid pair is one entry",
                    200,
                    Some("JobPage"),
                )
            }
        }
        ("GET", "/jobs/{id}") => Operation {
            params: vec![path_param("id", json!({ "type": "integer" }))],
            errors: &[401, 404],
            ..op(
                "getJob",
                "A job with history, conditions and its Apple command",
                200,
                Some("JobDetail"),
            )
        },
        ("POST", "/jobs/{id}/cancel") => Operation {
            params: vec![path_param("id", json!({ "type": "integer" }))],
            errors: &[401, 403, 404, 409],
            ..op(
                "cancelJob",
                "Cancel a scheduled or waiting job (both of a pair)",
                200,
                Some("CancelJobsResult"),
            )
        },
        ("POST", "/help/{article}/feedback") => Operation {
            params: vec![path_param(
                "article",
                words(HelpArticle::ALL, HelpArticle::as_str),
            )],
            body: Some("HelpFeedbackRequest"),
            errors: &[400, 401, 403, 404],
            ..op(
                "helpFeedback",
                "Was this article helpful?",
                201,
                Some("HelpFeedbackRecorded"),
            )
        },
        ("GET", "/audit") => {
            let mut params = vec![query(
                "action",
                words(AuditAction::ALL, AuditAction::as_str),
                "",
            )];
            params.extend(time_range());
            params.extend(paging());
            Operation {
                params,
                errors: LIST,
                ..op(
                    "listAudit",
                    "The audit log, newest first",
                    200,
                    Some("AuditPage"),
                )
            }
        }
        _ => return None,
    };
    Some(operation)
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn json_content(name: &str) -> Value {
    json!({ "application/json": { "schema": schema_ref(name) } })
}

fn render(operation: Operation, access: Access) -> Value {
    let mut responses = Map::new();
    let mut success = json!({ "description": "success" });
    if let Some(name) = operation.response {
        success["content"] = json_content(name);
    }
    responses.insert(operation.status.to_string(), success);
    for status in operation.errors {
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
        Access::Public => json!([]),
        Access::Session => json!([{ "session": [], "csrf": [] }]),
    };
    value
}

/// The whole document.
pub fn build() -> Value {
    let mut paths = Map::new();
    for route in table() {
        let operation = describe(&route.method, route.path)
            .unwrap_or_else(|| op("undocumented", "not described", 200, None));
        let item = paths
            .entry(route.path.to_string())
            .or_insert_with(|| json!({}));
        item[route.method.as_str().to_ascii_lowercase()] = render(operation, route.access);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "MDM lost-device wipe portal API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The API the console uses. Errors are ApiErrorBody with a stable code and a message \
                in the language of Accept-Language (Japanese by default). State-changing requests carry the \
                x-csrf-token header equal to the mdm_csrf cookie.",
        },
        "servers": [{ "url": "/api" }],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": mdm_model::session::SESSION_COOKIE },
                "csrf": { "type": "apiKey", "in": "header", "name": mdm_model::session::CSRF_HEADER },
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
        }
    }
}

/// `GET /api/openapi.json`.
pub async fn document() -> ApiJson<Value> {
    ApiJson(build())
}
