//! The Apple MDM commands of the lost-device measures other than the wipe: DeviceLock,
//! EnableLostMode, DisableLostMode, DeviceLocation, PlayLostModeSound and RemoveProfile.
//!
//! Sources: Apple's schema files (apple/device-management, commit b6202ca2, read 2026-12-07;
//! `tests/apple_measure_schema.rs` checks every key against them): `device.lock.yaml` (Message
//! from iOS 7 / macOS 10.14, PhoneNumber from iOS 7 / macOS 11.5, PIN on macOS only from 10.8, a
//! six-character string), `device.lostmode.enable.yaml` (iOS 9.3, supervised, "a message or phone
//! number must be provided", Footnote), `device.lostmode.disable.yaml`,
//! `device.lostmode.location.yaml`, `device.lostmode.playsound.yaml` (no keys; none exists on
//! macOS) and `mdm/commands/profile.remove.yaml` (RemoveProfile: `Identifier`, required, iOS 4 /
//! macOS 10.7, allowed in User Enrollment). The schema does not say what removing the enrollment
//! profile does; Apple's Platform Deployment guide, "Device Enrollment and MDM"
//! (<https://support.apple.com/guide/deployment/depd1c27dfe6/web>) does: removing the enrollment
//! profile removes every configuration profile, its settings and the managed apps installed
//! through it. That is how 企業データの削除 works on an Apple device: RemoveProfile with the
//! enrollment profile's identifier.

use serde::{Deserialize, Serialize};

use super::{PlistValue, SECRET_MASK};
use crate::command::problem::{CommandError, CommandProblem};
use crate::device::{DeviceBrief, Os, OsVersion};
use crate::ids::JobId;
use crate::measure::{entered, LockOptions, LostModeOptions, MeasureOptions};

/// The `PayloadIdentifier` of the demo portal's MDM enrollment profile: what RemoveProfile
/// names to remove the company's data from a personal device.
pub const MDM_ENROLLMENT_PROFILE_IDENTIFIER: &str = "jp.co.example.mdm.enrollment";
/// iOS / iPadOS version that introduced DeviceLock's `Message` and `PhoneNumber`.
pub const LOCK_TEXT_MIN_IOS: OsVersion = OsVersion::major_minor(7, 0);
/// macOS version that introduced DeviceLock's `Message`.
pub const LOCK_MESSAGE_MIN_MACOS: OsVersion = OsVersion::major_minor(10, 14);
/// macOS version that introduced DeviceLock's `PhoneNumber`.
pub const LOCK_PHONE_MIN_MACOS: OsVersion = OsVersion::major_minor(11, 5);
/// macOS version that introduced DeviceLock's `PIN`.
pub const LOCK_PIN_MIN_MACOS: OsVersion = OsVersion::major_minor(10, 8);
/// Length of DeviceLock's Find My PIN, in characters.
pub const LOCK_PIN_LENGTH: usize = 6;

/// One Apple MDM command of a measure job. Keys a device's system does not take are absent,
/// never sent empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum AppleMeasureCommand {
    DeviceLock {
        command_uuid: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        phone_number: Option<String>,
        /// macOS only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin: Option<String>,
    },
    EnableLostMode {
        command_uuid: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        phone_number: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footnote: Option<String>,
    },
    DisableLostMode {
        command_uuid: String,
    },
    DeviceLocation {
        command_uuid: String,
    },
    PlayLostModeSound {
        command_uuid: String,
    },
    RemoveProfile {
        command_uuid: String,
        identifier: String,
    },
}

/// The command UUID of a measure job's command.
fn command_uuid(job_id: JobId) -> String {
    format!("measure-job-{job_id}")
}

fn owned(text: &Option<String>) -> Option<String> {
    entered(text).map(str::to_string)
}

