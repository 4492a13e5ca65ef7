//! What a job was ordered on, copied at registration. The job record is evidence: a wipe may
//! clear the device's general information or move it, and the device may leave the fleet,
//! but the job keeps naming the device and its owner as they were when OK was pressed.

use serde::{Deserialize, Serialize};

use crate::device::{
    Device, DeviceBrief, MacSecurityChip, ManagementMethod, Os, OsVersion, Ownership,
};
use crate::group::Group;
use crate::ids::DeviceId;

/// Separates the groups of a path, root first ("本社 / 営業部").
pub const GROUP_PATH_SEPARATOR: &str = " / ";

/// The device as it was when the job was registered. Only what identifies the device and its
/// owner is copied: phone number, e-mail, notes and tags are personal or free-form data a job
/// record does not need, so they are deliberately left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSnapshot {
    pub id: DeviceId,
    pub name: String,
    pub os: Os,
    pub os_version: OsVersion,
    pub model: String,
    pub serial_number: String,
    pub user_full_name: Option<String>,
    pub employee_number: Option<String>,
    pub management_method: ManagementMethod,
    pub ownership: Ownership,
    /// The device's group and its ancestors, root first, joined by [`GROUP_PATH_SEPARATOR`].
    pub group_path: String,
    /// What the platform's command is built from: a Mac's chip, an Android device's name in
    /// its enterprise (absent on other devices and on jobs registered before they were kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_security_chip: Option<MacSecurityChip>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android_resource_name: Option<String>,
}

impl DeviceSnapshot {
    /// The snapshot of a device in the group whose path (root first) is `group_path`.
    pub fn of(device: &Device, group_path: &[&Group]) -> DeviceSnapshot {
        DeviceSnapshot {
            id: device.id,
            name: device.name.clone(),
            os: device.os,
            os_version: device.os_version,
            model: device.model.clone(),
            serial_number: device.serial_number.clone(),
            user_full_name: device.user_full_name.clone(),
            employee_number: device.employee_number.clone(),
            management_method: device.management_method,
            ownership: device.ownership,
            group_path: group_path
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join(GROUP_PATH_SEPARATOR),
            mac_security_chip: device.mac_security_chip,
            android_resource_name: device.android_resource_name.clone(),
        }
    }

    /// The fields other answers use to name a device (and the command builder needs).
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

/// The device a job names, as it is now: `None` in [`JobDetail::device_now`](super::JobDetail)
/// when it is no longer in the fleet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceNow {
    pub name: String,
    pub user_full_name: Option<String>,
    pub employee_number: Option<String>,
    pub group_path: String,
}

impl DeviceNow {
    pub fn of(device: &Device, group_path: &[&Group]) -> DeviceNow {
        let snapshot = DeviceSnapshot::of(device, group_path);
        DeviceNow {
            name: snapshot.name,
            user_full_name: snapshot.user_full_name,
            employee_number: snapshot.employee_number,
            group_path: snapshot.group_path,
        }
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::device::fixtures::iphone;

    /// The snapshot of `iphone(id)` in 本社 / 営業部.
    pub fn snapshot(id: i64) -> DeviceSnapshot {
        let mut snapshot = DeviceSnapshot::of(&iphone(id), &[]);
        snapshot.group_path = "本社 / 営業部".to_string();
        snapshot
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::{clear_general_info, fixtures::iphone};
    use crate::ids::GroupId;

    fn group(id: i64, parent: Option<i64>, name: &str) -> Group {
        Group {
            id: GroupId(id),
            parent_id: parent.map(GroupId),
            name: name.to_string(),
        }
    }

    #[test]
    fn the_snapshot_keeps_identity_and_owner_but_no_contact_data() {
        let (root, child) = (group(1, None, "本社"), group(2, Some(1), "第一課"));
        let snapshot = DeviceSnapshot::of(&iphone(3), &[&root, &child]);
        assert_eq!(snapshot.group_path, "本社 / 第一課");
        assert_eq!(snapshot.user_full_name.as_deref(), Some("山田 太郎"));
        assert_eq!(snapshot.employee_number.as_deref(), Some("E0001"));
        let json = serde_json::to_string(&snapshot).unwrap();
        for private in ["090-1234-5678", "yamada@example.co.jp", "営業部", "東京"] {
            assert!(!json.contains(private), "{private} leaked into {json}");
        }
    }

    #[test]
    fn clearing_the_device_leaves_the_snapshot_as_registered() {
        let mut device = iphone(3);
        let snapshot = DeviceSnapshot::of(&device, &[]);
        clear_general_info(&mut device);
        assert_eq!(snapshot.user_full_name.as_deref(), Some("山田 太郎"));
        assert_ne!(
            DeviceNow::of(&device, &[]).user_full_name,
            snapshot.user_full_name
        );
    }
}
