//! Page navigation under a server-paged list: the range shown, first / previous / next / last,
//! a page number to jump to, and the page size.

use leptos::prelude::*;
use mdm_model::paging::page_count;
use web_sys::HtmlInputElement;

use crate::i18n::use_locale;

/// The pager's words, one set for every list (`Catalog::table`).
pub struct PagerText {
    /// Accessible name of the pager.
    pub label: &'static str,
    /// "1〜50件 / 全523件": first row, last row, total.
    pub range: fn(u64, u64, u64) -> String,
    /// Shown instead of the range when the list is empty.
    pub none: &'static str,
    pub first: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub last: &'static str,
    /// Label of the page-number box.
    pub page: &'static str,
    /// "/ 11" after the page-number box: the number of pages.
    pub of_pages: fn(u64) -> String,
    /// Label of the page-size select.
    pub per_page: &'static str,
    /// An option of the page-size select ("50件").
    pub per_page_option: fn(u32) -> String,
}

/// Navigation for a list of `total` rows shown `per_page` at a time.
#[component]
pub fn Pager(
    /// The current page, 1-based.
    #[prop(into)]
    page: Signal<u32>,
    /// Rows per page.
    #[prop(into)]
    per_page: Signal<u32>,
    /// Rows across all pages.
    #[prop(into)]
    total: Signal<u64>,
    /// The page sizes offered.
    choices: &'static [u32],
    /// Called with the page to show.
    #[prop(into)]
    on_page: Callback<u32>,
    /// Called with the page size chosen.
    #[prop(into)]
    on_per_page: Callback<u32>,
    /// Prefix of the `data-testid`s (`{id}-next`, `{id}-page`…) and element ids.
    #[prop(default = "pager")]
    id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let text = Signal::derive(move || &locale.t().table.pager);
    let pages = move || page_count(total.get(), per_page.get()).max(1);
    let range = move || {
        let t = text.get();
        let total = total.get();
        if total == 0 {
            return t.none.to_string();
        }
        let per = u64::from(per_page.get());
        let first = u64::from(page.get().saturating_sub(1)) * per + 1;
        (t.range)(first.min(total), (first + per - 1).min(total), total)
    };
    let go = move |target: u64| {
        let target = target.clamp(1, pages());
        if target != u64::from(page.get_untracked()) {
            on_page.run(u32::try_from(target).unwrap_or(u32::MAX));
        }
    };
    let at_first = move || page.get() <= 1;
    let at_last = move || u64::from(page.get()) >= pages();
    let page_box = format!("{id}-page");
    let size_box = format!("{id}-per-page");
    let (page_for, page_test) = (page_box.clone(), page_box.clone());
    let (size_for, size_test) = (size_box.clone(), size_box.clone());

    let nav_button = move |suffix: &'static str,
                           label: fn(&PagerText) -> &'static str,
                           symbol: &'static str,
                           disabled: Signal<bool>,
                           target: fn(u64, u64) -> u64| {
        view! {
            <button
                type="button"
                class="pager__button"
                data-testid=format!("{id}-{suffix}")
                aria-label=move || label(text.get())
                title=move || label(text.get())
                disabled=move || disabled.get()
                on:click=move |_| go(target(u64::from(page.get_untracked()), pages()))
            >
                <span aria-hidden="true">{symbol}</span>
            </button>
        }
    };

    view! {
        <nav class="pager" aria-label=move || text.get().label data-testid=id>
            <span class="pager__range" data-testid=format!("{id}-range") aria-live="polite">
                {range}
            </span>
            <div class="pager__controls">
                {nav_button("first", |t| t.first, "«", Signal::derive(at_first), |_, _| 1)}
                {nav_button("previous", |t| t.previous, "‹", Signal::derive(at_first), |p, _| p.saturating_sub(1))}
                <label class="pager__page" for=page_for>
                    <span class="visually-hidden">{move || text.get().page}</span>
                    <input
                        type="number"
                        class="pager__input"
                        inputmode="numeric"
                        enterkeyhint="go"
                        id=page_box
                        data-testid=page_test
                        min="1"
                        max=move || pages().to_string()
                        prop:value=move || page.get().to_string()
                        on:change=move |ev| {
                            let input = event_target::<HtmlInputElement>(&ev);
                            let current = u64::from(page.get_untracked());
                            // Out of range goes to the nearest page; not a number stays put.
                            let target = input.value().trim().parse::<u64>().unwrap_or(current);
                            let target = target.clamp(1, pages());
                            input.set_value(&target.to_string());
                            go(target);
                        }
                    />
                    <span class="pager__pages" data-testid=format!("{id}-pages")>
                        {move || (text.get().of_pages)(pages())}
                    </span>
                </label>
                {nav_button("next", |t| t.next, "›", Signal::derive(at_last), |p, _| p + 1)}
                {nav_button("last", |t| t.last, "»", Signal::derive(at_last), |_, last| last)}
            </div>
            <label class="pager__size" for=size_for>
                <span>{move || text.get().per_page}</span>
                <select
                    class="field__input field__input--compact"
                    id=size_box
                    data-testid=size_test
                    on:change=move |ev| {
                        if let Ok(size) = event_target_value(&ev).parse::<u32>() {
                            on_per_page.run(size);
                        }
                    }
                >
                    {choices
                        .iter()
                        .map(|&size| {
                            view! {
                                <option value=size.to_string() selected=move || per_page.get() == size>
                                    {move || (text.get().per_page_option)(size)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </nav>
    }
}
