//! Browser tests of the 紛失時対策 other than the wipe: the chooser's counts (a measure that
//! applies to none disabled with its reason), and a measure's screen against a fake portal that
//! plans with the model's rule (its fields, the model's problems before OK and the portal's
//! after, the agreement, leaving devices out, and the request sent with its idempotency key).
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/measure_portal.rs"]
mod measure_portal;
#[path = "support/wait.rs"]
mod wait;

use fleet::*;
use leptos::prelude::*;
use mdm_console::api::ApiError;
use mdm_console::pages::devices::{CountsAnswer, MeasuresDialog};
use mdm_model::device::{Device, DeviceFilter, Os};
use mdm_model::measure::{
    measure_counts, LostModeOptions, Measure, MeasureCounts, MeasureOptions, MeasureProblem,
    NotApplicable,
};
use mdm_model::wipe::WipeSelection;
use mdm_model::{ApiErrorBody, ErrorCode, Lang};
use measure_portal::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A supervised iPhone, a company Android phone, and a personal iPhone (User Enrollment).
fn mixed_fleet() -> Vec<Device> {
    let mut personal = byod(3);
    personal.supervised = false;
    vec![device(1, Os::Ios), device(2, Os::Android), personal]
}

fn counts_of(fleet: &[Device]) -> MeasureCounts {
    MeasureCounts {
        device_count: fleet.len() as u64,
        measures: measure_counts(fleet.iter()),
    }
}

fn dialog(lang: &str, counts: RwSignal<CountsAnswer>, chosen: RwSignal<Vec<Measure>>) -> Mounted {
    mount(lang, move || {
        view! {
            <MeasuresDialog
                open=Signal::stored(true)
                count=Signal::stored(3)
                counts=counts
                on_retry=Callback::new(move |_| counts.set(None))
                on_close=Callback::new(|_| ())
                on_next=Callback::new(move |m| chosen.update(|all| all.push(m)))
            />
        }
    })
}

#[wasm_bindgen_test]
async fn the_dialog_lists_every_measure_with_how_many_devices_it_applies_to() {
    let counts = RwSignal::new(None);
    let chosen = RwSignal::new(Vec::new());
    let view = dialog("ja", counts, chosen);
    settle().await;
    assert_eq!(
        view.text("measures-loading"),
        "各対策を実行できる端末を確認しています…"
    );
    counts.set(Some(Ok(counts_of(&mixed_fleet()))));
    settle().await;
    let order: Vec<String> = view
        .all("input[name='measure']")
        .iter()
        .map(|r| r.get_attribute("data-testid").unwrap())
        .collect();
    let expected: Vec<String> = Measure::ALL
        .iter()
        .map(|m| format!("measure-{m}"))
        .collect();
    assert_eq!(order, expected, "the model's order");
    assert_eq!(view.text("measure-count-lock"), "3台中3台に適用");
    assert_eq!(view.text("measure-count-lost_mode_on"), "3台中2台に適用");
    assert_eq!(
        view.text("measure-reason-lost_mode_on"),
        format!(
            "対象外 1台: {}",
            NotApplicable::NotSupervised.label(Lang::Ja)
        )
    );
    assert_eq!(
        view.text("measure-count-remove_company_data"),
        "3台中1台に適用"
    );
    assert_eq!(view.text("measure-count-wipe"), "3台中2台に適用");
    assert!(view
        .text("measure-reason-wipe")
        .contains(NotApplicable::UseRemoveCompanyData.label(Lang::Ja)));
    assert!(view
        .text("measure-list")
        .contains(Measure::Lock.description(Lang::Ja)));
    // Nothing is in lost mode: the measures that need it cannot be chosen, and say why.
    for measure in ["lost_mode_off", "locate", "play_sound"] {
        assert!(view.disabled(&format!("measure-{measure}")), "{measure}");
        assert_eq!(
            view.text(&format!("measure-count-{measure}")),
            "3台中0台に適用"
        );
        assert_eq!(
            view.text(&format!("measure-reason-{measure}")),
            NotApplicable::NotInLostMode.label(Lang::Ja)
        );
        assert_eq!(
            view.attr(&format!("measure-{measure}"), "aria-describedby"),
            Some(format!("measure-reason-{measure}"))
        );
    }
    assert_eq!(
        view.focused().as_deref(),
        Some("measure-lock"),
        "focus on the first that can be chosen"
    );
    view.click("measure-lost_mode_on").await;
    view.click("measures-next").await;
    assert_eq!(chosen.get_untracked(), [Measure::LostModeOn]);
}

