//! Every Apple command of the lost-device measures the model builds, checked against Apple's own
//! schema files: the request type, each key's name, type and presence, and the iOS and macOS
//! versions that introduced the command and each key.

mod support;

use mdm_model::apple::measures::{
    apple_measure_command, LOCK_MESSAGE_MIN_MACOS, LOCK_PHONE_MIN_MACOS, LOCK_PIN_MIN_MACOS,
    LOCK_TEXT_MIN_IOS, MDM_ENROLLMENT_PROFILE_IDENTIFIER,
};
use mdm_model::apple::SECRET_MASK;
use mdm_model::command::{CommandError, CommandProblem};
use mdm_model::device::{DeviceBrief, MacSecurityChip, ManagementMethod, Os, OsVersion, Ownership};
use mdm_model::ids::{DeviceId, JobId};
use mdm_model::measure::{LockOptions, LostModeOptions, MeasureOptions, RemoveCompanyDataOptions};
use support::plist::{self, Value};
use support::schema::{self, version, Schema};

const SCHEMAS: &[(&str, &str)] = &[
    (
        "DeviceLock",
        include_str!("data/apple-device-management/device.lock.yaml"),
    ),
    (
        "EnableLostMode",
        include_str!("data/apple-device-management/device.lostmode.enable.yaml"),
    ),
    (
        "DisableLostMode",
        include_str!("data/apple-device-management/device.lostmode.disable.yaml"),
    ),
    (
        "DeviceLocation",
        include_str!("data/apple-device-management/device.lostmode.location.yaml"),
    ),
    (
        "PlayLostModeSound",
        include_str!("data/apple-device-management/device.lostmode.playsound.yaml"),
    ),
    (
        "RemoveProfile",
        include_str!("fixtures/apple/profile.remove.yaml"),
    ),
];

fn schema_for(request_type: &str) -> Schema {
    let (_, text) = SCHEMAS
        .iter()
        .find(|(name, _)| *name == request_type)
        .unwrap_or_else(|| panic!("no schema for {request_type}"));
    schema::parse(text)
}

fn device(os: Os, text: &str, chip: Option<MacSecurityChip>) -> DeviceBrief {
    DeviceBrief {
        id: DeviceId(1),
        name: "device-001".into(),
        os,
        os_version: version(text),
        model: "model".into(),
        serial_number: "F2LX00000001".into(),
        user_full_name: None,
        management_method: ManagementMethod::AppleMdm,
        ownership: Ownership::Company,
        mac_security_chip: chip,
        android_resource_name: None,
    }
}

/// Every target of the brief: iOS 17 and 6, iPadOS 17, macOS 10.13 / 10.14 / 15 on Intel and
/// Apple silicon.
fn targets() -> Vec<DeviceBrief> {
    let mut targets = vec![
        device(Os::Ios, "17.4", None),
        device(Os::Ios, "6.1", None),
        device(Os::IpadOs, "17.0", None),
    ];
    for chip in [MacSecurityChip::NoneOfThem, MacSecurityChip::AppleSilicon] {
        for text in ["10.13.6", "10.14", "11.4", "11.5", "15.1"] {
            targets.push(device(Os::MacOs, text, Some(chip)));
        }
    }
    targets
}

fn every_options() -> Vec<MeasureOptions> {
    let text = |t: &str| Some(t.to_string());
    vec![
        MeasureOptions::Lock(LockOptions {
            message: text("拾った方は総務部へご連絡ください & <感謝>"),
            phone_number: text("+81 3-1234-5678"),
            pin: text("A1b2C3"),
        }),
        MeasureOptions::Lock(LockOptions::default()),
        MeasureOptions::LostModeOn(LostModeOptions {
            message: text("紛失中"),
            phone_number: text("03-1234-5678"),
            footnote: text("株式会社サンプル"),
        }),
        MeasureOptions::LostModeOn(LostModeOptions {
            phone_number: text("03-1234-5678"),
            ..Default::default()
        }),
        MeasureOptions::LostModeOff,
        MeasureOptions::Locate,
        MeasureOptions::PlaySound,
        MeasureOptions::RemoveCompanyData(RemoveCompanyDataOptions::default()),
    ]
}

/// The introduction version of the command or key on the device's system; `None` for `n/a`.
fn introduced_on(os: Os, ios: &Option<String>, macos: &Option<String>) -> Option<OsVersion> {
    let text = match os {
        Os::MacOs => macos.as_deref(),
        _ => ios.as_deref(),
    };
    match text {
        Some("n/a") => None,
        Some(text) => Some(version(text)),
        // A key without its own supportedOS follows its command.
        None => Some(OsVersion::major_minor(0, 0)),
    }
}

