//! Above the table: how many devices are selected, the 紛失時対策 button, and the banner offering
//! every device matching the current filter.

use leptos::prelude::*;
use mdm_model::device::DeviceFilter;
use mdm_model::ids::DeviceId;

use crate::device_selection::{PageTicks, Selection};
use crate::i18n::use_locale;

/// The selection count and actions.
#[component]
pub fn SelectionBar(
    /// The ticked devices.
    selection: RwSignal<Selection>,
    /// The devices of the current page.
    #[prop(into)]
    page_ids: Signal<Vec<DeviceId>>,
    /// Devices matching the current filter, across all pages.
    #[prop(into)]
    total: Signal<u64>,
    /// The current filter (what "every device matching" means).
    #[prop(into)]
    filter: Signal<DeviceFilter>,
    /// True right after a filter change dropped an "every device matching" selection.
    #[prop(into)]
    dropped: Signal<bool>,
    /// Called by the 紛失時対策 button.
    #[prop(into)]
    on_measures: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let count = Memo::new(move |_| selection.with(Selection::count));
    let nothing = move || count.get() == 0;
    let matching = move || selection.with(Selection::is_matching);
    // Offer every matching device once the whole page is ticked and there is more than the page.
    let offer_all = move || {
        !matching()
            && page_ids.with(|ids| !ids.is_empty() && (ids.len() as u64) < total.get())
            && page_ids.with(|ids| selection.with(|s| s.page_ticks(ids))) == PageTicks::All
    };
    let select_all = move |_| {
        let (filter, total) = (filter.get_untracked(), total.get_untracked());
        selection.update(|s| s.select_matching(filter, total));
    };
    let clear = move |_| selection.set(Selection::default());

    view! {
        <div class="selection-bar" data-testid="selection-bar">
            <div class="selection-bar__state">
                <span class="selection-bar__count" class:selection-bar__count--none=nothing data-testid="selection-count" aria-live="polite">
                    {move || {
                        let t = locale.t();
                        if nothing() { t.devices.nothing_selected.to_string() } else { (t.devices.selected_count)(count.get()) }
                    }}
                </span>
                <Show when=move || !nothing()>
                    <button type="button" class="button button--quiet" data-testid="clear-selection" on:click=clear>
                        {move || locale.t().devices.clear_selection}
                    </button>
                </Show>
            </div>
            <div class="selection-bar__actions">
                <Show when=nothing>
                    <span class="hint" id="measures-reason" data-testid="measures-reason">
                        {move || locale.t().devices.measures_disabled_reason}
                    </span>
                </Show>
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="measures-button"
                    aria-haspopup="dialog"
                    aria-describedby=move || nothing().then_some("measures-reason")
                    disabled=nothing
                    on:click=move |_| on_measures.run(())
                >
                    {move || locale.t().devices.measures_button}
                </button>
            </div>
        </div>
        <div class="selection-banner-slot" role="status">
            <Show when=move || offer_all() || matching() || dropped.get()>
                <div class="selection-banner" data-testid="selection-banner">
                    {move || {
                        let t = locale.t();
                        if matching() {
                            view! {
                                <span>{(t.devices.all_matching_selected)(count.get())}</span>
                                <button type="button" class="link-button" data-testid="clear-matching" on:click=clear>
                                    {t.devices.clear_selection}
                                </button>
                            }
                            .into_any()
                        } else if offer_all() {
                            view! {
                                <span>{page_ids.with(|ids| (t.devices.page_selected)(ids.len()))}</span>
                                <button type="button" class="link-button" data-testid="select-all-matching" on:click=select_all>
                                    {(t.devices.select_all_matching)(total.get())}
                                </button>
                            }
                            .into_any()
                        } else {
                            view! { <span>{t.devices.matching_selection_dropped}</span> }.into_any()
                        }
                    }}
                </div>
            </Show>
        </div>
    }
}