#[wasm_bindgen_test]
async fn the_dialog_says_so_in_english_and_offers_a_retry_when_the_counts_fail() {
    let counts = RwSignal::new(Some(Err(ApiError::Network("down".into()))));
    let view = dialog("en", counts, RwSignal::new(Vec::new()));
    settle().await;
    assert!(view
        .text("measures-error")
        .contains("Could not find out which devices each measure applies to."));
    assert!(view.disabled("measures-next"));
    view.click("measures-retry").await;
    assert!(view.exists("measures-loading"), "asked again");
    let mut lost = device(1, Os::Ios);
    lost.lost_mode = true;
    counts.set(Some(Ok(counts_of(&[lost, device(2, Os::Android)]))));
    settle().await;
    assert_eq!(
        view.text("measure-count-locate"),
        "Applies to 1 of 2 devices"
    );
    assert_eq!(
        view.text("measure-reason-locate"),
        format!(
            "1 device left out: {}",
            NotApplicable::NotInLostMode.label(Lang::En)
        )
    );
    assert!(!view.disabled("measure-locate"));
}

#[wasm_bindgen_test]
async fn a_lock_asks_for_the_macs_pin_only_when_a_mac_gets_the_lock() {
    let portal = MeasurePortal::new(vec![device(1, Os::Ios), device(2, Os::Android)]);
    let s = measure_screen(&portal, Measure::Lock, registered, "ja").await;
    assert!(s.exists("measure-message") && s.exists("measure-phone_number"));
    assert!(!s.exists("measure-pin"));
    assert_eq!(
        s.text("measure-lead"),
        "選択した2台の端末に「遠隔ロック」を実行します。"
    );
    assert_eq!(
        s.attr("help-link-remote-lock", "href").as_deref(),
        Some("/help/remote-lock#options")
    );
    drop(s);

    let mac = MeasurePortal::new(vec![device(1, Os::Ios), device(4, Os::MacOs)]);
    let s = measure_screen(&mac, Measure::Lock, registered, "ja").await;
    until("the PIN field", || s.exists("measure-pin")).await;
    s.type_into("measure-pin", "12345").await;
    assert_eq!(
        s.text("measure-error-pin"),
        MeasureProblem::PinWrongLength.label(Lang::Ja),
        "a wrong length shows as it is typed"
    );
    drop(s);

    // "Every device matching" a filter: one narrowed question finds no Mac among Android phones.
    let filtered = MeasurePortal::new(vec![device(2, Os::Android)]);
    let selection = WipeSelection::Filter {
        filter: DeviceFilter::default(),
        excluded_device_ids: vec![],
    };
    let s = measure_screen_for(&filtered, Measure::Lock, registered, "ja", selection).await;
    settle().await;
    assert!(!s.exists("measure-pin"));
}

#[wasm_bindgen_test]
async fn lost_mode_shows_the_models_problems_before_ok_and_sends_nothing_until_they_are_fixed() {
    let portal = MeasurePortal::new(vec![device(1, Os::Ios), device(2, Os::Android)]);
    let s = measure_screen(&portal, Measure::LostModeOn, registered, "ja").await;
    assert!(s.exists("measure-footnote"));
    assert!(s.disabled("measure-ok"), "OK waits for 同意する");
    assert!(s
        .text("measure-ok-reasons")
        .contains("「同意する」にチェックを入れると"));
    s.click("measure-agree").await;
    assert!(!s.disabled("measure-ok"));
    // Nothing typed: the missing message waits for OK rather than scolding an empty screen.
    assert!(!s.exists("measure-error-message"));
    s.click("measure-ok").await;
    assert_eq!(
        s.text("measure-error-message"),
        MeasureProblem::MessageOrPhoneRequired.label(Lang::Ja)
    );
    assert_eq!(
        s.text("measure-error-password"),
        "パスワードを入力してください。"
    );
    assert_eq!(s.focused().as_deref(), Some("measure-message"));
    assert!(portal.registrations().is_empty(), "nothing was sent");
    s.type_into("measure-phone_number", "電話して").await;
    assert_eq!(
        s.text("measure-error-phone_number"),
        MeasureProblem::PhoneNumberInvalid.label(Lang::Ja)
    );
    s.type_into("measure-phone_number", "03-1234-5678").await;
    assert!(!s.exists("measure-error-message") && !s.exists("measure-error-phone_number"));
    s.type_into("measure-footnote", &"あ".repeat(201)).await;
    assert_eq!(
        s.text("measure-error-footnote"),
        MeasureProblem::FootnoteTooLong.label(Lang::Ja)
    );
    assert_eq!(s.text("measure-footnote-count"), "201 / 200文字");
}

