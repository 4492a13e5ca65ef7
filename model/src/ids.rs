//! Typed ids of every entity the API exchanges. Each serializes as a bare JSON number.

use crate::vocabulary::id_type;

id_type!(
    /// A managed device.
    DeviceId
);
id_type!(
    /// A node of the group tree.
    GroupId
);
id_type!(
    /// One job (one method on one device). A Hybrid wipe has two.
    JobId
);
id_type!(
    /// One wipe registration (one press of OK): all the jobs it created share it.
    WipeId
);
id_type!(
    /// A Wi-Fi setting of the remote-settings feature set.
    WifiSettingId
);
id_type!(
    /// A DEP (Automated Device Enrollment) profile.
    DepProfileId
);
id_type!(
    /// An administrator of the tenant.
    AdministratorId
);
id_type!(
    /// An entry of the audit log.
    AuditEntryId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_bare_numbers_on_the_wire() {
        assert_eq!(serde_json::to_string(&DeviceId(42)).unwrap(), "42");
        assert_eq!(serde_json::from_str::<JobId>("7").unwrap(), JobId(7));
    }

    #[test]
    fn ids_parse_from_path_segments() {
        assert_eq!(" 12 ".parse::<JobId>(), Ok(JobId(12)));
        assert!("12a".parse::<JobId>().is_err());
        assert!("".parse::<DeviceId>().is_err());
    }
}
