//! Refusals of a wipe registration that concern devices or the password, with answers that
//! name what is wrong so the console can show it next to the right field.

use serde::{Deserialize, Serialize};

use super::eligibility::NotWipeableReason;
use super::validate::{WipeField, WipeProblem, WipeValidationErrors};
use crate::command::CommandProblem;
use crate::ids::{DeviceId, JobId};
use crate::{ApiErrorBody, ErrorCode, ErrorDetails, Lang};

/// Most devices an error's `details` lists (the count is always complete).
pub const MAX_NAMED_DEVICES: usize = 100;
/// Devices named in the message itself.
const NAMED_IN_MESSAGE: usize = 3;

/// A device that stops a registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedDevice {
    pub id: DeviceId,
    pub name: String,
    pub not_wipeable_reason: Option<NotWipeableReason>,
    /// Why a lost-device measure other than the wipe does not apply to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<crate::measure::NotApplicable>,
    /// Its open jobs (of the wipe, or of the measure), for a conflict.
    pub open_job_ids: Vec<JobId>,
}

/// Why a planned selection cannot be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationRefusal {
    #[error("{} selected device(s) may not be wiped", .0.len())]
    NotWipeable(Vec<RefusedDevice>),
    #[error("{} selected device(s) already have an open wipe", .0.len())]
    OpenWipeExists(Vec<RefusedDevice>),
    #[error("nothing is left to wipe")]
    NothingToWipe,
    /// A platform section's choice does not fit these devices (a PIN missing for an Intel Mac,
    /// Android options with no Android device selected...).
    #[error("{problem} for {} device(s)", .devices.len())]
    PlatformOptions {
        problem: CommandProblem,
        devices: Vec<RefusedDevice>,
    },
}

/// The first devices by name and how many more, for a message.
pub(crate) fn names(devices: &[RefusedDevice], lang: Lang) -> String {
    let shown: Vec<&str> = devices
        .iter()
        .take(NAMED_IN_MESSAGE)
        .map(|d| d.name.as_str())
        .collect();
    let rest = devices.len().saturating_sub(NAMED_IN_MESSAGE);
    match (lang, rest) {
        (Lang::Ja, 0) => shown.join("、"),
        (Lang::Ja, rest) => format!("{} ほか{rest}台", shown.join("、")),
        (Lang::En, 0) => shown.join(", "),
        (Lang::En, rest) => format!("{} and {rest} more", shown.join(", ")),
    }
}

fn device_error(code: ErrorCode, devices: &[RefusedDevice], lang: Lang) -> ApiErrorBody {
    let mut body = ApiErrorBody::new(code, lang).with_field(WipeField::Selection.as_str());
    let separator = match lang {
        Lang::Ja => ": ",
        Lang::En => " ",
    };
    body.message = format!("{}{separator}{}", code.message(lang), names(devices, lang));
    with_devices(body, devices)
}

/// The devices in an answer's `details`, the first [`MAX_NAMED_DEVICES`] of them.
pub(crate) fn with_devices(mut body: ApiErrorBody, devices: &[RefusedDevice]) -> ApiErrorBody {
    body.details = Some(ErrorDetails::Devices {
        devices: devices.iter().take(MAX_NAMED_DEVICES).cloned().collect(),
        total: devices.len() as u64,
    });
    body
}

impl RegistrationRefusal {
    /// The portal's answer: 422 `device_not_wipeable`, 409 `open_wipe_exists`, or 422
    /// `validation_failed` on the selection when nothing is left to wipe.
    pub fn to_api_error(&self, lang: Lang) -> ApiErrorBody {
        match self {
            RegistrationRefusal::NotWipeable(devices) => {
                // The first device's reason says which measure applies instead (企業データの削除).
                let mut body = device_error(ErrorCode::DeviceNotWipeable, devices, lang);
                if let Some(reason) = devices.iter().find_map(|d| d.not_wipeable_reason) {
                    body.message = format!("{} {}", body.message, reason.label(lang));
                }
                body
            }
            RegistrationRefusal::OpenWipeExists(devices) => {
                device_error(ErrorCode::OpenWipeExists, devices, lang)
            }
            RegistrationRefusal::NothingToWipe => {
                WipeValidationErrors(vec![WipeProblem::NoWipeableDevices]).to_api_error(lang)
            }
            RegistrationRefusal::PlatformOptions { problem, devices } => {
                // 422 on the section's field, naming the devices it concerns.
                let mut body = ApiErrorBody::new(ErrorCode::ValidationFailed, lang)
                    .with_field(problem.field().as_str());
                let separator = match lang {
                    Lang::Ja => "(対象: ",
                    Lang::En => " (devices: ",
                };
                let close = match lang {
                    Lang::Ja => ")",
                    Lang::En => ")",
                };
                body.message = format!(
                    "{}{separator}{}{close}",
                    problem.label(lang),
                    names(devices, lang)
                );
                with_devices(body, devices)
            }
        }
    }
}

