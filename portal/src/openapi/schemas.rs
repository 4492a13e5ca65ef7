//! JSON Schemas of the request and answer types (the model's serde shapes).

use mdm_model::help::FEEDBACK_COMMENT_MAX_CHARS;
use serde_json::{json, Map, Value};

use super::schema_parts::{
    array, boolean, int, list_of, nullable, object, page_of, string, time, time_zone,
};
use super::{measure_schemas, platform, schema_ref as r, Vocabularies};

fn fleet(v: &Vocabularies, s: &mut Map<String, Value>) {
    s.insert("ActiveSyncAccount".into(), object(&["mail", "contacts", "calendar", "reminders", "notes"],
        json!({ "mail": boolean(), "contacts": boolean(), "calendar": boolean(), "reminders": boolean(), "notes": boolean() })));
    s.insert("DeviceState".into(), object(&["powered_on", "network_connected", "mdm_profile_installed"], json!({
        "powered_on": boolean(), "network_connected": boolean(), "mdm_profile_installed": boolean(),
        "activesync": nullable(r("ActiveSyncAccount")),
    })));
    s.insert("Device".into(), object(
        &["id", "name", "group_id", "os", "os_version", "model", "serial_number", "tags", "ownership", "enrollment",
          "management_method", "esim", "activation_lock_enabled", "state", "last_seen_at"],
        json!({
            "id": int(), "name": string(), "group_id": int(), "os": v.os, "os_version": string(), "model": string(),
            "serial_number": string(), "phone_number": nullable(string()), "user_full_name": nullable(string()),
            "employee_number": nullable(string()), "email": nullable(string()), "notes": nullable(string()),
            "tags": array(string()), "ownership": v.ownership, "enrollment": v.enrollment,
            "dep_profile_id": nullable(int()), "management_method": v.method, "esim": boolean(),
            "activation_lock_enabled": { "anyOf": [boolean(), { "type": "null" }],
                "description": "DeviceInformation IsActivationLockEnabled as last reported; null when not reported" },
            "mac_security_chip": platform::mac_chip(), "android_resource_name": string(),
            "state": r("DeviceState"), "last_seen_at": time(),
            "supervised": { "type": "boolean", "description": "a supervised iPhone or iPad (Automated Device Enrollment): lost mode needs it" },
            "lost_mode": { "type": "boolean", "description": "in lost mode since the device acknowledged EnableLostMode / START_LOST_MODE" },
            "locked": { "type": "boolean", "description": "locked by 遠隔ロック and not unlocked since" },
        }),
    ));
    s.insert("DeviceBrief".into(), object(
        &["id", "name", "os", "os_version", "model", "serial_number", "management_method", "ownership"],
        json!({ "id": int(), "name": string(), "os": v.os, "os_version": string(), "model": string(),
            "serial_number": string(), "user_full_name": nullable(string()), "management_method": v.method,
            "ownership": v.ownership, "mac_security_chip": platform::mac_chip(), "android_resource_name": string() }),
    ));
    s.insert("DevicePage".into(), page_of("Device"));
    s.insert(
        "GroupNode".into(),
        object(
            &[
                "id",
                "name",
                "device_count",
                "total_device_count",
                "children",
            ],
            json!({
                "id": int(), "name": string(), "device_count": int(), "total_device_count": int(),
                "children": array(r("GroupNode")),
            }),
        ),
    );
    s.insert(
        "GroupTree".into(),
        object(
            &["roots", "total_devices"],
            json!({ "roots": array(r("GroupNode")), "total_devices": int() }),
        ),
    );
    s.insert("WifiSetting".into(), object(&["id", "name", "ssid", "security", "auto_join", "hidden", "in_remote_settings"], json!({
        "id": int(), "name": string(), "ssid": string(), "security": v.security, "auto_join": boolean(),
        "hidden": boolean(), "in_remote_settings": boolean(),
    })));
    s.insert("WifiSettingList".into(), list_of("WifiSetting"));
    s.insert("DepProfile".into(), object(
        &["id", "name", "enrollment_group_id", "enrollment_group_name", "skip_authentication_screen", "skipped_setup_panes"],
        json!({ "id": int(), "name": string(), "enrollment_group_id": int(), "enrollment_group_name": string(),
            "skip_authentication_screen": boolean(), "skipped_setup_panes": array(string()) }),
    ));
    s.insert("DepProfileList".into(), list_of("DepProfile"));
}

