//! The platform sections of the wipe screen: the Android, Windows and Mac choices of one wipe,
//! checked against the devices it will wipe and turned into each device's own options.

use serde::{Deserialize, Serialize};

use super::android::{AndroidWipe, AndroidWipeFlag};
use super::windows::WindowsWipeKind;
use super::{CommandProblem, PlatformWipeOptions};
use crate::apple::macos::{MacEraseOptions, PIN_LENGTH};
use crate::device::{DeviceBrief, Os};
use crate::job::{job_methods, JobMethod};

/// What the administrator chose in each platform section. A section left out takes the
/// lost-device defaults (Android: factory reset protection kept, external storage wiped;
/// Windows: doWipeProtected; Mac: Default obliteration and no PIN).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformWipeChoices {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android: Option<AndroidWipe>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows: Option<WindowsWipeKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<MacEraseOptions>,
}

/// A choice that does not fit the devices, and the devices it concerns (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformRefusal<'a> {
    pub problem: CommandProblem,
    pub devices: Vec<&'a DeviceBrief>,
}

impl PlatformWipeChoices {
    /// The options a device gets: its platform's section (or the defaults), with Android's
    /// `WIPE_ESIMS` following "keep the eSIM data plan" and the PIN only for a Mac that takes
    /// one. `None` for iPhone and iPad, whose options are the common ones.
    pub fn options_for(
        &self,
        device: &DeviceBrief,
        keep_esim_data_plan: bool,
    ) -> Option<PlatformWipeOptions> {
        match device.os {
            Os::Ios | Os::IpadOs => None,
            Os::Android => {
                let mut wipe = self
                    .android
                    .clone()
                    .unwrap_or_else(|| AndroidWipe::for_lost_device(keep_esim_data_plan));
                if keep_esim_data_plan {
                    wipe.wipe_data_flags.remove(&AndroidWipeFlag::WipeEsims);
                } else {
                    wipe.wipe_data_flags.insert(AndroidWipeFlag::WipeEsims);
                }
                Some(PlatformWipeOptions::Android(wipe))
            }
            Os::Windows => Some(PlatformWipeOptions::Windows {
                kind: self.windows.unwrap_or_default(),
            }),
            Os::MacOs => {
                let mut options = self.mac.clone().unwrap_or_default();
                let takes_pin = device
                    .mac_security_chip
                    .is_some_and(|chip| chip.takes_pin());
                if !takes_pin {
                    options.pin = None;
                }
                Some(PlatformWipeOptions::Mac(options))
            }
        }
    }

