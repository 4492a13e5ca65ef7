//! The command one wipe job sends, whatever its platform: built from the job record (the
//! device as registered and the options chosen), shown in the job detail, hashed when sent.

use serde::{Deserialize, Serialize};

use super::android::AndroidDeleteRequest;
use super::windows::{RemoteWipeExec, WindowsWipeKind};
use super::{CommandError, CommandProblem, PlatformWipeOptions};
use crate::apple::macos::{mac_erase_device_command, MacEraseDeviceCommand, MacTarget};
use crate::apple::{erase_device_command, EraseDeviceCommand};
use crate::device::{DeviceBrief, Os};
use crate::ids::JobId;
use crate::job::JobMethod;
use crate::vocabulary::vocabulary;
use crate::wifi::WifiSetting;

vocabulary! {
    /// The name of the command a job sends, as the per-device preview and the job list show it.
    pub enum WipeCommandName {
        EraseDevice = "erase_device", ja: "EraseDevice(Apple MDM)", en: "EraseDevice (Apple MDM)";
        ActiveSyncRemoteWipe = "activesync_remote_wipe",
            ja: "ActiveSyncのリモートワイプ(IVI MDM)", en: "ActiveSync remote wipe (IVI MDM)";
        AndroidDevicesDelete = "android_devices_delete",
            ja: "enterprises.devices.delete(Android Management API)",
            en: "enterprises.devices.delete (Android Management API)";
        WindowsDoWipe = "windows_do_wipe",
            ja: "RemoteWipe/doWipe(Windows MDM)", en: "RemoteWipe/doWipe (Windows MDM)";
        WindowsDoWipeProtected = "windows_do_wipe_protected",
            ja: "RemoteWipe/doWipeProtected(Windows MDM)", en: "RemoteWipe/doWipeProtected (Windows MDM)";
        WindowsDoWipePersistProvisionedData = "windows_do_wipe_persist_provisioned_data",
            ja: "RemoteWipe/doWipePersistProvisionedData(Windows MDM)",
            en: "RemoteWipe/doWipePersistProvisionedData (Windows MDM)";
    }
}

impl WipeCommandName {
    /// The command a job of `method` sends; for Windows, the node of the chosen wipe kind.
    pub fn of(method: JobMethod, windows_kind: WindowsWipeKind) -> WipeCommandName {
        match method {
            JobMethod::AppleMdm => WipeCommandName::EraseDevice,
            JobMethod::IviMdm => WipeCommandName::ActiveSyncRemoteWipe,
            JobMethod::AndroidEnterprise => WipeCommandName::AndroidDevicesDelete,
            JobMethod::WindowsMdm => match windows_kind {
                WindowsWipeKind::DoWipe => WipeCommandName::WindowsDoWipe,
                WindowsWipeKind::DoWipeProtected => WipeCommandName::WindowsDoWipeProtected,
                WindowsWipeKind::DoWipePersistProvisionedData => {
                    WipeCommandName::WindowsDoWipePersistProvisionedData
                }
            },
        }
    }
}

/// The command of one job. IVI MDM jobs have none: the ActiveSync gateway takes no command
/// document from the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "platform", content = "command", rename_all = "snake_case")]
pub enum WipeCommand {
    /// EraseDevice to an iPhone or iPad.
    Apple(EraseDeviceCommand),
    /// EraseDevice to a Mac.
    Mac(MacEraseDeviceCommand),
    /// The Android Management API call.
    Android(AndroidDeleteRequest),
    /// The SyncML `Exec` on the RemoteWipe CSP.
    Windows(RemoteWipeExec),
    /// Another lost-device measure's command (lock, lost mode, location, sound, company data
    /// removal), whatever its platform.
    Measure(super::MeasureCommand),
}

impl WipeCommand {
    /// A copy safe to show and log (the Wi-Fi password, the Mac's PIN masked).
    pub fn masked(&self) -> WipeCommand {
        match self {
            WipeCommand::Apple(command) => WipeCommand::Apple(command.masked()),
            WipeCommand::Mac(command) => WipeCommand::Mac(command.masked()),
            WipeCommand::Measure(command) => WipeCommand::Measure(command.masked()),
            other => other.clone(),
        }
    }

    /// The command as it goes on the wire: the property list, the HTTP request line, or the
    /// SyncML element.
    pub fn wire_text(&self) -> String {
        match self {
            WipeCommand::Apple(command) => command.to_plist(),
            WipeCommand::Mac(command) => command.to_plist(),
            WipeCommand::Android(request) => request.display(),
            WipeCommand::Windows(exec) => exec.to_syncml(),
            WipeCommand::Measure(command) => command.wire_text(),
        }
    }
}

