//! Browser tests of the per-device preview of the 遠隔初期化 screen: what happens to each device,
//! how it follows the Wi-Fi choice, devices that cannot be wiped, and a large selection grouped by
//! outcome and listed a page at a time.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;
#[path = "support/wipe_portal.rs"]
mod wipe_portal;

use fleet::*;
use mdm_model::device::Os;
use mdm_model::ids::{DepProfileId, JobId, WifiSettingId};
use mdm_model::measure::Measure;
use mdm_model::Lang;
use wasm_bindgen_test::*;
use wipe_portal::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_preview_explains_each_device_and_follows_the_wifi_choice() {
    let mut fleet = small_fleet();
    let mut signs_in = device(4, Os::Ios);
    signs_in.dep_profile_id = Some(DepProfileId(2));
    fleet.push((signs_in, Some(dep_profile(2)), vec![]));
    let portal = FakePortal::new(fleet);
    let s = screen(&portal, registered, "ja").await;
    let s = &s.view;
    ready(s).await;
    assert_eq!(s.text("preview-summary"), "4台の端末、5件のジョブ");
    assert_eq!(
        s.text("register-line"),
        "4台の端末に5件のジョブを登録します。"
    );
    assert!(s.exists("preview-hybrid-note"));
    until("device lines", || s.exists("plan-2")).await;
    assert_eq!(s.text("plan-jobs-2"), "ジョブ2件: IVI MDM、Apple MDM");
    assert_eq!(s.text("plan-jobs-1"), "ジョブ1件: Apple MDM");
    assert!(
        !s.exists("plan-reenroll-1"),
        "no Wi-Fi: re-enrollment is not part of the wipe"
    );

    s.click("wipe-schedule").await;
    s.click("tab-after").await;
    s.choose("wipe-wifi", "1").await;
    ready(s).await;
    assert_eq!(
        portal.last_preview().options.wifi_setting_id,
        Some(WifiSettingId(1))
    );
    until("re-enrollment lines", || s.exists("plan-reenroll-1")).await;
    assert!(s
        .text("plan-reenroll-1")
        .contains("登録先グループ「再登録端末」"));
    until("the authentication note", || {
        s.exists("plan-authenticate-4")
    })
    .await;
    assert!(s
        .text("plan-authenticate-4")
        .contains("利用者が端末で認証する必要があります"));
    until("the Android device", || s.exists("plan-not-reenrolled-3")).await;
    let android = s.text("plan-not-reenrolled-3");
    assert!(
        android.contains("iOS/iPadOSの端末ではありません")
            && android.contains("DEP(自動デバイス登録)で登録された端末ではありません"),
        "{android}"
    );
    assert_eq!(s.text("preview-count-wipe_and_reenroll"), "2台・ジョブ3件");
    assert_eq!(
        s.text("preview-count-wipe_without_reenrollment"),
        "1台・ジョブ1件"
    );
}

#[wasm_bindgen_test]
async fn devices_that_cannot_be_wiped_are_named_and_must_be_left_out_explicitly() {
    let mut fleet = small_fleet();
    fleet.push((byod(5), None, vec![]));
    let portal = FakePortal::new(fleet);
    let s = screen(&portal, registered, "ja").await;
    let s = &s.view;
    ready(s).await;
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    until("BYOD line", || s.exists("plan-not-wipeable-5")).await;
    // The wipe refuses a personal device and names the measure that applies to it instead.
    assert_eq!(
        s.text("plan-not-wipeable-5"),
        "User Enrollmentで登録された端末は、Appleの仕様により遠隔初期化できません。企業データの削除を使用してください。"
    );
    assert!(s
        .text("plan-not-wipeable-5")
        .contains(Measure::RemoveCompanyData.label(Lang::Ja)));
    assert_eq!(s.text("plan-jobs-5"), "ジョブは登録されません。");
    assert!(s.disabled("wipe-ok"));
    assert!(s
        .text("ok-reasons")
        .contains("遠隔初期化できない端末が1台含まれています。"));
    s.click("wipe-skip-not-wipeable").await;
    assert!(!s.disabled("wipe-ok"));
    assert_eq!(
        s.text("register-line"),
        "3台の端末に4件のジョブを登録します。"
    );
    s.click("wipe-ok").await;
    until("registration", || !portal.registrations().is_empty()).await;
    assert!(portal.registrations()[0].0.skip_not_wipeable);
}

