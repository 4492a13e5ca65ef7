//! The filter bar of the job list: search, status, method and registration dates, plus chips for
//! the narrower filters that come from links (one device, one registrant, one registration).
//! Choices apply at once; the search applies on Enter or the button.

use leptos::prelude::*;
use mdm_model::job::{JobMethod, JobQuery, JobStatus};
use mdm_model::time::Zone;

use super::dates::{from_input, range_from_inputs, to_input};
use super::url::{cleared, is_filtered, refined};
use crate::i18n::use_locale;

/// Readable names for the filters that only carry an id in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChipNames {
    pub device: Option<String>,
    pub registrant: Option<String>,
}

/// One removable filter chip.
#[component]
fn Chip(
    /// What the chip says.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid` of the chip.
    test_id: &'static str,
    /// Removes the filter.
    on_remove: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <li class="filter-chip" data-testid=test_id>
            <span class="filter-chip__label">{label}</span>
            <button
                type="button"
                class="filter-chip__remove"
                aria-label=move || (locale.t().jobs.chip_remove)(&label.get())
                on:click=move |_| on_remove.run(())
            >
                "×"
            </button>
        </li>
    }
}

/// The filter bar.
#[component]
pub fn JobFilters(
    /// The list state the bar shows.
    #[prop(into)]
    query: Signal<JobQuery>,
    /// The administrator's time zone, for the date fields.
    #[prop(into)]
    zone: Signal<Zone>,
    /// Names for the id-only filters.
    #[prop(into)]
    names: Signal<ChipNames>,
    /// Show the list for this query.
    on_apply: Callback<JobQuery>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let fields = move || {
        let q = query.get();
        let zone = zone.get();
        [
            q.q.clone().unwrap_or_default(),
            q.status.map(|s| s.as_str().to_string()).unwrap_or_default(),
            q.method.map(|m| m.as_str().to_string()).unwrap_or_default(),
            from_input(q.from, zone),
            to_input(q.to, zone),
        ]
    };
    let [search, status, method, from, to] = untrack(fields).map(RwSignal::new);
    let range_error = RwSignal::new(false);

    // The address is the truth: back, forward and chips put the fields back in step with it.
    Effect::watch(
        fields,
        move |[q, s, m, f, t], _, _| {
            search.set(q.clone());
            status.set(s.clone());
            method.set(m.clone());
            from.set(f.clone());
            to.set(t.clone());
            range_error.set(false);
        },
        false,
    );

    let apply = move || {
        let Ok((range_from, range_to)) = range_from_inputs(
            &from.get_untracked(),
            &to.get_untracked(),
            zone.get_untracked(),
        ) else {
            range_error.set(true);
            return;
        };
        range_error.set(false);
        let next = refined(&query.get_untracked(), |q| {
            let text = search.get_untracked().trim().to_string();
            q.q = (!text.is_empty()).then_some(text);
            q.status = status.get_untracked().parse::<JobStatus>().ok();
            q.method = method.get_untracked().parse::<JobMethod>().ok();
            q.from = range_from;
            q.to = range_to;
        });
        on_apply.run(next);
    };
    let remove = move |change: fn(&mut JobQuery)| {
        Callback::new(move |_| on_apply.run(refined(&query.get_untracked(), change)))
    };
    let device_label = Signal::derive(move || {
        let name = names.with(|n| n.device.clone());
        let id = query.with(|q| q.device.map(|d| d.0)).unwrap_or_default();
        (t().chip_device)(&name.unwrap_or_else(|| format!("#{id}")))
    });
    let registrant_label = Signal::derive(move || {
        let name = names.with(|n| n.registrant.clone());
        let id = query
            .with(|q| q.registrant.map(|r| r.0))
            .unwrap_or_default();
        (t().chip_registrant)(&name.unwrap_or_else(|| format!("#{id}")))
    });
    let wipe_label = Signal::derive(move || {
        (t().chip_wipe)(query.with(|q| q.wipe.map(|w| w.0)).unwrap_or_default())
    });

    view! {
        <form
            class="job-filters"
            role="search"
            aria-label=move || t().filters_label
            data-testid="job-filters"
            on:submit=move |ev| {
                ev.prevent_default();
                apply();
            }
        >
            <div class="job-filters__row">
                <label class="field job-filters__search">
                    <span class="field__label">{move || t().search_label}</span>
                    <input
                        type="search"
                        class="field__input"
                        data-testid="filter-search"
                        maxlength="200"
                        enterkeyhint="search"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        placeholder=move || t().search_placeholder
                        prop:value=search
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span class="field__label">{move || t().status_label}</span>
                    <select
                        class="field__input"
                        data-testid="filter-status"
                        prop:value=status
                        on:change=move |ev| {
                            status.set(event_target_value(&ev));
                            apply();
                        }
                    >
                        <option value="">{move || t().status_all}</option>
                        {JobStatus::ALL
                            .iter()
                            .map(|s| {
                                let s = *s;
                                view! {
                                    <option value=s.as_str() selected=move || status.get() == s.as_str()>
                                        {move || s.label(locale.lang())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().method_label}</span>
                    <select
                        class="field__input"
                        data-testid="filter-method"
                        prop:value=method
                        on:change=move |ev| {
                            method.set(event_target_value(&ev));
                            apply();
                        }
                    >
                        <option value="">{move || t().method_all}</option>
                        {JobMethod::ALL
                            .iter()
                            .map(|m| {
                                let m = *m;
                                view! {
                                    <option value=m.as_str() selected=move || method.get() == m.as_str()>
                                        {move || m.label(locale.lang())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().from_label}</span>
                    <input
                        type="date"
                        class="field__input"
                        data-testid="filter-from"
                        aria-invalid=move || range_error.get().to_string()
                        prop:value=from
                        on:change=move |ev| {
                            from.set(event_target_value(&ev));
                            apply();
                        }
                    />
                </label>
                <label class="field">
                    <span class="field__label">{move || t().to_label}</span>
                    <input
                        type="date"
                        class="field__input"
                        data-testid="filter-to"
                        aria-invalid=move || range_error.get().to_string()
                        prop:value=to
                        on:change=move |ev| {
                            to.set(event_target_value(&ev));
                            apply();
                        }
                    />
                </label>
                <div class="job-filters__buttons">
                    <button type="submit" class="button button--primary" data-testid="filter-submit">
                        {move || t().search_submit}
                    </button>
                    <Show when=move || query.with(is_filtered)>
                        <button
                            type="button"
                            class="button button--quiet"
                            data-testid="filter-clear"
                            on:click=move |_| on_apply.run(cleared(&query.get_untracked()))
                        >
                            {move || t().clear_filters}
                        </button>
                    </Show>
                </div>
            </div>
            <Show when=move || range_error.get()>
                <p class="field__error" role="alert" data-testid="filter-range-error">{move || t().range_inverted}</p>
            </Show>
            <Show when=move || query.with(|q| q.device.is_some() || q.registrant.is_some() || q.wipe.is_some())>
                <ul class="filter-chips">
                    <Show when=move || query.with(|q| q.device.is_some())>
                        <Chip label=device_label test_id="chip-device" on_remove=remove(|q| q.device = None)/>
                    </Show>
                    <Show when=move || query.with(|q| q.registrant.is_some())>
                        <Chip label=registrant_label test_id="chip-registrant" on_remove=remove(|q| q.registrant = None)/>
                    </Show>
                    <Show when=move || query.with(|q| q.wipe.is_some())>
                        <Chip label=wipe_label test_id="chip-wipe" on_remove=remove(|q| q.wipe = None)/>
                    </Show>
                </ul>
            </Show>
        </form>
    }
}
