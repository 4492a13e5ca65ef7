//! Every EraseDevice command the model builds, checked against Apple's own schema: key names,
//! value types, allowed values, required subkeys, and the iOS and macOS versions that introduced
//! each key.

mod support;

use mdm_model::apple::macos::{
    mac_erase_device_command, MacEraseOptions, MacSecurityChip, MacTarget, ObliterationBehavior,
    OBLITERATION_BEHAVIOR_MIN_MACOS, PIN_MIN_MACOS,
};
use mdm_model::apple::{erase_device_command, PRESERVE_DATA_PLAN_MIN_OS, RETURN_TO_SERVICE_MIN_OS};
use mdm_model::device::{DeviceBrief, ManagementMethod, Os, OsVersion, Ownership};
use mdm_model::ids::{DeviceId, JobId, WifiSettingId};
use mdm_model::wifi::{WifiSecurity, WifiSetting};
use support::plist::{self, Value};
use support::schema::{self, Schema, SchemaKey};

const ERASE_SCHEMA: &str = include_str!("data/apple-device-management/device.erase.yaml");
const WIFI_SCHEMA: &str = include_str!("data/apple-device-management/com.apple.wifi.managed.yaml");

/// Keys every payload carries, defined by Apple's common payload schema rather than per payload.
const COMMON_PAYLOAD_KEYS: &[&str] = &[
    "PayloadType",
    "PayloadVersion",
    "PayloadIdentifier",
    "PayloadUUID",
    "PayloadDisplayName",
];
/// Keys of the configuration profile that wraps the payloads.
const PROFILE_KEYS: &[&str] = &[
    "PayloadContent",
    "PayloadDisplayName",
    "PayloadIdentifier",
    "PayloadType",
    "PayloadUUID",
    "PayloadVersion",
];

fn device(os: Os, version: &str) -> DeviceBrief {
    DeviceBrief {
        id: DeviceId(1),
        name: "iPhone-001".into(),
        os,
        os_version: version.parse().expect("version"),
        model: "iPhone 15".into(),
        serial_number: "F2LX00000001".into(),
        user_full_name: None,
        management_method: ManagementMethod::AppleMdm,
        ownership: Ownership::Company,
        mac_security_chip: None,
        android_resource_name: None,
    }
}

fn wifi(security: WifiSecurity) -> WifiSetting {
    WifiSetting {
        id: WifiSettingId(7),
        name: "本社 & 支社 <5GHz>".into(),
        ssid: "CORP-5G".into(),
        security,
        auto_join: true,
        hidden: true,
        in_remote_settings: true,
    }
}

fn version(text: &str) -> OsVersion {
    text.parse().expect("schema version")
}

/// Checks a dictionary against schema keys: each key is known, of the right type, introduced
/// on or before the device's version, within its range; required subkeys are present.
fn check_dict(path: &str, dict: &Value, keys: &[SchemaKey], os_version: OsVersion) {
    for (name, value) in match dict {
        Value::Dict(entries) => entries
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .collect::<Vec<_>>(),
        other => panic!("{path} is a {}, not a dictionary", other.schema_type()),
    } {
        let key = keys
            .iter()
            .find(|k| k.name == name)
            .unwrap_or_else(|| panic!("{path}.{name} is not in Apple's schema"));
        assert_eq!(
            value.schema_type(),
            key.value_type,
            "{path}.{name} has the wrong type"
        );
        if let Some(introduced) = key.ios_introduced.as_deref().filter(|v| *v != "n/a") {
            assert!(
                os_version >= version(introduced),
                "{path}.{name} needs iOS {introduced}, sent to {os_version}"
            );
        }
        assert_ne!(
            key.ios_introduced.as_deref(),
            Some("n/a"),
            "{path}.{name} does not exist on iOS"
        );
        if let (Value::String(text), false) = (value, key.rangelist.is_empty()) {
            assert!(
                key.rangelist.contains(text),
                "{path}.{name} = {text} is not one of {:?}",
                key.rangelist
            );
        }
        if let Value::Dict(_) = value {
            check_dict(&format!("{path}.{name}"), value, &key.subkeys, os_version);
        }
    }
    for required in keys.iter().filter(|k| k.required) {
        assert!(
            dict.get(&required.name).is_some(),
            "{path}.{} is required",
            required.name
        );
    }
}

fn check_wifi_profile(
    bytes: &[u8],
    setting: &WifiSetting,
    wifi_schema: &Schema,
    os_version: OsVersion,
) {
    let profile = plist::parse(std::str::from_utf8(bytes).expect("the profile is UTF-8 XML"));
    assert_eq!(profile.keys(), PROFILE_KEYS);
    assert_eq!(
        profile.get("PayloadType"),
        Some(&Value::String("Configuration".into()))
    );
    let Some(Value::Array(payloads)) = profile.get("PayloadContent") else {
        panic!("no PayloadContent")
    };
    assert_eq!(payloads.len(), 1);
    let payload = &payloads[0];
    assert_eq!(
        payload.get("PayloadType"),
        Some(&Value::String(
            wifi_schema.payload_type.clone().expect("type")
        ))
    );
    let specific = Value::Dict(match payload {
        Value::Dict(entries) => entries
            .iter()
            .filter(|(k, _)| !COMMON_PAYLOAD_KEYS.contains(&k.as_str()))
            .cloned()
            .collect(),
        _ => panic!("the payload is not a dictionary"),
    });
    check_dict("WiFi", &specific, &wifi_schema.keys, os_version);
    assert_eq!(
        payload.get("SSID_STR"),
        Some(&Value::String(setting.ssid.clone()))
    );
    assert_eq!(
        payload.get("PayloadDisplayName"),
        Some(&Value::String(setting.name.clone()))
    );
    assert_eq!(payload.get("AutoJoin"), Some(&Value::Bool(true)));
}