/// The command a job of `method` sends to `device` with the options it was registered with.
/// `platform` is the job's platform options (absent on iPhone / iPad jobs), `attempt` numbers
/// the send (the SyncML command id), and `return_to_service_wifi` the Wi-Fi setting with its
/// real password when the job carries Return to Service.
pub fn wipe_command(
    job_id: JobId,
    method: JobMethod,
    device: &DeviceBrief,
    keep_esim_data_plan: bool,
    platform: Option<&PlatformWipeOptions>,
    attempt: u32,
    return_to_service_wifi: Option<(&WifiSetting, Option<&str>)>,
) -> Result<Option<WipeCommand>, CommandError> {
    let command = match (method, device.os) {
        (JobMethod::IviMdm, _) => return Ok(None),
        (JobMethod::AppleMdm, Os::MacOs) => {
            let options = match platform {
                Some(PlatformWipeOptions::Mac(options)) => options.clone(),
                _ => Default::default(),
            };
            let target = MacTarget {
                os_version: device.os_version,
                chip: device
                    .mac_security_chip
                    .ok_or(CommandProblem::MacChipUnknown)?,
            };
            WipeCommand::Mac(mac_erase_device_command(job_id, &target, &options)?)
        }
        (JobMethod::AppleMdm, _) => WipeCommand::Apple(erase_device_command(
            job_id,
            device,
            keep_esim_data_plan,
            return_to_service_wifi,
        )),
        (JobMethod::AndroidEnterprise, _) => {
            let wipe = match platform {
                Some(PlatformWipeOptions::Android(wipe)) => wipe.clone(),
                _ => super::android::AndroidWipe::for_lost_device(keep_esim_data_plan),
            };
            let name = device
                .android_resource_name
                .as_deref()
                .ok_or(CommandProblem::AndroidNameUnknown)?;
            WipeCommand::Android(wipe.delete_request_for(name)?)
        }
        (JobMethod::WindowsMdm, _) => {
            let kind = match platform {
                Some(PlatformWipeOptions::Windows { kind }) => *kind,
                _ => WindowsWipeKind::default(),
            };
            WipeCommand::Windows(RemoteWipeExec::new(attempt.max(1), kind))
        }
    };
    Ok(Some(command))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apple::macos::MacEraseOptions;
    use crate::command::android::AndroidWipe;
    use crate::device::{fixtures::iphone, MacSecurityChip};
    use crate::Lang;

    fn device(os: Os) -> DeviceBrief {
        let mut device = iphone(4).brief();
        device.os = os;
        device
    }

    #[test]
    fn every_method_builds_its_own_platform_command() {
        let iphone = device(Os::Ios);
        let apple = wipe_command(JobId(1), JobMethod::AppleMdm, &iphone, true, None, 1, None);
        assert!(matches!(apple, Ok(Some(WipeCommand::Apple(_)))));
        assert_eq!(
            wipe_command(JobId(1), JobMethod::IviMdm, &iphone, true, None, 1, None),
            Ok(None)
        );

        let mut android = device(Os::Android);
        android.android_resource_name = Some("enterprises/LC01/devices/3a1b".into());
        let options = PlatformWipeOptions::Android(AndroidWipe::for_lost_device(true));
        let command = wipe_command(
            JobId(2),
            JobMethod::AndroidEnterprise,
            &android,
            true,
            Some(&options),
            1,
            None,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            command.wire_text(),
            "DELETE https://androidmanagement.googleapis.com/v1/enterprises/LC01/devices/3a1b\
             ?wipeDataFlags=PRESERVE_RESET_PROTECTION_DATA&wipeDataFlags=WIPE_EXTERNAL_STORAGE"
        );

        let windows = device(Os::Windows);
        let options = PlatformWipeOptions::Windows {
            kind: WindowsWipeKind::DoWipeProtected,
        };
        let command = wipe_command(
            JobId(3),
            JobMethod::WindowsMdm,
            &windows,
            false,
            Some(&options),
            2,
            None,
        )
        .unwrap()
        .unwrap();
        assert!(command
            .wire_text()
            .contains("<LocURI>./Device/Vendor/MSFT/RemoteWipe/doWipeProtected</LocURI>"));
        assert!(command.wire_text().contains("<CmdID>2</CmdID>"));

        let mut mac = device(Os::MacOs);
        mac.os_version = "10.15".parse().unwrap();
        mac.mac_security_chip = Some(MacSecurityChip::NoneOfThem);
        let options = PlatformWipeOptions::Mac(MacEraseOptions {
            pin: Some("654321".into()),
            ..Default::default()
        });
        let command = wipe_command(
            JobId(4),
            JobMethod::AppleMdm,
            &mac,
            false,
            Some(&options),
            1,
            None,
        )
        .unwrap()
        .unwrap();
        assert!(command.wire_text().contains("<string>654321</string>"));
        assert!(!command.masked().wire_text().contains("654321"));
    }

    #[test]
    fn a_device_without_what_its_command_needs_is_refused_not_guessed() {
        let android = device(Os::Android);
        let error = wipe_command(
            JobId(2),
            JobMethod::AndroidEnterprise,
            &android,
            false,
            None,
            1,
            None,
        )
        .unwrap_err();
        assert_eq!(error.problem(), CommandProblem::AndroidNameUnknown);
        let mac = device(Os::MacOs);
        let error =
            wipe_command(JobId(4), JobMethod::AppleMdm, &mac, false, None, 1, None).unwrap_err();
        assert_eq!(error.problem(), CommandProblem::MacChipUnknown);
    }

    #[test]
    fn the_stored_form_names_the_platform() {
        let exec = WipeCommand::Windows(RemoteWipeExec::new(1, WindowsWipeKind::DoWipe));
        let json = serde_json::to_value(&exec).unwrap();
        assert_eq!(json["platform"], "windows");
        assert_eq!(json["command"]["kind"], "doWipe");
        assert_eq!(
            WipeCommandName::of(JobMethod::WindowsMdm, WindowsWipeKind::DoWipe).label(Lang::En),
            "RemoteWipe/doWipe (Windows MDM)"
        );
    }
}
