//! Browser tests of the table kit every list uses (the device table, the job list, the audit
//! log): the sort header generic over a list's key, the notice row with its button, the column
//! chooser kept per administrator, relative times with the absolute one at hand, and the theme
//! switch in the header kept per browser.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;

use chrono::{TimeDelta, Utc};
use fleet::*;
use leptos::prelude::*;
use mdm_console::components::data_table::{
    ColumnChooser, ColumnSet, SortHeader, TableNotice, TableNoticeRow,
};
use mdm_console::components::theme_switch::ThemeSwitch;
use mdm_console::components::RelativeTime;
use mdm_console::device_selection::Selection;
use mdm_console::pages::devices::state::{columns_storage_key, OPTIONAL_COLUMNS};
use mdm_console::pages::devices::DeviceTable;
use mdm_console::theme::THEME_STORAGE_KEY;
use mdm_model::device::{DeviceSortKey, Os};
use mdm_model::job::JobSortKey;
use mdm_model::paging::SortOrder;
use mdm_model::time::Zone;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The device table's real stylesheet, whose rules hide the columns not chosen.
fn with_device_styles() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/devices.css")));
    document().head().unwrap().append_child(&style).unwrap();
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn one_sort_header_serves_every_lists_key_and_says_the_order() {
    let devices = RwSignal::new((DeviceSortKey::Name, SortOrder::Asc));
    let jobs = RwSignal::new((JobSortKey::RegisteredAt, SortOrder::Desc));
    let view = mount("ja", move || {
        view! {
            <table><thead><tr>
                <SortHeader key=DeviceSortKey::Status second=Some(DeviceSortKey::LastSeen) sort=devices
                    on_sort=Callback::new(move |key| devices.set((key, SortOrder::Asc)))/>
                <SortHeader key=JobSortKey::Status sort=jobs
                    on_sort=Callback::new(move |key| jobs.set((key, SortOrder::Asc)))/>
            </tr></thead></table>
        }
    });
    let header = |test_id: &str| view.find(test_id).closest("th").unwrap().unwrap();
    assert_eq!(
        header("sort-status").get_attribute("aria-sort").as_deref(),
        Some("none")
    );
    view.click("sort-last_seen").await;
    assert_eq!(
        devices.get_untracked(),
        (DeviceSortKey::LastSeen, SortOrder::Asc)
    );
    // Either key of a two-key column sorts the column.
    assert_eq!(
        header("sort-last_seen")
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    assert!(view.text("sort-last_seen").contains("昇順で並べ替え済み"));
    assert!(view.text("sort-last_seen").starts_with("最終接続日時"));
    // The same header with the job list's keys: the two lists share `sort-status` as a key
    // name, so look the job one up by its own header.
    let job_button = view.all("[data-testid='sort-status']")[1].clone();
    job_button.click();
    leptos::task::tick().await;
    assert_eq!(jobs.get_untracked(), (JobSortKey::Status, SortOrder::Asc));
}

#[wasm_bindgen_test]
async fn the_notice_row_offers_its_way_on() {
    let acted = RwSignal::new(0);
    let notice = RwSignal::new(TableNotice::Empty {
        title: "条件に一致するジョブはありません".into(),
        hint: "絞り込み条件を変えてください。".into(),
        action: Some("条件をクリア".into()),
    });
    let view = mount("ja", move || {
        view! {
            <table><tbody>
                {move || view! {
                    <TableNoticeRow columns=7 notice=notice.get()
                        on_action=Some(Callback::new(move |_| acted.update(|n| *n += 1)))/>
                }}
            </tbody></table>
        }
    });
    assert!(view
        .text("table-empty")
        .starts_with("条件に一致するジョブはありません"));
    view.click("table-empty-action").await;
    assert_eq!(acted.get_untracked(), 1);
    notice.set(TableNotice::Error {
        message: "ポータルに接続できませんでした。".into(),
        retry: "再読み込み".into(),
    });
    settle().await;
    assert_eq!(view.attr("table-error", "role").as_deref(), Some("alert"));
    view.click("table-retry").await;
    assert_eq!(acted.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn the_column_chooser_shows_columns_and_remembers_them_per_administrator() {
    with_device_styles();
    let key = columns_storage_key(41);
    storage().remove_item(&key).unwrap();
    let table = || {
        let columns = ColumnSet::new(&OPTIONAL_COLUMNS, Some(columns_storage_key(41)));
        view! {
            <ColumnChooser columns=columns/>
            <DeviceTable
                rows=Signal::stored(vec![device(1, Os::Ios)])
                notice=Signal::stored(None)
                sort=Signal::stored((DeviceSortKey::Name, SortOrder::Asc))
                on_sort=Callback::new(|_| ())
                selection=RwSignal::new(Selection::default())
                zone=Zone::JAPAN
                columns=columns
            />
        }
    };
    let view = mount("ja", table);
    settle().await;
    let shown = |view: &Mounted, column: &str| {
        let cell = view
            .query(&format!("[data-testid='device-table'] tbody .col-{column}"))
            .unwrap();
        window()
            .get_computed_style(&cell)
            .unwrap()
            .unwrap()
            .get_property_value("display")
            .unwrap()
            != "none"
    };
    assert!(shown(&view, "name") && shown(&view, "user") && shown(&view, "status"));
    assert!(
        !shown(&view, "model") && !shown(&view, "tags"),
        "only the essential columns at first"
    );
    view.click("column-model").await;
    view.click("column-tags").await;
    assert!(shown(&view, "model") && shown(&view, "tags"));
    assert_eq!(
        storage().get_item(&key).unwrap().as_deref(),
        Some("model,tags")
    );
    drop(view);

    // After a reload the same administrator gets the same columns; another gets the defaults.
    let again = mount("ja", table);
    settle().await;
    assert!(shown(&again, "model") && again.checked("column-tags"));
    drop(again);
    let other = mount("ja", || {
        let columns = ColumnSet::new(&OPTIONAL_COLUMNS, Some(columns_storage_key(42)));
        view! { <ColumnChooser columns=columns/> }
    });
    assert!(!other.checked("column-model"));
}

#[wasm_bindgen_test]
async fn relative_times_keep_the_absolute_time_at_hand() {
    let three_minutes_ago = Utc::now() - TimeDelta::seconds(185);
    let view = mount("ja", move || {
        view! { <RelativeTime time=three_minutes_ago zone=Zone::JAPAN test_id="seen".to_string()/> }
    });
    assert_eq!(view.text("seen"), "3分前");
    let absolute = view.attr("seen", "title").unwrap();
    assert!(absolute.ends_with("(Asia/Tokyo, JST)"), "{absolute}");
    assert_eq!(view.attr("seen", "data-absolute"), Some(absolute));
    assert_eq!(
        view.attr("seen", "tabindex").as_deref(),
        Some("0"),
        "reachable by keyboard"
    );
}

#[wasm_bindgen_test]
async fn the_theme_switch_applies_and_is_kept_for_the_browser() {
    storage().remove_item(THEME_STORAGE_KEY).unwrap();
    let view = mount("en", || {
        let theme = mdm_console::theme::use_theme();
        view! {
            <div class="mdm-console" data-testid="root" data-theme=move || theme.choice().as_str()>
                <ThemeSwitch/>
                <p class="panel" data-testid="panel">"text"</p>
            </div>
        }
    });
    assert_eq!(view.attr("root", "data-theme").as_deref(), Some("system"));
    assert_eq!(view.select("theme-switch").value(), "system");
    view.choose("theme-switch", "dark").await;
    assert_eq!(view.attr("root", "data-theme").as_deref(), Some("dark"));
    assert_eq!(
        storage().get_item(THEME_STORAGE_KEY).unwrap().as_deref(),
        Some("dark")
    );
    drop(view);
    let again = mount("en", || {
        let theme = mdm_console::theme::use_theme();
        view! { <div data-testid="root" data-theme=move || theme.choice().as_str()><ThemeSwitch/></div> }
    });
    assert_eq!(
        again.attr("root", "data-theme").as_deref(),
        Some("dark"),
        "kept across a reload"
    );
    assert_eq!(again.select("theme-switch").value(), "dark");
    storage().remove_item(THEME_STORAGE_KEY).unwrap();
}
