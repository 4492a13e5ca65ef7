//! What the document says about each operation of the route table.

use axum::http::Method;
use mdm_model::{
    audit::AuditAction,
    device::{DeviceSortKey, DeviceStatus, ManagementMethod, Os, Ownership},
    help::HelpArticle,
    job::{JobMethod, JobSortKey, JobStatus},
    paging::{SortOrder, MAX_PER_PAGE},
};
use serde_json::{json, Value};

/// What the document says about one operation.
pub(super) struct Operation {
    pub id: &'static str,
    pub summary: &'static str,
    pub params: Vec<Value>,
    pub body: Option<&'static str>,
    pub status: u16,
    pub response: Option<&'static str>,
    pub errors: &'static [u16],
    /// The success answer is a CSV file rather than JSON.
    pub csv: bool,
}

pub(super) fn op(
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
        csv: false,
    }
}

pub(super) fn query(name: &str, schema: Value, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description })
}

fn path_param(name: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": schema })
}

/// The string enum of a model vocabulary.
pub(super) fn words<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Value {
    json!({ "type": "string", "enum": all.iter().map(|v| name(*v)).collect::<Vec<_>>() })
}

/// The sort direction of a list and of its export.
pub(super) fn order() -> Value {
    query(
        "order",
        words(SortOrder::ALL, SortOrder::as_str),
        "sort direction",
    )
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
        order(),
    ]
}

/// The filters and sort of the device table and its CSV (model `DeviceQuery`).
pub(super) fn device_filters() -> Vec<Value> {
    vec![
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
    ]
}

/// The filters and sort of the job list and its CSV (model `JobQuery`).
pub(super) fn job_filters() -> Vec<Value> {
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
    params
}

/// The filters of the audit log and its CSV (model `AuditQuery`).
fn audit_filters() -> Vec<Value> {
    let mut params = vec![
        query("action", words(AuditAction::ALL, AuditAction::as_str), ""),
        query(
            "actor",
            json!({ "oneOf": [{ "type": "integer" }, { "const": "system" }] }),
            "an administrator's id, or system for what the portal did by itself",
        ),
        query(
            "device",
            json!({ "type": "integer" }),
            "entries about the device's jobs and the wipes that included it",
        ),
    ];
    params.extend(time_range());
    params
}

fn time_range() -> Vec<Value> {
    let time = json!({ "type": "string", "format": "date-time" });
    vec![
        query("from", time.clone(), "at or after (RFC 3339)"),
        query("to", time, "before (RFC 3339)"),
    ]
}

/// The description of one operation of the route table.
pub(super) fn describe(method: &Method, path: &str) -> Option<Operation> {
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
            errors: &[400, 401, 403, 422, 429],
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
        ("PUT", "/session/time-zone") => Operation {
            body: Some("TimeZoneRequest"),
            errors: WRITE,
            ..op(
                "setTimeZone",
                "Sets the IANA time zone the administrator sees and enters times in (Asia/Tokyo by default); an unknown name is refused with 422 on time_zone and changes nothing",
                200,
                Some("Administrator"),
            )
        },
        ("POST", "/auth/tokens") => Operation {
            body: Some("SignInRequest"),
            errors: &[400, 401, 422, 429],
            ..op(
                "issueToken",
                "A short-lived bearer token for a host page, for a user name and password (same lockout as sign-in)",
                201,
                Some("TokenIssued"),
            )
        },
        ("POST", "/auth/tokens/renew") => Operation {
            errors: AUTH,
            ..op(
                "renewToken",
                "A fresh token for the bearer's sign-in; the old one works for 30 more seconds at most",
                201,
                Some("TokenIssued"),
            )
        },
        ("DELETE", "/auth/tokens/current") => Operation {
            errors: AUTH,
            ..op(
                "revokeToken",
                "Ends the bearer's sign-in: this token and every earlier one of it",
                204,
                None,
            )
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
            let mut params = device_filters();
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
            errors: &[400, 401, 403, 409, 413, 422, 429],
            ..op(
                "registerWipe",
                "Register wipe jobs (re-checks the password)",
                201,
                Some("WipeRegistered"),
            )
        },
        ("GET", "/jobs") => {
            let mut params = job_filters();
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
        ("GET", "/jobs/{id}/audit") => Operation {
            params: vec![path_param("id", json!({ "type": "integer" }))],
            errors: &[401, 404],
            ..op(
                "getJobAudit",
                "The audit entries about a job, its Hybrid partner and its wipe's registration, oldest first",
                200,
                Some("AuditEntryList"),
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
        ("GET", "/help/{article}/feedback") => Operation {
            params: vec![path_param(
                "article",
                words(HelpArticle::ALL, HelpArticle::as_str),
            )],
            errors: &[401, 404],
            ..op(
                "getHelpFeedback",
                "The signed-in administrator's answer to an article",
                200,
                Some("HelpFeedbackState"),
            )
        },
        ("POST", "/help/{article}/feedback") => Operation {
            params: vec![path_param(
                "article",
                words(HelpArticle::ALL, HelpArticle::as_str),
            )],
            body: Some("HelpFeedbackRequest"),
            errors: &[400, 401, 403, 404, 422],
            ..op(
                "helpFeedback",
                "Was this article helpful?",
                201,
                Some("HelpFeedbackRecorded"),
            )
        },
        ("GET", "/clock") => Operation {
            errors: AUTH,
            ..op(
                "getClock",
                "The portal's time for jobs and schedules, and whether it is a manual clock",
                200,
                Some("ClockState"),
            )
        },
        ("POST", "/clock/advance") => Operation {
            body: Some("ClockAdvanceRequest"),
            errors: &[400, 401, 403, 409, 413, 422],
            ..op(
                "advanceClock",
                "Moves a manual clock (--clock manual) forward and runs every job due on the way; 409 on a clock that runs by itself",
                200,
                Some("ClockAdvanced"),
            )
        },
        ("GET", "/audit") => {
            let mut params = audit_filters();
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
        ("GET", "/audit.csv") => Operation {
            params: audit_filters(),
            errors: LIST,
            csv: true,
            ..op(
                "exportAudit",
                "The filtered audit log as CSV (UTF-8 with BOM, CRLF; headers and words in the language of \
                 Accept-Language, times in the administrator's time zone), newest first, every page",
                200,
                None,
            )
        },
        ("GET", "/audit/actors") => Operation {
            errors: AUTH,
            ..op(
                "listAuditActors",
                "The administrators who appear in the audit log, for its actor filter",
                200,
                Some("AdministratorRefList"),
            )
        },
        _ => return super::exports::describe(method, path),
    };
    Some(operation)
}