fn wipes(v: &Vocabularies, s: &mut Map<String, Value>) {
    s.insert("DeviceFilter".into(), json!({ "type": "object", "properties": {
        "q": nullable(string()), "group": nullable(int()), "include_subgroups": boolean(), "os": nullable(v.os.clone()),
        "ownership": nullable(v.ownership.clone()), "method": nullable(v.method.clone()),
        "status": nullable(v.device_status.clone()),
        "mark": nullable(json!({ "type": "string", "enum": ["lost_mode", "locked"] })),
    }}));
    s.insert("WipeSelection".into(), json!({ "oneOf": [
        object(&["kind", "device_ids"], json!({ "kind": { "const": "devices" }, "device_ids": array(int()) })),
        object(&["kind", "filter"], json!({ "kind": { "const": "filter" }, "filter": r("DeviceFilter"),
            "excluded_device_ids": array(int()) })),
    ]}));
    // The schedule as the administrator entered it; the portal resolves it in its zone (model
    // `LocalDateTime::resolve`) and refuses an unknown zone or a time a DST change skips (422).
    s.insert("LocalDateTime".into(), object(&["local", "time_zone"], json!({
        "local": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$",
            "description": "wall-clock date and time in time_zone, as an <input type=datetime-local> holds it" },
        "time_zone": time_zone(),
    })));
    s.insert("WipeOptions".into(), object(&["delete_general_info", "keep_esim_data_plan"], json!({
        "delete_general_info": boolean(), "schedule_at": nullable(r("LocalDateTime")), "wifi_setting_id": nullable(int()),
        "keep_esim_data_plan": boolean(), "platform": r("PlatformWipeChoices"),
    })));
    s.insert("WipeRequest".into(), object(&["selection", "options", "password", "agreed"], json!({
        "selection": r("WipeSelection"), "options": r("WipeOptions"), "password": string(), "agreed": boolean(),
        "skip_not_wipeable": boolean(),
    })));
    s.insert("WipePreviewRequest".into(), object(&["selection", "options"], json!({
        "selection": r("WipeSelection"), "options": r("WipeOptions"), "outcome": nullable(v.outcome.clone()),
        "page": int(), "per_page": int(),
    })));
    s.insert("Reenrollment".into(), json!({ "oneOf": [
        object(&["status", "enrollment_group_id", "enrollment_group_name", "user_must_authenticate"], json!({
            "status": { "const": "eligible" }, "enrollment_group_id": int(), "enrollment_group_name": string(),
            "user_must_authenticate": boolean(), "shown_setup_panes": array(string()),
            "only_if_apple_mdm_wipes": boolean(), "activation_lock_enabled": boolean() })),
        object(&["status", "reasons"], json!({ "status": { "const": "ineligible" }, "reasons": array(v.ineligible.clone()) })),
    ]}));
    s.insert("DeviceWipePlan".into(), object(&["device", "outcome", "jobs", "open_job_ids"], json!({
        "device": r("DeviceBrief"), "outcome": v.outcome, "jobs": array(v.job_method.clone()),
        "commands": array(platform::command_name()),
        "not_wipeable_reason": nullable(v.not_wipeable.clone()), "open_job_ids": array(int()),
        "reenrollment": nullable(r("Reenrollment")),
    })));
    s.insert("WipePreview".into(), object(&["summary", "devices"], json!({
        "summary": object(&["totals", "outcomes"], json!({
            "totals": { "type": "object", "additionalProperties": int() },
            "outcomes": array(object(&["outcome", "devices", "jobs"], json!({ "outcome": v.outcome, "devices": int(), "jobs": int() }))),
        })),
        "devices": page_of("DeviceWipePlan"),
    })));
    s.insert("WipeRegistered".into(), object(
        &["wipe_id", "device_count", "job_count", "skipped_device_count", "registered_at"],
        json!({ "wipe_id": int(), "device_count": int(), "job_count": int(), "skipped_device_count": int(), "registered_at": time() }),
    ));
}

