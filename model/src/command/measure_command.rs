//! The command one measure job (lock, lost mode, location, sound, company-data removal) sends,
//! whatever its platform: built from the job record, shown in the job detail, hashed when sent.

use serde::{Deserialize, Serialize};

use super::android::{AndroidDeleteRequest, AndroidWipe, WipeReasonMessage};
use super::android_measures::{AndroidCommandType, AndroidIssueCommand};
use super::windows_measures::{WindowsMeasureExec, MDM_PROVIDER_ID};
use super::{CommandError, CommandProblem};
use crate::apple::measures::{apple_measure_command, AppleMeasureCommand};
use crate::device::{DeviceBrief, Os};
use crate::ids::JobId;
use crate::job::JobMethod;
use crate::measure::{entered, MeasureOptions};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The name of the command a measure job sends, as the preview and the job list show it.
    pub enum MeasureCommandName {
        DeviceLock = "device_lock", ja: "DeviceLock(Apple MDM)", en: "DeviceLock (Apple MDM)";
        EnableLostMode = "enable_lost_mode",
            ja: "EnableLostMode(Apple MDM)", en: "EnableLostMode (Apple MDM)";
        DisableLostMode = "disable_lost_mode",
            ja: "DisableLostMode(Apple MDM)", en: "DisableLostMode (Apple MDM)";
        DeviceLocation = "device_location",
            ja: "DeviceLocation(Apple MDM)", en: "DeviceLocation (Apple MDM)";
        PlayLostModeSound = "play_lost_mode_sound",
            ja: "PlayLostModeSound(Apple MDM)", en: "PlayLostModeSound (Apple MDM)";
        RemoveProfile = "remove_profile",
            ja: "RemoveProfile(Apple MDM)", en: "RemoveProfile (Apple MDM)";
        AndroidLock = "android_lock",
            ja: "enterprises.devices.issueCommand LOCK(Android Management API)",
            en: "enterprises.devices.issueCommand LOCK (Android Management API)";
        AndroidStartLostMode = "android_start_lost_mode",
            ja: "enterprises.devices.issueCommand START_LOST_MODE(Android Management API)",
            en: "enterprises.devices.issueCommand START_LOST_MODE (Android Management API)";
        AndroidStopLostMode = "android_stop_lost_mode",
            ja: "enterprises.devices.issueCommand STOP_LOST_MODE(Android Management API)",
            en: "enterprises.devices.issueCommand STOP_LOST_MODE (Android Management API)";
        AndroidDevicesDelete = "android_devices_delete",
            ja: "enterprises.devices.delete(Android Management API)",
            en: "enterprises.devices.delete (Android Management API)";
        WindowsRemoteLock = "windows_remote_lock",
            ja: "RemoteLock/Lock(Windows MDM)", en: "RemoteLock/Lock (Windows MDM)";
        WindowsUnenroll = "windows_unenroll",
            ja: "DMClient/Provider/{ProviderID}/Unenroll(Windows MDM)",
            en: "DMClient/Provider/{ProviderID}/Unenroll (Windows MDM)";
    }
}

/// The command of one measure job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", content = "command", rename_all = "snake_case")]
pub enum MeasureCommand {
    /// An Apple MDM command to an iPhone, iPad or Mac.
    Apple(AppleMeasureCommand),
    /// `enterprises.devices.issueCommand`.
    Android(AndroidIssueCommand),
    /// The device deletion that removes a personal device's work profile.
    AndroidDelete(AndroidDeleteRequest),
    /// The SyncML `Exec`.
    Windows(WindowsMeasureExec),
}

impl MeasureCommand {
    /// A copy safe to show and log (the Mac's PIN masked).
    pub fn masked(&self) -> MeasureCommand {
        match self {
            MeasureCommand::Apple(command) => MeasureCommand::Apple(command.masked()),
            other => other.clone(),
        }
    }

    /// The command as it goes on the wire: the property list, the HTTP request, or the SyncML
    /// element.
    pub fn wire_text(&self) -> String {
        match self {
            MeasureCommand::Apple(command) => command.to_plist(),
            MeasureCommand::Android(command) => command.display(),
            MeasureCommand::AndroidDelete(request) => request.display(),
            MeasureCommand::Windows(exec) => exec.to_syncml(),
        }
    }

