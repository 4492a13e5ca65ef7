//! Browser tests of the 遠隔初期化 screen against a fake portal: the defaults, schedule and Wi-Fi
//! excluding each other both ways, the Wi-Fi list, OK gating, where errors appear, registering
//! exactly once, the tabs and the language. The preview has its own file, wipe_preview.rs.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;
#[path = "support/wipe_portal.rs"]
mod wipe_portal;

use chrono::{TimeDelta, Utc};
use fleet::*;
use leptos::prelude::*;
use mdm_console::api::ApiError;
use mdm_model::device::Os;
use mdm_model::ids::{AdministratorId, DeviceId, JobId};
use mdm_model::time::{to_datetime_local, Zone};
use mdm_model::wipe::{
    wrong_password_error, RefusedDevice, RegistrationRefusal, WipeProblem, WipeRegistered,
    WipeRequest, WipeValidationErrors,
};
use mdm_model::Lang;
use wasm_bindgen_test::*;
use wipe_portal::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_screen_opens_with_the_documented_defaults() {
    let portal = FakePortal::new(small_fleet());
    // Opened at 14:10 Japan time: the default is the first full hour at least 30 minutes
    // ahead, 15:00 (far in the future, so the schedule is valid whenever the test runs).
    let opened = at("2030-11-26T05:10:00Z");
    let s = screen_at(&portal, registered, "ja", opened).await;
    let s = &s.view;
    assert_eq!(s.text("tab-settings"), "遠隔初期化設定");
    assert_eq!(s.text("tab-after"), "遠隔初期化後の設定");
    assert_eq!(
        s.attr("tab-settings", "aria-selected").as_deref(),
        Some("true")
    );
    assert!(s.checked("wipe-delete-info"));
    assert!(s.checked("wipe-schedule"));
    assert_eq!(s.input("wipe-schedule-at").value(), "2030-11-26T15:00");
    assert!(!s.disabled("wipe-schedule-at"));
    // Whatever the browser's own date picker looks like, the time is also said the console's way.
    assert_eq!(
        s.text("wipe-schedule-echo"),
        "2030/11/26 15:00(Asia/Tokyo, JST)に実行します。"
    );
    assert!(
        s.disabled("wipe-wifi"),
        "the schedule blocks the Wi-Fi setting"
    );
    assert!(s
        .text("wipe-wifi-blocked")
        .starts_with("予約日時を設定しているため選択できません。"));
    assert!(!s.checked("wipe-esim"));
    assert!(!s.checked("wipe-agree"));
    assert_eq!(s.input("wipe-password").value(), "");
    assert_eq!(s.input("wipe-password").type_(), "password");
    ready(s).await;
    assert!(s.disabled("wipe-ok"), "OK waits for 同意する");
    assert!(s
        .text("ok-reasons")
        .contains("「同意する」にチェックを入れると、OKを押せます。"));
    assert!(
        s.find("wipe-ok").class_name().contains("button--danger"),
        "red only for the final OK"
    );
    for topic in ["delete-info", "schedule", "wifi", "hybrid"] {
        let href = s.attr(&format!("help-link-{topic}"), "href").unwrap();
        assert!(href.starts_with("/help/"), "{topic}: {href}");
    }
}

#[wasm_bindgen_test]
async fn schedule_and_wifi_exclude_each_other_both_ways_without_losing_choices() {
    let portal = FakePortal::new(small_fleet());
    let s = screen(&portal, registered, "ja").await;
    let s = &s.view;
    let proposed = s.input("wipe-schedule-at").value();

    s.click("wipe-schedule").await;
    assert!(!s.checked("wipe-schedule"));
    assert!(s.disabled("wipe-schedule-at"));
    assert!(!s.disabled("wipe-wifi") && !s.exists("wipe-wifi-blocked"));

    s.click("tab-after").await;
    s.choose("wipe-wifi", "3").await;
    s.click("tab-settings").await;
    assert!(
        s.disabled("wipe-schedule"),
        "the Wi-Fi setting blocks the schedule"
    );
    assert!(s
        .text("wipe-schedule-blocked")
        .starts_with("WLAN設定(自動再登録)を選択しているため"));
    assert_eq!(
        s.attr("wipe-schedule", "aria-describedby").as_deref(),
        Some("wipe-schedule-blocked"),
        "the reason is tied to the box"
    );
    assert_eq!(
        s.input("wipe-schedule-at").value(),
        proposed,
        "the entered time is kept, not reset"
    );

    s.choose("wipe-wifi", "").await;
    assert!(!s.disabled("wipe-schedule"));
    s.click("wipe-schedule").await;
    assert!(s.checked("wipe-schedule") && s.disabled("wipe-wifi"));
    assert_eq!(s.input("wipe-schedule-at").value(), proposed);
}

