//! Sortable column headers, generic over a list's sort key: a `<th>` with one or two sort
//! buttons (a column can show two values, as the device table's status and last-seen time),
//! announcing the order to screen readers.

use leptos::prelude::*;
use mdm_model::device::DeviceSortKey;
use mdm_model::job::JobSortKey;
use mdm_model::paging::SortOrder;
use mdm_model::Lang;

use crate::i18n::use_locale;

/// A list's sort key: its column title and its wire name (the button's `data-testid` is
/// `sort-{wire name}`).
pub trait SortKey: Copy + PartialEq + Send + Sync + 'static {
    fn title(self, lang: Lang) -> &'static str;
    fn wire(self) -> &'static str;
}

impl SortKey for DeviceSortKey {
    fn title(self, lang: Lang) -> &'static str {
        self.label(lang)
    }
    fn wire(self) -> &'static str {
        self.as_str()
    }
}

impl SortKey for JobSortKey {
    fn title(self, lang: Lang) -> &'static str {
        self.label(lang)
    }
    fn wire(self) -> &'static str {
        self.as_str()
    }
}

/// The `aria-sort` value of a column sorted in `order` (or not sorted by).
pub fn aria_sort(order: Option<SortOrder>) -> &'static str {
    match order {
        Some(SortOrder::Asc) => "ascending",
        Some(SortOrder::Desc) => "descending",
        None => "none",
    }
}

/// A column title that sorts the list by its key when clicked, with an arrow for the order.
#[component]
pub fn SortButton<K: SortKey>(
    /// The key this button sorts by.
    key: K,
    /// The list's current sort.
    #[prop(into)]
    sort: Signal<(K, SortOrder)>,
    /// Called with `key` (again: the list turns the order around).
    on_sort: Callback<K>,
) -> impl IntoView {
    let locale = use_locale();
    let order = move || {
        let (current, order) = sort.get();
        (current == key).then_some(order)
    };
    let arrow = move || match order() {
        Some(SortOrder::Asc) => "▲",
        Some(SortOrder::Desc) => "▼",
        None => "↕",
    };
    let state = move || {
        let t = locale.t().table;
        match order() {
            Some(SortOrder::Asc) => format!(" ({})", t.sorted_asc),
            Some(SortOrder::Desc) => format!(" ({})", t.sorted_desc),
            None => String::new(),
        }
    };
    view! {
        <button
            type="button"
            class="sort-button"
            class:sort-button--active=move || order().is_some()
            data-testid=format!("sort-{}", key.wire())
            on:click=move |_| on_sort.run(key)
        >
            <span>{move || key.title(locale.lang())}</span>
            <span class="sort-button__arrow" aria-hidden="true">{arrow}</span>
            <span class="visually-hidden">{state}</span>
        </button>
    }
}

/// A header cell sorting by `key`, and by `second` too when the column shows two values.
#[component]
pub fn SortHeader<K: SortKey>(
    /// The column's key.
    key: K,
    /// A second key shown in the same column.
    #[prop(default = None)]
    second: Option<K>,
    /// The list's current sort.
    #[prop(into)]
    sort: Signal<(K, SortOrder)>,
    /// Called with the key asked for.
    on_sort: Callback<K>,
    /// Class of the cell (column width, visibility).
    #[prop(optional, into)]
    class: Signal<String>,
) -> impl IntoView {
    let aria = move || {
        let (current, order) = sort.get();
        aria_sort((current == key || Some(current) == second).then_some(order))
    };
    view! {
        <th scope="col" class=class aria-sort=aria>
            <SortButton key=key sort=sort on_sort=on_sort/>
            {second.map(|second| view! {
                <span class="sort-header__divider" aria-hidden="true">"/"</span>
                <SortButton key=second sort=sort on_sort=on_sort/>
            })}
        </th>
    }
}
