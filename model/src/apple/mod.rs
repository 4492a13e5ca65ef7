//! The Apple MDM EraseDevice command a wipe job sends, and the Wi-Fi profile its
//! ReturnToService carries. Key names, types and OS versions follow Apple's device-management
//! schema (`device.erase.yaml`, `com.apple.wifi.managed.yaml`); a test checks them against it.

pub mod macos;
pub mod measures;
mod plist;

use serde::{Deserialize, Serialize};

pub use plist::PlistValue;

use crate::device::{DeviceBrief, OsVersion};
use crate::ids::JobId;
use crate::wifi::WifiSetting;

/// iOS / iPadOS version that introduced `PreserveDataPlan`.
pub const PRESERVE_DATA_PLAN_MIN_OS: OsVersion = OsVersion::major_minor(11, 0);
/// iOS / iPadOS version that introduced `ReturnToService`.
pub const RETURN_TO_SERVICE_MIN_OS: OsVersion = OsVersion::major_minor(17, 0);
/// What a secret shows as in answers and logs.
pub const SECRET_MASK: &str = "********";

/// The Wi-Fi configuration profile (payload `com.apple.wifi.managed`) installed after the
/// erase, so the device can reach the network and re-enroll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WifiProfile {
    pub payload_identifier: String,
    pub payload_uuid: String,
    pub display_name: String,
    pub ssid: String,
    pub auto_join: bool,
    pub hidden_network: bool,
    /// Apple's `EncryptionType` value.
    pub encryption_type: String,
    pub password: Option<String>,
}

impl WifiProfile {
    /// The profile for a Wi-Fi setting. Identifiers derive from the setting id, so the same
    /// setting always yields the same profile.
    pub fn for_setting(setting: &WifiSetting, password: Option<&str>) -> WifiProfile {
        let id = setting.id.0;
        WifiProfile {
            payload_identifier: format!("mdm.remote-settings.wifi.{id}"),
            payload_uuid: format!("57494649-0000-4000-8000-{:012X}", id & 0xFFFF_FFFF_FFFF),
            display_name: setting.name.clone(),
            ssid: setting.ssid.clone(),
            auto_join: setting.auto_join,
            hidden_network: setting.hidden,
            encryption_type: setting.security.apple_encryption_type().to_string(),
            password: password.map(str::to_string),
        }
    }

    /// The Wi-Fi payload dictionary.
    fn payload(&self) -> PlistValue {
        let mut entries = vec![
            ("PayloadType", PlistValue::string("com.apple.wifi.managed")),
            ("PayloadVersion", PlistValue::Integer(1)),
            (
                "PayloadIdentifier",
                PlistValue::string(format!("{}.payload", self.payload_identifier)),
            ),
            (
                "PayloadUUID",
                PlistValue::string(self.payload_uuid.replacen("-0000-", "-0001-", 1)),
            ),
            (
                "PayloadDisplayName",
                PlistValue::string(self.display_name.clone()),
            ),
            ("SSID_STR", PlistValue::string(self.ssid.clone())),
            ("AutoJoin", PlistValue::Bool(self.auto_join)),
            ("HIDDEN_NETWORK", PlistValue::Bool(self.hidden_network)),
            (
                "EncryptionType",
                PlistValue::string(self.encryption_type.clone()),
            ),
        ];
        if let Some(password) = &self.password {
            entries.push(("Password", PlistValue::string(password.clone())));
        }
        PlistValue::dict(entries)
    }

    /// The configuration profile document (the bytes of `WiFiProfileData`).
    pub fn to_plist(&self) -> String {
        PlistValue::dict([
            ("PayloadContent", PlistValue::Array(vec![self.payload()])),
            (
                "PayloadDisplayName",
                PlistValue::string(self.display_name.clone()),
            ),
            (
                "PayloadIdentifier",
                PlistValue::string(self.payload_identifier.clone()),
            ),
            ("PayloadType", PlistValue::string("Configuration")),
            ("PayloadUUID", PlistValue::string(self.payload_uuid.clone())),
            ("PayloadVersion", PlistValue::Integer(1)),
        ])
        .to_xml_document()
    }
}

/// `ReturnToService`: after the erase the device re-enrolls by itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnToService {
    pub enabled: bool,
    /// Sent as `WiFiProfileData`.
    pub wifi_profile: Option<WifiProfile>,
}

/// The EraseDevice command of one Apple MDM job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseDeviceCommand {
    pub command_uuid: String,
    /// `PreserveDataPlan` ("keep the eSIM data plan"); absent on systems older than iOS 11.
    pub preserve_data_plan: Option<bool>,
    pub return_to_service: Option<ReturnToService>,
}

/// The command for a job. `PreserveDataPlan` is sent to every iPhone / iPad that knows the key,
/// so the detail shows the choice either way; `ReturnToService` only with a Wi-Fi setting and on
/// iOS / iPadOS 17 or later (re-enrollment eligibility decides that before; the check here
/// keeps an older device from ever receiving a key it does not know).
pub fn erase_device_command(
    job_id: JobId,
    device: &DeviceBrief,
    keep_esim_data_plan: bool,
    return_to_service_wifi: Option<(&WifiSetting, Option<&str>)>,
) -> EraseDeviceCommand {
    let apple_mobile = device.os.is_apple_mobile();
    let preserve_data_plan = (apple_mobile && device.os_version >= PRESERVE_DATA_PLAN_MIN_OS)
        .then_some(keep_esim_data_plan);
    let return_to_service = return_to_service_wifi
        .filter(|_| apple_mobile && device.os_version >= RETURN_TO_SERVICE_MIN_OS)
        .map(|(setting, password)| ReturnToService {
            enabled: true,
            wifi_profile: Some(WifiProfile::for_setting(setting, password)),
        });
    EraseDeviceCommand {
        command_uuid: format!("wipe-job-{job_id}"),
        preserve_data_plan,
        return_to_service,
    }
}

