//! Every EraseDevice command the model builds for a Mac, checked against Apple's schema: only
//! keys that exist on macOS, sent to Macs whose version introduced them, with Apple's values;
//! the PIN only to Macs without the T2 chip, the obliteration behaviour only to the others.

mod support;

use mdm_model::apple::macos::{
    mac_erase_device_command, MacEraseOptions, MacSecurityChip, MacTarget, ObliterationBehavior,
    OBLITERATION_BEHAVIOR_MIN_MACOS, PIN_MIN_MACOS,
};
use mdm_model::device::OsVersion;
use mdm_model::ids::JobId;
use support::plist::{self, Value};
use support::schema::{self, version, Schema};

const ERASE_SCHEMA: &str = include_str!("data/apple-device-management/device.erase.yaml");

/// Checks a Mac's EraseDevice keys: each is in the schema, exists on macOS and was introduced
/// on or before the Mac's version, has the schema's type and is within its range.
fn check_mac_command(command: &Value, erase: &Schema, os_version: OsVersion) {
    let body = command.get("Command").expect("Command");
    assert_eq!(
        body.get("RequestType"),
        Some(&Value::String("EraseDevice".into()))
    );
    for name in body.keys().into_iter().filter(|k| *k != "RequestType") {
        let key = erase
            .key(name)
            .unwrap_or_else(|| panic!("EraseDevice.{name} is not in Apple's schema"));
        let introduced = key
            .macos_introduced
            .as_deref()
            .unwrap_or_else(|| panic!("EraseDevice.{name} gives no macOS version"));
        assert_ne!(
            introduced, "n/a",
            "EraseDevice.{name} does not exist on macOS"
        );
        assert!(
            os_version >= version(introduced),
            "EraseDevice.{name} needs macOS {introduced}, sent to {os_version}"
        );
        let value = body.get(name).expect("value");
        assert_eq!(value.schema_type(), key.value_type, "EraseDevice.{name}");
        if let (Value::String(text), false) = (value, key.rangelist.is_empty()) {
            assert!(key.rangelist.contains(text), "{name} = {text}");
        }
    }
}

#[test]
fn the_mac_builder_uses_apples_values_and_versions() {
    let erase = schema::parse(ERASE_SCHEMA);
    let key = |name: &str| erase.key(name).expect(name).clone();
    let wire: Vec<String> = ObliterationBehavior::ALL
        .iter()
        .map(|b| b.as_str().to_string())
        .collect();
    assert_eq!(wire, key("ObliterationBehavior").rangelist);
    assert_eq!(
        OBLITERATION_BEHAVIOR_MIN_MACOS,
        version(
            key("ObliterationBehavior")
                .macos_introduced
                .as_deref()
                .unwrap()
        )
    );
    assert_eq!(
        PIN_MIN_MACOS,
        version(key("PIN").macos_introduced.as_deref().unwrap())
    );
    assert_eq!(key("PIN").value_type, "<string>");
    // Keys the Mac builder must never send: the schema has them only for other systems.
    for absent in [
        "DisallowProximitySetup",
        "PreserveDataPlan",
        "ReturnToService",
    ] {
        assert_eq!(
            key(absent).macos_introduced.as_deref(),
            Some("n/a"),
            "{absent}"
        );
    }
}

#[test]
fn every_mac_command_conforms_to_the_schema() {
    let erase = schema::parse(ERASE_SCHEMA);
    let mut sent_pin = 0;
    let mut sent_obliteration = 0;
    for chip in MacSecurityChip::ALL {
        for text in ["10.7", "10.15.7", "11.7", "12.0", "13.6", "14.5", "15.1"] {
            for behavior in ObliterationBehavior::ALL {
                let target = MacTarget {
                    os_version: version(text),
                    chip: *chip,
                };
                let options = MacEraseOptions {
                    obliteration_behavior: *behavior,
                    pin: chip.takes_pin().then(|| "A1b2C3".to_string()),
                };
                let command = mac_erase_device_command(JobId(8), &target, &options)
                    .unwrap_or_else(|e| panic!("{chip} {text}: {e}"));
                for plist_text in [command.to_plist(), command.masked().to_plist()] {
                    let document = plist::parse(&plist_text);
                    assert_eq!(document.keys(), ["Command", "CommandUUID"]);
                    check_mac_command(&document, &erase, target.os_version);
                }
                let document = plist::parse(&command.to_plist());
                let body = document.get("Command").expect("Command");
                if let Some(Value::String(pin)) = body.get("PIN") {
                    sent_pin += 1;
                    assert_eq!(pin.chars().count(), 6);
                    assert!(chip.takes_pin());
                }
                if let Some(Value::String(sent)) = body.get("ObliterationBehavior") {
                    sent_obliteration += 1;
                    assert_eq!(sent, behavior.as_str());
                    assert!(!chip.takes_pin(), "no effect before the T2 chip");
                }
            }
        }
    }
    // Intel without T2 × six versions from 10.8 × four behaviours.
    assert_eq!(sent_pin, 6 * 4);
    // Apple silicon and T2 × four versions from 12.0 × four behaviours.
    assert_eq!(sent_obliteration, 2 * 4 * 4);
}
