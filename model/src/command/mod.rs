//! Each platform's wipe command, built here and shown in the job detail: Android
//! ([`android`]: the Android Management API device deletion) and Windows ([`windows`]: the
//! RemoteWipe CSP `Exec`). Apple's EraseDevice lives in [`crate::apple`] (its macOS form in
//! [`crate::apple::macos`]).
//!
//! The options an administrator chooses are refused with a [`CommandError`] that names the
//! field and reads in Japanese and English, the same way for the console (before OK) and the
//! portal (on the request).

pub mod android;
pub mod android_measures;
mod choices;
mod measure_command;
pub mod problem;
pub mod windows;
pub mod windows_measures;
mod wipe_command;

use serde::{Deserialize, Serialize};

pub use choices::{PlatformRefusal, PlatformWipeChoices};
pub use measure_command::{measure_command, MeasureCommand, MeasureCommandName};
pub use problem::{CommandError, CommandField, CommandProblem};
pub use wipe_command::{wipe_command, WipeCommand, WipeCommandName};

use crate::device::Os;

/// The platform-specific part of a wipe an administrator chose, before it meets a device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", rename_all = "snake_case")]
pub enum PlatformWipeOptions {
    Android(android::AndroidWipe),
    Windows { kind: windows::WindowsWipeKind },
    Mac(crate::apple::macos::MacEraseOptions),
}

impl PlatformWipeOptions {
    /// A copy safe to show: a Mac's PIN masked.
    pub fn masked(&self) -> PlatformWipeOptions {
        match self {
            PlatformWipeOptions::Mac(mac) if mac.pin.is_some() => {
                PlatformWipeOptions::Mac(crate::apple::macos::MacEraseOptions {
                    pin: Some(crate::apple::SECRET_MASK.to_string()),
                    ..mac.clone()
                })
            }
            other => other.clone(),
        }
    }

    /// Refuses options meant for another platform than the device's (Android options on an
    /// iPhone, a Windows wipe method on an Android device...).
    pub fn check_for(&self, os: Os) -> Result<(), CommandError> {
        match (self, os) {
            (PlatformWipeOptions::Android(_), Os::Android) => Ok(()),
            (PlatformWipeOptions::Android(_), _) => {
                Err(CommandProblem::AndroidOptionsNotAndroid.into())
            }
            (PlatformWipeOptions::Windows { .. }, Os::Windows) => Ok(()),
            (PlatformWipeOptions::Windows { .. }, _) => {
                Err(CommandProblem::WindowsKindNotWindows.into())
            }
            (PlatformWipeOptions::Mac(_), Os::MacOs) => Ok(()),
            (PlatformWipeOptions::Mac(_), _) => Err(CommandProblem::MacOptionsNotMac.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn every_problem_reads_in_both_languages_and_names_its_field() {
        for problem in CommandProblem::ALL {
            assert_ne!(problem.label(Lang::Ja), problem.label(Lang::En));
            let error = CommandError(*problem);
            assert!(error.to_string().starts_with(problem.field().as_str()));
        }
    }

    #[test]
    fn options_for_another_platform_are_refused_with_their_field() {
        let android = PlatformWipeOptions::Android(android::AndroidWipe::for_lost_device(false));
        let error = android.check_for(Os::Ios).unwrap_err();
        assert_eq!(error.field(), CommandField::WipeDataFlags);
        assert_eq!(
            error.message(Lang::Ja),
            "Androidの初期化オプションはAndroid端末にのみ指定できます。"
        );
        assert_eq!(
            error.message(Lang::En),
            "Android wipe options apply to Android devices only."
        );
        assert_eq!(android.check_for(Os::Android), Ok(()));

        let windows = PlatformWipeOptions::Windows {
            kind: windows::WindowsWipeKind::default(),
        };
        let error = windows.check_for(Os::Android).unwrap_err();
        assert_eq!(error.field(), CommandField::WindowsWipeKind);
        assert_eq!(
            error.message(Lang::Ja),
            "Windowsの初期化方法はWindows端末にのみ指定できます。"
        );
        assert_eq!(
            error.message(Lang::En),
            "A Windows wipe method applies to Windows devices only."
        );
        assert_eq!(windows.check_for(Os::Windows), Ok(()));

        let mac = PlatformWipeOptions::Mac(crate::apple::macos::MacEraseOptions::default());
        for os in Os::ALL.iter().filter(|os| **os != Os::MacOs) {
            assert_eq!(
                mac.check_for(*os),
                Err(CommandError(CommandProblem::MacOptionsNotMac))
            );
        }
        assert_eq!(mac.check_for(Os::MacOs), Ok(()));
    }
}