fn jobs(v: &Vocabularies, s: &mut Map<String, Value>) {
    s.insert(
        "AdministratorRef".into(),
        object(
            &["id", "display_name"],
            json!({ "id": int(), "display_name": string() }),
        ),
    );
    s.insert("JobOptions".into(), object(&["delete_general_info", "keep_esim_data_plan"], json!({
        "delete_general_info": boolean(), "scheduled_at": nullable(time()), "keep_esim_data_plan": boolean(),
        "wifi_setting": nullable(object(&["id", "name", "ssid"], json!({ "id": int(), "name": string(), "ssid": string() }))),
        "return_to_service": nullable(object(&["enrollment_group_id", "enrollment_group_name", "user_must_authenticate"],
            json!({ "enrollment_group_id": int(), "enrollment_group_name": string(), "user_must_authenticate": boolean(),
                "dep_profile_name": nullable(string()), "activation_lock_enabled": boolean() }))),
        "platform": r("PlatformWipeOptions"),
        "measure": r("MeasureOptions"),
    })));
    s.insert("DeviceSnapshot".into(), object(
        &["id", "name", "os", "os_version", "model", "serial_number", "management_method", "ownership", "group_path"],
        json!({ "id": int(), "name": string(), "os": v.os, "os_version": string(), "model": string(),
            "serial_number": string(), "user_full_name": nullable(string()), "employee_number": nullable(string()),
            "management_method": v.method, "ownership": v.ownership, "group_path": string(),
            "mac_security_chip": platform::mac_chip(), "android_resource_name": string() }),
    ));
    s.insert("DeviceNow".into(), object(&["name", "group_path"], json!({
        "name": string(), "user_full_name": nullable(string()), "employee_number": nullable(string()), "group_path": string(),
    })));
    s.insert("SendAttempt".into(), object(&["number", "at", "conditions"], json!({
        "number": int(), "at": time(),
        "conditions": object(&["state", "unmet"], json!({ "state": r("DeviceState"), "unmet": array(v.unmet.clone()) })),
        "command": nullable(object(&["sha256", "display", "display_text"], json!({
            "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of the exact bytes sent" },
            "display": r("WipeCommand"),
            "display_text": { "type": "string", "description": "the masked command as it goes on the wire: property list, HTTP request or SyncML" },
        }))),
    })));
    s.insert("Job".into(), object(
        &["id", "wipe_id", "kind", "method", "device", "options", "registered_by", "registered_at", "status",
          "status_reason", "status_changed_at"],
        json!({ "id": int(), "wipe_id": int(), "kind": v.job_kind, "method": v.job_method,
            "device": r("DeviceSnapshot"), "options": r("JobOptions"), "registered_by": r("AdministratorRef"),
            "registered_at": time(), "status": v.job_status, "status_reason": v.status_reason,
            "status_changed_at": time(), "pair_job_id": nullable(int()),
            "reenrollment": nullable(r("ReenrollmentOutcome")) }),
    ));
    s.insert(
        "ReenrollmentOutcome".into(),
        object(
            &["status", "since", "deadline"],
            json!({
                "status": v.reenrollment_status, "since": time(), "deadline": time(),
                "likely_reason": nullable(v.reenrollment_blocker.clone()),
            }),
        ),
    );
    s.insert(
        "JobListEntry".into(),
        object(
            &["job"],
            json!({ "job": r("Job"), "partner": nullable(r("Job")) }),
        ),
    );
    s.insert("JobPage".into(), page_of("JobListEntry"));
    s.insert("JobDetail".into(), object(&["job", "history", "conditions", "attempts"], json!({
        "job": r("Job"), "partner": nullable(r("Job")),
        "device_now": nullable(r("DeviceNow")), "attempts": array(r("SendAttempt")),
        "history": array(object(&["status", "reason", "at"], json!({ "status": v.job_status, "reason": v.status_reason, "at": time() }))),
        "conditions": object(&["state", "last_seen_at", "unmet"], json!({ "state": r("DeviceState"), "last_seen_at": time(), "unmet": array(v.unmet.clone()) })),
        "times_out_at": nullable(time()),
        "command": nullable(r("WipeCommand")),
        "command_text": nullable(string()),
        "location": r("DeviceLocationFix"),
    })));
    s.insert(
        "CancelJobsResult".into(),
        object(&["cancelled"], json!({ "cancelled": array(r("Job")) })),
    );
}

