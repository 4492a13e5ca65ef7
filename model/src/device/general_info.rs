//! The "delete the device's general info and tags" option (端末の一般情報・端末タグ情報を削除する):
//! exactly which fields a successful wipe clears.

use super::Device;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A field cleared by the option, in the order the console lists them.
    pub enum GeneralInfoField {
        FullName = "user_full_name", ja: "氏名", en: "Full name";
        EmployeeNumber = "employee_number", ja: "社員番号", en: "Employee number";
        PhoneNumber = "phone_number", ja: "電話番号", en: "Phone number";
        Email = "email", ja: "メールアドレス", en: "E-mail address";
        Notes = "notes", ja: "備考", en: "Notes";
        Tags = "tags", ja: "端末タグ", en: "Tags";
    }
}

/// Clears every field of [`GeneralInfoField::ALL`] on the device. Name, serial number, group and
/// management data are kept: the device stays identifiable in the fleet after the wipe.
pub fn clear_general_info(device: &mut Device) {
    for field in GeneralInfoField::ALL {
        match field {
            GeneralInfoField::FullName => device.user_full_name = None,
            GeneralInfoField::EmployeeNumber => device.employee_number = None,
            GeneralInfoField::PhoneNumber => device.phone_number = None,
            GeneralInfoField::Email => device.email = None,
            GeneralInfoField::Notes => device.notes = None,
            GeneralInfoField::Tags => device.tags.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;

    #[test]
    fn clears_the_personal_fields_and_tags_only() {
        let before = iphone(3);
        let mut after = before.clone();
        clear_general_info(&mut after);

        assert_eq!(after.user_full_name, None);
        assert_eq!(after.employee_number, None);
        assert_eq!(after.phone_number, None);
        assert_eq!(after.email, None);
        assert_eq!(after.notes, None);
        assert!(after.tags.is_empty());

        // Everything else is untouched.
        let restored = Device {
            user_full_name: before.user_full_name.clone(),
            employee_number: before.employee_number.clone(),
            phone_number: before.phone_number.clone(),
            email: before.email.clone(),
            notes: before.notes.clone(),
            tags: before.tags.clone(),
            ..after
        };
        assert_eq!(restored, before);
    }

    #[test]
    fn field_wire_names_match_the_device_json_keys() {
        let json = serde_json::to_value(iphone(1)).unwrap();
        for field in GeneralInfoField::ALL {
            assert!(
                json.get(field.as_str()).is_some(),
                "{field} is not a device field"
            );
        }
    }
}
