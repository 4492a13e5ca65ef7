//! Managed devices: what the portal knows about each one, and the vocabularies that classify it.

mod csv;
mod general_info;
mod mac_chip;
mod method;
mod os;
mod query;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use csv::{devices_csv_header, devices_csv_rows};
pub use general_info::{clear_general_info, GeneralInfoField};
pub use mac_chip::MacSecurityChip;
pub use method::{
    check_management_method, ivi_mdm_available, management_methods, ManagementMethod,
    MethodProblem, IVI_MDM_CONTRACT_CUTOFF,
};
pub use os::{InvalidOsVersion, Os, OsVersion};
pub use query::{search_terms, DeviceFilter, DeviceQuery, DeviceSortKey, MAX_SEARCH_LENGTH};

use crate::ids::{DepProfileId, DeviceId, GroupId};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Who owns the device.
    pub enum Ownership {
        Company = "company", ja: "会社支給", en: "Company-owned";
        Byod = "byod", ja: "個人所有(BYOD)", en: "Personal (BYOD)";
    }
}

vocabulary! {
    /// How the device was enrolled into management.
    pub enum Enrollment {
        /// Automated Device Enrollment through Apple Business Manager (DEP).
        Dep = "dep", ja: "DEP(自動デバイス登録)", en: "DEP (Automated Device Enrollment)";
        /// Enrollment by installing the profile or the agent on the device.
        Standard = "standard", ja: "通常登録", en: "Standard enrollment";
        /// Apple's User Enrollment for personal devices: the organisation manages only a
        /// separate work volume and may never erase the device.
        User = "user", ja: "User Enrollment", en: "User Enrollment";
    }
}

vocabulary! {
    /// The device's state at a glance, as the table's status column and filter show it.
    pub enum DeviceStatus {
        Online = "online", ja: "オンライン", en: "Online";
        Offline = "offline", ja: "オフライン", en: "Offline";
        PoweredOff = "powered_off", ja: "電源オフ", en: "Powered off";
        ProfileRemoved = "profile_removed", ja: "MDMプロファイル削除", en: "MDM profile removed";
    }
}

vocabulary! {
    /// What a lost-device measure left on the device, as the table's badges and filter show it.
    pub enum DeviceMark {
        /// In lost mode (Apple EnableLostMode, Android START_LOST_MODE) until it is turned off,
        /// the device is found, or it is wiped.
        LostMode = "lost_mode", ja: "紛失モード", en: "Lost mode";
        /// Locked by 遠隔ロック and not unlocked since.
        Locked = "locked", ja: "ロック中", en: "Locked";
    }
}

impl Device {
    /// Whether the device carries `mark` now.
    pub fn has_mark(&self, mark: DeviceMark) -> bool {
        match mark {
            DeviceMark::LostMode => self.lost_mode,
            DeviceMark::Locked => self.locked,
        }
    }

    /// The marks the device carries now, in the order the table shows them.
    pub fn marks(&self) -> Vec<DeviceMark> {
        DeviceMark::ALL
            .iter()
            .copied()
            .filter(|m| self.has_mark(*m))
            .collect()
    }
}

/// The services of the ActiveSync gateway account on the device (IVI MDM works through it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActiveSyncAccount {
    pub mail: bool,
    pub contacts: bool,
    pub calendar: bool,
    pub reminders: bool,
    pub notes: bool,
}

impl ActiveSyncAccount {
    /// IVI MDM can reach the device only while at least one service syncs.
    pub fn any_service_on(&self) -> bool {
        self.mail || self.contacts || self.calendar || self.reminders || self.notes
    }
}

/// The last reported state that decides whether a job can run on the device now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceState {
    pub powered_on: bool,
    /// On an active network (Wi-Fi or cellular).
    pub network_connected: bool,
    /// The MDM profile (the agent, on Android and Windows) is installed, not removed.
    pub mdm_profile_installed: bool,
    /// The ActiveSync gateway account, when the device has one (Hybrid devices do).
    pub activesync: Option<ActiveSyncAccount>,
}

impl DeviceState {
    /// One status for the table. A removed profile outranks the rest: it persists whatever
    /// the power or network does and needs an administrator's attention.
    pub fn status(&self) -> DeviceStatus {
        if !self.mdm_profile_installed {
            DeviceStatus::ProfileRemoved
        } else if !self.powered_on {
            DeviceStatus::PoweredOff
        } else if !self.network_connected {
            DeviceStatus::Offline
        } else {
            DeviceStatus::Online
        }
    }
}

