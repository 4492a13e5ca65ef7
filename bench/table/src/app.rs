//! The benchmark page: the operations as buttons (ids as in the js-framework-benchmark) above
//! the console's real device table, and the real wipe wizard mounted on demand.

use chrono::Utc;
use leptos::prelude::*;
use mdm_console::device_selection::Selection;
use mdm_console::i18n::Locale;
use mdm_console::pages::devices::DeviceTable;
use mdm_console::pages::wipe::WipeWizard;
use mdm_model::device::{Device, DeviceFilter, DeviceSortKey};
use mdm_model::paging::SortOrder;
use mdm_model::time::Zone;

use crate::fleet;

/// Sorts a page as the portal would for the columns the benchmark clicks (others by name).
pub fn sort_page(rows: &mut [Device], key: DeviceSortKey, order: SortOrder) {
    match key {
        DeviceSortKey::User => rows.sort_by(|a, b| a.user_full_name.cmp(&b.user_full_name)),
        DeviceSortKey::Model => rows.sort_by(|a, b| a.model.cmp(&b.model)),
        _ => rows.sort_by(|a, b| a.name.cmp(&b.name)),
    }
    if order == SortOrder::Desc {
        rows.reverse();
    }
}

/// The page of the benchmark.
#[component]
pub fn BenchApp() -> impl IntoView {
    Locale::provide(None);
    let rows = RwSignal::new(Vec::<Device>::new());
    let next_id = StoredValue::new(1_i64);
    let sort = RwSignal::new((DeviceSortKey::Name, SortOrder::Asc));
    let selection = RwSignal::new(Selection::default());
    let wizard = RwSignal::new(false);

    let make = move |count: usize| {
        let first = next_id.get_value();
        next_id.set_value(first + count as i64);
        fleet::devices(first, count)
    };
    let run = move |count: usize| {
        sort.set((DeviceSortKey::Name, SortOrder::Asc));
        rows.set(make(count));
    };
    let on_sort = Callback::new(move |key: DeviceSortKey| {
        let (current, order) = sort.get_untracked();
        let order = if current == key && order == SortOrder::Asc {
            SortOrder::Desc
        } else {
            SortOrder::Asc
        };
        sort.set((key, order));
        rows.update(|rows| sort_page(rows, key, order));
    });
    let filter = move || {
        // The model's own search rule, applied to the page in the browser.
        let filter = DeviceFilter {
            q: Some(fleet::FILTER_TERM.to_string()),
            ..Default::default()
        };
        rows.update(|rows| rows.retain(|d| filter.matches(d, |_| true)));
    };
    let update = move || {
        rows.update(|rows| {
            for device in rows.iter_mut().step_by(10) {
                device.name.push_str(" !!!");
            }
        })
    };
    let swap = move || {
        rows.update(|rows| {
            if rows.len() > 998 {
                rows.swap(1, 998);
            }
        })
    };
    let remove = move || {
        rows.update(|rows| {
            if rows.len() > 3 {
                rows.remove(3);
            }
        })
    };
    let select_100 = move || {
        let ids: Vec<_> = rows.with_untracked(|rows| rows.iter().take(100).map(|d| d.id).collect());
        selection.update(|s| s.set_page(&ids, true));
    };
    let button = |id: &'static str, label: &'static str, action: Box<dyn Fn() + Send + Sync>| {
        view! { <button type="button" id=id class="button" on:click=move |_| action()>{label}</button> }
    };

    view! {
        <div class="bench-bar">
            {button("run", "Create 1,000 rows", Box::new(move || run(1_000)))}
            {button("run500", "Create 500 rows", Box::new(move || run(500)))}
            {button("add", "Append 1,000 rows", Box::new(move || rows.update(|rows| rows.extend(make(1_000)))))}
            {button("update", "Update every 10th row", Box::new(update))}
            {button("clear", "Clear", Box::new(move || rows.set(Vec::new())))}
            {button("swaprows", "Swap rows", Box::new(swap))}
            {button("remove", "Remove row 4", Box::new(remove))}
            {button("filter", "Filter", Box::new(filter))}
            {button("select100", "Select first 100", Box::new(select_100))}
            {button("wizard", "Open wipe wizard", Box::new(move || wizard.set(true)))}
        </div>
        // Inside the devices page's list section, as in the console: the frame scrolls.
        <section class="devices__list">
            <DeviceTable
                rows=rows
                notice=Signal::derive(|| None)
                sort=sort
                on_sort=on_sort
                selection=selection
                zone=Zone::JAPAN
            />
        </section>
        <div id="wizard-host">
            {move || wizard.get().then(|| {
                let chosen = selection.get_untracked();
                chosen.to_wipe_selection().map(|wipe| view! {
                    <WipeWizard
                        selection=wipe
                        device_count=chosen.count()
                        wifi_settings=fleet::wifi_settings()
                        zone=Zone::JAPAN
                        now=Utc::now()
                        admin_name="管理者".to_string()
                        backend=fleet::fixture_backend()
                        back_href="#".to_string()
                        on_registered=Callback::new(|_| ())
                    />
                })
            })}
        </div>
    }
}
