//! The platform sections of the wipe screen as plain data: what was entered for Android,
//! Windows and Macs, the choices it makes for the platforms in the selection, and what is wrong
//! with it. The rules (200 characters, the PIN) are the model's.

use std::collections::BTreeSet;

use mdm_model::apple::macos::{MacEraseOptions, ObliterationBehavior, PIN_LENGTH};
use mdm_model::command::android::{AndroidWipe, AndroidWipeFlag, WipeReasonMessage};
use mdm_model::command::windows::WindowsWipeKind;
use mdm_model::command::{CommandProblem, PlatformWipeChoices};
use mdm_model::wipe::PreviewTotals;
use serde::{Deserialize, Serialize};

/// The platforms of the devices that will get a job, as the preview counted them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlatformsPresent {
    pub android: u64,
    pub windows: u64,
    pub macs: u64,
    pub macs_taking_pin: u64,
}

impl PlatformsPresent {
    pub fn of(totals: &PreviewTotals) -> PlatformsPresent {
        PlatformsPresent {
            android: totals.android_devices,
            windows: totals.windows_devices,
            macs: totals.mac_devices,
            macs_taking_pin: totals.macs_taking_pin,
        }
    }
}

/// What was entered in the platform sections; the defaults are what an administrator expects
/// for a lost device. It serializes without the Find My PIN, which unlocks an erased Mac.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformForm {
    /// PRESERVE_RESET_PROTECTION_DATA.
    pub android_keep_frp: bool,
    /// WIPE_EXTERNAL_STORAGE.
    pub android_wipe_external: bool,
    /// wipeReasonMessage as typed.
    pub android_reason: String,
    pub windows_kind: WindowsWipeKind,
    pub mac_obliteration: ObliterationBehavior,
    #[serde(skip)]
    pub mac_pin: String,
}

impl Default for PlatformForm {
    fn default() -> Self {
        let lost = AndroidWipe::for_lost_device(false);
        PlatformForm {
            android_keep_frp: lost
                .wipe_data_flags
                .contains(&AndroidWipeFlag::PreserveResetProtectionData),
            android_wipe_external: lost
                .wipe_data_flags
                .contains(&AndroidWipeFlag::WipeExternalStorage),
            android_reason: String::new(),
            windows_kind: WindowsWipeKind::default(),
            mac_obliteration: ObliterationBehavior::default(),
            mac_pin: String::new(),
        }
    }
}

impl PlatformForm {
    /// Characters typed in the reason, counted as the model counts them.
    pub fn reason_length(&self) -> usize {
        self.android_reason.chars().count()
    }

    /// What is wrong, in the order of the sections (only for platforms in the selection).
    pub fn problems(&self, present: PlatformsPresent) -> Vec<CommandProblem> {
        let mut problems = Vec::new();
        if present.android > 0 {
            if let Err(error) = WipeReasonMessage::parse(&self.android_reason) {
                problems.push(error.problem());
            }
        }
        if present.macs_taking_pin > 0 {
            let pin = self.mac_pin.trim();
            if pin.is_empty() {
                problems.push(CommandProblem::PinRequired);
            } else if pin.chars().count() != PIN_LENGTH {
                problems.push(CommandProblem::PinWrongLength);
            }
        }
        problems
    }

    /// The sections of the platforms in the selection, as the request carries them. WIPE_ESIMS
    /// follows "keep the eSIM data plan"; the PIN goes only when a Mac takes one. A reason the
    /// model refuses is left out here: [`problems`](Self::problems) stops OK first.
    pub fn choices(&self, present: PlatformsPresent, keep_esim: bool) -> PlatformWipeChoices {
        let android = (present.android > 0).then(|| {
            let mut flags = BTreeSet::new();
            if self.android_keep_frp {
                flags.insert(AndroidWipeFlag::PreserveResetProtectionData);
            }
            if self.android_wipe_external {
                flags.insert(AndroidWipeFlag::WipeExternalStorage);
            }
            if !keep_esim {
                flags.insert(AndroidWipeFlag::WipeEsims);
            }
            AndroidWipe {
                wipe_data_flags: flags,
                wipe_reason_message: WipeReasonMessage::parse(&self.android_reason)
                    .ok()
                    .flatten(),
            }
        });
        let pin = self.mac_pin.trim();
        PlatformWipeChoices {
            android,
            windows: (present.windows > 0).then_some(self.windows_kind),
            mac: (present.macs > 0).then(|| MacEraseOptions {
                obliteration_behavior: self.mac_obliteration,
                pin: (present.macs_taking_pin > 0 && !pin.is_empty()).then(|| pin.to_string()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn present(android: u64, windows: u64, macs: u64, pin: u64) -> PlatformsPresent {
        PlatformsPresent {
            android,
            windows,
            macs,
            macs_taking_pin: pin,
        }
    }

    #[test]
    fn only_the_platforms_in_the_selection_are_sent_with_the_lost_device_defaults() {
        let form = PlatformForm::default();
        let none = form.choices(present(0, 0, 0, 0), false);
        assert_eq!(none, PlatformWipeChoices::default());
        let all = form.choices(present(1, 1, 1, 0), false);
        let android = all.android.expect("android section");
        assert!(android
            .wipe_data_flags
            .contains(&AndroidWipeFlag::PreserveResetProtectionData));
        assert!(android
            .wipe_data_flags
            .contains(&AndroidWipeFlag::WipeEsims));
        assert_eq!(all.windows, Some(WindowsWipeKind::DoWipeProtected));
        assert_eq!(all.mac.unwrap().pin, None);
        let kept = form.choices(present(1, 0, 0, 0), true).android.unwrap();
        assert!(kept.keeps_esim_data_plan());
    }

    #[test]
    fn the_reason_and_the_pin_are_checked_only_where_they_apply() {
        let mut form = PlatformForm {
            android_reason: "あ".repeat(201),
            ..PlatformForm::default()
        };
        assert_eq!(form.problems(present(0, 1, 1, 0)), []);
        assert_eq!(
            form.problems(present(1, 0, 1, 1)),
            [
                CommandProblem::ReasonMessageTooLong,
                CommandProblem::PinRequired
            ]
        );
        form.android_reason.clear();
        form.mac_pin = "12345".into();
        assert_eq!(
            form.problems(present(0, 0, 1, 1)),
            [CommandProblem::PinWrongLength]
        );
        form.mac_pin = "123456".into();
        assert_eq!(form.problems(present(0, 0, 2, 1)), []);
        assert_eq!(
            form.choices(present(0, 0, 2, 1), false)
                .mac
                .unwrap()
                .pin
                .as_deref(),
            Some("123456")
        );
    }
}
