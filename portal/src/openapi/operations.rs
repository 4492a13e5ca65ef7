//! What the document says about each operation of the route table.

use axum::http::Method;
use mdm_model::help::HelpArticle;
use serde_json::json;

use super::parameters::{
    audit_filters, device_filters, job_filters, op, paging, path_param, query, words, Operation,
};

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
        ("POST", "/measures/counts") => Operation {
            body: Some("MeasureCountsRequest"),
            errors: WRITE,
            ..op(
                "countMeasures",
                "For every lost-device measure, how many of the selected devices it applies to and the main reason for the others",
                200,
                Some("MeasureCounts"),
            )
        },
        ("POST", "/measures/preview") => Operation {
            body: Some("MeasurePreviewRequest"),
            errors: WRITE,
            ..op(
                "previewMeasure",
                "Per-device channel or reason a measure (not the wipe: see /wipes/preview) leaves a device out",
                200,
                Some("MeasurePreview"),
            )
        },
        ("POST", "/measures") => Operation {
            params: vec![
                json!({ "name": "Idempotency-Key", "in": "header", "required": true,
                "schema": { "type": "string", "minLength": 1, "maxLength": 200 },
                "description": "a repeat with the same key returns the first answer" }),
            ],
            body: Some("MeasureRequest"),
            errors: &[400, 401, 403, 409, 413, 422, 429],
            ..op(
                "registerMeasure",
                "Register a lost-device measure's jobs (lock, lost mode, location, sound, company-data removal; re-checks the password)",
                201,
                Some("MeasureRegistered"),
            )
        },
        ("GET", "/devices/{id}/locations") => Operation {
            params: {
                let mut params = vec![path_param("id", json!({ "type": "integer" }))];
                params.extend(paging());
                params
            },
            errors: &[400, 401, 404],
            ..op(
                "listDeviceLocations",
                "Where a device in lost mode said it was, newest first",
                200,
                Some("LocationPage"),
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
