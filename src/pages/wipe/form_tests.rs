//! Native tests of the wipe form's plain logic.

use super::*;
use chrono::TimeDelta;
use mdm_model::ids::DeviceId;
use mdm_model::time::{LocalDateTime, LocalTimeProblem, Zone};
use mdm_model::wifi::WifiSecurity;
use mdm_model::wipe::{
    wrong_password_error, RefusedDevice, RegistrationRefusal, WipeValidationErrors,
};
use mdm_model::ApiErrorBody;

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
    let form = WipeForm::initial(now(), Zone::JAPAN);
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
    let mut form = WipeForm::initial(now(), Zone::JAPAN);
    form.schedule_enabled = false;
    assert!(!form.wifi_blocked());
    form.wifi_setting_id = Some(WifiSettingId(1));
    assert!(form.schedule_blocked());
    assert_eq!(form.options(Zone::JAPAN).schedule_at, None);
    form.wifi_setting_id = None;
    form.schedule_enabled = true;
    assert_eq!(
        form.schedule_text, "2026-11-26T15:00",
        "the time is kept while unticked"
    );
    assert_eq!(
        form.options(Zone::JAPAN).schedule_at,
        Some(LocalDateTime::entered("2026-11-26T15:00", Zone::JAPAN))
    );
    assert_eq!(
        form.schedule_at(Zone::JAPAN),
        Ok(Some(
            DateTime::parse_from_rfc3339("2026-11-26T06:00:00Z")
                .unwrap()
                .with_timezone(&Utc)
        ))
    );
}

#[test]
fn an_unreadable_schedule_stops_the_request_instead_of_running_now() {
    let mut form = WipeForm::initial(now(), Zone::JAPAN);
    form.schedule_text = "2026-11-".into();
    assert_eq!(
        form.schedule_at(Zone::JAPAN),
        Err(LocalTimeProblem::Unreadable)
    );
    assert!(form.wifi_blocked(), "a half-typed date is still a schedule");
    let check = form.check(
        &selection(),
        now(),
        Zone::JAPAN,
        &[],
        PlatformsPresent::default(),
    );
    assert_eq!(check.problems[0], WipeProblem::ScheduleUnreadable);
    assert!(!check.is_clean());
    assert_eq!(check.fields()[0], WipeField::ScheduleAt);
    let messages = FieldMessages::from_check(&check, false, Lang::Ja);
    assert_eq!(
        messages.for_field(WipeField::ScheduleAt),
        ["予約日時を「年/月/日 時:分」の形で入力してください。"]
    );
}

#[test]
fn a_new_york_administrator_enters_times_in_new_york_time() {
    // Opened on Saturday 2027-03-13 at noon EST; the clocks go forward that night.
    let new_york = Zone::parse("America/New_York").unwrap();
    let opened = DateTime::parse_from_rfc3339("2027-03-13T17:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let mut form = WipeForm::initial(opened, new_york);
    assert_eq!(
        form.schedule_text, "2027-03-13T13:00",
        "proposed in New York time"
    );
    form.password = "Demo#2026".into();
    form.agreed = true;
    form.schedule_text = "2027-03-14T09:00".into();
    let request = form.request(&selection(), new_york, PlatformsPresent::default());
    assert_eq!(
        serde_json::to_value(&request.options.schedule_at).unwrap(),
        serde_json::json!({"local": "2027-03-14T09:00", "time_zone": "America/New_York"})
    );
    assert!(form
        .check(
            &selection(),
            opened,
            new_york,
            &[],
            PlatformsPresent::default()
        )
        .is_clean());
    // 02:30 that Sunday is skipped by the change: refused next to the field at once.
    form.schedule_text = "2027-03-14T02:30".into();
    assert_eq!(
        form.schedule_at(new_york),
        Err(LocalTimeProblem::Nonexistent)
    );
    let check = form.check(
        &selection(),
        opened,
        new_york,
        &[],
        PlatformsPresent::default(),
    );
    let messages = FieldMessages::from_check(&check, false, Lang::Ja);
    assert_eq!(
        messages.for_field(WipeField::ScheduleAt),
        ["この日時は夏時間の切り替えにより存在しません。別の日時を指定してください。"]
    );
    let messages = FieldMessages::from_check(&check, false, Lang::En);
    assert_eq!(
        messages.for_field(WipeField::ScheduleAt),
        ["This date and time does not exist because of the daylight saving time change. Choose another time."]
    );
}

#[test]
fn the_models_rules_decide_and_are_shown_after_an_attempt() {
    let mut form = WipeForm::initial(now(), Zone::JAPAN);
    form.schedule_text = "2026-11-26T13:00".into();
    let check = form.check(
        &selection(),
        now(),
        Zone::JAPAN,
        &[],
        PlatformsPresent::default(),
    );
    assert_eq!(
        check.problems,
        [
            WipeProblem::ScheduleInPast,
            WipeProblem::PasswordMissing,
            WipeProblem::NotAgreed
        ]
    );
    let before = FieldMessages::from_check(&check, false, Lang::Ja);
    assert_eq!(
        before.for_field(WipeField::ScheduleAt),
        [WipeProblem::ScheduleInPast.label(Lang::Ja)]
    );
    assert!(before.for_field(WipeField::Password).is_empty());
    let after = FieldMessages::from_check(&check, true, Lang::Ja);
    assert_eq!(
        after.for_field(WipeField::Password),
        ["パスワードを入力してください。"]
    );
    assert_eq!(after.for_field(WipeField::Agreed).len(), 1);
}

#[test]
fn only_usable_wifi_settings_pass() {
    let mut form = WipeForm::initial(now(), Zone::JAPAN);
    form.schedule_enabled = false;
    form.password = "Demo#2026".into();
    form.agreed = true;
    form.wifi_setting_id = Some(WifiSettingId(2));
    let settings = [wifi(1, true), wifi(2, false)];
    let check = form.check(
        &selection(),
        now(),
        Zone::JAPAN,
        &settings,
        PlatformsPresent::default(),
    );
    assert_eq!(check.problems, [WipeProblem::WifiAutoJoinOff]);
    form.wifi_setting_id = Some(WifiSettingId(1));
    assert!(form
        .check(
            &selection(),
            now(),
            Zone::JAPAN,
            &settings,
            PlatformsPresent::default()
        )
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
        not_applicable: None,
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
    let mut form = WipeForm::initial(now(), Zone::JAPAN);
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
    let mut form = WipeForm::initial(now(), Zone::JAPAN);
    let far = now() + TimeDelta::days(366);
    form.schedule_text = mdm_model::time::to_datetime_local(far, Zone::JAPAN);
    let check = form.check(
        &selection(),
        now(),
        Zone::JAPAN,
        &[],
        PlatformsPresent::default(),
    );
    assert!(check.problems.contains(&WipeProblem::ScheduleTooFar));
}
