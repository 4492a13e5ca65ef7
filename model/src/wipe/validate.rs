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
mod tests {
    use super::*;
    use crate::device::DeviceFilter;
    use crate::ids::{DeviceId, WifiSettingId};
    use crate::test_time::at;
    use crate::time::{LocalDateTime, Zone};
    use crate::wifi::fixtures::office_wifi;
    use WipeProblem::*;

    fn now() -> DateTime<Utc> {
        at("2026-11-26T05:00:00Z")
    }

    /// A schedule entered in UTC, to the second.
    fn utc(local: &str) -> Option<LocalDateTime> {
        Some(LocalDateTime::entered(local, Zone::UTC))
    }

    fn valid() -> WipeRequest {
        WipeRequest {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1)],
            },
            options: WipeOptions::initial(now()).entered_in(Zone::JAPAN),
            password: "Demo#2026".into(),
            agreed: true,
            skip_not_wipeable: false,
        }
    }

    fn with_wifi(id: i64) -> WipeRequest {
        let mut request = valid();
        request.options.schedule_at = None;
        request.options.wifi_setting_id = Some(WifiSettingId(id));
        request
    }

    fn problems(request: &WipeRequest, wifi: &[WifiSetting]) -> Vec<WipeProblem> {
        validate_wipe_request(request, now(), wifi)
            .err()
            .map(|e| e.0)
            .unwrap_or_default()
    }

    #[test]
    fn the_default_form_with_password_and_agreement_is_valid() {
        assert_eq!(problems(&valid(), &[]), []);
        assert_eq!(problems(&with_wifi(1), &[office_wifi(1)]), []);
    }

    #[test]
    fn a_device_or_a_filter_is_required() {
        let mut request = valid();
        request.selection = WipeSelection::Devices { device_ids: vec![] };
        assert_eq!(problems(&request, &[]), [NothingSelected]);
        request.selection = WipeSelection::Filter {
            filter: DeviceFilter::default(),
            excluded_device_ids: vec![],
        };
        assert_eq!(problems(&request, &[]), []);
        request.selection = WipeSelection::Devices {
            device_ids: (0..=10_000).map(DeviceId).collect(),
        };
        assert_eq!(problems(&request, &[]), [TooManyDevices]);
    }

    #[test]
    fn the_schedule_must_be_in_the_future_and_within_a_year() {
        let mut request = valid();
        request.options.schedule_at = utc("2026-11-26T05:00:00");
        assert_eq!(problems(&request, &[]), [ScheduleInPast]);
        request.options.schedule_at = utc("2026-11-26T04:59");
        assert_eq!(problems(&request, &[]), [ScheduleInPast]);
        request.options.schedule_at = utc("2026-11-26T05:00:01");
        assert_eq!(problems(&request, &[]), []);
        request.options.schedule_at = utc("2027-11-26T05:00:01");
        assert_eq!(problems(&request, &[]), [ScheduleTooFar]);
        request.options.schedule_at = None;
        assert_eq!(problems(&request, &[]), []);
    }

    #[test]
    fn the_schedule_is_resolved_in_the_zone_it_was_entered_in() {
        let new_york = Zone::parse("America/New_York").unwrap();
        let mut request = valid();
        request.options.schedule_at = Some(LocalDateTime::entered("2027-03-14T09:00", new_york));
        let now = at("2027-03-13T17:00:00Z");
        let options = validate_wipe_request(&request, now, &[]).unwrap();
        assert_eq!(options.schedule_at, Some(at("2027-03-14T13:00:00Z")));
        let refused = |local: &str, zone: &str| {
            let mut request = valid();
            request.options.schedule_at = Some(LocalDateTime {
                local: local.into(),
                time_zone: zone.into(),
            });
            validate_wipe_request(&request, now, &[]).unwrap_err().0
        };
        assert_eq!(
            refused("2027-03-14T02:30", "America/New_York"),
            [ScheduleNonexistent]
        );
        assert_eq!(
            refused("2027-03-14T09:00", "Mars/Olympus"),
            [UnknownTimeZone]
        );
        assert_eq!(
            refused("2027-03-14", "America/New_York"),
            [ScheduleUnreadable]
        );
        // Japan has no such change: the same wall-clock time exists there.
        let mut japan = valid();
        japan.options.schedule_at = Some(LocalDateTime::entered("2027-03-14T02:30", Zone::JAPAN));
        assert_eq!(
            validate_wipe_request(&japan, now, &[]).map(|o| o.schedule_at),
            Ok(Some(at("2027-03-13T17:30:00Z")))
        );
    }

    #[test]
    fn schedule_and_wifi_exclude_each_other() {
        let mut request = with_wifi(1);
        request.options.schedule_at = utc("2026-11-27T00:00");
        assert_eq!(problems(&request, &[office_wifi(1)]), [ScheduleWithWifi]);
        let errors = validate_wipe_request(&request, now(), &[office_wifi(1)]).unwrap_err();
        assert_eq!(
            errors.for_field(WipeField::WifiSettingId),
            [ScheduleWithWifi]
        );
        assert!(errors.for_field(WipeField::ScheduleAt).is_empty());
    }

    #[test]
    fn the_wifi_setting_must_be_known_registered_and_auto_join() {
        assert_eq!(
            problems(&with_wifi(9), &[office_wifi(1)]),
            [UnknownWifiSetting]
        );
        let off = WifiSetting {
            auto_join: false,
            ..office_wifi(1)
        };
        assert_eq!(problems(&with_wifi(1), &[off]), [WifiAutoJoinOff]);
        let unregistered = WifiSetting {
            in_remote_settings: false,
            auto_join: false,
            ..office_wifi(1)
        };
        assert_eq!(
            problems(&with_wifi(1), &[unregistered]),
            [WifiNotRegistered, WifiAutoJoinOff]
        );
    }

    #[test]
    fn password_and_agreement_are_required_and_all_problems_are_reported() {
        let mut request = valid();
        request.password.clear();
        request.agreed = false;
        request.options.schedule_at = utc("2020-01-01T00:00");
        assert_eq!(
            problems(&request, &[]),
            [ScheduleInPast, PasswordMissing, NotAgreed]
        );
    }

    #[test]
    fn the_api_error_places_the_first_problem_and_details_all() {
        let mut request = valid();
        request.password.clear();
        request.agreed = false;
        let body = validate_wipe_request(&request, now(), &[])
            .unwrap_err()
            .to_api_error(Lang::Ja);
        assert_eq!(body.code, ErrorCode::ValidationFailed);
        assert_eq!(body.field.as_deref(), Some("password"));
        assert_eq!(body.message, "パスワードを入力してください。");
        let Some(ErrorDetails::Validation { errors }) = body.details else {
            panic!("validation")
        };
        let fields: Vec<WipeField> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [WipeField::Password, WipeField::Agreed]);
    }

    #[test]
    fn the_preview_ignores_time_password_and_agreement() {
        let mut request = WipePreviewRequest {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1)],
            },
            options: WipeOptions {
                schedule_at: utc("2020-01-01T00:00"),
                ..WipeOptions::initial(now()).entered_in(Zone::JAPAN)
            },
            outcome: None,
            page: 1,
            per_page: 50,
        };
        assert_eq!(validate_preview_request(&request, &[]), Ok(()));
        request.options.wifi_setting_id = Some(WifiSettingId(2));
        let errors = validate_preview_request(&request, &[office_wifi(2)]).unwrap_err();
        assert_eq!(errors.problems(), [ScheduleWithWifi]);
    }

    #[test]
    fn every_problem_names_the_field_it_is_shown_next_to_and_has_two_distinct_messages() {
        // The wire names the console puts each message under: a problem moved to another field
        // would show its message next to the wrong input.
        let expected = [
            ("nothing_selected", "selection"),
            ("too_many_devices", "selection"),
            ("unknown_devices", "selection"),
            ("no_wipeable_devices", "selection"),
            ("schedule_unreadable", "schedule_at"),
            ("unknown_time_zone", "schedule_at"),
            ("schedule_nonexistent", "schedule_at"),
            ("schedule_in_past", "schedule_at"),
            ("schedule_too_far", "schedule_at"),
            ("schedule_with_wifi", "wifi_setting_id"),
            ("unknown_wifi_setting", "wifi_setting_id"),
            ("wifi_not_registered", "wifi_setting_id"),
            ("wifi_auto_join_off", "wifi_setting_id"),
            ("password_missing", "password"),
            ("not_agreed", "agreed"),
        ];
        let actual: Vec<(&str, &str)> = WipeProblem::ALL
            .iter()
            .map(|p| (p.as_str(), p.field().as_str()))
            .collect();
        assert_eq!(actual, expected);
        for problem in WipeProblem::ALL {
            assert_ne!(
                problem.label(Lang::Ja),
                problem.label(Lang::En),
                "{problem}"
            );
        }
    }
}