/// A managed device, as `GET /api/devices` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    pub id: DeviceId,
    pub name: String,
    pub group_id: GroupId,
    pub os: Os,
    pub os_version: OsVersion,
    /// Marketing model name, such as "iPhone 15".
    pub model: String,
    pub serial_number: String,
    pub phone_number: Option<String>,
    /// The user's full name.
    pub user_full_name: Option<String>,
    pub employee_number: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub ownership: Ownership,
    pub enrollment: Enrollment,
    /// The DEP profile assigned to the device (meaningful for DEP enrollment only).
    pub dep_profile_id: Option<DepProfileId>,
    pub management_method: ManagementMethod,
    /// Whether the device has an eSIM (its data plan can be kept through a wipe).
    pub esim: bool,
    /// Activation Lock, as the device last reported it (DeviceInformation's
    /// `IsActivationLockEnabled`); `None` when it did not report it (Apple deprecated the key
    /// in iOS 16 and macOS 13, and only Apple devices have it). An erased device with
    /// Activation Lock on stops in Setup Assistant until the lock is cleared.
    pub activation_lock_enabled: Option<bool>,
    /// A Mac's security hardware (Macs only): whether its erase takes a PIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_security_chip: Option<MacSecurityChip>,
    /// The Android Management API's name of the device (`enterprises/{e}/devices/{d}`),
    /// as the enterprise's device list gives it (Android devices only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_resource_name: Option<String>,
    /// Apple supervision (DEP devices are supervised): lost mode needs it.
    #[serde(default)]
    pub supervised: bool,
    /// 紛失モード: the device is in lost mode (Apple MDM lost mode, Android's `LOST_MODE`
    /// state), from the measure that started it until it ends.
    #[serde(default)]
    pub lost_mode: bool,
    /// ロック中: a remote lock was acknowledged and the device's user has not unlocked it since.
    #[serde(default)]
    pub locked: bool,
    pub state: DeviceState,
    pub last_seen_at: DateTime<Utc>,
}

impl Device {
    pub fn status(&self) -> DeviceStatus {
        self.state.status()
    }

    /// The few fields other answers repeat to name a device.
    pub fn brief(&self) -> DeviceBrief {
        DeviceBrief {
            id: self.id,
            name: self.name.clone(),
            os: self.os,
            os_version: self.os_version,
            model: self.model.clone(),
            serial_number: self.serial_number.clone(),
            user_full_name: self.user_full_name.clone(),
            management_method: self.management_method,
            ownership: self.ownership,
            mac_security_chip: self.mac_security_chip,
            android_resource_name: self.android_resource_name.clone(),
        }
    }
}

/// A device named inside another answer (a job, a preview line, a conflict).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceBrief {
    pub id: DeviceId,
    pub name: String,
    pub os: Os,
    pub os_version: OsVersion,
    pub model: String,
    pub serial_number: String,
    pub user_full_name: Option<String>,
    pub management_method: ManagementMethod,
    pub ownership: Ownership,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_security_chip: Option<MacSecurityChip>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_resource_name: Option<String>,
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A company-owned, DEP-enrolled, online iPhone on iOS 17.4; tests change what they need.
    pub fn iphone(id: i64) -> Device {
        Device {
            id: DeviceId(id),
            name: format!("iPhone-{id:03}"),
            group_id: GroupId(1),
            os: Os::Ios,
            os_version: OsVersion::major_minor(17, 4),
            model: "iPhone 15".to_string(),
            serial_number: format!("F2LX{id:08}"),
            phone_number: Some("090-1234-5678".to_string()),
            user_full_name: Some("山田 太郎".to_string()),
            employee_number: Some("E0001".to_string()),
            email: Some("yamada@example.co.jp".to_string()),
            notes: Some("営業部".to_string()),
            tags: vec!["営業".to_string(), "東京".to_string()],
            ownership: Ownership::Company,
            enrollment: Enrollment::Dep,
            dep_profile_id: Some(DepProfileId(1)),
            management_method: ManagementMethod::AppleMdm,
            esim: true,
            activation_lock_enabled: Some(false),
            mac_security_chip: None,
            android_resource_name: None,
            state: DeviceState {
                powered_on: true,
                network_connected: true,
                mdm_profile_installed: true,
                activesync: None,
            },
            supervised: false,
            lost_mode: false,
            locked: false,
            last_seen_at: DateTime::parse_from_rfc3339("2026-11-26T05:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::iphone;
    use super::*;

    #[test]
    fn status_prefers_a_removed_profile_then_power_then_network() {
        let mut state = iphone(1).state;
        assert_eq!(state.status(), DeviceStatus::Online);
        state.network_connected = false;
        assert_eq!(state.status(), DeviceStatus::Offline);
        state.powered_on = false;
        assert_eq!(state.status(), DeviceStatus::PoweredOff);
        state.mdm_profile_installed = false;
        assert_eq!(state.status(), DeviceStatus::ProfileRemoved);
    }

    #[test]
    fn activesync_needs_one_service() {
        assert!(!ActiveSyncAccount::default().any_service_on());
        assert!(ActiveSyncAccount {
            calendar: true,
            ..Default::default()
        }
        .any_service_on());
    }

    #[test]
    fn device_json_uses_wire_names() {
        let json = serde_json::to_value(iphone(7)).unwrap();
        assert_eq!(json["os"], "ios");
        assert_eq!(json["os_version"], "17.4");
        assert_eq!(json["management_method"], "apple_mdm");
        assert_eq!(json["enrollment"], "dep");
        let back: Device = serde_json::from_value(json).unwrap();
        assert_eq!(back, iphone(7));
    }

    #[test]
    fn labels_follow_the_glossary() {
        assert_eq!(
            ManagementMethod::Hybrid.label(crate::Lang::Ja),
            "Hybrid MDM方式"
        );
        assert_eq!(
            ManagementMethod::IviMdm.label(crate::Lang::Ja),
            "IVI MDM方式"
        );
        assert_eq!(
            ManagementMethod::AppleMdm.label(crate::Lang::Ja),
            "Apple MDM方式"
        );
    }
}
