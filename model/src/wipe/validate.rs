//! Validation of a wipe request: the console runs it before OK is pressed, the portal runs it
//! again and refuses what fails.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::{
    EnteredWipeOptions, WipeOptions, WipePreviewRequest, WipeRequest, WipeSelection,
    MAX_SELECTED_DEVICE_IDS,
};
use crate::time::LocalTimeProblem;
use crate::vocabulary::vocabulary;
use crate::wifi::WifiSetting;
use crate::{ApiErrorBody, ErrorCode, ErrorDetails, Lang};

/// How far ahead a wipe may be scheduled.
pub const MAX_SCHEDULE_AHEAD: TimeDelta = TimeDelta::days(365);

vocabulary! {
    /// An input of the wipe screen; the wire name is the `field` of an error.
    pub enum WipeField {
        Selection = "selection", ja: "対象端末", en: "Devices";
        ScheduleAt = "schedule_at", ja: "予約日時", en: "Date and time";
        WifiSettingId = "wifi_setting_id", ja: "WLAN設定", en: "Wi-Fi setting";
        Password = "password", ja: "パスワード", en: "Password";
        Agreed = "agreed", ja: "同意する", en: "I agree";
    }
}

vocabulary! {
    /// One broken rule; the label is the message shown next to its field.
    pub enum WipeProblem {
        NothingSelected = "nothing_selected",
            ja: "遠隔初期化する端末を選択してください。", en: "Select at least one device to wipe.";
        TooManyDevices = "too_many_devices",
            ja: "一度に個別指定できる端末は10,000台までです。「条件に一致するすべての端末を選択」をご利用ください。",
            en: "At most 10,000 devices can be picked one by one. Use \"select all devices matching\" instead.";
        UnknownDevices = "unknown_devices",
            ja: "選択した端末の一部が見つかりません。一覧を更新して選択し直してください。",
            en: "Some selected devices no longer exist. Refresh the list and select again.";
        NoWipeableDevices = "no_wipeable_devices",
            ja: "遠隔初期化できる端末がありません。", en: "None of the selected devices can be wiped.";
        ScheduleUnreadable = "schedule_unreadable",
            ja: "予約日時を「年/月/日 時:分」の形で入力してください。",
            en: "Enter the date and time as year/month/day hour:minute.";
        UnknownTimeZone = "unknown_time_zone",
            ja: "予約日時のタイムゾーン名が正しくありません。Asia/Tokyo のようなIANAのタイムゾーン名を指定してください。",
            en: "The time zone of the date and time is not known. Use an IANA time zone name such as Asia/Tokyo.";
        ScheduleNonexistent = "schedule_nonexistent",
            ja: "この日時は夏時間の切り替えにより存在しません。別の日時を指定してください。",
            en: "This date and time does not exist because of the daylight saving time change. Choose another time.";
        ScheduleInPast = "schedule_in_past",
            ja: "予約日時には現在より後の日時を指定してください。", en: "The date and time must be in the future.";
        ScheduleTooFar = "schedule_too_far",
            ja: "予約日時は1年以内で指定してください。", en: "The date and time must be within one year.";
        ScheduleWithWifi = "schedule_with_wifi",
            ja: "予約日時を設定した場合はWLAN設定(自動再登録)を使用できません。どちらか一方を解除してください。",
            en: "A scheduled wipe cannot use a Wi-Fi setting for re-enrollment. Clear one of them.";
        UnknownWifiSetting = "unknown_wifi_setting",
            ja: "選択したWLAN設定が見つかりません。", en: "The chosen Wi-Fi setting does not exist.";
        WifiNotRegistered = "wifi_not_registered",
            ja: "このWLAN設定は遠隔設定フィーチャーセットに登録されていないため使用できません。",
            en: "This Wi-Fi setting is not registered in the remote settings feature set.";
        WifiAutoJoinOff = "wifi_auto_join_off",
            ja: "このWLAN設定は自動接続が「しない」のため、自動再登録に使用できません。",
            en: "This Wi-Fi setting has auto-join off, so it cannot be used for re-enrollment.";
        PasswordMissing = "password_missing",
            ja: "パスワードを入力してください。", en: "Enter your password.";
        NotAgreed = "not_agreed",
            ja: "内容を確認し、「同意する」にチェックを入れてください。", en: "Review the settings and tick \"I agree\".";
    }
}

impl WipeProblem {
    /// The field the message belongs next to.
    pub fn field(self) -> WipeField {
        use WipeProblem::*;
        match self {
            NothingSelected | TooManyDevices | UnknownDevices | NoWipeableDevices => {
                WipeField::Selection
            }
            ScheduleUnreadable | UnknownTimeZone | ScheduleNonexistent | ScheduleInPast
            | ScheduleTooFar => WipeField::ScheduleAt,
            ScheduleWithWifi | UnknownWifiSetting | WifiNotRegistered | WifiAutoJoinOff => {
                WipeField::WifiSettingId
            }
            PasswordMissing => WipeField::Password,
            NotAgreed => WipeField::Agreed,
        }
    }
}

/// One problem in an error's `details`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrorDetail {
    pub field: WipeField,
    pub problem: WipeProblem,
    pub message: String,
}

/// The problems of a request, in form order; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the wipe request breaks {} rule(s)", .0.len())]
pub struct WipeValidationErrors(pub Vec<WipeProblem>);