    pub fn name(&self) -> MeasureCommandName {
        use MeasureCommandName as N;
        match self {
            MeasureCommand::Apple(command) => match command {
                AppleMeasureCommand::DeviceLock { .. } => N::DeviceLock,
                AppleMeasureCommand::EnableLostMode { .. } => N::EnableLostMode,
                AppleMeasureCommand::DisableLostMode { .. } => N::DisableLostMode,
                AppleMeasureCommand::DeviceLocation { .. } => N::DeviceLocation,
                AppleMeasureCommand::PlayLostModeSound { .. } => N::PlayLostModeSound,
                AppleMeasureCommand::RemoveProfile { .. } => N::RemoveProfile,
            },
            MeasureCommand::Android(command) => match command.body.command_type {
                AndroidCommandType::Lock => N::AndroidLock,
                AndroidCommandType::StartLostMode => N::AndroidStartLostMode,
                AndroidCommandType::StopLostMode => N::AndroidStopLostMode,
            },
            MeasureCommand::AndroidDelete(_) => N::AndroidDevicesDelete,
            MeasureCommand::Windows(WindowsMeasureExec::Lock { .. }) => N::WindowsRemoteLock,
            MeasureCommand::Windows(WindowsMeasureExec::Unenroll { .. }) => N::WindowsUnenroll,
        }
    }
}

