//! The pieces operations are described with: the operation record and the query parameters
//! the lists share (paging, order, the device, job and audit filters).

use mdm_model::{
    audit::AuditAction,
    device::{DeviceMark, DeviceSortKey, DeviceStatus, ManagementMethod, Os, Ownership},
    job::{JobKind, JobMethod, JobSortKey, JobStatus},
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

pub(super) fn path_param(name: &str, schema: Value) -> Value {
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

pub(super) fn paging() -> Vec<Value> {
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
        query(
            "mark",
            words(DeviceMark::ALL, DeviceMark::as_str),
            "only devices in lost mode, or only locked devices",
        ),
        query("sort", words(DeviceSortKey::ALL, DeviceSortKey::as_str), ""),
    ]
}

/// The filters and sort of the job list and its CSV (model `JobQuery`).
pub(super) fn job_filters() -> Vec<Value> {
    let mut params = vec![
        query("status", words(JobStatus::ALL, JobStatus::as_str), ""),
        query("method", words(JobMethod::ALL, JobMethod::as_str), ""),
        query(
            "kind",
            words(JobKind::ALL, JobKind::as_str),
            "the measure the job performs",
        ),
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
pub(super) fn audit_filters() -> Vec<Value> {
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

pub(super) fn time_range() -> Vec<Value> {
    let time = json!({ "type": "string", "format": "date-time" });
    vec![
        query("from", time.clone(), "at or after (RFC 3339)"),
        query("to", time, "before (RFC 3339)"),
    ]
}
