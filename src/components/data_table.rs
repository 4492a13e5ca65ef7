//! Building blocks of the console's data tables: a scrolling region with a sticky header,
//! sortable column headers, the row shown instead of data (loading, empty, error) and badges.

use leptos::prelude::*;
use mdm_model::paging::SortOrder;

/// The scrolling frame around a `<table>`: focusable, so keyboard users can scroll it, and
/// named for screen readers.
#[component]
pub fn TableFrame(
    /// Accessible name of the table region.
    #[prop(into)]
    label: Signal<String>,
    /// True while new rows are on their way: the old ones stay, dimmed.
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// The `<table>`.
    children: Children,
) -> impl IntoView {
    view! {
        <div
            class="table-frame"
            class:table-frame--busy=move || busy.get()
            role="region"
            aria-label=label
            aria-busy=move || busy.get().to_string()
            tabindex="0"
        >
            {children()}
        </div>
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

/// A column title that sorts the table when clicked, with an arrow for the current order.
#[component]
pub fn SortButton(
    /// The column title.
    #[prop(into)]
    label: Signal<String>,
    /// The order the table is sorted in by this column, or `None` when sorted by another.
    #[prop(into)]
    order: Signal<Option<SortOrder>>,
    /// Called when the administrator asks to sort by this column.
    #[prop(into)]
    on_sort: Callback<()>,
    /// `data-testid` of the button.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let arrow = move || match order.get() {
        Some(SortOrder::Asc) => "▲",
        Some(SortOrder::Desc) => "▼",
        None => "↕",
    };
    view! {
        <button
            type="button"
            class="sort-button"
            class:sort-button--active=move || order.get().is_some()
            data-testid=test_id
            on:click=move |_| on_sort.run(())
        >
            <span>{label}</span>
            <span class="sort-button__arrow" aria-hidden="true">{arrow}</span>
        </button>
    }
}

/// A `<th>` holding one [`SortButton`], announcing the sort order to screen readers.
#[component]
pub fn SortHeader(
    /// The column title.
    #[prop(into)]
    label: Signal<String>,
    /// The order the table is sorted in by this column, or `None`.
    #[prop(into)]
    order: Signal<Option<SortOrder>>,
    /// Called when the administrator asks to sort by this column.
    #[prop(into)]
    on_sort: Callback<()>,
    /// `data-testid` of the button.
    #[prop(into)]
    test_id: String,
    /// Extra class of the cell (column width).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <th scope="col" class=class aria-sort=move || aria_sort(order.get())>
            <SortButton label=label order=order on_sort=on_sort test_id=test_id/>
        </th>
    }
}

/// What a table shows instead of rows.
#[derive(Debug, Clone, PartialEq)]
pub enum TableNotice {
    /// The first page is on its way.
    Loading(String),
    /// Nothing matches: a title and a hint.
    Empty { title: String, hint: String },
    /// The rows could not be loaded: what happened, and a retry button's label.
    Error { message: String, retry: String },
}

/// One full-width row carrying a [`TableNotice`].
#[component]
pub fn TableNoticeRow(
    /// Number of columns of the table.
    columns: u32,
    /// What to say.
    notice: TableNotice,
    /// Called by the retry button of an error.
    #[prop(default = None)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let body = match notice {
        TableNotice::Loading(text) => view! {
            <div class="table-notice" role="status" data-testid="table-loading">
                <div class="spinner" aria-hidden="true"></div>
                <p>{text}</p>
            </div>
        }
        .into_any(),
        TableNotice::Empty { title, hint } => view! {
            <div class="table-notice" data-testid="table-empty">
                <p class="table-notice__title">{title}</p>
                <p class="table-notice__hint">{hint}</p>
            </div>
        }
        .into_any(),
        TableNotice::Error { message, retry } => view! {
            <div class="table-notice table-notice--error" role="alert" data-testid="table-error">
                <p>{message}</p>
                {on_retry.map(|retry_cb| {
                    view! {
                        <button
                            type="button"
                            class="button"
                            data-testid="table-retry"
                            on:click=move |_| retry_cb.run(())
                        >
                            {retry.clone()}
                        </button>
                    }
                })}
            </div>
        }
        .into_any(),
    };
    view! {
        <tr class="table-notice-row">
            <td colspan=columns.to_string()>{body}</td>
        </tr>
    }
}

/// The colour family of a [`Badge`]; the text always says the same in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Positive,
    Neutral,
    Caution,
    Negative,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Positive => "badge badge--positive",
            Tone::Neutral => "badge badge--neutral",
            Tone::Caution => "badge badge--caution",
            Tone::Negative => "badge badge--negative",
        }
    }
}

/// A small status label with a coloured dot: colour and text together.
#[component]
pub fn Badge(
    /// Colour family.
    tone: Tone,
    /// The status in words.
    #[prop(into)]
    text: Signal<String>,
    /// `data-testid` of the badge.
    #[prop(optional)]
    test_id: Option<String>,
) -> impl IntoView {
    view! {
        <span class=tone.class() data-testid=test_id>
            <span class="badge__dot" aria-hidden="true"></span>
            {text}
        </span>
    }
}
