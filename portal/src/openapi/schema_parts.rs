//! The pieces every JSON Schema of the document is made of.

use serde_json::{json, Value};

use super::schema_ref as r;

pub(super) fn string() -> Value {
    json!({ "type": "string" })
}
pub(super) fn int() -> Value {
    json!({ "type": "integer" })
}
pub(super) fn boolean() -> Value {
    json!({ "type": "boolean" })
}
pub(super) fn time() -> Value {
    json!({ "type": "string", "format": "date-time" })
}
pub(super) fn time_zone() -> Value {
    json!({ "type": "string", "description": "IANA time zone name, e.g. Asia/Tokyo or America/New_York" })
}
pub(super) fn array(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}
pub(super) fn nullable(schema: Value) -> Value {
    json!({ "anyOf": [schema, { "type": "null" }] })
}
pub(super) fn object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": properties })
}
pub(super) fn page_of(item: &str) -> Value {
    object(
        &["items", "total", "page", "per_page"],
        json!({ "items": array(r(item)), "total": int(), "page": int(), "per_page": int() }),
    )
}
pub(super) fn list_of(item: &str) -> Value {
    object(&["items"], json!({ "items": array(r(item)) }))
}
