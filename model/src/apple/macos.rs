//! The EraseDevice command for a Mac: `ObliterationBehavior` and the Find My `PIN`.
//!
//! Sources: Apple's schema `device.erase.yaml` (apple/device-management, commit b6202ca2, read
//! 2026-12-07; a test checks every key against it): `PIN` is a six-character string from macOS
//! 10.8, `ObliterationBehavior` takes Default / DoNotObliterate / ObliterateWithWarning / Always
//! from macOS 12 and has no effect on Macs older than the T2 chip, and `DisallowProximitySetup`
//! and `PreserveDataPlan` do not exist on macOS (so a Mac never gets them). That the PIN matters
//! only on a Mac without Apple silicon or the T2 chip (the others erase with Erase All Content
//! and Settings and rely on Activation Lock) is not in the schema: it is from Apple's Platform
//! Deployment guide, "Erase Apple devices" (<https://support.apple.com/guide/deployment/dep0a819891e/web>,
//! EACS on Apple silicon and T2 from macOS 12.0.1) and vendors' notes that such Macs ignore the
//! PIN (JumpCloud, "Understand Erase Device Command for Macs").
use serde::{Deserialize, Serialize};

use super::{PlistValue, SECRET_MASK};
use crate::command::problem::{CommandError, CommandProblem};
pub use crate::device::MacSecurityChip;
use crate::device::OsVersion;
use crate::ids::JobId;
use crate::vocabulary::vocabulary;
use crate::Lang;

/// macOS version that introduced `PIN`.
pub const PIN_MIN_MACOS: OsVersion = OsVersion::major_minor(10, 8);
/// macOS version that introduced `ObliterationBehavior`.
pub const OBLITERATION_BEHAVIOR_MIN_MACOS: OsVersion = OsVersion::major_minor(12, 0);
/// Length of the Find My PIN, in characters.
pub const PIN_LENGTH: usize = 6;

vocabulary! {
    /// `ObliterationBehavior`: what the Mac does when Erase All Content and Settings cannot
    /// run. The wire names are Apple's values.
    #[derive(Default)]
    pub enum ObliterationBehavior {
        #[default]
        Default = "Default",
            ja: "標準(EACSできなければエラーを返して完全消去)",
            en: "Default (answer Error, then obliterate if EACS cannot run)";
        DoNotObliterate = "DoNotObliterate",
            ja: "完全消去しない(EACSできなければ中止)",
            en: "Do not obliterate (stop if EACS cannot run)";
        ObliterateWithWarning = "ObliterateWithWarning",
            ja: "警告付きで完全消去(EACSできなければ受理して完全消去)",
            en: "Obliterate with warning (acknowledge, then obliterate if EACS cannot run)";
        Always = "Always",
            ja: "常に完全消去(EACSを使わない)",
            en: "Always obliterate (never try EACS)";
    }
}

/// The Mac part of a wipe an administrator chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MacEraseOptions {
    pub obliteration_behavior: ObliterationBehavior,
    /// The Find My PIN; only for a Mac whose chip [takes one](MacSecurityChip::takes_pin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// What the model knows of the Mac a command goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MacTarget {
    pub os_version: OsVersion,
    pub chip: MacSecurityChip,
}

/// The EraseDevice command of one Mac job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MacEraseDeviceCommand {
    pub command_uuid: String,
    /// `PIN`; only to a Mac without Apple silicon or T2, on macOS 10.8 or later.
    pub pin: Option<String>,
    /// `ObliterationBehavior`; only to a Mac with Apple silicon or T2, on macOS 12 or later.
    pub obliteration_behavior: Option<ObliterationBehavior>,
}

/// Checks the PIN against the Mac: exactly six characters where it is taken, none elsewhere.
pub fn validate_mac_erase(
    target: &MacTarget,
    options: &MacEraseOptions,
) -> Result<(), CommandError> {
    let pin = options.pin.as_deref().filter(|pin| !pin.is_empty());
    match (target.chip.takes_pin(), pin) {
        (false, Some(_)) => Err(CommandProblem::PinNotTaken.into()),
        (false, None) => Ok(()),
        (true, Some(pin)) if pin.chars().count() != PIN_LENGTH => {
            Err(CommandProblem::PinWrongLength.into())
        }
        (true, Some(_)) => Ok(()),
        (true, None) if target.os_version >= PIN_MIN_MACOS => {
            Err(CommandProblem::PinRequired.into())
        }
        (true, None) => Ok(()),
    }
}

/// The command for a Mac job, or why the options do not fit the Mac. Each key goes only where
/// the schema (and the Mac's chip) gives it a meaning.
pub fn mac_erase_device_command(
    job_id: JobId,
    target: &MacTarget,
    options: &MacEraseOptions,
) -> Result<MacEraseDeviceCommand, CommandError> {
    validate_mac_erase(target, options)?;
    let pin = options
        .pin
        .clone()
        .filter(|pin| !pin.is_empty() && target.os_version >= PIN_MIN_MACOS);
    let obliteration_behavior = (!target.chip.takes_pin()
        && target.os_version >= OBLITERATION_BEHAVIOR_MIN_MACOS)
        .then_some(options.obliteration_behavior);
    Ok(MacEraseDeviceCommand {
        command_uuid: format!("wipe-job-{job_id}"),
        pin,
        obliteration_behavior,
    })
}

