//! Browser tests of how the administrator moves around 端末管理: the group tree (mouse and
//! keyboard), the table's loading, empty and error states, the pager and the filters.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;

use fleet::*;
use leptos::prelude::*;
use mdm_console::components::data_table::Pager;
use mdm_console::components::data_table::TableNotice;
use mdm_console::device_selection::Selection;
use mdm_console::i18n::{catalog, use_locale};
use mdm_console::pages::devices::{DeviceTable, DeviceToolbar, GroupTreeView};
use mdm_model::device::{DeviceFilter, DeviceSortKey, Os};
use mdm_model::ids::GroupId;
use mdm_model::paging::{SortOrder, PER_PAGE_CHOICES};
use mdm_model::time::Zone;
use mdm_model::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_group_tree_expands_collapses_and_chooses_by_mouse_and_keyboard() {
    let selected = RwSignal::new(None::<GroupId>);
    let view = mount("ja", move || {
        view! { <GroupTreeView tree=group_tree() selected=selected on_select=Callback::new(move |g| selected.set(g))/> }
    });
    assert_eq!(view.attr("group-tree", "role").as_deref(), Some("tree"));
    assert_eq!(
        view.attr("group-all", "aria-label").as_deref(),
        Some("すべての端末 138台")
    );
    assert_eq!(
        view.attr("group-1", "aria-label").as_deref(),
        Some("本社 135台")
    );
    assert_eq!(
        view.attr("group-1", "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(view.attr("group-2", "aria-level").as_deref(), Some("2"));
    assert_eq!(
        view.attr("group-2", "aria-expanded").as_deref(),
        Some("false")
    );
    assert!(
        !view.exists("group-3"),
        "collapsed groups hide their children"
    );

    view.click("group-toggle-2").await;
    assert_eq!(
        view.attr("group-2", "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        view.attr("group-3", "aria-label").as_deref(),
        Some("東京営業所 40台")
    );
    assert_eq!(
        selected.get_untracked(),
        None,
        "the toggle does not choose the group"
    );

    view.click("group-3").await;
    assert_eq!(selected.get_untracked(), Some(GroupId(3)));
    assert_eq!(
        view.attr("group-3", "aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(view.attr("group-3", "tabindex").as_deref(), Some("0"));

    // Keyboard: up to 営業部, collapse it, down to 開発部, choose it.
    view.find("group-3").focus().unwrap();
    view.key("group-3", "ArrowUp").await;
    assert_eq!(view.focused().as_deref(), Some("group-2"));
    view.key("group-2", "ArrowLeft").await;
    assert!(!view.exists("group-3"));
    view.key("group-2", "ArrowDown").await;
    assert_eq!(view.focused().as_deref(), Some("group-4"));
    view.key("group-4", "Enter").await;
    assert_eq!(selected.get_untracked(), Some(GroupId(4)));
    view.key("group-4", "Home").await;
    view.key("group-all", "Enter").await;
    assert_eq!(selected.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn loading_empty_and_error_states_fill_the_table() {
    let notice = RwSignal::new(Some(TableNotice::Loading("端末を読み込んでいます…".into())));
    let retried = RwSignal::new(0);
    let view = mount("ja", move || {
        view! {
            <DeviceTable
                rows=Signal::stored(Vec::new())
                notice=notice
                on_retry=Callback::new(move |_| retried.update(|n| *n += 1))
                sort=Signal::stored((DeviceSortKey::Name, SortOrder::Asc))
                on_sort=Callback::new(|_| ())
                selection=RwSignal::new(Selection::default())
                zone=Zone::JAPAN
            />
        }
    });
    assert_eq!(view.text("table-loading"), "端末を読み込んでいます…");
    assert!(view.disabled("select-page"));
    let t = catalog(Lang::Ja).devices;
    notice.set(Some(TableNotice::Empty {
        title: t.empty_title.into(),
        hint: t.empty_filtered_hint.into(),
        action: None,
    }));
    settle().await;
    assert!(view.text("table-empty").starts_with("端末がありません"));
    notice.set(Some(TableNotice::Error {
        message: "ポータルに接続できませんでした。".into(),
        retry: t.retry.into(),
    }));
    settle().await;
    assert!(view
        .text("table-error")
        .contains("ポータルに接続できませんでした。"));
    view.click("table-retry").await;
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_pager_moves_between_pages_and_changes_the_page_size() {
    let page = RwSignal::new(1u32);
    let per_page = RwSignal::new(50u32);
    let lang_en = RwSignal::new(false);
    let view = mount("ja", move || {
        let locale = use_locale();
        Effect::new(move |_| {
            if lang_en.get() {
                locale.set(Lang::En);
            }
        });
        view! {
            <Pager
                page=page
                per_page=per_page
                total=Signal::stored(523)
                choices=&PER_PAGE_CHOICES
                on_page=Callback::new(move |p| page.set(p))
                on_per_page=Callback::new(move |s| { per_page.set(s); page.set(1); })
            />
        }
    });
    assert_eq!(view.text("pager-range"), "1〜50件 / 全523件");
    assert_eq!(view.text("pager-pages"), "/ 11ページ");
    assert!(view.disabled("pager-previous") && view.disabled("pager-first"));
    view.click("pager-next").await;
    assert_eq!(page.get_untracked(), 2);
    view.click("pager-last").await;
    assert_eq!(page.get_untracked(), 11);
    assert_eq!(view.text("pager-range"), "501〜523件 / 全523件");
    assert!(view.disabled("pager-next"));
    view.choose("pager-per-page", "200").await;
    assert_eq!((page.get_untracked(), per_page.get_untracked()), (1, 200));
    assert_eq!(view.text("pager-pages"), "/ 3ページ");
    lang_en.set(true);
    settle().await;
    assert_eq!(view.text("pager-range"), "1–200 of 523");
}

#[wasm_bindgen_test]
async fn filters_and_search_ask_for_a_new_list() {
    let filter = RwSignal::new(DeviceFilter {
        group: Some(GroupId(2)),
        ..Default::default()
    });
    let view = mount(
        "ja",
        move || view! { <DeviceToolbar filter=filter on_change=Callback::new(move |f| filter.set(f))/> },
    );
    view.choose("filter-os", "ios").await;
    assert_eq!(filter.get_untracked().os, Some(Os::Ios));
    view.choose("filter-ownership", "byod").await;
    view.type_into("device-search", "  山田 ").await;
    assert_eq!(
        filter.get_untracked().q,
        None,
        "typing alone does not search"
    );
    view.click("device-search-submit").await;
    let now = filter.get_untracked();
    assert_eq!(now.q.as_deref(), Some("山田"));
    assert_eq!(now.ownership.map(|o| o.as_str()), Some("byod"));
    assert_eq!(now.group, Some(GroupId(2)));
    view.click("clear-filters").await;
    assert_eq!(
        filter.get_untracked(),
        DeviceFilter {
            group: Some(GroupId(2)),
            ..Default::default()
        }
    );
    assert_eq!(
        view.input("device-search").value(),
        "",
        "the box follows the list's search"
    );
}
