//! The filter bar of the job list: search, kind, status, method and registration dates, plus chips for
//! the narrower filters that come from links (one device, one registrant, one registration).
//! Choices apply at once; the search applies on Enter or the button.

use leptos::prelude::*;
use mdm_model::job::{JobKind, JobMethod, JobQuery, JobStatus};
use mdm_model::time::Zone;
use mdm_model::Lang;

use super::filter_form::JobFilterForm;
use super::url::{cleared, is_filtered, refined};
use crate::i18n::{use_locale, JobsText};

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
    let shown = move || JobFilterForm::of(&query.get(), zone.get());
    let form = RwSignal::new(untrack(shown));
    let range_error = RwSignal::new(false);
    // The address is the truth: back, forward and chips put the fields back in step with it.
    Effect::watch(
        shown,
        move |fields, _, _| {
            form.set(fields.clone());
            range_error.set(false);
        },
        false,
    );
    let apply = move || {
        let next =
            form.with_untracked(|f| f.apply_to(&query.get_untracked(), zone.get_untracked()));
        range_error.set(next.is_err());
        if let Ok(next) = next {
            on_apply.run(next);
        }
    };
    // A choice applies at once; the search waits for Enter or the button.
    let field = move |pick: fn(&mut JobFilterForm) -> &mut String, at_once: bool| {
        Callback::new(move |value: String| {
            form.update(|f| *pick(f) = value);
            if at_once {
                apply();
            }
        })
    };
    let value = move |read: fn(&JobFilterForm) -> &String| {
        Signal::derive(move || form.with(|f| read(f).clone()))
    };
    let invalid = Signal::derive(move || range_error.get());

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
                <SearchField value=value(|f| &f.search) on_input=field(|f| &mut f.search, false)/>
                <ChoiceFilter label=|t| t.kind all=|t| t.kind_all test_id="filter-kind" values=JobKind::ALL
                    wire=JobKind::as_str text=JobKind::label chosen=value(|f| &f.kind) on_choose=field(|f| &mut f.kind, true)/>
                <ChoiceFilter label=|t| t.status_label all=|t| t.status_all test_id="filter-status" values=JobStatus::ALL
                    wire=JobStatus::as_str text=JobStatus::label chosen=value(|f| &f.status) on_choose=field(|f| &mut f.status, true)/>
                <ChoiceFilter label=|t| t.method_label all=|t| t.method_all test_id="filter-method" values=JobMethod::ALL
                    wire=JobMethod::as_str text=JobMethod::label chosen=value(|f| &f.method) on_choose=field(|f| &mut f.method, true)/>
                <DateFilter label=|t| t.from_label test_id="filter-from" value=value(|f| &f.from) invalid=invalid
                    on_change=field(|f| &mut f.from, true)/>
                <DateFilter label=|t| t.to_label test_id="filter-to" value=value(|f| &f.to) invalid=invalid
                    on_change=field(|f| &mut f.to, true)/>
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
            <FilterChips query=query names=names on_apply=on_apply/>
        </form>
    }
}

/// The search box: device name, serial number or user.
#[component]
fn SearchField(
    /// What is typed.
    value: Signal<String>,
    /// Called as it is typed.
    on_input: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <FilterLabel label=|t| t.search_label class="job-filters__search">
            <input
                type="search"
                class="field__input"
                data-testid="filter-search"
                maxlength="200"
                enterkeyhint="search"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                placeholder=move || locale.t().jobs.search_placeholder
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </FilterLabel>
    }
}

/// A field of the filter bar: its label around the control.
#[component]
fn FilterLabel(
    /// The label.
    label: fn(&'static JobsText) -> &'static str,
    /// A class of the field's own (its width).
    #[prop(optional)]
    class: &'static str,
    /// The control.
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <label class=format!("field {class}").trim_end().to_string()>
            <span class="field__label">{move || label(locale.t().jobs)}</span>
            {children()}
        </label>
    }
}