/// DeviceLock for `device`: the message and phone number where its system takes them, the PIN
/// on a Mac only. A PIN that is not six characters is refused rather than sent.
pub fn device_lock_command(
    job_id: JobId,
    device: &DeviceBrief,
    options: &LockOptions,
) -> Result<AppleMeasureCommand, CommandError> {
    let version = device.os_version;
    let (message_from, phone_from) = match device.os {
        Os::MacOs => (LOCK_MESSAGE_MIN_MACOS, LOCK_PHONE_MIN_MACOS),
        _ => (LOCK_TEXT_MIN_IOS, LOCK_TEXT_MIN_IOS),
    };
    let pin = match entered(&options.pin) {
        Some(pin) if device.os == Os::MacOs && version >= LOCK_PIN_MIN_MACOS => {
            if pin.chars().count() != LOCK_PIN_LENGTH {
                return Err(CommandProblem::PinWrongLength.into());
            }
            Some(pin.to_string())
        }
        _ => None,
    };
    Ok(AppleMeasureCommand::DeviceLock {
        command_uuid: command_uuid(job_id),
        message: owned(&options.message).filter(|_| version >= message_from),
        phone_number: owned(&options.phone_number).filter(|_| version >= phone_from),
        pin,
    })
}

/// EnableLostMode: Apple requires a message or a phone number.
pub fn enable_lost_mode_command(
    job_id: JobId,
    options: &LostModeOptions,
) -> Result<AppleMeasureCommand, CommandError> {
    let message = owned(&options.message);
    let phone_number = owned(&options.phone_number);
    if message.is_none() && phone_number.is_none() {
        return Err(CommandProblem::LostModeNeedsMessageOrPhone.into());
    }
    Ok(AppleMeasureCommand::EnableLostMode {
        command_uuid: command_uuid(job_id),
        message,
        phone_number,
        footnote: owned(&options.footnote),
    })
}

/// The command of a measure for an iPhone, iPad or Mac. Lost mode and its location and sound
/// exist on iPhone and iPad only; 企業データの削除 removes the profile named
/// `enrollment_profile_identifier` (the MDM enrollment profile).
pub fn apple_measure_command(
    job_id: JobId,
    device: &DeviceBrief,
    options: &MeasureOptions,
    enrollment_profile_identifier: &str,
) -> Result<AppleMeasureCommand, CommandError> {
    if !device.os.is_apple() {
        return Err(CommandProblem::MeasureNotOnPlatform.into());
    }
    let lost_mode_device = device.os.is_apple_mobile();
    let command_uuid = command_uuid(job_id);
    Ok(match options {
        MeasureOptions::Lock(lock) => return device_lock_command(job_id, device, lock),
        MeasureOptions::LostModeOn(lost) if lost_mode_device => {
            return enable_lost_mode_command(job_id, lost)
        }
        MeasureOptions::LostModeOff if lost_mode_device => {
            AppleMeasureCommand::DisableLostMode { command_uuid }
        }
        MeasureOptions::Locate if lost_mode_device => {
            AppleMeasureCommand::DeviceLocation { command_uuid }
        }
        MeasureOptions::PlaySound if lost_mode_device => {
            AppleMeasureCommand::PlayLostModeSound { command_uuid }
        }
        MeasureOptions::RemoveCompanyData(_) => AppleMeasureCommand::RemoveProfile {
            command_uuid,
            identifier: enrollment_profile_identifier.to_string(),
        },
        _ => return Err(CommandProblem::MeasureNotOnPlatform.into()),
    })
}