impl WipeValidationErrors {
    pub fn problems(&self) -> &[WipeProblem] {
        &self.0
    }

    /// The problems to show next to one field.
    pub fn for_field(&self, field: WipeField) -> Vec<WipeProblem> {
        self.0
            .iter()
            .copied()
            .filter(|problem| problem.field() == field)
            .collect()
    }

    /// The portal's answer (422): `field` and `message` of the first problem, all of them in
    /// `details` as [`ErrorDetails::Validation`].
    pub fn to_api_error(&self, lang: Lang) -> ApiErrorBody {
        let mut body = ApiErrorBody::new(ErrorCode::ValidationFailed, lang);
        if let Some(first) = self.0.first() {
            body.message = first.label(lang).to_string();
            body.field = Some(first.field().as_str().to_string());
        }
        body.details = Some(ErrorDetails::Validation {
            errors: self
                .0
                .iter()
                .map(|&problem| FieldErrorDetail {
                    field: problem.field(),
                    problem,
                    message: problem.label(lang).to_string(),
                })
                .collect(),
        });
        body
    }
}

fn selection_problems(selection: &WipeSelection) -> Vec<WipeProblem> {
    match selection {
        WipeSelection::Devices { device_ids } if device_ids.is_empty() => {
            vec![WipeProblem::NothingSelected]
        }
        WipeSelection::Devices { device_ids } if device_ids.len() > MAX_SELECTED_DEVICE_IDS => {
            vec![WipeProblem::TooManyDevices]
        }
        WipeSelection::Filter {
            excluded_device_ids,
            ..
        } if excluded_device_ids.len() > MAX_SELECTED_DEVICE_IDS => {
            vec![WipeProblem::TooManyDevices]
        }
        _ => Vec::new(),
    }
}

fn wifi_problems<Schedule>(
    options: &WipeOptions<Schedule>,
    wifi_settings: &[WifiSetting],
) -> Vec<WipeProblem> {
    let Some(wifi_id) = options.wifi_setting_id else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if options.schedule_at.is_some() {
        problems.push(WipeProblem::ScheduleWithWifi);
    }
    match wifi_settings.iter().find(|setting| setting.id == wifi_id) {
        None => problems.push(WipeProblem::UnknownWifiSetting),
        Some(setting) => {
            if !setting.in_remote_settings {
                problems.push(WipeProblem::WifiNotRegistered);
            }
            if !setting.auto_join {
                problems.push(WipeProblem::WifiAutoJoinOff);
            }
        }
    }
    problems
}

/// The options with the schedule resolved in the zone it was entered in, or what is wrong with
/// the schedule.
fn resolve_schedule(
    options: &EnteredWipeOptions,
    now: DateTime<Utc>,
) -> Result<WipeOptions, WipeProblem> {
    let resolved = options.resolve().map_err(|problem| match problem {
        LocalTimeProblem::Unreadable => WipeProblem::ScheduleUnreadable,
        LocalTimeProblem::UnknownZone => WipeProblem::UnknownTimeZone,
        LocalTimeProblem::Nonexistent => WipeProblem::ScheduleNonexistent,
    })?;
    match resolved.schedule_at {
        Some(at) if at <= now => Err(WipeProblem::ScheduleInPast),
        Some(at) if at > now + MAX_SCHEDULE_AHEAD => Err(WipeProblem::ScheduleTooFar),
        _ => Ok(resolved),
    }
}

fn into_result(problems: Vec<WipeProblem>) -> Result<(), WipeValidationErrors> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(WipeValidationErrors(problems))
    }
}

/// Every rule of the wipe screen: devices selected; the schedule names a time in its zone (a
/// known zone, a time not skipped by a daylight saving time change), in the future and within a
/// year; schedule and Wi-Fi setting exclusive; the Wi-Fi setting exists, is registered in the
/// remote-settings feature set and has auto-join on; password entered; "I agree" ticked.
/// `wifi_settings` are the tenant's settings (all of them, not only the offered ones).
/// A valid request's options come back with the schedule as the instant to register.
pub fn validate_wipe_request(
    request: &WipeRequest,
    now: DateTime<Utc>,
    wifi_settings: &[WifiSetting],
) -> Result<WipeOptions, WipeValidationErrors> {
    let mut problems = selection_problems(&request.selection);
    let resolved = resolve_schedule(&request.options, now);
    if let Err(problem) = resolved {
        problems.push(problem);
    }
    problems.extend(wifi_problems(&request.options, wifi_settings));
    if request.password.is_empty() {
        problems.push(WipeProblem::PasswordMissing);
    }
    if !request.agreed {
        problems.push(WipeProblem::NotAgreed);
    }
    match resolved {
        Ok(options) if problems.is_empty() => Ok(options),
        _ => Err(WipeValidationErrors(problems)),
    }
}

/// The rules a preview needs: a selection and a usable Wi-Fi setting. The schedule's time,
/// the password and the agreement are left to registration, so the preview can be shown while
/// the form is being filled in. Its `page` / `per_page` are checked with
/// [`PageRequest::validate`](crate::paging::PageRequest::validate), like any list.
pub fn validate_preview_request(
    request: &WipePreviewRequest,
    wifi_settings: &[WifiSetting],
) -> Result<(), WipeValidationErrors> {
    let mut problems = selection_problems(&request.selection);
    problems.extend(wifi_problems(&request.options, wifi_settings));
    into_result(problems)
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
