//! Browser tests of times in an administrator's own zone: a New York administrator's wipe screen
//! proposes, echoes and refuses times by New York's rules, either side of the March change to
//! daylight saving time (2030-03-10 02:00 EST → 03:00 EDT). The job detail side is in
//! job_detail.rs.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;
#[path = "support/wipe_portal.rs"]
mod wipe_portal;

use fleet::*;
use mdm_model::time::Zone;
use wasm_bindgen_test::*;
use wipe_portal::*;

wasm_bindgen_test_configure!(run_in_browser);

fn new_york() -> Zone {
    Zone::parse("America/New_York").unwrap()
}

#[wasm_bindgen_test]
async fn a_new_york_administrator_enters_and_sees_new_york_time_across_the_change() {
    let portal = FakePortal::new(small_fleet());
    // Saturday noon in New York (EST), the day before the clocks go forward.
    let opened = at("2030-03-09T17:00:00Z");
    let s = screen_in(&portal, registered, "ja", opened, new_york()).await;
    let s = &s.view;
    assert_eq!(s.input("wipe-schedule-at").value(), "2030-03-09T13:00");
    assert_eq!(
        s.text("wipe-schedule-echo"),
        "2030/03/09 13:00(America/New_York, EST)に実行します。"
    );

    // Sunday 09:00 is after the change: summer time, and the echo says so.
    s.type_into("wipe-schedule-at", "2030-03-10T09:00").await;
    assert_eq!(
        s.text("wipe-schedule-echo"),
        "2030/03/10 09:00(America/New_York, EDT)に実行します。"
    );

    // 02:30 that night never happens in New York: refused next to the field, nothing sent.
    s.type_into("wipe-schedule-at", "2030-03-10T02:30").await;
    assert_eq!(
        s.text("wipe-schedule-echo"),
        "America/New_York の日時で入力します。"
    );
    assert_eq!(
        s.text("wipe-error-schedule_at"),
        "この日時は夏時間の切り替えにより存在しません。別の日時を指定してください。"
    );
    s.type_into("wipe-password", "Demo#2026").await;
    s.click("wipe-agree").await;
    s.click("wipe-ok").await;
    assert!(portal.registrations().is_empty(), "nothing registered");
}

#[wasm_bindgen_test]
async fn the_refusal_of_a_skipped_time_is_worded_in_english_too() {
    let portal = FakePortal::new(small_fleet());
    let s = screen_in(
        &portal,
        registered,
        "en",
        at("2030-03-09T17:00:00Z"),
        new_york(),
    )
    .await;
    let s = &s.view;
    s.type_into("wipe-schedule-at", "2030-03-10T02:30").await;
    assert_eq!(
        s.text("wipe-schedule-echo"),
        "Entered in America/New_York time."
    );
    assert_eq!(
        s.text("wipe-error-schedule_at"),
        "This date and time does not exist because of the daylight saving time change. Choose another time."
    );
    s.type_into("wipe-schedule-at", "2030-03-10T09:00").await;
    assert_eq!(
        s.text("wipe-schedule-echo"),
        "Runs at 2030/03/10 09:00 (America/New_York, EDT)."
    );
}
