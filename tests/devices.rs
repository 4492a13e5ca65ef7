//! Browser tests of 端末管理's device table: one page of rows, sorting, selection across pages,
//! the select-all banner, and the selection kept across a reload. The 紛失時対策 button and
//! dialog are in devices_measures.rs; the group tree, table states, pager and filters in
//! devices_navigation.rs.
#![cfg(target_arch = "wasm32")]

#[path = "support/device_list.rs"]
mod device_list;
#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;

use device_list::list;
use fleet::*;
use leptos::prelude::*;
use mdm_console::device_selection::{matching_from_address, wipe_href, DeviceSelection, Selection};
use mdm_console::tab_storage;
use mdm_model::device::{DeviceFilter, DeviceSortKey, Os};
use mdm_model::ids::{AdministratorId, DeviceId};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_table_shows_exactly_one_page_with_every_column() {
    let list = list(120, devices(1..=25, Os::Ios));
    let t = &list.view;
    assert_eq!(
        t.all("tbody tr").len(),
        25,
        "one row per device of the page, nothing more"
    );
    assert!(t.text("device-row-1").contains("DEV-0001"));
    let cells: Vec<String> = t
        .all("[data-testid='device-row-3'] td, [data-testid='device-row-3'] th")
        .iter()
        .map(|c| c.text_content().unwrap_or_default().trim().to_string())
        .collect();
    assert_eq!(cells[1], "DEV-0003");
    assert_eq!(cells[2], "iOS 17.4");
    assert_eq!(cells[3], "iPhone 15");
    assert_eq!(cells[4], "山田 太郎");
    assert_eq!(cells[5], "090-0000-0003");
    assert_eq!(cells[6], "Apple MDM方式");
    assert_eq!(cells[7], "会社支給");
    assert_eq!(t.text("status-3"), "オンライン");
    // Relative to now (「10日前」), the absolute Japan time on hover and focus.
    let seen = t.text("last-seen-3");
    assert!(seen.ends_with('前') || seen == "2026/11/26 14:00", "{seen}");
    assert_eq!(
        t.attr("last-seen-3", "title").as_deref(),
        Some("2026/11/26 14:00 (Asia/Tokyo, JST)")
    );
    assert!(
        cells[9].contains("営業") && cells[9].contains("ほか1件"),
        "{}",
        cells[9]
    );
    assert_eq!(
        t.attr("select-device-3", "aria-label").as_deref(),
        Some("DEV-0003 を選択")
    );
}

