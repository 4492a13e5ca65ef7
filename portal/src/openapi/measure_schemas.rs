//! JSON Schemas of the lost-device measures other than the wipe.

use mdm_model::measure::{
    MAX_LOCK_MESSAGE_CHARS, MAX_LOST_MODE_TEXT_CHARS, MAX_PHONE_NUMBER_CHARS,
};
use serde_json::{json, Map, Value};

use super::schema_parts::{array, boolean, int, nullable, object, page_of, string, time};
use super::{schema_ref as r, Vocabularies};

/// The lost-device measures other than the wipe (model `measure`).
pub(super) fn measures(v: &Vocabularies, s: &mut Map<String, Value>) {
    let text =
        |max: usize, what: &str| json!({ "type": "string", "maxLength": max, "description": what });
    s.insert("MeasureOptions".into(), json!({
        "description": "the measure's options, tagged by `measure`; blank texts are left out",
        "oneOf": [
            object(&["measure"], json!({ "measure": { "const": "lock" },
                "message": text(MAX_LOCK_MESSAGE_CHARS, "shown on the lock screen (iPhone, iPad, Mac)"),
                "phone_number": text(MAX_PHONE_NUMBER_CHARS, "digits, +, -, spaces and brackets"),
                "pin": { "type": "string", "description": "the Mac's six-character Find My PIN; masked in answers" } })),
            object(&["measure"], json!({ "measure": { "const": "lost_mode_on" },
                "message": text(MAX_LOST_MODE_TEXT_CHARS, "a message or a phone number is required"),
                "phone_number": text(MAX_PHONE_NUMBER_CHARS, "digits, +, -, spaces and brackets"),
                "footnote": text(MAX_LOST_MODE_TEXT_CHARS, "") })),
            object(&["measure"], json!({ "measure": { "const": "lost_mode_off" } })),
            object(&["measure"], json!({ "measure": { "const": "locate" } })),
            object(&["measure"], json!({ "measure": { "const": "play_sound" } })),
            object(&["measure"], json!({ "measure": { "const": "remove_company_data" },
                "reason_message": text(200, "shown on a personal Android device before its work profile is removed") })),
        ],
    }));
    s.insert(
        "MeasureCountsRequest".into(),
        object(&["selection"], json!({ "selection": r("WipeSelection") })),
    );
    s.insert(
        "MeasureCounts".into(),
        object(
            &["device_count", "measures"],
            json!({
                "device_count": int(),
                "measures": array(object(&["measure", "applicable", "not_applicable"], json!({
                    "measure": v.measure, "applicable": int(), "not_applicable": int(),
                    "main_reason": nullable(v.not_applicable.clone()) }))),
            }),
        ),
    );
    s.insert("MeasurePreviewRequest".into(), object(&["selection", "measure"], json!({
        "selection": r("WipeSelection"), "measure": v.measure, "applicable": nullable(boolean()),
        "page": int(), "per_page": int(),
    })));
    s.insert(
        "DeviceMeasurePlan".into(),
        object(
            &["device", "lost_mode", "locked"],
            json!({
                "device": r("DeviceBrief"), "channel": nullable(v.job_method.clone()),
                "not_applicable": nullable(v.not_applicable.clone()), "open_job_ids": array(int()),
                "lost_mode": boolean(), "locked": boolean(),
            }),
        ),
    );
    s.insert("MeasurePreview".into(), object(&["measure", "applicable", "left_out", "devices"], json!({
        "measure": v.measure, "applicable": int(), "left_out": int(), "devices": page_of("DeviceMeasurePlan"),
    })));
    s.insert("MeasureRequest".into(), object(&["selection", "options", "password"], json!({
        "selection": r("WipeSelection"), "options": r("MeasureOptions"), "password": string(),
        "agreed": { "type": "boolean", "description": "同意する: required for every measure but locate" },
        "skip_not_applicable": boolean(),
    })));
    s.insert("MeasureRegistered".into(), object(
        &["measure", "registration_id", "device_count", "job_count", "skipped_device_count", "registered_at"],
        json!({ "measure": v.measure, "registration_id": int(), "device_count": int(), "job_count": int(),
            "skipped_device_count": int(), "registered_at": time() }),
    ));
    s.insert(
        "DeviceLocationFix".into(),
        object(
            &["latitude", "longitude", "located_at"],
            json!({
                "latitude": { "type": "number", "minimum": -90, "maximum": 90 },
                "longitude": { "type": "number", "minimum": -180, "maximum": 180 },
                "horizontal_accuracy_m": nullable(json!({ "type": "number", "minimum": 0 })),
                "located_at": time(), "job_id": nullable(int()),
            }),
        ),
    );
    s.insert("LocationPage".into(), page_of("DeviceLocationFix"));
}