/// The answer when the password re-check fails (403 `wrong_password`, placed on the password).
pub fn wrong_password_error(lang: Lang) -> ApiErrorBody {
    ApiErrorBody::new(ErrorCode::WrongPassword, lang).with_field(WipeField::Password.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(id: i64) -> RefusedDevice {
        RefusedDevice {
            id: DeviceId(id),
            name: format!("iPhone-{id:03}"),
            not_wipeable_reason: Some(NotWipeableReason::Byod),
            not_applicable: None,
            open_job_ids: vec![],
        }
    }

    #[test]
    fn names_the_first_devices_and_counts_the_rest() {
        let devices: Vec<RefusedDevice> = (1..=5).map(device).collect();
        let body = RegistrationRefusal::NotWipeable(devices).to_api_error(Lang::Ja);
        assert_eq!(body.code, ErrorCode::DeviceNotWipeable);
        assert_eq!(body.field.as_deref(), Some("selection"));
        assert!(
            body.message
                .contains(": iPhone-001、iPhone-002、iPhone-003 ほか2台 個人所有"),
            "{}",
            body.message
        );
        assert!(body
            .message
            .ends_with("企業データの削除を使用してください。"));
        let Some(ErrorDetails::Devices { devices, total }) = body.details else {
            panic!("devices")
        };
        assert_eq!(total, 5);
        assert_eq!(devices.len(), 5);
    }

    #[test]
    fn details_are_capped_but_the_total_is_not() {
        let devices: Vec<RefusedDevice> =
            (1..=(MAX_NAMED_DEVICES as i64 + 20)).map(device).collect();
        let body = RegistrationRefusal::OpenWipeExists(devices).to_api_error(Lang::En);
        assert_eq!(body.code, ErrorCode::OpenWipeExists);
        assert_eq!(body.code.http_status(), 409);
        assert!(
            body.message
                .contains("iPhone-001, iPhone-002, iPhone-003 and 117 more"),
            "{}",
            body.message
        );
        let Some(ErrorDetails::Devices { devices, total }) = body.details else {
            panic!("devices")
        };
        assert_eq!((devices.len(), total), (MAX_NAMED_DEVICES, 120));
    }

    #[test]
    fn a_platform_choice_names_its_field_and_the_devices() {
        let mut mac = device(9);
        mac.name = "MAC-000009".to_string();
        mac.not_wipeable_reason = None;
        let refusal = RegistrationRefusal::PlatformOptions {
            problem: CommandProblem::PinRequired,
            devices: vec![mac],
        };
        let body = refusal.to_api_error(Lang::Ja);
        assert_eq!(body.code, ErrorCode::ValidationFailed);
        assert_eq!(body.code.http_status(), 422);
        assert_eq!(body.field.as_deref(), Some("pin"));
        assert_eq!(
            body.message,
            "Appleシリコン・T2チップを搭載していないMacの消去には6文字のPINが必要です。(対象: MAC-000009)"
        );
        let body = refusal.to_api_error(Lang::En);
        assert_eq!(
            body.message,
            "A Mac without Apple silicon or the T2 chip needs a 6-character PIN to be erased. (devices: MAC-000009)"
        );
    }

    #[test]
    fn nothing_to_wipe_is_a_selection_problem_and_wrong_password_sits_on_the_password() {
        let body = RegistrationRefusal::NothingToWipe.to_api_error(Lang::Ja);
        assert_eq!(
            (body.code, body.field.as_deref()),
            (ErrorCode::ValidationFailed, Some("selection"))
        );
        let body = wrong_password_error(Lang::En);
        assert_eq!(
            (body.code, body.field.as_deref()),
            (ErrorCode::WrongPassword, Some("password"))
        );
    }
}
