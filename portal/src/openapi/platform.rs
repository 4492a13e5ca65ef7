//! JSON Schemas of the per-platform wipe types: the choices of the wipe screen's platform
//! sections, the options a job records, and the command it sends.

use mdm_model::{
    apple::macos::ObliterationBehavior,
    command::{android::AndroidWipeFlag, windows::WindowsWipeKind, WipeCommandName},
    device::MacSecurityChip,
};
use serde_json::{json, Map, Value};

use super::schema_parts::{nullable, object};
use super::{parameters::words, schema_ref as r};

/// The vocabularies of the platform types, for the schemas that name them elsewhere.
pub(super) fn mac_chip() -> Value {
    words(MacSecurityChip::ALL, MacSecurityChip::as_str)
}

pub(super) fn command_name() -> Value {
    words(WipeCommandName::ALL, WipeCommandName::as_str)
}

pub(super) fn schemas(s: &mut Map<String, Value>) {
    let flags = words(AndroidWipeFlag::ALL, AndroidWipeFlag::as_str);
    let kind = words(WindowsWipeKind::ALL, WindowsWipeKind::as_str);
    let obliteration = words(ObliterationBehavior::ALL, ObliterationBehavior::as_str);
    let reason = json!({ "type": "string", "maxLength": 200,
        "description": "wipeReasonMessage: shown on a personally owned device before its work profile is removed; at most 200 characters" });
    s.insert(
        "AndroidWipe".into(),
        object(
            &["wipe_data_flags"],
            json!({
                "wipe_data_flags": { "type": "array", "items": flags, "uniqueItems": true },
                "wipe_reason_message": nullable(reason),
            }),
        ),
    );
    s.insert("MacEraseOptions".into(), object(&["obliteration_behavior"], json!({
        "obliteration_behavior": obliteration.clone(),
        "pin": nullable(json!({ "type": "string", "description": "the Find My PIN, six characters; only for a Mac without Apple silicon or T2" })),
    })));
    s.insert(
        "PlatformWipeChoices".into(),
        object(
            &[],
            json!({
                "android": nullable(r("AndroidWipe")),
                "windows": nullable(kind.clone()),
                "mac": nullable(r("MacEraseOptions")),
            }),
        ),
    );
    s.insert("PlatformWipeOptions".into(), json!({ "oneOf": [
        { "allOf": [ r("AndroidWipe"), object(&["platform"], json!({ "platform": { "const": "android" } })) ] },
        object(&["platform", "kind"], json!({ "platform": { "const": "windows" }, "kind": kind.clone() })),
        { "allOf": [ r("MacEraseOptions"), object(&["platform"], json!({ "platform": { "const": "mac" } })) ] },
    ]}));
    let wipe_command = |platform: &str, command: Value| {
        object(
            &["platform", "command"],
            json!({ "platform": { "const": platform }, "command": command }),
        )
    };
    s.insert("WipeCommand".into(), json!({
        "description": "the command a job sends, secrets masked",
        "oneOf": [
            wipe_command("apple", object(&["command_uuid"], json!({
                "command_uuid": { "type": "string" }, "preserve_data_plan": nullable(json!({ "type": "boolean" })),
                "return_to_service": nullable(json!({ "type": "object" })) }))),
            wipe_command("mac", object(&["command_uuid"], json!({
                "command_uuid": { "type": "string" }, "pin": nullable(json!({ "type": "string" })),
                "obliteration_behavior": nullable(obliteration) }))),
            wipe_command("android", object(&["method", "path", "query"], json!({
                "method": { "const": "DELETE" }, "path": { "type": "string" },
                "query": { "type": "array", "items": { "type": "array", "items": { "type": "string" }, "minItems": 2, "maxItems": 2 } } }))),
            wipe_command("windows", object(&["cmd_id", "kind"], json!({
                "cmd_id": { "type": "integer" }, "kind": kind }))),
            wipe_command("measure", object(&["platform", "command"], json!({
                "platform": { "type": "string", "enum": ["apple", "android", "android_delete", "windows"] },
                "command": { "type": "object", "description": "Apple's command with its RequestType, Android's issueCommand body or deletion, or Windows's SyncML Exec" } }))),
        ],
    }));
}