fn misc(v: &Vocabularies, s: &mut Map<String, Value>) {
    s.insert(
        "ApiErrorBody".into(),
        object(
            &["code", "message"],
            json!({
                "code": v.error_code, "message": string(), "field": string(),
                "details": r("ErrorDetails"),
                "request_id": { "type": "string", "description": "the failed request's id, as in its X-Request-Id header and the portal's log" },
            }),
        ),
    );
    // `kind` names the variant of the model's `ErrorDetails`; its fields sit beside it.
    s.insert(
        "ErrorDetails".into(),
        object(
            &["kind"],
            json!({
                "kind": { "type": "string", "enum": ["validation", "measure_validation", "devices", "retry_after", "malformed", "jobs"] },
                "errors": array(json!({ "type": "object", "required": ["field", "problem", "message"] })),
                "devices": array(json!({ "type": "object", "required": ["id", "name", "open_job_ids"] })),
                "total": int(), "retry_after_seconds": int(), "reason": string(),
                "jobs": array(json!({ "type": "object", "required": ["id", "status"] })),
            }),
        ),
    );
    s.insert(
        "SignInRequest".into(),
        object(
            &["username", "password"],
            json!({ "username": string(), "password": string() }),
        ),
    );
    s.insert("Administrator".into(), object(&["id", "username", "display_name", "tenant_name", "time_zone", "lang"], json!({
        "id": int(), "username": string(), "display_name": string(), "tenant_name": string(), "time_zone": time_zone(),
        "lang": { "type": "string", "enum": ["ja", "en"] },
    })));
    s.insert(
        "TimeZoneRequest".into(),
        object(&["time_zone"], json!({ "time_zone": time_zone() })),
    );
    s.insert(
        "SessionInfo".into(),
        object(
            &["csrf_token"],
            json!({ "administrator": nullable(r("Administrator")), "csrf_token": string() }),
        ),
    );
    s.insert(
        "TokenIssued".into(),
        object(
            &[
                "token",
                "token_type",
                "expires_at",
                "expires_in",
                "renewable_until",
                "administrator",
            ],
            json!({
                "token": string(),
                "token_type": { "type": "string", "enum": ["Bearer"] },
                "expires_at": time(),
                "expires_in": int(),
                "renewable_until": time(),
                "administrator": r("Administrator"),
            }),
        ),
    );
    s.insert(
        "HelpFeedbackRequest".into(),
        object(
            &["helpful"],
            json!({ "helpful": boolean(), "comment": { "type": ["string", "null"], "maxLength": FEEDBACK_COMMENT_MAX_CHARS } }),
        ),
    );
    s.insert(
        "HelpFeedbackRecorded".into(),
        object(
            &["article", "helpful", "recorded_at"],
            json!({
                "article": v.article, "helpful": boolean(), "comment": { "type": "string" }, "recorded_at": time(),
            }),
        ),
    );
    s.insert(
        "HelpFeedbackState".into(),
        object(
            &["current"],
            json!({ "current": nullable(r("HelpFeedbackRecorded")) }),
        ),
    );
    // The event's own fields sit beside these, as named by `action` (model `AuditEvent`).
    s.insert("AuditEntry".into(), object(&["id", "at", "action", "summary"], json!({
        "id": int(), "at": time(), "actor": nullable(r("AdministratorRef")), "action": v.audit_action,
        "summary": string(),
    })));
    s.insert("AuditEntryList".into(), array(r("AuditEntry")));
    s.insert("AdministratorRefList".into(), list_of("AdministratorRef"));
    s.insert("AuditPage".into(), page_of("AuditEntry"));
    clock(s);
}

fn clock(s: &mut Map<String, Value>) {
    let seconds = json!({ "type": "integer", "minimum": 0, "maximum": crate::engine::clock::MAX_ADVANCE_SECONDS });
    s.insert(
        "ClockState".into(),
        object(
            &["now", "manual"],
            json!({ "now": time(), "manual": boolean() }),
        ),
    );
    s.insert(
        "ClockAdvanceRequest".into(),
        object(&["seconds"], json!({ "seconds": seconds })),
    );
    s.insert(
        "ClockAdvanced".into(),
        object(
            &["now", "engine_runs", "transitions"],
            json!({
                "now": time(), "engine_runs": int(), "transitions": int(),
            }),
        ),
    );
}

/// Every schema the document refers to.
pub(super) fn all(v: &Vocabularies) -> Value {
    let mut schemas = Map::new();
    fleet(v, &mut schemas);
    wipes(v, &mut schemas);
    jobs(v, &mut schemas);
    measure_schemas::measures(v, &mut schemas);
    misc(v, &mut schemas);
    platform::schemas(&mut schemas);
    Value::Object(schemas)
}
