//! ジョブ管理: the wipe jobs and their progress. `/jobs` is the list (filters, sort and page in the
//! query); `/jobs/:id` opens one job in a panel beside it, so the list keeps its scroll position
//! and keeps refreshing while the detail is read.

mod apple_command;
mod attempts;
mod auto_refresh;
mod cancel_dialog;
mod command_key;
mod conditions;
pub(crate) mod dates;
mod detail_state;
mod detail_view;
mod fact;
mod filter_form;
mod filters;
mod history;
mod job_detail;
mod job_row;
mod job_table;
mod list_state;
mod options;
mod platform_command;
mod reenrollment;
mod screen;
mod toolbar;
mod url;

use leptos::prelude::*;
use leptos_router::components::Outlet;
use mdm_model::job::JobListEntry;
use mdm_model::paging::PER_PAGE_CHOICES;

pub use auto_refresh::{page_visibility, AutoRefresh, LiveState, LoadOutcome, RefreshPolicy};
pub use cancel_dialog::{jobs_to_cancel, CancelDialog};
pub use detail_view::JobDetailView;
pub use filters::{ChipNames, JobFilters};
pub use history::AuditView;
pub use job_detail::JobDetailPage;
pub use job_row::can_cancel;
pub use job_table::JobTable;
pub use list_state::JobList;

use crate::components::data_table::Pager;
use crate::components::PageHeader;
use crate::i18n::use_locale;
use screen::CancelFlow;
use toolbar::JobsToolbar;

/// The job list, with the open job's panel (the child route) beside it.
#[component]
pub fn JobsPage() -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let list = JobList::start();
    let (query, zone, screen) = (list.query, list.screen.zone, list.screen);
    view! {
        <PageHeader title=Signal::derive(move || locale.t().jobs_title.to_string())/>
        <p class="page-lead" data-testid="jobs-lead">{move || t().lead}</p>
        <p class="hint jobs-zone" data-testid="jobs-time-zone">{move || (t().times_in_zone)(zone.get().name())}</p>
        <JobFilters
            query=query
            zone=zone
            names=Signal::derive(move || list.chip_names())
            on_apply=Callback::new(move |next| list.go(next, false))
        />
        <div class="job-list" data-testid="job-list">
            <JobsToolbar
                total=Signal::derive(move || list.total())
                fetched_at=Signal::derive(move || list.fetched_at())
                live=Signal::derive(move || list.live.state())
                stale_since=Signal::derive(move || list.stale_since())
                query=query
                zone=zone
                on_refresh=Callback::new(move |_| list.live.refresh_now())
            />
            <JobTable
                entries=list.entries()
                query=query
                zone=zone
                selected=list.selected
                busy=Signal::derive(move || list.busy())
                notice=list.notice()
                on_notice_action=Callback::new(move |_| list.on_notice_action())
                on_sort=Callback::new(move |key| list.go(url::sorted_by(&query.get_untracked(), key), false))
                on_cancel=Callback::new(move |entry: JobListEntry| screen.ask_cancel(entry.jobs().cloned().collect()))
            />
            <Pager
                page=Signal::derive(move || list.page())
                per_page=Signal::derive(move || query.with(|q| q.page.per_page))
                total=Signal::derive(move || list.total())
                choices=&PER_PAGE_CHOICES
                on_page=Callback::new(move |page| {
                    let q = query.get_untracked();
                    list.go(url::on_page(&q, page), true);
                })
                on_per_page=Callback::new(move |size| list.go(url::with_per_page(&query.get_untracked(), size), false))
                id="pager"
            />
        </div>
        <Outlet/>
        <CancelFlow screen=screen/>
    }
}
