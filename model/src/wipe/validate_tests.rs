//! Tests of [`super`]: the request validation rules of a wipe.

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
