//! Native tests of the wipe form's plain logic.

use super::*;
use chrono::TimeDelta;
use mdm_model::ids::DeviceId;
use mdm_model::time::JAPAN_OFFSET;
use mdm_model::wifi::WifiSecurity;
use mdm_model::wipe::{
    wrong_password_error, RefusedDevice, RegistrationRefusal, WipeValidationErrors,
};
use mdm_model::ApiErrorBody;

use crate::i18n::catalog;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-26T05:10:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn selection() -> WipeSelection {
    WipeSelection::Devices {
        device_ids: vec![DeviceId(1)],
    }
}

fn wifi(id: i64, auto_join: bool) -> WifiSetting {
    WifiSetting {
        id: WifiSettingId(id),
        name: format!("Wi-Fi {id}"),
        ssid: format!("NET-{id}"),
        security: WifiSecurity::Wpa2,
        auto_join,
        hidden: false,
        in_remote_settings: true,
    }
}

fn api_error(body: ApiErrorBody) -> ApiError {
    ApiError::Api {
        status: body.code.http_status(),
        body,
    }
}

#[test]
fn the_form_opens_with_the_documented_defaults_in_japan_time() {
    let form = WipeForm::initial(now(), JAPAN_OFFSET);
    assert!(form.delete_general_info);
    assert!(form.schedule_enabled);
    // 05:10 UTC is 14:10 in Tokyo; the proposal is the first full hour 30 minutes ahead.
    assert_eq!(form.schedule_text, "2026-11-26T15:00");
    assert_eq!(form.wifi_setting_id, None);
    assert!(!form.keep_esim_data_plan && !form.agreed && form.password.is_empty());
    assert!(form.wifi_blocked() && !form.schedule_blocked());
}

#[test]
fn schedule_and_wifi_block_each_other_without_losing_the_entered_time() {
    let mut form = WipeForm::initial(now(), JAPAN_OFFSET);
    form.schedule_enabled = false;
    assert!(!form.wifi_blocked());
    form.wifi_setting_id = Some(WifiSettingId(1));
    assert!(form.schedule_blocked());
    assert_eq!(form.options(JAPAN_OFFSET).schedule_at, None);
    form.wifi_setting_id = None;
    form.schedule_enabled = true;
    assert_eq!(
        form.schedule_text, "2026-11-26T15:00",
        "the time is kept while unticked"
    );
    assert_eq!(
        form.options(JAPAN_OFFSET).schedule_at,
        Some(
            DateTime::parse_from_rfc3339("2026-11-26T06:00:00Z")
                .unwrap()
                .with_timezone(&Utc)
        )
    );
}

#[test]
fn an_unreadable_schedule_stops_the_request_instead_of_running_now() {
    let mut form = WipeForm::initial(now(), JAPAN_OFFSET);
    form.schedule_text = "2026-11-".into();
    assert_eq!(form.schedule_at(JAPAN_OFFSET), Err(UnreadableSchedule));
    assert!(form.wifi_blocked(), "a half-typed date is still a schedule");
    let check = form.check(&selection(), now(), JAPAN_OFFSET, &[]);
    assert!(check.schedule_unreadable && !check.is_clean());
    assert_eq!(check.fields()[0], WipeField::ScheduleAt);
}

#[test]
fn the_models_rules_decide_and_are_shown_after_an_attempt() {
    let mut form = WipeForm::initial(now(), JAPAN_OFFSET);
    form.schedule_text = "2026-11-26T13:00".into();
    let check = form.check(&selection(), now(), JAPAN_OFFSET, &[]);
    assert_eq!(
        check.problems,
        [
            WipeProblem::ScheduleInPast,
            WipeProblem::PasswordMissing,
            WipeProblem::NotAgreed
        ]
    );
    let t = catalog(Lang::Ja).wipe;
    let before = FieldMessages::from_check(&check, false, t, Lang::Ja);
    assert_eq!(
        before.for_field(WipeField::ScheduleAt),
        [WipeProblem::ScheduleInPast.label(Lang::Ja)]
    );
    assert!(before.for_field(WipeField::Password).is_empty());
    let after = FieldMessages::from_check(&check, true, t, Lang::Ja);
    assert_eq!(
        after.for_field(WipeField::Password),
        ["パスワードを入力してください。"]
    );
    assert_eq!(after.for_field(WipeField::Agreed).len(), 1);
}