#[test]
fn the_schema_files_read_as_expected() {
    let erase = schema::parse(ERASE_SCHEMA);
    assert_eq!(erase.request_type.as_deref(), Some("EraseDevice"));
    let rts = erase.key("ReturnToService").expect("ReturnToService");
    assert_eq!(rts.value_type, "<dictionary>");
    assert!(rts.subkey("Enabled").expect("Enabled").required);
    assert_eq!(
        rts.subkey("WiFiProfileData")
            .expect("WiFiProfileData")
            .value_type,
        "<data>"
    );
    let wifi = schema::parse(WIFI_SCHEMA);
    assert_eq!(wifi.payload_type.as_deref(), Some("com.apple.wifi.managed"));
    assert_eq!(
        wifi.key("EncryptionType")
            .expect("EncryptionType")
            .rangelist
            .len(),
        6
    );
}

#[test]
fn the_model_uses_apples_introduction_versions() {
    let erase = schema::parse(ERASE_SCHEMA);
    let introduced = |key: &str| {
        version(
            erase
                .key(key)
                .and_then(|k| k.ios_introduced.as_deref())
                .expect(key),
        )
    };
    assert_eq!(RETURN_TO_SERVICE_MIN_OS, introduced("ReturnToService"));
    assert_eq!(PRESERVE_DATA_PLAN_MIN_OS, introduced("PreserveDataPlan"));
}

#[test]
fn every_security_maps_onto_an_encryption_type_and_back() {
    let wifi = schema::parse(WIFI_SCHEMA);
    let range = &wifi
        .key("EncryptionType")
        .expect("EncryptionType")
        .rangelist;
    let mapped: Vec<String> = WifiSecurity::ALL
        .iter()
        .map(|s| s.apple_encryption_type().to_string())
        .collect();
    let mut sorted_range = range.clone();
    sorted_range.sort();
    let mut sorted_mapped = mapped.clone();
    sorted_mapped.sort();
    assert_eq!(sorted_mapped, sorted_range);
}

#[test]
fn every_generated_command_conforms_to_the_schema() {
    let erase = schema::parse(ERASE_SCHEMA);
    let wifi_schema = schema::parse(WIFI_SCHEMA);
    let versions = ["10.3", "11.0", "15.8", "16.7.10", "17.0", "17.4.1", "18.1"];
    let mut commands_with_rts = 0;
    for os in [Os::Ios, Os::IpadOs] {
        for text in versions {
            for security in WifiSecurity::ALL {
                for keep_esim in [false, true] {
                    for password in [None, Some("p@ss&<word>")] {
                        let target = device(os, text);
                        let setting = wifi(*security);
                        let command = erase_device_command(
                            JobId(3),
                            &target,
                            keep_esim,
                            Some((&setting, password)),
                        );
                        let document = plist::parse(&command.to_plist());
                        assert_eq!(document.keys(), ["Command", "CommandUUID"]);
                        let body = document.get("Command").expect("Command");
                        assert_eq!(
                            body.get("RequestType"),
                            Some(&Value::String("EraseDevice".into()))
                        );
                        let Value::Dict(entries) = body else {
                            panic!("Command is not a dictionary")
                        };
                        let keys = Value::Dict(
                            entries
                                .iter()
                                .filter(|(k, _)| k != "RequestType")
                                .cloned()
                                .collect(),
                        );
                        check_dict("EraseDevice", &keys, &erase.keys, target.os_version);
                        if target.os_version >= PRESERVE_DATA_PLAN_MIN_OS {
                            assert_eq!(body.get("PreserveDataPlan"), Some(&Value::Bool(keep_esim)));
                        }
                        match body.get("ReturnToService") {
                            Some(rts) => {
                                commands_with_rts += 1;
                                assert_eq!(rts.get("Enabled"), Some(&Value::Bool(true)));
                                let Some(Value::Data(bytes)) = rts.get("WiFiProfileData") else {
                                    panic!("no profile")
                                };
                                check_wifi_profile(
                                    bytes,
                                    &setting,
                                    &wifi_schema,
                                    target.os_version,
                                );
                            }
                            None => assert!(
                                target.os_version < RETURN_TO_SERVICE_MIN_OS,
                                "{os} {text} lost RTS"
                            ),
                        }
                    }
                }
            }
        }
    }
    // iOS and iPadOS × three versions ≥ 17 × six securities × two eSIM choices × two passwords.
    assert_eq!(commands_with_rts, 2 * 3 * 6 * 2 * 2);
}

#[test]
fn the_masked_command_still_conforms() {
    let erase = schema::parse(ERASE_SCHEMA);
    let target = device(Os::Ios, "17.4");
    let setting = wifi(WifiSecurity::Wpa3);
    let command =
        erase_device_command(JobId(9), &target, true, Some((&setting, Some("secret")))).masked();
    let text = command.to_plist();
    let document = plist::parse(&text);
    let body = document.get("Command").expect("Command").clone();
    let Value::Dict(entries) = body else {
        panic!("Command is not a dictionary")
    };
    let keys = Value::Dict(
        entries
            .into_iter()
            .filter(|(k, _)| k != "RequestType")
            .collect(),
    );
    check_dict("EraseDevice", &keys, &erase.keys, target.os_version);
    let Some(Value::Data(bytes)) = document
        .get("Command")
        .and_then(|c| c.get("ReturnToService"))
        .and_then(|r| r.get("WiFiProfileData"))
    else {
        panic!("no profile")
    };
    let profile = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(!profile.contains("secret"));
    assert!(profile.contains(mdm_model::apple::SECRET_MASK));
}

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
