//! Browser tests of the wipe screen's platform sections: a section per platform present in the
//! selection with the lost-device defaults, the command each device will get in the preview,
//! the 200-character reason and the Mac PIN checked before OK, and the request carrying each
//! platform's choices.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;
#[path = "support/wipe_portal.rs"]
mod wipe_portal;

use fleet::*;
use mdm_model::command::android::AndroidWipeFlag;
use mdm_model::command::windows::WindowsWipeKind;
use mdm_model::device::{MacSecurityChip, Os, OsVersion};
use wait::until;
use wasm_bindgen_test::*;
use wipe_portal::*;

wasm_bindgen_test_configure!(run_in_browser);

fn intel_mac(id: i64) -> mdm_model::device::Device {
    let mut mac = device(id, Os::MacOs);
    mac.os_version = OsVersion::major_minor(13, 6);
    mac.model = "iMac 27インチ (2017)".into();
    mac.mac_security_chip = Some(MacSecurityChip::NoneOfThem);
    mac.dep_profile_id = None;
    mac
}

fn mixed_fleet() -> Fleet {
    vec![
        (device(1, Os::Ios), Some(dep_profile(1)), vec![]),
        (device(2, Os::Android), None, vec![]),
        (device(3, Os::Windows), None, vec![]),
        (intel_mac(4), None, vec![]),
    ]
}

#[wasm_bindgen_test]
async fn each_platform_in_the_selection_gets_its_section_and_the_request_carries_its_choices() {
    let portal = FakePortal::new(mixed_fleet());
    let s = screen(&portal, registered, "ja").await;
    let s = &s.view;
    ready(s).await;
    until("the sections", || s.exists("wipe-section-mac")).await;
    assert!(s.text("wipe-section-android").starts_with("Android(1台)"));
    assert!(s.exists("wipe-section-windows"));
    assert!(s.checked("wipe-android-frp"), "FRP kept by default");
    assert!(
        s.checked("wipe-android-external"),
        "SD card wiped by default"
    );
    assert!(s.checked("wipe-windows-doWipeProtected"));
    assert!(!s.exists("wipe-windows-doWipePersistUserData"));
    assert_eq!(
        s.text("wipe-android-esim"),
        "eSIMの削除(WIPE_ESIMS): する(「eSIMデータプランを維持する」がオフのため)"
    );
    until("device lines", || s.exists("plan-commands-2")).await;
    assert_eq!(
        s.text("plan-commands-2"),
        "送信するコマンド: enterprises.devices.delete(Android Management API)"
    );
    assert_eq!(
        s.text("plan-commands-3"),
        "送信するコマンド: RemoteWipe/doWipeProtected(Windows MDM)"
    );
    assert_eq!(
        s.text("plan-commands-4"),
        "送信するコマンド: EraseDevice(Apple MDM)"
    );

    // Too long a reason shows as it is typed; a missing PIN once OK is tried. Nothing is sent.
    s.type_into("wipe-android-reason", &"あ".repeat(201)).await;
    assert_eq!(s.text("wipe-android-reason-count"), "201 / 200文字");
    assert_eq!(
        s.text("wipe-error-wipe_reason_message"),
        "初期化の理由は200文字以内で入力してください。"
    );
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    s.click("wipe-ok").await;
    assert_eq!(s.focused().as_deref(), Some("wipe-android-reason"));
    s.type_into("wipe-android-reason", "紛失のため初期化します")
        .await;
    s.click("wipe-ok").await;
    assert_eq!(s.focused().as_deref(), Some("wipe-mac-pin"));
    assert_eq!(
        s.text("wipe-error-pin"),
        "Appleシリコン・T2チップを搭載していないMacの消去には6文字のPINが必要です。"
    );
    assert!(portal.registrations().is_empty(), "nothing is sent");

    s.type_into("wipe-mac-pin", "246810").await;
    s.click("wipe-windows-doWipe").await;
    s.click("wipe-android-external").await;
    ready(s).await;
    until("the new command", || {
        s.text("plan-commands-3") == "送信するコマンド: RemoteWipe/doWipe(Windows MDM)"
    })
    .await;
    s.click("wipe-ok").await;
    until("registration", || !portal.registrations().is_empty()).await;
    let (request, _) = portal.registrations().remove(0);
    let platform = request.options.platform;
    let android = platform.android.expect("the Android section");
    assert_eq!(
        android.wipe_data_flags.into_iter().collect::<Vec<_>>(),
        [
            AndroidWipeFlag::PreserveResetProtectionData,
            AndroidWipeFlag::WipeEsims
        ]
    );
    assert_eq!(
        android.wipe_reason_message.map(String::from).as_deref(),
        Some("紛失のため初期化します")
    );
    assert_eq!(platform.windows, Some(WindowsWipeKind::DoWipe));
    assert_eq!(platform.mac.and_then(|m| m.pin).as_deref(), Some("246810"));
}

#[wasm_bindgen_test]
async fn a_selection_of_iphones_shows_no_platform_section_in_english_either() {
    let portal = FakePortal::new(small_fleet().into_iter().take(2).collect());
    let s = screen(&portal, registered, "en").await;
    let s = &s.view;
    ready(s).await;
    until("device lines", || s.exists("plan-commands-1")).await;
    assert_eq!(
        s.text("plan-commands-1"),
        "Command sent: EraseDevice (Apple MDM)"
    );
    assert_eq!(
        s.text("plan-commands-2"),
        "Command sent: ActiveSync remote wipe (IVI MDM), EraseDevice (Apple MDM)"
    );
    for section in [
        "wipe-section-android",
        "wipe-section-windows",
        "wipe-section-mac",
    ] {
        assert!(!s.exists(section), "{section}");
    }
}

#[wasm_bindgen_test]
async fn keeping_the_esim_plan_turns_android_wipe_esims_off_and_says_so() {
    let portal = FakePortal::new(vec![(device(2, Os::Android), None, vec![])]);
    let s = screen(&portal, registered, "en").await;
    let s = &s.view;
    ready(s).await;
    until("the section", || s.exists("wipe-section-android")).await;
    s.click("tab-after").await;
    s.click("wipe-esim").await;
    assert_eq!(
        s.text("wipe-android-esim"),
        "Remove eSIMs (WIPE_ESIMS): no (\"Keep the eSIM data plan\" is on)"
    );
    s.click("tab-settings").await;
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    s.click("wipe-ok").await;
    until("registration", || !portal.registrations().is_empty()).await;
    let (request, _) = portal.registrations().remove(0);
    let android = request.options.platform.android.unwrap();
    assert!(android.keeps_esim_data_plan());
    assert!(request.options.platform.mac.is_none() && request.options.platform.windows.is_none());
}