    /// Checks the choices against the devices that will be wiped, in the screen's order:
    /// a section for a platform none of them has, `WIPE_ESIMS` against "keep the eSIM data
    /// plan", a Mac or Android device that has not reported what its command needs, then the
    /// Mac PIN (needed as soon as one Mac takes it, six characters, and refused when no Mac
    /// takes it).
    pub fn check<'a>(
        &self,
        devices: &[&'a DeviceBrief],
        keep_esim_data_plan: bool,
    ) -> Result<(), PlatformRefusal<'a>> {
        let refuse =
            |problem, devices: Vec<&'a DeviceBrief>| Err(PlatformRefusal { problem, devices });
        let not = |os: Os| -> Vec<&'a DeviceBrief> {
            devices.iter().copied().filter(|d| d.os != os).collect()
        };
        let of = |os: Os| -> Vec<&'a DeviceBrief> {
            devices.iter().copied().filter(|d| d.os == os).collect()
        };
        if self.android.is_some() && of(Os::Android).is_empty() {
            return refuse(CommandProblem::AndroidOptionsNotAndroid, not(Os::Android));
        }
        if self.windows.is_some() && of(Os::Windows).is_empty() {
            return refuse(CommandProblem::WindowsKindNotWindows, not(Os::Windows));
        }
        if self.mac.is_some() && of(Os::MacOs).is_empty() {
            return refuse(CommandProblem::MacOptionsNotMac, not(Os::MacOs));
        }
        if let Some(android) = &self.android {
            if keep_esim_data_plan && !android.keeps_esim_data_plan() {
                return refuse(CommandProblem::EsimFlagContradictsKeepPlan, of(Os::Android));
            }
        }
        // A command is built from the device as registered: a device that has not reported
        // what its command needs would wait in vain, so it is named now instead.
        let macs = of(Os::MacOs);
        let chip_unknown: Vec<_> = macs
            .iter()
            .copied()
            .filter(|d| d.mac_security_chip.is_none())
            .collect();
        if !chip_unknown.is_empty() {
            return refuse(CommandProblem::MacChipUnknown, chip_unknown);
        }
        let name_unknown: Vec<_> = devices
            .iter()
            .copied()
            .filter(|d| {
                job_methods(d.management_method).contains(&JobMethod::AndroidEnterprise)
                    && d.android_resource_name.is_none()
            })
            .collect();
        if !name_unknown.is_empty() {
            return refuse(CommandProblem::AndroidNameUnknown, name_unknown);
        }
        let (pin_macs, other_macs): (Vec<_>, Vec<_>) = macs
            .iter()
            .copied()
            .partition(|d| d.mac_security_chip.is_some_and(|chip| chip.takes_pin()));
        let pin = self
            .mac
            .as_ref()
            .and_then(|mac| mac.pin.as_deref())
            .filter(|pin| !pin.is_empty());
        match pin {
            None if !pin_macs.is_empty() => refuse(CommandProblem::PinRequired, pin_macs),
            Some(_) if pin_macs.is_empty() && !other_macs.is_empty() => {
                refuse(CommandProblem::PinNotTaken, other_macs)
            }
            Some(pin) if pin.chars().count() != PIN_LENGTH => {
                refuse(CommandProblem::PinWrongLength, pin_macs)
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::{fixtures::iphone, MacSecurityChip, ManagementMethod};
    use crate::Lang;

    fn brief(os: Os, chip: Option<MacSecurityChip>, id: i64) -> DeviceBrief {
        let mut device = iphone(id).brief();
        device.os = os;
        device.name = format!("{os}-{id}");
        device.mac_security_chip = chip;
        device.management_method = match os {
            Os::Android => ManagementMethod::AndroidFullyManaged,
            Os::Windows => ManagementMethod::WindowsMdm,
            _ => ManagementMethod::AppleMdm,
        };
        device
    }

    fn names(refusal: PlatformRefusal<'_>) -> (CommandProblem, Vec<String>) {
        let names = refusal.devices.iter().map(|d| d.name.clone()).collect();
        (refusal.problem, names)
    }

    #[test]
    fn each_platform_gets_its_defaults_and_the_esim_switch_drives_android() {
        let choices = PlatformWipeChoices::default();
        let android = brief(Os::Android, None, 1);
        let Some(PlatformWipeOptions::Android(wipe)) = choices.options_for(&android, true) else {
            panic!("android options")
        };
        assert!(wipe.keeps_esim_data_plan());
        assert!(wipe
            .wipe_data_flags
            .contains(&AndroidWipeFlag::PreserveResetProtectionData));
        let Some(PlatformWipeOptions::Android(wipe)) = choices.options_for(&android, false) else {
            panic!("android options")
        };
        assert!(!wipe.keeps_esim_data_plan());
        assert_eq!(
            choices.options_for(&brief(Os::Windows, None, 2), false),
            Some(PlatformWipeOptions::Windows {
                kind: WindowsWipeKind::DoWipeProtected
            })
        );
        assert_eq!(choices.options_for(&brief(Os::Ios, None, 3), false), None);
    }

    #[test]
    fn the_pin_goes_only_to_macs_that_take_one() {
        let choices = PlatformWipeChoices {
            mac: Some(MacEraseOptions {
                pin: Some("123456".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let intel = brief(Os::MacOs, Some(MacSecurityChip::NoneOfThem), 1);
        let silicon = brief(Os::MacOs, Some(MacSecurityChip::AppleSilicon), 2);
        assert_eq!(choices.check(&[&intel, &silicon], false), Ok(()));
        let pin_of = |device| match choices.options_for(device, false) {
            Some(PlatformWipeOptions::Mac(options)) => options.pin,
            _ => panic!("mac options"),
        };
        assert_eq!(pin_of(&intel).as_deref(), Some("123456"));
        assert_eq!(pin_of(&silicon), None);
    }

    #[test]
    fn choices_that_do_not_fit_name_the_devices() {
        let iphone = brief(Os::Ios, None, 1);
        let android = brief(Os::Android, None, 2);
        let intel = brief(Os::MacOs, Some(MacSecurityChip::NoneOfThem), 3);
        let silicon = brief(Os::MacOs, Some(MacSecurityChip::T2), 4);
        let android_choice = PlatformWipeChoices {
            android: Some(AndroidWipe::for_lost_device(false)),
            ..Default::default()
        };
        assert_eq!(
            names(android_choice.check(&[&iphone], false).unwrap_err()),
            (
                CommandProblem::AndroidOptionsNotAndroid,
                vec!["ios-1".to_string()]
            )
        );
        assert_eq!(
            names(android_choice.check(&[&android], true).unwrap_err()).0,
            CommandProblem::EsimFlagContradictsKeepPlan
        );
        let windows_choice = PlatformWipeChoices {
            windows: Some(WindowsWipeKind::DoWipe),
            ..Default::default()
        };
        assert_eq!(
            names(windows_choice.check(&[&android], false).unwrap_err()),
            (
                CommandProblem::WindowsKindNotWindows,
                vec!["android-2".to_string()]
            )
        );
        let no_pin = PlatformWipeChoices::default();
        assert_eq!(
            names(no_pin.check(&[&intel, &silicon], false).unwrap_err()),
            (CommandProblem::PinRequired, vec!["macos-3".to_string()])
        );
        let short = PlatformWipeChoices {
            mac: Some(MacEraseOptions {
                pin: Some("12345".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert_eq!(
            names(short.check(&[&intel], false).unwrap_err()).0,
            CommandProblem::PinWrongLength
        );
        let unknown = brief(Os::MacOs, None, 5);
        assert_eq!(
            names(short.check(&[&silicon, &unknown], false).unwrap_err()),
            (CommandProblem::MacChipUnknown, vec!["macos-5".to_string()])
        );
        let mut named = brief(Os::Android, None, 6);
        named.android_resource_name = Some("enterprises/e1/devices/d6".into());
        assert_eq!(no_pin.check(&[&named], false), Ok(()));
        assert_eq!(
            names(no_pin.check(&[&named, &android], false).unwrap_err()),
            (
                CommandProblem::AndroidNameUnknown,
                vec!["android-2".to_string()]
            )
        );
        let refusal = short.check(&[&silicon], false).unwrap_err();
        assert_eq!(refusal.problem, CommandProblem::PinNotTaken);
        assert_eq!(refusal.problem.field().as_str(), "pin");
        assert_ne!(
            refusal.problem.label(Lang::Ja),
            refusal.problem.label(Lang::En)
        );
    }
}
