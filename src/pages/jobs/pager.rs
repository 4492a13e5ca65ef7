//! Paging of the job list: where we are, previous / next, and the page size.

use leptos::prelude::*;
use mdm_model::paging::{page_count, PER_PAGE_CHOICES};

use crate::i18n::use_locale;

/// The page position of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PagePosition {
    /// Entries matching across all pages.
    pub total: u64,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl PagePosition {
    pub fn pages(&self) -> u64 {
        page_count(self.total, self.per_page).max(1)
    }

    /// First and last entry numbers shown (1-based, inclusive); (0, 0) when empty.
    pub fn range(&self) -> (u64, u64) {
        if self.total == 0 {
            return (0, 0);
        }
        let first = u64::from(self.page.saturating_sub(1)) * u64::from(self.per_page) + 1;
        let last = (first + u64::from(self.per_page) - 1).min(self.total);
        (first.min(self.total), last)
    }
}

/// Previous / next and the page size under the table.
#[component]
pub fn Pager(
    /// Where the list stands.
    #[prop(into)]
    position: Signal<PagePosition>,
    /// Go to this page.
    on_page: Callback<u32>,
    /// Use this page size.
    on_per_page: Callback<u32>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let page = move || position.get().page;
    let has_prev = move || page() > 1;
    let has_next = move || u64::from(page()) < position.get().pages();
    view! {
        <nav class="pager" aria-label=move || t().pager_label data-testid="pager">
            <span class="pager__range" data-testid="pager-range">
                {move || {
                    let p = position.get();
                    let (first, last) = p.range();
                    (t().pager_range)(first, last, p.total)
                }}
            </span>
            <div class="pager__controls">
                <button
                    type="button"
                    class="button job-button--small"
                    data-testid="pager-prev"
                    disabled=move || !has_prev()
                    on:click=move |_| on_page.run(page().saturating_sub(1).max(1))
                >
                    {move || t().pager_prev}
                </button>
                <span class="pager__page" aria-live="polite">
                    {move || (t().pager_page)(u64::from(page()), position.get().pages())}
                </span>
                <button
                    type="button"
                    class="button job-button--small"
                    data-testid="pager-next"
                    disabled=move || !has_next()
                    on:click=move |_| on_page.run(page() + 1)
                >
                    {move || t().pager_next}
                </button>
            </div>
            <label class="pager__size">
                <span>{move || t().per_page_label}</span>
                <select
                    class="field__input job-select--small"
                    data-testid="pager-per-page"
                    prop:value=move || position.get().per_page.to_string()
                    on:change=move |ev| {
                        if let Ok(size) = event_target_value(&ev).parse::<u32>() {
                            on_per_page.run(size);
                        }
                    }
                >
                    {PER_PAGE_CHOICES
                        .iter()
                        .map(|size| {
                            let size = *size;
                            view! {
                                <option value=size.to_string() selected=move || position.get().per_page == size>
                                    {move || (t().per_page_option)(size)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_names_the_entries_on_the_page() {
        let p = PagePosition {
            total: 123,
            page: 3,
            per_page: 50,
        };
        assert_eq!((p.range(), p.pages()), ((101, 123), 3));
        assert_eq!(
            PagePosition {
                total: 0,
                page: 1,
                per_page: 50
            }
            .range(),
            (0, 0)
        );
        assert_eq!(
            PagePosition {
                total: 0,
                page: 1,
                per_page: 50
            }
            .pages(),
            1
        );
    }
}
