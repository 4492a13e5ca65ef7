//! Every EraseDevice command the model builds, checked against Apple's own schema: key names,
//! value types, allowed values, required subkeys, and the iOS and macOS versions that introduced
//! each key. The Mac commands: `apple_mac_schema.rs`.

mod support;

use mdm_model::apple::{erase_device_command, PRESERVE_DATA_PLAN_MIN_OS, RETURN_TO_SERVICE_MIN_OS};
use mdm_model::device::{DeviceBrief, ManagementMethod, Os, OsVersion, Ownership};
use mdm_model::ids::{DeviceId, JobId, WifiSettingId};
use mdm_model::wifi::{WifiSecurity, WifiSetting};
use support::plist::{self, Value};
use support::schema::{self, version, Schema, SchemaKey};

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