/// The command a measure job of `method` sends to `device` with the options it was registered
/// with. `attempt` numbers the send (the SyncML command id); `enrollment_profile_identifier` is
/// the Apple MDM enrollment profile RemoveProfile removes. A measure a platform has no command
/// for (a location request to a Windows PC, any measure through IVI MDM) is refused with
/// [`CommandProblem::MeasureNotOnPlatform`], never approximated.
pub fn measure_command(
    job_id: JobId,
    method: JobMethod,
    device: &DeviceBrief,
    options: &MeasureOptions,
    attempt: u32,
    enrollment_profile_identifier: &str,
) -> Result<MeasureCommand, CommandError> {
    let not_here = || CommandError(CommandProblem::MeasureNotOnPlatform);
    match (method, device.os) {
        (JobMethod::AppleMdm, os) if os.is_apple() => Ok(MeasureCommand::Apple(
            apple_measure_command(job_id, device, options, enrollment_profile_identifier)?,
        )),
        (JobMethod::AndroidEnterprise, Os::Android) => {
            let name = device
                .android_resource_name
                .as_deref()
                .ok_or(CommandProblem::AndroidNameUnknown)?;
            Ok(match options {
                MeasureOptions::Lock(_) => {
                    MeasureCommand::Android(AndroidIssueCommand::lock(name)?)
                }
                MeasureOptions::LostModeOn(lost) => {
                    MeasureCommand::Android(AndroidIssueCommand::start_lost_mode(name, lost)?)
                }
                MeasureOptions::LostModeOff => {
                    MeasureCommand::Android(AndroidIssueCommand::stop_lost_mode(name)?)
                }
                MeasureOptions::RemoveCompanyData(remove) => {
                    // No wipe flags: on a personally owned device the deletion removes the work
                    // profile only, and the owner's eSIMs and SD card are not the company's.
                    let wipe = AndroidWipe {
                        wipe_data_flags: Default::default(),
                        wipe_reason_message: WipeReasonMessage::parse(
                            entered(&remove.reason_message).unwrap_or(""),
                        )?,
                    };
                    MeasureCommand::AndroidDelete(wipe.delete_request_for(name)?)
                }
                MeasureOptions::Locate | MeasureOptions::PlaySound => return Err(not_here()),
            })
        }
        (JobMethod::WindowsMdm, Os::Windows) => Ok(MeasureCommand::Windows(match options {
            MeasureOptions::Lock(_) => WindowsMeasureExec::lock(attempt.max(1)),
            MeasureOptions::RemoveCompanyData(_) => {
                WindowsMeasureExec::unenroll(attempt.max(1), MDM_PROVIDER_ID)
            }
            _ => return Err(not_here()),
        })),
        _ => Err(not_here()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apple::measures::MDM_ENROLLMENT_PROFILE_IDENTIFIER;
    use crate::device::fixtures::iphone;
    use crate::measure::{LockOptions, LostModeOptions, RemoveCompanyDataOptions};
    use crate::Lang;

    fn device(os: Os) -> DeviceBrief {
        let mut device = iphone(4).brief();
        device.os = os;
        if os == Os::Android {
            device.android_resource_name = Some("enterprises/LC01/devices/3a1b".into());
        }
        device
    }

    fn build(
        method: JobMethod,
        os: Os,
        options: &MeasureOptions,
    ) -> Result<MeasureCommand, CommandError> {
        measure_command(
            JobId(9),
            method,
            &device(os),
            options,
            2,
            MDM_ENROLLMENT_PROFILE_IDENTIFIER,
        )
    }

    fn every_options() -> Vec<MeasureOptions> {
        vec![
            MeasureOptions::Lock(LockOptions {
                message: Some("msg".into()),
                ..Default::default()
            }),
            MeasureOptions::LostModeOn(LostModeOptions {
                message: Some("msg".into()),
                ..Default::default()
            }),
            MeasureOptions::LostModeOff,
            MeasureOptions::Locate,
            MeasureOptions::PlaySound,
            MeasureOptions::RemoveCompanyData(RemoveCompanyDataOptions {
                reason_message: Some("退職のため".into()),
            }),
        ]
    }

    #[test]
    fn every_platform_gets_its_own_command_or_a_refusal() {
        use MeasureCommandName as N;
        let expected: [(JobMethod, Os, [Option<N>; 6]); 4] = [
            (
                JobMethod::AppleMdm,
                Os::Ios,
                [
                    Some(N::DeviceLock),
                    Some(N::EnableLostMode),
                    Some(N::DisableLostMode),
                    Some(N::DeviceLocation),
                    Some(N::PlayLostModeSound),
                    Some(N::RemoveProfile),
                ],
            ),
            (
                JobMethod::AppleMdm,
                Os::MacOs,
                [
                    Some(N::DeviceLock),
                    None,
                    None,
                    None,
                    None,
                    Some(N::RemoveProfile),
                ],
            ),
            (
                JobMethod::AndroidEnterprise,
                Os::Android,
                [
                    Some(N::AndroidLock),
                    Some(N::AndroidStartLostMode),
                    Some(N::AndroidStopLostMode),
                    None,
                    None,
                    Some(N::AndroidDevicesDelete),
                ],
            ),
            (
                JobMethod::WindowsMdm,
                Os::Windows,
                [
                    Some(N::WindowsRemoteLock),
                    None,
                    None,
                    None,
                    None,
                    Some(N::WindowsUnenroll),
                ],
            ),
        ];
        for (method, os, names) in expected {
            for (options, name) in every_options().iter().zip(names) {
                let built = build(method, os, options);
                match name {
                    Some(name) => assert_eq!(built.map(|c| c.name()), Ok(name), "{method} {os}"),
                    None => assert_eq!(
                        built,
                        Err(CommandError(CommandProblem::MeasureNotOnPlatform)),
                        "{method} {os} {options:?}"
                    ),
                }
            }
        }
        for options in every_options() {
            assert_eq!(
                build(JobMethod::IviMdm, Os::Ios, &options),
                Err(CommandError(CommandProblem::MeasureNotOnPlatform))
            );
            assert!(build(JobMethod::AppleMdm, Os::Windows, &options).is_err());
        }
    }

    #[test]
    fn company_data_removal_per_platform() {
        let remove = &every_options()[5];
        let android = build(JobMethod::AndroidEnterprise, Os::Android, remove).unwrap();
        assert_eq!(
            android.wire_text(),
            "DELETE https://androidmanagement.googleapis.com/v1/enterprises/LC01/devices/3a1b\
             ?wipeReasonMessage=%E9%80%80%E8%81%B7%E3%81%AE%E3%81%9F%E3%82%81"
        );
        let windows = build(JobMethod::WindowsMdm, Os::Windows, remove).unwrap();
        assert!(windows.wire_text().contains("<CmdID>2</CmdID>"));
        assert!(windows
            .wire_text()
            .contains("/DMClient/Provider/jp.co.example.mdm/Unenroll"));
        let apple = build(JobMethod::AppleMdm, Os::Ios, remove).unwrap();
        assert!(apple
            .wire_text()
            .contains("<string>jp.co.example.mdm.enrollment</string>"));
        let too_long = MeasureOptions::RemoveCompanyData(RemoveCompanyDataOptions {
            reason_message: Some("あ".repeat(201)),
        });
        assert_eq!(
            build(JobMethod::AndroidEnterprise, Os::Android, &too_long),
            Err(CommandError(CommandProblem::ReasonMessageTooLong))
        );
    }

    #[test]
    fn an_android_device_without_its_name_is_refused() {
        let mut android = device(Os::Android);
        android.android_resource_name = None;
        let error = measure_command(
            JobId(1),
            JobMethod::AndroidEnterprise,
            &android,
            &MeasureOptions::LostModeOff,
            1,
            "x",
        )
        .unwrap_err();
        assert_eq!(error.problem(), CommandProblem::AndroidNameUnknown);
    }

    #[test]
    fn the_stored_form_names_the_platform_and_masks_the_pin() {
        let mut mac = device(Os::MacOs);
        mac.os_version = "14.5".parse().unwrap();
        let lock = MeasureOptions::Lock(LockOptions {
            pin: Some("135790".into()),
            ..Default::default()
        });
        let command = measure_command(JobId(1), JobMethod::AppleMdm, &mac, &lock, 1, "x").unwrap();
        assert!(command.wire_text().contains("135790"));
        let masked = command.masked();
        assert!(!masked.wire_text().contains("135790"));
        let json = serde_json::to_value(&masked).unwrap();
        assert_eq!(json["platform"], "apple");
        assert_eq!(json["command"]["request"], "device_lock");
        let back: MeasureCommand = serde_json::from_value(json).unwrap();
        assert_eq!(back, masked);
        for name in MeasureCommandName::ALL {
            assert_ne!(name.label(Lang::Ja), name.label(Lang::En));
        }
    }
}
