//! The job table: sortable headers and one keyed `<tbody>` per entry, so a refresh updates the
//! rows that changed in place (no flicker, focus and scroll kept) and moves the others.

use std::collections::HashMap;

use leptos::prelude::*;
use mdm_model::ids::JobId;
use mdm_model::job::{JobListEntry, JobQuery, JobSortKey};
use mdm_model::paging::SortOrder;
use mdm_model::time::Zone;

use super::job_row::JobEntryRows;
use crate::i18n::use_locale;

/// One sort button of a header.
#[component]
fn SortButton(
    /// The column's sort key; its label is the button's text.
    key: JobSortKey,
    /// The current sort.
    sort: Signal<(JobSortKey, SortOrder)>,
    /// Sorts by `key` (again: the other way).
    on_sort: Callback<JobSortKey>,
) -> impl IntoView {
    let locale = use_locale();
    let order = move || {
        let (current, order) = sort.get();
        (current == key).then_some(order)
    };
    let state = move || match order() {
        Some(SortOrder::Asc) => format!(" ({})", locale.t().jobs.sorted_asc),
        Some(SortOrder::Desc) => format!(" ({})", locale.t().jobs.sorted_desc),
        None => String::new(),
    };
    view! {
        <button
            type="button"
            class="sort-button"
            class:sort-button--active=move || order().is_some()
            data-testid=format!("sort-{}", key.as_str())
            on:click=move |_| on_sort.run(key)
        >
            {move || key.label(locale.lang())}
            <span class="sort-button__arrow" aria-hidden="true">
                {move || match order() {
                    Some(SortOrder::Asc) => "▲",
                    Some(SortOrder::Desc) => "▼",
                    None => "",
                }}
            </span>
            <span class="visually-hidden">{state}</span>
        </button>
    }
}

/// A header cell sorting by `primary` (and offering `secondary`, shown in the same column).
#[component]
fn SortHeader(
    /// The column's own key; `aria-sort` follows it.
    primary: JobSortKey,
    /// A second key shown in the same column.
    #[prop(optional)]
    secondary: Option<JobSortKey>,
    /// The current sort.
    sort: Signal<(JobSortKey, SortOrder)>,
    /// Sorts by a key.
    on_sort: Callback<JobSortKey>,
    /// Extra class of the column.
    class: &'static str,
) -> impl IntoView {
    let aria_sort = move || {
        let (current, order) = sort.get();
        match (current == primary, order) {
            (false, _) => "none",
            (true, SortOrder::Asc) => "ascending",
            (true, SortOrder::Desc) => "descending",
        }
    };
    view! {
        <th scope="col" class=format!("job-head {class}") aria-sort=aria_sort>
            <SortButton key=primary sort=sort on_sort=on_sort/>
            {secondary.map(|key| view! {
                <span class="job-head__divider" aria-hidden="true">"/"</span>
                <SortButton key=key sort=sort on_sort=on_sort/>
            })}
        </th>
    }
}

/// The table of jobs of the current page.
#[component]
pub fn JobTable(
    /// The entries of the page, in the portal's order.
    #[prop(into)]
    entries: Signal<Vec<JobListEntry>>,
    /// The list state (sort, and carried into links).
    #[prop(into)]
    query: Signal<JobQuery>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
    /// The job open in the detail panel, if any.
    #[prop(into)]
    selected: Signal<Option<JobId>>,
    /// Another sort was asked for.
    on_sort: Callback<JobSortKey>,
    /// Asks to cancel an entry.
    on_cancel: Callback<JobListEntry>,
    /// The rows shown belong to another query that is loading.
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let sort = Signal::derive(move || query.with(|q| (q.sort, q.order)));
    let ids =
        Memo::new(move |_| entries.with(|list| list.iter().map(|e| e.job.id).collect::<Vec<_>>()));
    let by_id = Memo::new(move |_| {
        entries.with(|list| {
            list.iter()
                .map(|e| (e.job.id, e.clone()))
                .collect::<HashMap<JobId, JobListEntry>>()
        })
    });

    view! {
        <div class="job-table-wrap" class:job-table-wrap--busy=busy aria-busy=move || busy.get().to_string()>
            <table class="job-table" data-testid="job-table">
                <caption class="visually-hidden">{move || locale.t().jobs.table_caption}</caption>
                <thead>
                    <tr>
                        <SortHeader primary=JobSortKey::Device sort=sort on_sort=on_sort class="job-head--device"/>
                        <SortHeader primary=JobSortKey::Id sort=sort on_sort=on_sort class="job-head--id"/>
                        <SortHeader primary=JobSortKey::Method sort=sort on_sort=on_sort class="job-head--method"/>
                        <SortHeader
                            primary=JobSortKey::Status
                            secondary=JobSortKey::UpdatedAt
                            sort=sort
                            on_sort=on_sort
                            class="job-head--status"
                        />
                        <SortHeader
                            primary=JobSortKey::RegisteredAt
                            secondary=JobSortKey::Registrant
                            sort=sort
                            on_sort=on_sort
                            class="job-head--registered"
                        />
                        <SortHeader primary=JobSortKey::ScheduledAt sort=sort on_sort=on_sort class="job-head--scheduled"/>
                        <th scope="col" class="job-head job-head--actions">{move || locale.t().jobs.col_actions}</th>
                    </tr>
                </thead>
                <For each=move || ids.get() key=|id| *id let(id)>
                    {
                        match by_id.with_untracked(|map| map.get(&id).cloned()) {
                            Some(initial) => {
                                let entry = Memo::new(move |previous: Option<&JobListEntry>| {
                                    by_id
                                        .with(|map| map.get(&id).cloned())
                                        .or_else(|| previous.cloned())
                                        .unwrap_or_else(|| initial.clone())
                                });
                                view! {
                                    <JobEntryRows
                                        entry=entry
                                        zone=zone
                                        query=query
                                        selected=selected
                                        on_cancel=on_cancel
                                    />
                                }
                                    .into_any()
                            }
                            None => ().into_any(),
                        }
                    }
                </For>
            </table>
        </div>
    }
}