impl AppleMeasureCommand {
    /// Apple's `RequestType`.
    pub fn request_type(&self) -> &'static str {
        match self {
            AppleMeasureCommand::DeviceLock { .. } => "DeviceLock",
            AppleMeasureCommand::EnableLostMode { .. } => "EnableLostMode",
            AppleMeasureCommand::DisableLostMode { .. } => "DisableLostMode",
            AppleMeasureCommand::DeviceLocation { .. } => "DeviceLocation",
            AppleMeasureCommand::PlayLostModeSound { .. } => "PlayLostModeSound",
            AppleMeasureCommand::RemoveProfile { .. } => "RemoveProfile",
        }
    }

    pub fn command_uuid(&self) -> &str {
        match self {
            AppleMeasureCommand::DeviceLock { command_uuid, .. }
            | AppleMeasureCommand::EnableLostMode { command_uuid, .. }
            | AppleMeasureCommand::DisableLostMode { command_uuid }
            | AppleMeasureCommand::DeviceLocation { command_uuid }
            | AppleMeasureCommand::PlayLostModeSound { command_uuid }
            | AppleMeasureCommand::RemoveProfile { command_uuid, .. } => command_uuid,
        }
    }

    /// A copy safe to show and log: the Mac's PIN replaced by [`SECRET_MASK`].
    pub fn masked(&self) -> AppleMeasureCommand {
        let mut copy = self.clone();
        if let AppleMeasureCommand::DeviceLock { pin: Some(pin), .. } = &mut copy {
            *pin = SECRET_MASK.to_string();
        }
        copy
    }

    /// The command as the property list the device receives.
    pub fn to_plist(&self) -> String {
        let text = |key: &'static str, value: &Option<String>| {
            value
                .as_ref()
                .map(|value| (key, PlistValue::string(value.clone())))
        };
        let mut command = vec![("RequestType", PlistValue::string(self.request_type()))];
        match self {
            AppleMeasureCommand::DeviceLock {
                message,
                phone_number,
                pin,
                ..
            } => command.extend(
                [
                    text("Message", message),
                    text("PhoneNumber", phone_number),
                    text("PIN", pin),
                ]
                .into_iter()
                .flatten(),
            ),
            AppleMeasureCommand::EnableLostMode {
                message,
                phone_number,
                footnote,
                ..
            } => command.extend(
                [
                    text("Message", message),
                    text("PhoneNumber", phone_number),
                    text("Footnote", footnote),
                ]
                .into_iter()
                .flatten(),
            ),
            AppleMeasureCommand::RemoveProfile { identifier, .. } => {
                command.push(("Identifier", PlistValue::string(identifier.clone())));
            }
            AppleMeasureCommand::DisableLostMode { .. }
            | AppleMeasureCommand::DeviceLocation { .. }
            | AppleMeasureCommand::PlayLostModeSound { .. } => {}
        }
        PlistValue::dict([
            ("Command", PlistValue::dict(command)),
            ("CommandUUID", PlistValue::string(self.command_uuid())),
        ])
        .to_xml_document()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;
    use crate::measure::RemoveCompanyDataOptions;

    fn device(os: Os, version: &str) -> DeviceBrief {
        let mut device = iphone(1).brief();
        device.os = os;
        device.os_version = version.parse().unwrap();
        device
    }

    fn lock(pin: Option<&str>) -> LockOptions {
        LockOptions {
            message: Some("  拾った方はご連絡ください  ".into()),
            phone_number: Some("03-1234-5678".into()),
            pin: pin.map(str::to_string),
        }
    }

    #[test]
    fn the_lock_sends_trimmed_text_and_no_pin_to_an_iphone() {
        let command =
            device_lock_command(JobId(5), &device(Os::Ios, "17.4"), &lock(Some("123456"))).unwrap();
        let plist = command.to_plist();
        assert!(plist.contains("<key>RequestType</key>\n\t\t<string>DeviceLock</string>"));
        assert!(plist.contains("<key>Message</key>\n\t\t<string>拾った方はご連絡ください</string>"));
        assert!(plist.contains("<key>PhoneNumber</key>\n\t\t<string>03-1234-5678</string>"));
        assert!(!plist.contains("PIN"), "{plist}");
        assert!(plist.contains("<string>measure-job-5</string>"));
    }

    #[test]
    fn older_systems_get_only_the_keys_they_know() {
        let ios6 = device_lock_command(JobId(1), &device(Os::Ios, "6.1"), &lock(None)).unwrap();
        assert!(!ios6.to_plist().contains("Message"));
        assert!(!ios6.to_plist().contains("PhoneNumber"));
        let mac_10_13 =
            device_lock_command(JobId(1), &device(Os::MacOs, "10.13"), &lock(Some("123456")))
                .unwrap();
        let plist = mac_10_13.to_plist();
        assert!(!plist.contains("Message") && !plist.contains("PhoneNumber"));
        assert!(plist.contains("<key>PIN</key>"));
        let mac_11 = device_lock_command(JobId(1), &device(Os::MacOs, "11.4"), &lock(None))
            .unwrap()
            .to_plist();
        assert!(mac_11.contains("Message") && !mac_11.contains("PhoneNumber"));
        let mac_15 = device_lock_command(JobId(1), &device(Os::MacOs, "15.1"), &lock(None))
            .unwrap()
            .to_plist();
        assert!(mac_15.contains("Message") && mac_15.contains("PhoneNumber"));
    }

    #[test]
    fn the_mac_pin_is_masked_and_checked() {
        let command =
            device_lock_command(JobId(1), &device(Os::MacOs, "14.5"), &lock(Some("654321")))
                .unwrap();
        assert!(command.to_plist().contains("<string>654321</string>"));
        let masked = command.masked();
        assert!(!masked.to_plist().contains("654321"));
        assert!(masked.to_plist().contains(SECRET_MASK));
        assert!(!serde_json::to_string(&masked).unwrap().contains("654321"));
        assert_eq!(
            device_lock_command(JobId(1), &device(Os::MacOs, "14.5"), &lock(Some("12345"))),
            Err(CommandError(CommandProblem::PinWrongLength))
        );
    }

    #[test]
    fn lost_mode_needs_a_message_or_a_phone_number() {
        let blank = LostModeOptions {
            message: Some("   ".into()),
            phone_number: None,
            footnote: Some("footnote".into()),
        };
        assert_eq!(
            enable_lost_mode_command(JobId(1), &blank),
            Err(CommandError(CommandProblem::LostModeNeedsMessageOrPhone))
        );
        let phone_only = LostModeOptions {
            phone_number: Some("090-0000-0000".into()),
            ..blank
        };
        let plist = enable_lost_mode_command(JobId(1), &phone_only)
            .unwrap()
            .to_plist();
        assert!(plist.contains("<string>EnableLostMode</string>"));
        assert!(plist.contains("<key>Footnote</key>"));
        assert!(!plist.contains("<key>Message</key>"));
    }

    #[test]
    fn each_measure_maps_to_its_request_and_macs_have_no_lost_mode() {
        let iphone = device(Os::Ios, "17.4");
        let mac = device(Os::MacOs, "15.1");
        let cases = [
            (MeasureOptions::LostModeOff, "DisableLostMode"),
            (MeasureOptions::Locate, "DeviceLocation"),
            (MeasureOptions::PlaySound, "PlayLostModeSound"),
        ];
        for (options, request) in cases {
            let command = apple_measure_command(JobId(2), &iphone, &options, "x").unwrap();
            assert_eq!(command.request_type(), request);
            assert_eq!(
                apple_measure_command(JobId(2), &mac, &options, "x"),
                Err(CommandError(CommandProblem::MeasureNotOnPlatform))
            );
        }
        let remove = MeasureOptions::RemoveCompanyData(RemoveCompanyDataOptions::default());
        for target in [&iphone, &mac] {
            let command =
                apple_measure_command(JobId(3), target, &remove, MDM_ENROLLMENT_PROFILE_IDENTIFIER)
                    .unwrap();
            assert!(command.to_plist().contains(
                "<key>Identifier</key>\n\t\t<string>jp.co.example.mdm.enrollment</string>"
            ));
        }
        let json = serde_json::to_value(
            apple_measure_command(JobId(2), &iphone, &MeasureOptions::Locate, "x").unwrap(),
        )
        .unwrap();
        assert_eq!(json["request"], "device_location");
        assert_eq!(json["command_uuid"], "measure-job-2");
    }
}