#[wasm_bindgen_test]
async fn in_english_too_a_personal_device_is_pointed_to_company_data_removal() {
    let mut fleet = small_fleet();
    fleet.push((byod(5), None, vec![]));
    let portal = FakePortal::new(fleet);
    let s = screen(&portal, registered, "en").await;
    let s = &s.view;
    ready(s).await;
    until("BYOD line", || s.exists("plan-not-wipeable-5")).await;
    let text = s.text("plan-not-wipeable-5");
    assert!(
        text.contains(Measure::RemoveCompanyData.label(Lang::En)),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_large_selection_is_grouped_with_counts_and_listed_page_by_page() {
    let mut fleet: Vec<_> = (1..=57)
        .map(|id| (device(id, Os::Android), None, vec![]))
        .collect();
    fleet
        .extend((100..=102).map(|id| (device(id, Os::Ios), Some(dep_profile(1)), vec![JobId(id)])));
    let portal = FakePortal::new(fleet);
    let s = screen(&portal, registered, "en").await;
    let s = &s.view;
    ready(s).await;
    assert_eq!(s.text("preview-summary"), "60 devices, 57 jobs");
    assert_eq!(s.text("preview-count-wipe"), "57 devices, 57 jobs");
    assert_eq!(
        s.attr("preview-toggle-wipe", "aria-expanded").as_deref(),
        Some("false"),
        "large groups start closed"
    );
    assert_eq!(
        s.attr("preview-toggle-open_wipe_exists", "aria-expanded")
            .as_deref(),
        Some("true"),
        "problems start open"
    );
    until("open-wipe devices", || s.exists("plan-open-jobs-100")).await;
    assert_eq!(s.text("plan-open-jobs-100"), "Open jobs: #100");
    assert!(s.text("ok-reasons").contains("with an open wipe job"));

    s.click("preview-toggle-wipe").await;
    until("first page", || {
        s.all("[data-testid='preview-devices-wipe'] > li").len() == 10
    })
    .await;
    assert!(s.text("preview-pager-wipe").starts_with("1–10 of 57"));
    s.click("preview-next-wipe").await;
    until("second page", || s.exists("plan-11")).await;
    assert!(s.text("preview-pager-wipe").starts_with("11–20 of 57"));
    assert_eq!(
        s.all("[data-testid='preview-devices-wipe'] > li").len(),
        10,
        "never more than a page"
    );
    assert!(s.all("li.plan").len() <= 13);
}

#[wasm_bindgen_test]
async fn an_activation_locked_device_is_warned_about_before_ok_in_english_too() {
    let mut fleet = small_fleet();
    let mut locked = device(4, Os::Ios);
    locked.activation_lock_enabled = Some(true);
    fleet.push((locked, Some(dep_profile(1)), vec![]));
    let portal = FakePortal::new(fleet);
    let s = screen(&portal, registered, "en").await;
    let s = &s.view;
    ready(s).await;
    s.click("wipe-schedule").await;
    s.click("tab-after").await;
    s.choose("wipe-wifi", "1").await;
    ready(s).await;
    until("re-enrollment lines", || s.exists("plan-reenroll-4")).await;
    assert_eq!(
        s.text("plan-activation-lock-4"),
        "Activation Lock is on: after the wipe, the device stops at setup and will not finish re-enrollment on its own until the lock is turned off."
    );
    // Only the locked device is warned about: device 1 qualifies the same way without a lock.
    assert!(s.exists("plan-reenroll-1"));
    assert!(!s.exists("plan-activation-lock-1"));
}
