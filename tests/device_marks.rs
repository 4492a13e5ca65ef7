//! Browser tests of what the lost-device measures leave on 端末管理 and where a device was: the
//! 紛失モード / ロック中 badges and the location button in the table, the 対策の状態 filter, the
//! location component (values, copy, map link) and a device's location history.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/jobs_fixtures.rs"]
mod jobs_fixtures;
#[path = "support/wait.rs"]
mod wait;

use fleet::*;
use leptos::prelude::*;
use mdm_console::components::LocationFix;
use mdm_console::device_selection::Selection;
use mdm_console::pages::devices::{DeviceTable, DeviceToolbar};
use mdm_console::pages::jobs::{AuditView, JobDetailView};
use mdm_console::pages::measures::locations::LocationHistoryView;
use mdm_model::device::{DeviceFilter, DeviceMark, DeviceSortKey, Os};
use mdm_model::ids::{DeviceId, JobId};
use mdm_model::job::{JobQuery, JobStatus};
use mdm_model::measure::DeviceLocationFix;
use mdm_model::paging::{Page, PageRequest, SortOrder};
use mdm_model::time::Zone;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fix(job: Option<i64>, accuracy: Option<f64>) -> DeviceLocationFix {
    DeviceLocationFix {
        latitude: 35.681236,
        longitude: 139.767126,
        horizontal_accuracy_m: accuracy,
        // 01:05 UTC is 10:05 in Tokyo.
        located_at: at("2026-12-07T01:05:00Z"),
        job_id: job.map(JobId),
    }
}

#[wasm_bindgen_test]
async fn lost_and_locked_devices_carry_their_badges_and_a_lost_one_its_location_button() {
    let mut lost = device(1, Os::Ios);
    lost.lost_mode = true;
    lost.locked = true;
    let mut locked = device(2, Os::Android);
    locked.locked = true;
    let opened = RwSignal::new(Vec::<DeviceId>::new());
    let view = mount("ja", move || {
        view! {
            <DeviceTable
                rows=Signal::stored(vec![lost, locked, device(3, Os::Ios)])
                notice=Signal::stored(None)
                sort=Signal::stored((DeviceSortKey::Name, SortOrder::Asc))
                on_sort=Callback::new(|_| ())
                selection=RwSignal::new(Selection::default())
                zone=Zone::JAPAN
                on_locations=Callback::new(move |id| opened.update(|all| all.push(id)))
            />
        }
    });
    settle().await;
    assert_eq!(view.text("mark-lost_mode-1"), "紛失モード");
    assert_eq!(view.text("mark-locked-1"), "ロック中");
    assert!(view
        .find("mark-lost_mode-1")
        .class_name()
        .contains("badge--negative"));
    assert_eq!(view.text("mark-locked-2"), "ロック中");
    assert!(!view.exists("mark-lost_mode-2") && !view.exists("mark-locked-3"));
    assert!(view.exists("locations-1") && !view.exists("locations-2"));
    assert_eq!(
        view.attr("locations-1", "aria-label").as_deref(),
        Some("DEV-0001の位置情報")
    );
    view.click("locations-1").await;
    assert_eq!(opened.get_untracked(), [DeviceId(1)]);
    assert!(
        !view.checked("select-device-1"),
        "the button does not tick the row"
    );
}

#[wasm_bindgen_test]
async fn without_a_way_to_show_locations_the_table_offers_none() {
    let mut lost = device(1, Os::Ios);
    lost.lost_mode = true;
    let view = mount("en", move || {
        view! {
            <DeviceTable
                rows=Signal::stored(vec![lost])
                notice=Signal::stored(None)
                sort=Signal::stored((DeviceSortKey::Name, SortOrder::Asc))
                on_sort=Callback::new(|_| ())
                selection=RwSignal::new(Selection::default())
                zone=Zone::JAPAN
            />
        }
    });
    settle().await;
    assert_eq!(view.text("mark-lost_mode-1"), "Lost mode");
    assert!(!view.exists("locations-1"));
}