/// A select over one of the model's vocabularies (kind, status, method), "all" first.
#[component]
fn ChoiceFilter<T>(
    /// The select's label.
    label: fn(&'static JobsText) -> &'static str,
    /// The "all" choice.
    all: fn(&'static JobsText) -> &'static str,
    /// `data-testid` of the select.
    test_id: &'static str,
    /// The values offered, in the vocabulary's order.
    values: &'static [T],
    /// A value's wire name (the address's).
    wire: fn(T) -> &'static str,
    /// A value's label.
    text: fn(T, Lang) -> &'static str,
    /// The wire name chosen; empty for "all".
    chosen: Signal<String>,
    /// Called with the wire name chosen.
    on_choose: Callback<String>,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
{
    let locale = use_locale();
    view! {
        <FilterLabel label=label>
            <select
                class="field__input"
                data-testid=test_id
                prop:value=chosen
                on:change=move |ev| on_choose.run(event_target_value(&ev))
            >
                <option value="">{move || all(locale.t().jobs)}</option>
                {values
                    .iter()
                    .map(|&value| {
                        let name = wire(value);
                        view! {
                            <option value=name selected=move || chosen.with(|c| c == name)>
                                {move || text(value, locale.lang())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FilterLabel>
    }
}

/// One end of the registration period: a day in the administrator's zone.
#[component]
fn DateFilter(
    /// The field's label.
    label: fn(&'static JobsText) -> &'static str,
    /// `data-testid` of the input.
    test_id: &'static str,
    /// The day entered (`2026-11-26`).
    value: Signal<String>,
    /// The period is inverted.
    invalid: Signal<bool>,
    /// Called with the day entered.
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <FilterLabel label=label>
            <input
                type="date"
                class="field__input"
                data-testid=test_id
                aria-invalid=move || invalid.get().to_string()
                prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev))
            />
        </FilterLabel>
    }
}

/// The chips of the filters that come from links: one device, one registrant, one registration.
#[component]
fn FilterChips(
    /// The list state.
    query: Signal<JobQuery>,
    /// Names for the id-only filters.
    names: Signal<ChipNames>,
    /// Show the list for this query.
    on_apply: Callback<JobQuery>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let remove = move |change: fn(&mut JobQuery)| {
        Callback::new(move |_| on_apply.run(refined(&query.get_untracked(), change)))
    };
    // A name from the rows shown, else the id the address carries.
    let named = |name: Option<String>, id: Option<i64>| {
        name.unwrap_or_else(|| format!("#{}", id.unwrap_or_default()))
    };
    let device = Signal::derive(move || {
        let name = names.with(|n| n.device.clone());
        (t().chip_device)(&named(name, query.with(|q| q.device.map(|d| d.0))))
    });
    let registrant = Signal::derive(move || {
        let name = names.with(|n| n.registrant.clone());
        (t().chip_registrant)(&named(name, query.with(|q| q.registrant.map(|r| r.0))))
    });
    let wipe = Signal::derive(move || {
        (t().chip_wipe)(query.with(|q| q.wipe.map(|w| w.0)).unwrap_or_default())
    });
    view! {
        <Show when=move || query.with(|q| q.device.is_some() || q.registrant.is_some() || q.wipe.is_some())>
            <ul class="filter-chips">
                <Show when=move || query.with(|q| q.device.is_some())>
                    <Chip label=device test_id="chip-device" on_remove=remove(|q| q.device = None)/>
                </Show>
                <Show when=move || query.with(|q| q.registrant.is_some())>
                    <Chip label=registrant test_id="chip-registrant" on_remove=remove(|q| q.registrant = None)/>
                </Show>
                <Show when=move || query.with(|q| q.wipe.is_some())>
                    <Chip label=wipe test_id="chip-wipe" on_remove=remove(|q| q.wipe = None)/>
                </Show>
            </ul>
        </Show>
    }
}