#[wasm_bindgen_test]
async fn ok_sends_the_request_with_one_idempotency_key_per_submission() {
    let portal = MeasurePortal::new(vec![device(1, Os::Ios), device(2, Os::Android)]);
    let wrong_password: Answer = |_| {
        let mut body = ApiErrorBody::new(ErrorCode::WrongPassword, Lang::Ja);
        body.field = Some("password".into());
        refused(body)
    };
    let s = measure_screen(&portal, Measure::LostModeOn, wrong_password, "ja").await;
    assert_eq!(
        s.text("measure-register-line"),
        "2台の端末に「紛失モードを開始」のジョブを登録します。"
    );
    s.type_into("measure-message", " 拾われた方はご連絡ください ")
        .await;
    s.type_into("measure-phone_number", "03-1234-5678").await;
    s.type_into("measure-password", "wrong").await;
    s.click("measure-agree").await;
    s.click("measure-ok").await;
    until("the refusal", || s.exists("measure-error-password")).await;
    assert_eq!(
        s.text("measure-error-password"),
        ErrorCode::WrongPassword.message(Lang::Ja)
    );
    s.type_into("measure-password", "Demo#2026").await;
    s.click("measure-ok").await;
    until("the second try", || portal.registrations().len() == 2).await;
    let sent = portal.registrations();
    let (request, key) = &sent[0];
    assert_eq!(
        request.options,
        MeasureOptions::LostModeOn(LostModeOptions {
            message: Some("拾われた方はご連絡ください".into()),
            phone_number: Some("03-1234-5678".into()),
            footnote: None,
        })
    );
    assert!(request.agreed && !request.skip_not_applicable);
    assert_eq!(key.len(), 36, "a UUID: {key}");
    assert_eq!(
        &sent[1].1, key,
        "a corrected password is the same submission"
    );
    assert_eq!(sent[1].0.password, "Demo#2026");
    s.type_into("measure-footnote", "営業部").await;
    s.click("measure-ok").await;
    until("the third try", || portal.registrations().len() == 3).await;
    assert_ne!(
        &portal.registrations()[2].1,
        key,
        "a changed request is a new submission"
    );
}

#[wasm_bindgen_test]
async fn the_left_out_devices_are_named_and_left_out_only_when_asked_then_the_jobs_are_linked() {
    let portal = MeasurePortal::new(mixed_fleet());
    let s = measure_screen(&portal, Measure::RemoveCompanyData, registered, "en").await;
    assert_eq!(
        s.text("measure-preview-summary"),
        "Jobs for 1 device, 2 left out"
    );
    until("the left-out devices", || s.exists("measure-plan-reason-1")).await;
    assert_eq!(
        s.text("measure-plan-reason-1"),
        NotApplicable::CompanyOwned.label(Lang::En)
    );
    // A short group starts open.
    assert_eq!(
        s.attr("measure-toggle-registered", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    until("the device that gets a job", || {
        s.exists("measure-plan-channel-3")
    })
    .await;
    assert_eq!(s.text("measure-plan-channel-3"), "Sent through Apple MDM.");
    s.type_into("measure-reason_message", "Your work profile is removed.")
        .await;
    s.type_into("measure-password", "Demo#2026").await;
    s.click("measure-agree").await;
    assert!(s.disabled("measure-ok"));
    assert!(s
        .text("measure-ok-reasons")
        .contains("does not apply to 2 devices"));
    s.click("measure-skip-not-applicable").await;
    assert!(!s.disabled("measure-ok"));
    s.click("measure-ok").await;
    until("the done panel", || s.exists("measure-done")).await;
    assert!(portal.registrations()[0].0.skip_not_applicable);
    assert_eq!(
        s.attr("measure-done-jobs", "href").as_deref(),
        Some("/jobs?wipe=7")
    );
    assert!(s.text("measure-done-body").contains("Remove company data"));
}

#[wasm_bindgen_test]
async fn the_location_request_needs_no_agreement_and_has_nothing_to_enter() {
    let mut lost = device(1, Os::Ios);
    lost.lost_mode = true;
    let portal = MeasurePortal::new(vec![lost]);
    let s = measure_screen(&portal, Measure::Locate, registered, "ja").await;
    assert!(s.exists("measure-no-options"));
    assert!(!s.exists("measure-agree"));
    until("the device", || s.exists("measure-plan-mark-lost_mode-1")).await;
    assert_eq!(s.text("measure-plan-mark-lost_mode-1"), "紛失モード");
    s.type_into("measure-password", "Demo#2026").await;
    assert!(!s.disabled("measure-ok"));
    s.click("measure-ok").await;
    until("registration", || !portal.registrations().is_empty()).await;
    assert_eq!(portal.registrations()[0].0.options, MeasureOptions::Locate);
}

#[wasm_bindgen_test]
async fn a_field_the_portal_refuses_gets_the_portals_words() {
    let portal = MeasurePortal::new(vec![device(1, Os::Ios)]);
    let refuse_phone: Answer = |_| {
        let mut body = ApiErrorBody::new(ErrorCode::ValidationFailed, Lang::Ja);
        body.field = Some("phone_number".into());
        body.message = "電話番号の形式が正しくありません。".into();
        refused(body)
    };
    let s = measure_screen(&portal, Measure::Lock, refuse_phone, "ja").await;
    s.type_into("measure-phone_number", "0312345678").await;
    s.type_into("measure-password", "Demo#2026").await;
    s.click("measure-agree").await;
    s.click("measure-ok").await;
    until("the refusal", || s.exists("measure-error-phone_number")).await;
    assert_eq!(
        s.text("measure-error-phone_number"),
        "電話番号の形式が正しくありません。"
    );
}
