//! Search and filters above the device table.

use leptos::prelude::*;
use mdm_model::device::{
    DeviceFilter, DeviceMark, DeviceSortKey, DeviceStatus, ManagementMethod, Os, Ownership,
    MAX_SEARCH_LENGTH,
};
use mdm_model::Lang;

use crate::i18n::use_locale;

#[derive(Clone, Copy)]
/// One filter select: its label, its options (wire name, label) and how it reads and writes the
/// filter.
struct FilterSelect {
    id: &'static str,
    label: fn(Lang) -> String,
    options: fn(Lang) -> Vec<(&'static str, &'static str)>,
    get: fn(&DeviceFilter) -> Option<&'static str>,
    set: fn(&mut DeviceFilter, &str),
}

fn options<T: Copy>(
    all: &[T],
    wire: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&v| (wire(v), label(v, lang))).collect()
}

const SELECTS: [FilterSelect; 5] = [
    FilterSelect {
        id: "filter-os",
        label: |lang| DeviceSortKey::Os.label(lang).to_string(),
        options: |lang| options(Os::ALL, Os::as_str, Os::label, lang),
        get: |f| f.os.map(Os::as_str),
        set: |f, v| f.os = v.parse().ok(),
    },
    FilterSelect {
        id: "filter-ownership",
        label: |lang| DeviceSortKey::Ownership.label(lang).to_string(),
        options: |lang| options(Ownership::ALL, Ownership::as_str, Ownership::label, lang),
        get: |f| f.ownership.map(Ownership::as_str),
        set: |f, v| f.ownership = v.parse().ok(),
    },
    FilterSelect {
        id: "filter-method",
        label: |lang| DeviceSortKey::Method.label(lang).to_string(),
        options: |lang| {
            options(
                ManagementMethod::ALL,
                ManagementMethod::as_str,
                ManagementMethod::label,
                lang,
            )
        },
        get: |f| f.method.map(ManagementMethod::as_str),
        set: |f, v| f.method = v.parse().ok(),
    },
    FilterSelect {
        id: "filter-status",
        label: |lang| DeviceSortKey::Status.label(lang).to_string(),
        options: |lang| {
            options(
                DeviceStatus::ALL,
                DeviceStatus::as_str,
                DeviceStatus::label,
                lang,
            )
        },
        get: |f| f.status.map(DeviceStatus::as_str),
        set: |f, v| f.status = v.parse().ok(),
    },
    // 対策の状態: devices in lost mode, or locked ones (`mark=` in the address, as the portal reads it).
    FilterSelect {
        id: "filter-mark",
        label: |lang| crate::i18n::catalog(lang).measures.filter_mark.to_string(),
        options: |lang| options(DeviceMark::ALL, DeviceMark::as_str, DeviceMark::label, lang),
        get: |f| f.mark.map(DeviceMark::as_str),
        set: |f, v| f.mark = v.parse().ok(),
    },
];

/// Whether `filter` narrows the list beyond its group (a search or a filter is set).
fn narrows(f: &DeviceFilter) -> bool {
    f.q.is_some()
        || f.os.is_some()
        || f.ownership.is_some()
        || f.method.is_some()
        || f.status.is_some()
        || f.mark.is_some()
}

/// `filter` without its search and filters: the group stays.
fn cleared(f: &DeviceFilter) -> DeviceFilter {
    DeviceFilter {
        group: f.group,
        include_subgroups: f.include_subgroups,
        ..Default::default()
    }
}

/// Keyword search (applied on Enter or the search button) and the OS, ownership, method,
/// status and measure-state filters (applied as soon as they change).
#[component]
pub fn DeviceToolbar(
    /// The filter the list shows.
    #[prop(into)]
    filter: Signal<DeviceFilter>,
    /// Called with the filter the administrator asks for.
    #[prop(into)]
    on_change: Callback<DeviceFilter>,
) -> impl IntoView {
    let locale = use_locale();
    // What is typed, reset whenever the list's own search changes (back button, a link).
    let typed = RwSignal::new(String::new());
    Effect::new(move || typed.set(filter.with(|f| f.q.clone().unwrap_or_default())));

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let q = typed.get_untracked().trim().to_string();
        let mut next = filter.get_untracked();
        next.q = (!q.is_empty()).then_some(q);
        if next != filter.get_untracked() {
            on_change.run(next);
        }
    };
    let any_criterion = move || filter.with(narrows);
    let clear = move |_| on_change.run(filter.with_untracked(cleared));

    view! {
        <form
            class="device-toolbar"
            role="search"
            aria-label=move || locale.t().devices.filters_label
            data-testid="device-toolbar"
            on:submit=submit
        >
            <div class="device-toolbar__search">
                <label class="visually-hidden" for="device-search">{move || locale.t().devices.search_label}</label>
                <input
                    id="device-search"
                    class="field__input"
                    type="search"
                    name="q"
                    data-testid="device-search"
                    maxlength=MAX_SEARCH_LENGTH.to_string()
                    // A search key on a phone's keyboard; names and numbers are not corrected.
                    enterkeyhint="search"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    placeholder=move || locale.t().devices.search_placeholder
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" class="button" data-testid="device-search-submit">
                    {move || locale.t().devices.search_submit}
                </button>
            </div>
            <div class="device-toolbar__filters">
                {SELECTS
                    .iter()
                    .map(|select| {
                        let FilterSelect { id, label, options, get, set } = *select;
                        view! {
                            <label class="device-toolbar__filter" for=id>
                                <span>{move || label(locale.lang())}</span>
                                <select
                                    id=id
                                    class="field__input field__input--compact"
                                    data-testid=id
                                    on:change=move |ev| {
                                        let mut next = filter.get_untracked();
                                        set(&mut next, &event_target_value(&ev));
                                        on_change.run(next);
                                    }
                                >
                                    <option value="" selected=move || filter.with(|f| get(f).is_none())>
                                        {move || locale.t().devices.filter_any}
                                    </option>
                                    {move || {
                                        options(locale.lang())
                                            .into_iter()
                                            .map(|(wire, text)| {
                                                view! {
                                                    <option
                                                        value=wire
                                                        selected=move || filter.with(|f| get(f) == Some(wire))
                                                    >
                                                        {text}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </select>
                            </label>
                        }
                    })
                    .collect_view()}
                <Show when=any_criterion>
                    <button type="button" class="button button--quiet" data-testid="clear-filters" on:click=clear>
                        {move || locale.t().devices.clear_filters}
                    </button>
                </Show>
            </div>
        </form>
    }
}
