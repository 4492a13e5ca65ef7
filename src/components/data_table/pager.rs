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

/// Where a pager stands and where it may go: the list's signals and the callback it was given.
#[derive(Clone, Copy)]
struct PagerState {
    page: Signal<u32>,
    per_page: Signal<u32>,
    total: Signal<u64>,
    on_page: Callback<u32>,
}

impl PagerState {
    /// Pages there are; an empty list still has its one (empty) page.
    fn pages(&self) -> u64 {
        page_count(self.total.get(), self.per_page.get()).max(1)
    }

    fn at_first(&self) -> bool {
        self.page.get() <= 1
    }

    fn at_last(&self) -> bool {
        u64::from(self.page.get()) >= self.pages()
    }

    /// Asks for `target`, brought within the pages there are; nothing for the page shown.
    fn go(&self, target: u64) {
        let target = target.clamp(1, self.pages());
        if target != u64::from(self.page.get_untracked()) {
            self.on_page.run(u32::try_from(target).unwrap_or(u32::MAX));
        }
    }

    /// "1〜50件 / 全523件", or the empty list's words.
    fn range(&self, text: &PagerText) -> String {
        match rows_shown(self.page.get(), self.per_page.get(), self.total.get()) {
            Some((first, last, total)) => (text.range)(first, last, total),
            None => text.none.to_string(),
        }
    }
}

/// The first and last row a page shows and the total, 1-based; `None` for an empty list. A
/// page past the end shows the last rows' numbers rather than rows that do not exist.
fn rows_shown(page: u32, per_page: u32, total: u64) -> Option<(u64, u64, u64)> {
    if total == 0 {
        return None;
    }
    let per = u64::from(per_page.max(1));
    let first = u64::from(page.saturating_sub(1)) * per + 1;
    Some((first.min(total), (first + per - 1).min(total), total))
}

/// The page a typed page number goes to: out of range to the nearest page, not a number stays
/// on `current`.
fn typed_page(text: &str, current: u64, pages: u64) -> u64 {
    text.trim()
        .parse::<u64>()
        .unwrap_or(current)
        .clamp(1, pages.max(1))
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
    let text = move || &locale.t().table.pager;
    let state = PagerState {
        page,
        per_page,
        total,
        on_page,
    };
    let first = Signal::derive(move || state.at_first());
    let last = Signal::derive(move || state.at_last());
    view! {
        <nav class="pager" aria-label=move || text().label data-testid=id>
            <span class="pager__range" data-testid=format!("{id}-range") aria-live="polite">
                {move || state.range(text())}
            </span>
            <div class="pager__controls">
                <NavButton state=state id=id suffix="first" label=|t| t.first symbol="«" disabled=first target=|_, _| 1/>
                <NavButton state=state id=id suffix="previous" label=|t| t.previous symbol="‹" disabled=first
                    target=|p, _| p.saturating_sub(1)/>
                <PageNumberBox state=state id=id/>
                <NavButton state=state id=id suffix="next" label=|t| t.next symbol="›" disabled=last target=|p, _| p + 1/>
                <NavButton state=state id=id suffix="last" label=|t| t.last symbol="»" disabled=last target=|_, last| last/>
            </div>
            <PageSizeSelect per_page=per_page choices=choices on_per_page=on_per_page id=id/>
        </nav>
    }
}

/// One of first / previous / next / last.
#[component]
fn NavButton(
    /// The pager.
    state: PagerState,
    /// The pager's id, prefix of the button's `data-testid`.
    id: &'static str,
    /// Which button: `{id}-{suffix}`.
    suffix: &'static str,
    /// Its accessible name and tooltip.
    label: fn(&PagerText) -> &'static str,
    /// What it shows.
    symbol: &'static str,
    /// There is no page that way.
    disabled: Signal<bool>,
    /// The page it goes to, from the page shown and the last page.
    target: fn(u64, u64) -> u64,
) -> impl IntoView {
    let locale = use_locale();
    let name = move || label(&locale.t().table.pager);
    view! {
        <button
            type="button"
            class="pager__button"
            data-testid=format!("{id}-{suffix}")
            aria-label=name
            title=name
            disabled=move || disabled.get()
            on:click=move |_| state.go(target(u64::from(state.page.get_untracked()), state.pages()))
        >
            <span aria-hidden="true">{symbol}</span>
        </button>
    }
}

/// The page number to jump to, with the number of pages after it.
#[component]
fn PageNumberBox(
    /// The pager.
    state: PagerState,
    /// The pager's id: the box is `{id}-page`.
    id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let text = move || &locale.t().table.pager;
    let input_id = format!("{id}-page");
    let (label_for, test_id) = (input_id.clone(), input_id.clone());
    view! {
        <label class="pager__page" for=label_for>
            <span class="visually-hidden">{move || text().page}</span>
            <input
                type="number"
                class="pager__input"
                inputmode="numeric"
                enterkeyhint="go"
                id=input_id
                data-testid=test_id
                min="1"
                max=move || state.pages().to_string()
                prop:value=move || state.page.get().to_string()
                on:change=move |ev| {
                    let input = event_target::<HtmlInputElement>(&ev);
                    let current = u64::from(state.page.get_untracked());
                    let target = typed_page(&input.value(), current, state.pages());
                    input.set_value(&target.to_string());
                    state.go(target);
                }
            />
            <span class="pager__pages" data-testid=format!("{id}-pages")>
                {move || (text().of_pages)(state.pages())}
            </span>
        </label>
    }
}

/// The page size.
#[component]
fn PageSizeSelect(
    /// Rows per page.
    per_page: Signal<u32>,
    /// The sizes offered.
    choices: &'static [u32],
    /// Called with the size chosen.
    on_per_page: Callback<u32>,
    /// The pager's id: the select is `{id}-per-page`.
    id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let text = move || &locale.t().table.pager;
    let select_id = format!("{id}-per-page");
    let (label_for, test_id) = (select_id.clone(), select_id.clone());
    view! {
        <label class="pager__size" for=label_for>
            <span>{move || text().per_page}</span>
            <select
                class="field__input field__input--compact"
                id=select_id
                data-testid=test_id
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
                                {move || (text().per_page_option)(size)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_names_the_rows_of_the_page_within_the_total() {
        assert_eq!(rows_shown(1, 50, 523), Some((1, 50, 523)));
        assert_eq!(rows_shown(11, 50, 523), Some((501, 523, 523)));
        assert_eq!(rows_shown(1, 50, 0), None);
        // A page past the end (the list shrank meanwhile) names no row beyond the last.
        assert_eq!(rows_shown(20, 50, 523), Some((523, 523, 523)));
    }

    #[test]
    fn a_typed_page_goes_to_the_nearest_page_or_stays() {
        assert_eq!(typed_page(" 7 ", 2, 11), 7);
        assert_eq!(typed_page("99", 2, 11), 11);
        assert_eq!(typed_page("0", 2, 11), 1);
        assert_eq!(typed_page("abc", 2, 11), 2);
        assert_eq!(typed_page("-3", 2, 11), 2);
    }
}