#[wasm_bindgen_test]
async fn column_headers_sort_and_announce_the_order() {
    let list = list(25, devices(1..=3, Os::Ios));
    let t = &list.view;
    let name_header = t.find("sort-name").parent_element().unwrap();
    assert_eq!(
        name_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    let model_header = t.find("sort-model").parent_element().unwrap();
    assert_eq!(
        model_header.get_attribute("aria-sort").as_deref(),
        Some("none")
    );
    t.click("sort-model").await;
    t.click("sort-last_seen").await;
    assert_eq!(
        list.sorted_by.get_untracked(),
        [DeviceSortKey::Model, DeviceSortKey::LastSeen]
    );
}

#[wasm_bindgen_test]
async fn a_device_that_comes_back_with_new_data_updates_its_row_and_keeps_its_tick() {
    let list = list(3, devices(1..=3, Os::Ios));
    let t = &list.view;
    t.click("select-device-2").await;
    let mut page = devices(1..=3, Os::Ios);
    page[1].name = "DEV-0002 改".into();
    page[1].state.powered_on = false;
    list.rows.set(page);
    settle().await;
    assert_eq!(t.text("status-2"), "電源オフ");
    assert!(t
        .find("device-row-2")
        .text_content()
        .unwrap()
        .contains("DEV-0002 改"));
    assert_eq!(
        t.attr("select-device-2", "aria-label").as_deref(),
        Some("DEV-0002 改 を選択")
    );
    assert!(t.checked("select-device-2"));
    assert!(t
        .find("device-row-2")
        .class_name()
        .contains("data-table__row--selected"));
    assert_eq!(t.text("status-1"), "オンライン");

    // A selection emptied elsewhere (after a wipe) unticks the row.
    list.selection.set(Selection::default());
    settle().await;
    assert!(!t.checked("select-device-2"));
    assert!(!t
        .find("device-row-2")
        .class_name()
        .contains("data-table__row--selected"));
}

/// Rows shared with the page before are kept (the same elements, moved); a page that shares no
/// row comes in a new `<tbody>`, and so does an emptied list, with the ticks still right.
#[wasm_bindgen_test]
async fn a_sorted_page_keeps_its_rows_and_a_page_of_other_devices_gets_a_new_body() {
    let list = list(60, devices(1..=3, Os::Ios));
    let t = &list.view;
    t.click("select-device-2").await;
    let body = t.query("tbody").unwrap();
    let row_3 = t.find("device-row-3");
    list.rows
        .set(devices(1..=3, Os::Ios).into_iter().rev().collect());
    settle().await;
    let order: Vec<_> = t
        .all("tbody tr")
        .iter()
        .map(|r| r.get_attribute("data-testid").unwrap())
        .collect();
    assert_eq!(order, ["device-row-3", "device-row-2", "device-row-1"]);
    assert!(
        t.query("tbody").unwrap().is_same_node(Some(&body)),
        "a sorted page keeps its body"
    );
    assert!(
        t.find("device-row-3").is_same_node(Some(&row_3)),
        "and its row elements"
    );
    assert!(t.checked("select-device-2"));

    list.rows.set(devices(4..=6, Os::Ios));
    settle().await;
    assert_eq!(t.all("tbody").len(), 1, "one body at a time");
    assert!(
        !t.query("tbody").unwrap().is_same_node(Some(&body)),
        "another page, another body"
    );
    assert_eq!(t.all("tbody tr").len(), 3);
    assert!(t.text("device-row-4").contains("DEV-0004"));
    assert!(!t.checked("select-device-4"));

    list.rows.set(devices(1..=2, Os::Ios));
    settle().await;
    assert!(
        t.checked("select-device-2"),
        "coming back, the tick is still there"
    );
    assert!(!t.checked("select-device-1"));

    list.rows.set(Vec::new());
    settle().await;
    assert_eq!(t.all("tbody").len(), 1);
    assert!(
        t.all("tbody tr").is_empty(),
        "an emptied list leaves an empty body"
    );
}

#[wasm_bindgen_test]
async fn the_selection_survives_moving_between_pages() {
    let list = list(60, devices(1..=25, Os::Ios));
    let t = &list.view;
    t.click("select-device-2").await;
    t.click("select-device-5").await;
    assert_eq!(t.text("selection-count"), "2台を選択中");
    assert!(t.input("select-page").indeterminate());

    list.rows.set(devices(26..=50, Os::Ios));
    settle().await;
    assert!(!t.checked("select-device-26"));
    t.click("select-device-30").await;
    assert_eq!(t.text("selection-count"), "3台を選択中");

    list.rows.set(devices(1..=25, Os::Ios));
    settle().await;
    assert!(
        t.checked("select-device-2")
            && t.checked("select-device-5")
            && !t.checked("select-device-3")
    );
    assert_eq!(t.text("selection-count"), "3台を選択中");
}

#[wasm_bindgen_test]
async fn the_header_checkbox_ticks_the_page_then_every_matching_device_can_be_chosen() {
    let list = list(120, devices(1..=25, Os::Ios));
    let t = &list.view;
    assert!(!t.exists("selection-banner"));
    t.click("select-page").await;
    assert_eq!(t.all("tbody input:checked").len(), 25);
    assert_eq!(t.text("selection-count"), "25台を選択中");
    assert!(t
        .text("selection-banner")
        .starts_with("このページの25台をすべて選択しました。"));
    assert_eq!(
        t.text("select-all-matching"),
        "条件に一致する120台をすべて選択"
    );

    t.click("select-all-matching").await;
    assert_eq!(t.text("selection-count"), "120台を選択中");
    assert!(t
        .text("selection-banner")
        .starts_with("条件に一致する120台をすべて選択しています。"));
    // Unticking one leaves the rest of the matching devices selected, on every page.
    t.click("select-device-4").await;
    assert_eq!(t.text("selection-count"), "119台を選択中");
    list.rows.set(devices(26..=50, Os::Ios));
    settle().await;
    assert_eq!(
        t.all("tbody input:checked").len(),
        25,
        "page 2 is part of the matching selection"
    );
    assert!(matches!(
        list.selection.get_untracked(),
        Selection::Matching { total: 120, .. }
    ));

    t.click("clear-matching").await;
    assert_eq!(t.text("selection-count"), "端末が選択されていません");
    assert_eq!(t.all("tbody input:checked").len(), 0);
}

/// The app-wide selection of a console started afresh in the same tab (a reload), made
/// `admin`'s as the wipe screen makes it when it opens.
async fn console_in_tab(admin: i64) -> (Mounted, DeviceSelection) {
    let slot = RwSignal::new(None);
    let view = mount("ja", move || {
        let selection = DeviceSelection::provide();
        selection.restore(AdministratorId(admin));
        slot.set(Some(selection));
    });
    settle().await;
    (view, slot.get_untracked().expect("provided"))
}

// Guards the wipe screen losing its devices on a reload: the selection lived in the app's
// memory only, so the reloaded screen said nothing was selected.
#[wasm_bindgen_test]
async fn a_reload_brings_back_the_picked_devices_for_the_same_administrator_only() {
    tab_storage::forget_all();
    let picked = Selection::Devices([DeviceId(2), DeviceId(5)].into());
    let (view, before) = console_in_tab(1).await;
    before.selection.set(picked.clone());
    before.origin.set("/devices?group=3&page=2".into());
    settle().await;
    drop(view);

    let (view, after) = console_in_tab(1).await;
    assert_eq!(after.selection.get_untracked(), picked);
    assert_eq!(after.origin.get_untracked(), "/devices?group=3&page=2");
    after.restore(AdministratorId(1));
    assert_eq!(
        after.selection.get_untracked(),
        picked,
        "restoring twice changes nothing"
    );
    drop(view);

    let (view, other) = console_in_tab(2).await;
    assert_eq!(other.selection.get_untracked(), Selection::default());
    assert_eq!(other.origin.get_untracked(), "/devices");
    drop(view);
    tab_storage::forget_all();
}

#[wasm_bindgen_test]
async fn every_device_matching_goes_to_the_wipe_screen_in_its_address() {
    let mut all = Selection::default();
    all.select_matching(
        DeviceFilter {
            os: Some(Os::Ios),
            ..Default::default()
        },
        40,
    );
    all.set(DeviceId(7), false);
    let href = wipe_href(&all);
    assert_eq!(href, "/devices/wipe?select=all&os=ios&total=40&excluded=7");
    let query = href.split_once('?').unwrap().1;
    let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
    assert_eq!(matching_from_address(pairs), Some(all.clone()));

    // The tab keeps no devices for it: the address is where it lives.
    tab_storage::forget_all();
    let (view, console) = console_in_tab(1).await;
    console.selection.set(all);
    settle().await;
    drop(view);
    let (view, after) = console_in_tab(1).await;
    assert_eq!(after.selection.get_untracked(), Selection::default());
    drop(view);
    tab_storage::forget_all();
}