impl MacEraseDeviceCommand {
    /// A copy safe to show and log: the PIN replaced by [`SECRET_MASK`].
    pub fn masked(&self) -> MacEraseDeviceCommand {
        let mut copy = self.clone();
        if copy.pin.is_some() {
            copy.pin = Some(SECRET_MASK.to_string());
        }
        copy
    }

    /// The command as the property list the Mac receives.
    pub fn to_plist(&self) -> String {
        let mut command = vec![("RequestType", PlistValue::string("EraseDevice"))];
        if let Some(pin) = &self.pin {
            command.push(("PIN", PlistValue::string(pin.clone())));
        }
        if let Some(behavior) = self.obliteration_behavior {
            command.push((
                "ObliterationBehavior",
                PlistValue::string(behavior.as_str()),
            ));
        }
        PlistValue::dict([
            ("Command", PlistValue::dict(command)),
            ("CommandUUID", PlistValue::string(self.command_uuid.clone())),
        ])
        .to_xml_document()
    }

    /// The choices as the job detail lists them.
    pub fn summary(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(behavior) = self.obliteration_behavior {
            let label = match lang {
                Lang::Ja => "完全消去の動作",
                Lang::En => "Obliteration",
            };
            lines.push(format!("{label}: {}", behavior.label(lang)));
        }
        if self.pin.is_some() {
            lines.push(
                match lang {
                    Lang::Ja => "PIN: 設定あり",
                    Lang::En => "PIN: set",
                }
                .to_string(),
            );
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::problem::CommandField;

    fn mac(chip: MacSecurityChip, version: &str) -> MacTarget {
        MacTarget {
            os_version: version.parse().unwrap(),
            chip,
        }
    }

    fn options(pin: Option<&str>) -> MacEraseOptions {
        MacEraseOptions {
            obliteration_behavior: ObliterationBehavior::DoNotObliterate,
            pin: pin.map(str::to_string),
        }
    }

    #[test]
    fn an_intel_mac_without_t2_gets_the_pin_and_no_obliteration_behavior() {
        let command = mac_erase_device_command(
            JobId(5),
            &mac(MacSecurityChip::NoneOfThem, "12.7"),
            &options(Some("123456")),
        )
        .unwrap();
        assert_eq!(command.pin.as_deref(), Some("123456"));
        assert_eq!(command.obliteration_behavior, None);
        let plist = command.to_plist();
        assert!(
            plist.contains("<key>PIN</key>\n\t\t<string>123456</string>"),
            "{plist}"
        );
        assert!(!plist.contains("ObliterationBehavior"));
        assert!(!command.masked().to_plist().contains("123456"));
    }

    #[test]
    fn apple_silicon_and_t2_get_the_obliteration_behavior_from_macos_12() {
        for chip in [MacSecurityChip::AppleSilicon, MacSecurityChip::T2] {
            let command =
                mac_erase_device_command(JobId(5), &mac(chip, "14.5"), &options(None)).unwrap();
            assert_eq!(
                command.obliteration_behavior,
                Some(ObliterationBehavior::DoNotObliterate)
            );
            assert_eq!(command.pin, None);
            assert!(command
                .to_plist()
                .contains("<key>ObliterationBehavior</key>\n\t\t<string>DoNotObliterate</string>"));
            let old = mac_erase_device_command(JobId(5), &mac(chip, "11.7"), &options(None));
            assert_eq!(old.unwrap().obliteration_behavior, None);
        }
        assert_eq!(
            ObliterationBehavior::default(),
            ObliterationBehavior::Default
        );
    }

    #[test]
    fn pin_mistakes_are_refused_with_the_pin_field() {
        let intel = mac(MacSecurityChip::NoneOfThem, "10.15");
        let silicon = mac(MacSecurityChip::AppleSilicon, "14.0");
        let cases = [
            (
                &intel,
                Some("12345"),
                CommandProblem::PinWrongLength,
                "PINは6文字で入力してください。",
                "The PIN must be exactly 6 characters.",
            ),
            (
                &intel,
                Some("1234567"),
                CommandProblem::PinWrongLength,
                "PINは6文字で入力してください。",
                "The PIN must be exactly 6 characters.",
            ),
            (
                &intel,
                None,
                CommandProblem::PinRequired,
                "Appleシリコン・T2チップを搭載していないMacの消去には6文字のPINが必要です。",
                "A Mac without Apple silicon or the T2 chip needs a 6-character PIN to be erased.",
            ),
            (
                &silicon,
                Some("123456"),
                CommandProblem::PinNotTaken,
                "Appleシリコン・T2チップを搭載したMacはPINを使用しません。PINを空欄にしてください。",
                "A Mac with Apple silicon or the T2 chip takes no PIN. Leave the PIN empty.",
            ),
        ];
        for (target, pin, problem, ja, en) in cases {
            let error = mac_erase_device_command(JobId(1), target, &options(pin)).unwrap_err();
            assert_eq!(error.problem(), problem);
            assert_eq!(error.field(), CommandField::Pin);
            assert_eq!(error.message(Lang::Ja), ja);
            assert_eq!(error.message(Lang::En), en);
        }
        // An empty PIN field on an Apple silicon Mac is no PIN.
        assert!(validate_mac_erase(&silicon, &options(Some(""))).is_ok());
    }
}