#[wasm_bindgen_test]
async fn the_measure_state_filter_writes_the_mark() {
    let filter = RwSignal::new(DeviceFilter::default());
    let asked = RwSignal::new(Vec::<DeviceFilter>::new());
    let view = mount("ja", move || {
        view! {
            <DeviceToolbar
                filter=filter
                on_change=Callback::new(move |next: DeviceFilter| {
                    asked.update(|all| all.push(next.clone()));
                    filter.set(next);
                })
            />
        }
    });
    settle().await;
    let label = view.find("filter-mark").parent_element().unwrap();
    assert!(label.text_content().unwrap().starts_with("対策の状態"));
    let options: Vec<String> = view
        .all("[data-testid='filter-mark'] option")
        .iter()
        .map(|o| o.text_content().unwrap())
        .collect();
    assert_eq!(options, ["すべて", "紛失モード", "ロック中"]);
    view.choose("filter-mark", "lost_mode").await;
    assert_eq!(asked.get_untracked()[0].mark, Some(DeviceMark::LostMode));
    assert!(
        view.exists("clear-filters"),
        "a mark is a criterion to clear"
    );
    view.click("clear-filters").await;
    assert_eq!(filter.get_untracked().mark, None);
    // The address carries it as the portal reads it.
    let query = mdm_model::device::DeviceQuery {
        filter: DeviceFilter {
            mark: Some(DeviceMark::Locked),
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(
        mdm_console::pages::devices::url::devices_href(&query),
        "/devices?mark=locked"
    );
}

/// Replaces the browser's clipboard with one that remembers what it was given.
fn fake_clipboard() {
    js_sys::Function::new_no_args(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { \
           writeText: (text) => { window.__copied = text; return Promise.resolve(); } } });",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

fn copied() -> Option<String> {
    js_sys::Reflect::get(&window(), &"__copied".into())
        .ok()
        .and_then(|v| v.as_string())
}

#[wasm_bindgen_test]
async fn a_location_shows_its_values_copies_its_coordinates_and_links_to_a_map() {
    fake_clipboard();
    let view = mount("ja", || {
        view! { <LocationFix fix=fix(Some(9), Some(12.4)) zone=Signal::stored(Zone::JAPAN)/> }
    });
    settle().await;
    assert_eq!(view.text("location-latitude"), "35.68124");
    assert_eq!(view.text("location-longitude"), "139.76713");
    assert_eq!(view.text("location-accuracy"), "±12 m");
    assert_eq!(view.text("location-time"), "2026/12/07 10:05");
    let map = view.find("location-map");
    assert_eq!(
        map.get_attribute("href").as_deref(),
        Some(
            "https://www.openstreetmap.org/?mlat=35.68124&mlon=139.76713#map=17/35.68124/139.76713"
        )
    );
    assert_eq!(map.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(map.get_attribute("rel").as_deref(), Some("noopener"));
    assert!(map
        .get_attribute("aria-label")
        .unwrap()
        .contains("新しいタブ"));
    assert_eq!(view.text("location-copy"), "座標をコピー");
    view.click("location-copy").await;
    until("the copy", || !view.text("location-copy-status").is_empty()).await;
    assert_eq!(copied().as_deref(), Some("35.68124, 139.76713"));
    assert_eq!(view.text("location-copy-status"), "座標をコピーしました。");
}

#[wasm_bindgen_test]
async fn an_android_location_has_no_accuracy_and_the_history_pages_newest_first() {
    let answer = RwSignal::new(None);
    let page = RwSignal::new(1u32);
    let view = mount("en", move || {
        view! {
            <LocationHistoryView answer=answer page=page zone=Zone::JAPAN on_retry=Callback::new(|_| ())/>
        }
    });
    settle().await;
    assert_eq!(view.text("locations-loading"), "Loading locations…");
    answer.set(Some(Ok(Page::new(
        Vec::new(),
        0,
        PageRequest {
            page: 1,
            per_page: 10,
        },
    ))));
    settle().await;
    assert!(view.text("locations-empty").starts_with("No location yet."));
    let fixes = vec![fix(None, None), fix(Some(3), Some(30.0))];
    answer.set(Some(Ok(Page::new(
        fixes,
        12,
        PageRequest {
            page: 1,
            per_page: 10,
        },
    ))));
    settle().await;
    assert_eq!(
        view.text("location-1-accuracy"),
        "—",
        "Android sends no accuracy"
    );
    assert_eq!(view.text("location-2-accuracy"), "±30 m");
    assert_eq!(
        view.text("locations-pager")
            .split("Newer")
            .next()
            .unwrap()
            .trim(),
        "1–10 of 12"
    );
    assert!(view.disabled("locations-newer"));
    view.click("locations-older").await;
    assert_eq!(page.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn a_job_that_got_a_location_back_shows_it_on_its_detail() {
    let mut detail = jobs_fixtures::apple_detail(JobStatus::Succeeded);
    let without = detail.clone();
    detail.location = Some(fix(Some(detail.job.id.0), Some(8.0)));
    let shown = RwSignal::new(without);
    let view = mount("ja", move || {
        view! {
            <JobDetailView
                detail=shown
                audit=Signal::stored(AuditView::Entries(vec![]))
                zone=Signal::stored(Zone::JAPAN)
                query=Signal::stored(JobQuery::default())
                on_cancel=Callback::new(|_| ())
            />
        }
    });
    settle().await;
    assert!(
        !view.exists("job-location-section"),
        "no location, no section"
    );
    shown.set(detail);
    settle().await;
    assert!(view.text("job-location-section").starts_with("位置情報"));
    assert_eq!(view.text("job-location-latitude"), "35.68124");
    assert_eq!(view.text("job-location-accuracy"), "±8 m");
    assert!(view
        .attr("job-location-map", "href")
        .unwrap()
        .starts_with("https://www.openstreetmap.org/?mlat=35.68124"));
}