#[wasm_bindgen_test]
async fn only_registered_wifi_settings_with_auto_join_are_offered() {
    let portal = FakePortal::new(small_fleet());
    let s = screen(&portal, registered, "ja").await;
    let s = &s.view;
    let options: Vec<(String, String)> = s
        .all("[data-testid='wipe-wifi'] option")
        .iter()
        .map(|o| {
            (
                o.get_attribute("value").unwrap_or_default(),
                o.text_content().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(options.len(), 3, "{options:?}");
    assert_eq!(
        options[0],
        ("".into(), "選択しない(自動再登録しない)".into())
    );
    assert_eq!(options[1].0, "1");
    // Name and SSID are bidi-isolated: an override inside one cannot flip the rest.
    assert_eq!(
        options[1].1,
        "\u{2068}本社Wi-Fi\u{2069}(\u{2068}NET-1\u{2069} / WPA2・自動接続 する)"
    );
    assert_eq!(options[2].0, "3");
    assert!(s
        .text("wipe-wifi-offered")
        .contains("条件を満たさない2件は表示していません"));
}

#[wasm_bindgen_test]
async fn ok_is_gated_by_the_agreement_and_missing_fields_are_flagged_in_place() {
    let portal = FakePortal::new(small_fleet());
    let s = screen(&portal, registered, "ja").await;
    let s = &s.view;
    ready(s).await;
    s.click("wipe-agree").await;
    assert!(!s.disabled("wipe-ok"));
    s.click("wipe-ok").await;
    until("the password flagged", || s.exists("wipe-error-password")).await;
    assert_eq!(
        s.text("wipe-error-password"),
        "パスワードを入力してください。"
    );
    assert_eq!(
        s.attr("wipe-password", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        s.focused().as_deref(),
        Some("wipe-password"),
        "focus goes to the field to fix"
    );
    assert!(portal.registrations().is_empty(), "nothing is sent");

    s.type_into("wipe-password", "Demo#2026").await;
    assert!(!s.exists("wipe-error-password"));
    // A time in the past is explained next to the date at once.
    let past = to_datetime_local(Utc::now() - TimeDelta::hours(2), Zone::JAPAN);
    s.type_into("wipe-schedule-at", &past).await;
    assert_eq!(
        s.text("wipe-error-schedule_at"),
        WipeProblem::ScheduleInPast.label(Lang::Ja)
    );
    s.click("wipe-ok").await;
    assert!(portal.registrations().is_empty());
    s.type_into("wipe-schedule-at", "").await;
    assert_eq!(
        s.text("wipe-error-schedule_at"),
        "予約日時を「年/月/日 時:分」の形で入力してください。"
    );
}

#[wasm_bindgen_test]
async fn refusals_appear_next_to_the_field_they_concern_and_nothing_is_registered() {
    fn wrong_password(_: &WipeRequest) -> Result<WipeRegistered, ApiError> {
        refused(wrong_password_error(Lang::Ja))
    }
    fn open_wipe(_: &WipeRequest) -> Result<WipeRegistered, ApiError> {
        let device = RefusedDevice {
            id: device(2, Os::Ios).id,
            name: "DEV-0002".into(),
            not_wipeable_reason: None,
            not_applicable: None,
            open_job_ids: vec![JobId(40)],
        };
        refused(RegistrationRefusal::OpenWipeExists(vec![device]).to_api_error(Lang::Ja))
    }
    fn invalid(_: &WipeRequest) -> Result<WipeRegistered, ApiError> {
        refused(WipeValidationErrors(vec![WipeProblem::ScheduleInPast]).to_api_error(Lang::Ja))
    }
    fn offline(_: &WipeRequest) -> Result<WipeRegistered, ApiError> {
        Err(ApiError::Network("TypeError: Failed to fetch".into()))
    }
    let cases: [(Answer, &str, &str); 4] = [
        (
            wrong_password,
            "wipe-error-password",
            "パスワードが正しくありません。",
        ),
        (open_wipe, "wipe-error-selection", "DEV-0002"),
        (
            invalid,
            "wipe-error-schedule_at",
            "予約日時には現在より後の日時を指定してください。",
        ),
        (
            offline,
            "wipe-error-general",
            "ポータルに接続できませんでした。",
        ),
    ];
    for (answer, place, words) in cases {
        let portal = FakePortal::new(small_fleet());
        let screen = screen(&portal, answer, "ja").await;
        let s = &screen.view;
        ready(s).await;
        s.type_into("wipe-password", "Demo#2026").await;
        s.click("wipe-agree").await;
        s.click("wipe-ok").await;
        until(place, || s.exists(place)).await;
        assert!(s.text(place).contains(words), "{place}: {}", s.text(place));
        assert!(!s.exists("wipe-done") && screen.done.get_untracked().is_none());
        assert_eq!(portal.registrations().len(), 1);
    }
}

#[wasm_bindgen_test]
async fn a_double_click_registers_once_and_the_result_links_to_the_jobs() {
    let portal = FakePortal::new(small_fleet());
    let screen = screen(&portal, registered, "ja").await;
    let s = &screen.view;
    ready(s).await;
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    // The portal takes its time: the second click lands while the first is still pending.
    portal.hold_registrations();
    s.find("wipe-ok").click();
    s.find("wipe-ok").click();
    settle().await;
    assert_eq!(s.text("wipe-ok"), "登録しています…");
    assert!(s.disabled("wipe-ok"));
    portal.answer_registrations();
    until("registration complete", || s.exists("wipe-done")).await;
    let sent = portal.registrations();
    assert_eq!(sent.len(), 1, "one registration for two clicks");
    let (request, key) = &sent[0];
    assert_eq!(key.len(), 36, "a UUID: {key}");
    assert!(
        request.agreed
            && request.options.delete_general_info
            && request.options.schedule_at.is_some()
    );
    assert_eq!(request.password, "Demo#2026");
    assert_eq!(s.text("wipe-done-title"), "✓登録が完了しました");
    assert_eq!(
        s.text("wipe-done-body"),
        "3台の端末に、遠隔初期化のジョブを4件登録しました。"
    );
    assert_eq!(
        s.attr("wipe-done-jobs", "href").as_deref(),
        Some("/jobs?wipe=7")
    );
    assert_eq!(
        s.attr("wipe-done-back", "href").as_deref(),
        Some("/devices?group=2")
    );
    assert_eq!(s.focused().as_deref(), Some("wipe-done-title"));
    assert_eq!(screen.done.get_untracked().map(|r| r.job_count), Some(4));
}

#[wasm_bindgen_test]
async fn tabs_follow_the_keyboard_and_the_language() {
    let portal = FakePortal::new(small_fleet());
    let s = screen(&portal, registered, "en").await;
    let s = &s.view;
    assert_eq!(s.attr("tabpanel-after", "hidden").as_deref(), Some(""));
    s.find("tab-settings").focus().unwrap();
    s.key("tab-settings", "ArrowRight").await;
    assert_eq!(
        s.attr("tab-after", "aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(s.attr("tab-after", "tabindex").as_deref(), Some("0"));
    assert_eq!(s.attr("tab-settings", "tabindex").as_deref(), Some("-1"));
    assert_eq!(s.focused().as_deref(), Some("tab-after"));
    assert!(s.find("tabpanel-after").get_attribute("hidden").is_none());
    assert_eq!(
        s.attr("tabpanel-after", "role").as_deref(),
        Some("tabpanel")
    );
    assert_eq!(s.text("tab-after"), "After-wipe settings");
    s.key("tab-after", "Home").await;
    assert_eq!(s.focused().as_deref(), Some("tab-settings"));
    assert!(s
        .find("tabpanel-settings")
        .text_content()
        .unwrap()
        .contains("Delete the device's general info and tags"));
}

#[wasm_bindgen_test]
async fn switching_the_language_keeps_what_was_entered() {
    let portal = FakePortal::new(small_fleet());
    let backend = portal.backend(registered);
    let ids = portal
        .fleet
        .iter()
        .map(|(d, _, _)| d.id)
        .collect::<Vec<_>>();
    let locale = RwSignal::new(None);
    let s = mount("ja", move || {
        locale.set(Some(mdm_console::i18n::use_locale()));
        wizard(ids, backend, Opening::default(), Callback::new(|_| ()))
    });
    settle().await;
    ready(&s).await;
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    s.click("wipe-delete-info").await;
    locale.get_untracked().unwrap().set(Lang::En);
    settle().await;
    assert_eq!(s.text("tab-settings"), "Wipe settings");
    assert_eq!(s.text("preview-summary"), "3 devices, 4 jobs");
    assert_eq!(s.input("wipe-password").value(), "Demo#2026");
    assert!(s.checked("wipe-agree") && !s.checked("wipe-delete-info"));
    locale.get_untracked().unwrap().set(Lang::Ja);
    settle().await;
}

/// The wipe screen as `admin` opens it for `ids`, keeping what is entered for the tab.
async fn kept_screen(portal: &FakePortal, ids: Vec<i64>, admin: i64) -> Mounted {
    let backend = portal.backend(registered);
    let opening = Opening {
        kept_for: Some(AdministratorId(admin)),
        ..Opening::default()
    };
    let device_ids = ids.into_iter().map(DeviceId).collect();
    let view = mount("ja", move || {
        wizard(device_ids, backend, opening, Callback::new(|_| ()))
    });
    settle().await;
    view
}

// Guards the wipe screen forgetting every choice on a reload (the form was memory only).
#[wasm_bindgen_test]
async fn a_reload_brings_back_the_choices_but_never_the_password_or_the_agreement() {
    mdm_console::tab_storage::forget_all();
    let portal = FakePortal::new(small_fleet());
    let ids: Vec<i64> = portal.fleet.iter().map(|(d, _, _)| d.id.0).collect();
    let s = kept_screen(&portal, ids.clone(), 1).await;
    s.click("wipe-delete-info").await;
    s.click("wipe-schedule").await;
    s.click("tab-after").await;
    s.choose("wipe-wifi", "3").await;
    s.click("wipe-esim").await;
    s.click("tab-settings").await;
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    settle().await;
    let kept = window()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item(mdm_console::pages::wipe::kept_form::FORM_KEY)
        .unwrap()
        .expect("the choices are kept for the tab");
    assert!(!kept.contains("Demo#2026"), "{kept}");
    drop(s);

    let s = kept_screen(&portal, ids.clone(), 1).await;
    assert!(!s.checked("wipe-delete-info") && !s.checked("wipe-schedule"));
    assert!(s.checked("wipe-esim"));
    assert_eq!(s.select("wipe-wifi").value(), "3");
    assert_eq!(
        s.input("wipe-password").value(),
        "",
        "the password is typed again"
    );
    assert!(!s.checked("wipe-agree"), "and the agreement given again");
    drop(s);

    // Other devices, or another administrator of the tab: the screen's own defaults.
    let s = kept_screen(&portal, ids[..1].to_vec(), 1).await;
    assert!(s.checked("wipe-delete-info") && s.checked("wipe-schedule"));
    drop(s);
    let s = kept_screen(&portal, ids, 2).await;
    assert!(s.checked("wipe-delete-info") && s.checked("wipe-schedule"));
    drop(s);
    mdm_console::tab_storage::forget_all();
}