/// Checks one command document against its schema for `target`.
fn check(document: &Value, target: &DeviceBrief) -> String {
    assert_eq!(document.keys(), ["Command", "CommandUUID"]);
    assert_eq!(
        document.get("CommandUUID"),
        Some(&Value::String("measure-job-12".into()))
    );
    let body = document.get("Command").expect("Command");
    let Some(Value::String(request_type)) = body.get("RequestType") else {
        panic!("no RequestType")
    };
    let schema = schema_for(request_type);
    assert_eq!(schema.request_type.as_deref(), Some(request_type.as_str()));
    let os = target.os;
    let since = introduced_on(os, &schema.ios_introduced, &schema.macos_introduced)
        .unwrap_or_else(|| panic!("{request_type} does not exist on {os}"));
    // Lost mode before iOS 9.3 is refused by the measure's applicability (OsTooOld), not here.
    if target.os_version >= version("9.3")
        || request_type == "DeviceLock"
        || request_type == "RemoveProfile"
    {
        assert!(
            target.os_version >= since,
            "{request_type} needs {since} on {os}"
        );
    }
    for name in body.keys().into_iter().filter(|k| *k != "RequestType") {
        let key = schema
            .key(name)
            .unwrap_or_else(|| panic!("{request_type}.{name} is not in Apple's schema"));
        let value = body.get(name).expect("value");
        assert_eq!(value.schema_type(), key.value_type, "{request_type}.{name}");
        let key_since = introduced_on(os, &key.ios_introduced, &key.macos_introduced)
            .unwrap_or_else(|| panic!("{request_type}.{name} does not exist on {os}"));
        assert!(
            target.os_version >= key_since,
            "{request_type}.{name} needs {key_since}, sent to {os} {}",
            target.os_version
        );
    }
    for required in schema.keys.iter().filter(|k| k.required) {
        assert!(
            body.get(&required.name).is_some(),
            "{request_type}.{} is required",
            required.name
        );
    }
    request_type.clone()
}

#[test]
fn every_generated_command_conforms_to_the_schema() {
    let mut sent = std::collections::BTreeMap::<String, usize>::new();
    for target in targets() {
        for options in every_options() {
            let built = apple_measure_command(
                JobId(12),
                &target,
                &options,
                MDM_ENROLLMENT_PROFILE_IDENTIFIER,
            );
            let command = match built {
                Ok(command) => command,
                Err(error) => {
                    assert_eq!(error, CommandError(CommandProblem::MeasureNotOnPlatform));
                    assert_eq!(target.os, Os::MacOs, "{options:?}");
                    continue;
                }
            };
            for text in [command.to_plist(), command.masked().to_plist()] {
                let request_type = check(&plist::parse(&text), &target);
                assert_eq!(request_type, command.request_type());
            }
            *sent.entry(command.request_type().to_string()).or_default() += 1;
        }
    }
    // Three iPhone / iPad targets take every request; ten Macs take only the lock and removal.
    assert_eq!(sent["DeviceLock"], 2 * 13);
    assert_eq!(sent["EnableLostMode"], 2 * 3);
    for request in ["DisableLostMode", "DeviceLocation", "PlayLostModeSound"] {
        assert_eq!(sent[request], 3, "{request}");
    }
    assert_eq!(sent["RemoveProfile"], 13);
}

#[test]
fn the_lock_keys_follow_each_system() {
    let lock = &every_options()[0];
    let keys = |target: &DeviceBrief| {
        let command = apple_measure_command(JobId(12), target, lock, "x").unwrap();
        let document = plist::parse(&command.to_plist());
        let body = document.get("Command").unwrap().clone();
        body.keys()
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let intel = Some(MacSecurityChip::NoneOfThem);
    assert_eq!(
        keys(&device(Os::Ios, "17.4", None)),
        ["RequestType", "Message", "PhoneNumber"]
    );
    assert_eq!(keys(&device(Os::Ios, "6.1", None)), ["RequestType"]);
    assert_eq!(
        keys(&device(Os::MacOs, "10.13.6", intel)),
        ["RequestType", "PIN"]
    );
    assert_eq!(
        keys(&device(Os::MacOs, "10.14", intel)),
        ["RequestType", "Message", "PIN"]
    );
    assert_eq!(
        keys(&device(
            Os::MacOs,
            "15.1",
            Some(MacSecurityChip::AppleSilicon)
        )),
        ["RequestType", "Message", "PhoneNumber", "PIN"]
    );
    let masked = apple_measure_command(JobId(1), &device(Os::MacOs, "15.1", intel), lock, "x")
        .unwrap()
        .masked()
        .to_plist();
    assert!(masked.contains(SECRET_MASK) && !masked.contains("A1b2C3"));
}

#[test]
fn the_model_uses_apples_versions_and_the_remove_profile_schema_reads() {
    let lock = schema_for("DeviceLock");
    let key = |name: &str| lock.key(name).expect(name).clone();
    assert_eq!(
        LOCK_TEXT_MIN_IOS,
        version(key("Message").ios_introduced.as_deref().unwrap())
    );
    assert_eq!(
        LOCK_TEXT_MIN_IOS,
        version(key("PhoneNumber").ios_introduced.as_deref().unwrap())
    );
    assert_eq!(
        LOCK_MESSAGE_MIN_MACOS,
        version(key("Message").macos_introduced.as_deref().unwrap())
    );
    assert_eq!(
        LOCK_PHONE_MIN_MACOS,
        version(key("PhoneNumber").macos_introduced.as_deref().unwrap())
    );
    assert_eq!(
        LOCK_PIN_MIN_MACOS,
        version(key("PIN").macos_introduced.as_deref().unwrap())
    );
    assert_eq!(key("PIN").ios_introduced.as_deref(), Some("n/a"));
    let remove = schema_for("RemoveProfile");
    let identifier = remove.key("Identifier").expect("Identifier");
    assert!(identifier.required);
    assert_eq!(identifier.value_type, "<string>");
    for request in [
        "EnableLostMode",
        "DisableLostMode",
        "DeviceLocation",
        "PlayLostModeSound",
    ] {
        assert_eq!(
            schema_for(request).macos_introduced.as_deref(),
            Some("n/a"),
            "{request}"
        );
    }
}
