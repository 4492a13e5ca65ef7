//! What the tab keeps of the wipe form, so a reload of the wipe screen brings back the choices
//! made: for the same administrator and the same selection only, never the password, the
//! agreement or a Mac's PIN (see [`WipeForm`]'s serialization). Forgotten once the jobs are
//! registered, and with everything else the tab kept when the administrator signs out.

use mdm_model::ids::AdministratorId;
use mdm_model::wipe::WipeSelection;
use serde::{Deserialize, Serialize};

use super::form::WipeForm;
use crate::tab_storage;

/// Where the tab keeps the form.
pub const FORM_KEY: &str = "mdm.wipe-form";

/// The choices, with the selection they were made for.
#[derive(Serialize, Deserialize)]
struct KeptForm {
    selection: WipeSelection,
    form: WipeForm,
}

/// Keeps the choices of `form` for `admin` and `selection`.
pub fn keep_form(admin: AdministratorId, selection: &WipeSelection, form: &WipeForm) {
    let kept = KeptForm {
        selection: selection.clone(),
        form: form.clone(),
    };
    tab_storage::keep(FORM_KEY, admin, &kept);
}

/// The choices the tab kept for `admin` and this very `selection`.
pub fn kept_form(admin: AdministratorId, selection: &WipeSelection) -> Option<WipeForm> {
    tab_storage::kept::<KeptForm>(FORM_KEY, admin)
        .filter(|kept| kept.selection == *selection)
        .map(|kept| kept.form)
}

/// Forgets the kept choices (the jobs are registered).
pub fn forget_form() {
    tab_storage::forget(FORM_KEY);
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use mdm_model::command::windows::WindowsWipeKind;
    use mdm_model::ids::{DeviceId, WifiSettingId};
    use mdm_model::time::Zone;

    use super::*;

    #[test]
    fn the_kept_choices_never_hold_the_password_the_agreement_or_the_pin() {
        let now = DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut form = WipeForm::initial(now, Zone::JAPAN);
        form.wifi_setting_id = Some(WifiSettingId(4));
        form.keep_esim_data_plan = true;
        form.platform.windows_kind = WindowsWipeKind::DoWipe;
        form.platform.android_reason = "紛失のため".into();
        form.password = "Demo#2026-secret".into();
        form.agreed = true;
        form.platform.mac_pin = "123456".into();
        let kept = KeptForm {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(2)],
            },
            form: form.clone(),
        };
        let text = tab_storage::encode(AdministratorId(1), &kept);
        assert!(
            !text.contains("Demo#2026-secret") && !text.contains("123456"),
            "{text}"
        );
        let back: KeptForm = tab_storage::decode(&text, AdministratorId(1)).unwrap();
        let given_again = WipeForm {
            password: String::new(),
            agreed: false,
            ..form.clone()
        };
        let mut expected = given_again;
        expected.platform.mac_pin.clear();
        assert_eq!(back.form, expected);
        assert_eq!(back.selection, kept.selection);
    }
}