#[test]
fn only_usable_wifi_settings_pass() {
    let mut form = WipeForm::initial(now(), JAPAN_OFFSET);
    form.schedule_enabled = false;
    form.password = "Demo#2026".into();
    form.agreed = true;
    form.wifi_setting_id = Some(WifiSettingId(2));
    let settings = [wifi(1, true), wifi(2, false)];
    let check = form.check(&selection(), now(), JAPAN_OFFSET, &settings);
    assert_eq!(check.problems, [WipeProblem::WifiAutoJoinOff]);
    form.wifi_setting_id = Some(WifiSettingId(1));
    assert!(form
        .check(&selection(), now(), JAPAN_OFFSET, &settings)
        .is_clean());
}

#[test]
fn portal_refusals_land_next_to_their_field() {
    let errors = WipeValidationErrors(vec![
        WipeProblem::ScheduleInPast,
        WipeProblem::PasswordMissing,
    ]);
    let placed = FieldMessages::from_refusal(&api_error(errors.to_api_error(Lang::Ja)), Lang::En);
    assert_eq!(
        placed.for_field(WipeField::ScheduleAt),
        [WipeProblem::ScheduleInPast.label(Lang::En)]
    );
    assert_eq!(
        placed.for_field(WipeField::Password),
        [WipeProblem::PasswordMissing.label(Lang::En)]
    );

    let wrong = FieldMessages::from_refusal(&api_error(wrong_password_error(Lang::Ja)), Lang::Ja);
    assert_eq!(
        wrong.for_field(WipeField::Password),
        ["パスワードが正しくありません。"]
    );
    assert!(wrong.general.is_empty());

    let device = RefusedDevice {
        id: DeviceId(3),
        name: "iPhone-003".into(),
        not_wipeable_reason: None,
        open_job_ids: vec![],
    };
    let conflict = RegistrationRefusal::OpenWipeExists(vec![device]).to_api_error(Lang::Ja);
    let conflict = FieldMessages::from_refusal(&api_error(conflict), Lang::Ja);
    assert!(conflict.for_field(WipeField::Selection)[0].contains("iPhone-003"));

    let down = FieldMessages::from_refusal(&ApiError::Network("offline".into()), Lang::Ja);
    assert!(down.fields.is_empty() && down.general.len() == 1);
}

#[test]
fn ok_waits_for_the_agreement_and_a_registrable_preview() {
    let mut form = WipeForm::initial(now(), JAPAN_OFFSET);
    assert_eq!(
        blockers(&form, PreviewState::Loading),
        [Blocker::NotAgreed, Blocker::PreviewLoading]
    );
    form.agreed = true;
    let fine = PreviewTotals {
        devices: 2,
        wipeable_devices: 2,
        jobs: 3,
        ..Default::default()
    };
    assert_eq!(blockers(&form, PreviewState::Ready(fine)), []);
    let byod = PreviewTotals {
        devices: 3,
        wipeable_devices: 2,
        not_wipeable_devices: 1,
        jobs: 3,
        ..Default::default()
    };
    assert_eq!(
        blockers(&form, PreviewState::Ready(byod)),
        [Blocker::NotWipeable(1)]
    );
    form.skip_not_wipeable = true;
    assert_eq!(blockers(&form, PreviewState::Ready(byod)), []);
    let only_byod = PreviewTotals {
        devices: 1,
        not_wipeable_devices: 1,
        ..Default::default()
    };
    assert_eq!(
        blockers(&form, PreviewState::Ready(only_byod)),
        [Blocker::NothingToWipe]
    );
    let open = PreviewTotals {
        devices: 1,
        devices_with_open_wipe: 1,
        ..Default::default()
    };
    assert_eq!(
        blockers(&form, PreviewState::Ready(open)),
        [Blocker::OpenWipes(1)]
    );
    assert_eq!(
        blockers(&form, PreviewState::Failed),
        [Blocker::PreviewFailed]
    );
}

#[test]
fn a_schedule_a_year_and_a_day_ahead_is_refused() {
    let mut form = WipeForm::initial(now(), JAPAN_OFFSET);
    let far = now() + TimeDelta::days(366);
    form.schedule_text = mdm_model::time::to_datetime_local(far, JAPAN_OFFSET);
    let check = form.check(&selection(), now(), JAPAN_OFFSET, &[]);
    assert!(check.problems.contains(&WipeProblem::ScheduleTooFar));
}
