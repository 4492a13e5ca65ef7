//! The job table: sortable headers and one keyed `<tbody>` per entry, so a refresh updates the
//! rows that changed in place (no flicker, focus and scroll kept) and moves the others.

use std::collections::HashMap;

use leptos::prelude::*;
use mdm_model::ids::JobId;
use mdm_model::job::{JobListEntry, JobQuery, JobSortKey};
use mdm_model::time::Zone;

use super::job_row::JobEntryRows;
use crate::components::data_table::{SortHeader, TableFrame, TableNotice, TableNoticeRow};
use crate::i18n::use_locale;

/// Columns of the table.
const COLUMNS: u32 = 8;

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
    /// Loading, empty or failed: shown instead of the rows.
    #[prop(optional, into)]
    notice: Signal<Option<TableNotice>>,
    /// The notice's button (retry, clear the filters…).
    #[prop(optional, into)]
    on_notice_action: Option<Callback<()>>,
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

    let header = move |key: JobSortKey, second: Option<JobSortKey>, class: &'static str| {
        view! { <SortHeader key=key second=second sort=sort on_sort=on_sort class=format!("job-head {class}")/> }
    };
    view! {
        <TableFrame label=Signal::derive(move || locale.t().jobs.table_caption.to_string()) busy=busy>
            <table class="job-table" data-testid="job-table">
                <caption class="visually-hidden">{move || locale.t().jobs.table_caption}</caption>
                <thead>
                    <tr>
                        {header(JobSortKey::Device, None, "job-head--device")}
                        // Not sortable: the job list has no sort key for it.
                        <th scope="col" class="job-head job-head--kind">{move || locale.t().jobs.kind}</th>
                        {header(JobSortKey::Id, None, "job-head--id")}
                        {header(JobSortKey::Method, None, "job-head--method")}
                        {header(JobSortKey::Status, Some(JobSortKey::UpdatedAt), "job-head--status")}
                        {header(JobSortKey::RegisteredAt, Some(JobSortKey::Registrant), "job-head--registered")}
                        {header(JobSortKey::ScheduledAt, None, "job-head--scheduled")}
                        <th scope="col" class="job-head job-head--actions">{move || locale.t().jobs.col_actions}</th>
                    </tr>
                </thead>
                {move || notice.get().map(|notice| view! {
                    <tbody><TableNoticeRow columns=COLUMNS notice=notice on_action=on_notice_action/></tbody>
                })}
                <For each=move || if notice.with(Option::is_some) { Vec::new() } else { ids.get() } key=|id| *id let(id)>
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
        </TableFrame>
    }
}
