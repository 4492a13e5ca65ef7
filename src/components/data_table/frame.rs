//! The scrolling frame around a table.

use leptos::prelude::*;

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