impl EraseDeviceCommand {
    /// A copy safe to show and log: the Wi-Fi password replaced by [`SECRET_MASK`].
    pub fn masked(&self) -> EraseDeviceCommand {
        let mut copy = self.clone();
        if let Some(profile) = copy
            .return_to_service
            .as_mut()
            .and_then(|rts| rts.wifi_profile.as_mut())
        {
            if profile.password.is_some() {
                profile.password = Some(SECRET_MASK.to_string());
            }
        }
        copy
    }

    /// The command as the property list the device receives.
    pub fn to_plist(&self) -> String {
        let mut command = vec![("RequestType", PlistValue::string("EraseDevice"))];
        if let Some(preserve) = self.preserve_data_plan {
            command.push(("PreserveDataPlan", PlistValue::Bool(preserve)));
        }
        if let Some(rts) = &self.return_to_service {
            let mut entries = vec![("Enabled", PlistValue::Bool(rts.enabled))];
            if let Some(profile) = &rts.wifi_profile {
                entries.push((
                    "WiFiProfileData",
                    PlistValue::Data(profile.to_plist().into_bytes()),
                ));
            }
            command.push(("ReturnToService", PlistValue::dict(entries)));
        }
        PlistValue::dict([
            ("Command", PlistValue::dict(command)),
            ("CommandUUID", PlistValue::string(self.command_uuid.clone())),
        ])
        .to_xml_document()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;
    use crate::device::Os;
    use crate::wifi::fixtures::office_wifi;
    use base64::Engine;

    fn data_of(plist: &str) -> String {
        let start = plist.find("<data>").unwrap() + "<data>".len();
        let end = plist.find("</data>").unwrap();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&plist[start..end])
            .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn return_to_service_carries_the_wifi_profile() {
        let wifi = office_wifi(3);
        let command = erase_device_command(
            JobId(42),
            &iphone(1).brief(),
            true,
            Some((&wifi, Some("s3cret"))),
        );
        let plist = command.to_plist();
        assert!(
            plist.contains("<key>RequestType</key>\n\t\t<string>EraseDevice</string>"),
            "{plist}"
        );
        assert!(
            plist.contains("<key>PreserveDataPlan</key>\n\t\t<true/>"),
            "{plist}"
        );
        assert!(
            plist.contains("<key>Enabled</key>\n\t\t\t<true/>"),
            "{plist}"
        );
        assert!(plist.contains("<string>wipe-job-42</string>"));
        let profile = data_of(&plist);
        assert!(profile.contains("<string>com.apple.wifi.managed</string>"));
        assert!(
            profile.contains("<key>SSID_STR</key>\n\t\t\t<string>CORP-3</string>"),
            "{profile}"
        );
        assert!(profile.contains("<key>AutoJoin</key>\n\t\t\t<true/>"));
        assert!(profile.contains("<key>EncryptionType</key>\n\t\t\t<string>WPA2</string>"));
        assert!(profile.contains("<string>s3cret</string>"));
    }

    #[test]
    fn masking_hides_the_password_everywhere() {
        let wifi = office_wifi(3);
        let command = erase_device_command(
            JobId(1),
            &iphone(1).brief(),
            false,
            Some((&wifi, Some("s3cret"))),
        );
        let masked = command.masked();
        assert!(!serde_json::to_string(&masked).unwrap().contains("s3cret"));
        assert!(!data_of(&masked.to_plist()).contains("s3cret"));
        assert!(data_of(&masked.to_plist()).contains(SECRET_MASK));
    }

    #[test]
    fn older_systems_get_no_key_they_do_not_know() {
        let wifi = office_wifi(3);
        let mut ios16 = iphone(1).brief();
        ios16.os_version = OsVersion::major_minor(16, 7);
        let command = erase_device_command(JobId(1), &ios16, true, Some((&wifi, None)));
        assert_eq!(command.preserve_data_plan, Some(true));
        assert_eq!(command.return_to_service, None);
        assert!(!command.to_plist().contains("ReturnToService"));

        let mut ios10 = ios16.clone();
        ios10.os_version = OsVersion::major_minor(10, 3);
        assert_eq!(
            erase_device_command(JobId(1), &ios10, true, None).preserve_data_plan,
            None
        );
        let mut android = ios16;
        android.os = Os::Android;
        android.os_version = OsVersion::major_minor(17, 0);
        assert_eq!(
            erase_device_command(JobId(1), &android, true, Some((&wifi, None))).return_to_service,
            None
        );
    }

    #[test]
    fn without_wifi_there_is_no_return_to_service_and_keep_esim_false_is_explicit() {
        let command = erase_device_command(JobId(7), &iphone(1).brief(), false, None);
        assert_eq!(command.return_to_service, None);
        assert!(command
            .to_plist()
            .contains("<key>PreserveDataPlan</key>\n\t\t<false/>"));
    }
}
