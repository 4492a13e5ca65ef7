//! ジョブ管理: the wipe jobs and their progress. `/jobs` is the list (filters, sort and page in the
//! query); `/jobs/:id` opens one job in a panel beside it, so the list keeps its scroll position
//! and keeps refreshing while the detail is read.

mod apple_command;
mod attempts;
mod auto_refresh;
mod cancel_dialog;
mod conditions;
pub(crate) mod csv_export;
pub(crate) mod dates;
mod detail_view;
mod fact;
mod filters;
mod history;
mod job_detail;
mod job_row;
mod job_table;
mod list_states;
mod options;
mod pager;
mod platform_command;
mod reenrollment;
mod screen;
mod url;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::ids::JobId;
use mdm_model::job::{jobs_csv, JobListEntry, JobQuery};
use mdm_model::paging::Page;
use mdm_model::query::QueryParamError;

pub use auto_refresh::{page_visibility, AutoRefresh, LiveState, LoadOutcome, RefreshPolicy};
pub use cancel_dialog::{jobs_to_cancel, CancelDialog};
pub use detail_view::JobDetailView;
pub use filters::{ChipNames, JobFilters};
pub use history::AuditView;
pub use job_detail::JobDetailPage;
pub use job_row::can_cancel;
pub use job_table::JobTable;
pub use pager::{PagePosition, Pager};

use crate::api::{Api, ApiError};
use crate::components::{use_toasts, PageHeader, ToastKind};
use crate::i18n::use_locale;
use crate::routes;
use list_states::{JobsEmpty, JobsLoading, JobsProblem, JobsToolbar};
use screen::{CancelFlow, JobsScreen};

/// The rows of one query, as last fetched.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    query: JobQuery,
    page: Page<JobListEntry>,
    at: DateTime<Utc>,
}

/// What the list area shows.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    BadQuery(QueryParamError),
    Loading,
    Failed(ApiError),
    Empty { filtered: bool },
    Table,
}

/// The job list, with the open job's panel (the child route) beside it.
#[component]
pub fn JobsPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = use_locale();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let location = use_location();
    let query_map = use_query_map();
    let t = move || locale.t().jobs;

    let parsed = Memo::new(move |_| {
        query_map.with(|map| url::query_from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let query = Memo::new(move |_| parsed.with(|p| p.clone().unwrap_or_default()));
    let selected = Memo::new(move |_| {
        location.pathname.with(|path| {
            routes::within(path)
                .strip_prefix(routes::JOBS)
                .and_then(|rest| rest.strip_prefix('/'))
                .and_then(|id| id.parse::<JobId>().ok())
        })
    });
    let screen = JobsScreen::provide(query.into());
    let zone = screen.zone;
    let live = AutoRefresh::new(RefreshPolicy::LIVE, page_visibility());

    let fetch_api = api.clone();
    let list = LocalResource::new(move || {
        live.track();
        screen.track_changes();
        let parsed = parsed.get();
        let api = fetch_api.clone();
        async move {
            let query = parsed.ok()?;
            let result = api.jobs(&query).await;
            Some((query, result))
        }
    });
    let loaded = RwSignal::new(None::<Loaded>);
    let failure = RwSignal::new(None::<(JobQuery, ApiError)>);
    Effect::new(move |_| {
        let Some(Some((query, result))) = list.get() else {
            return;
        };
        match result {
            Ok(page) => {
                let same = loaded.with_untracked(|l| {
                    l.as_ref()
                        .is_some_and(|l| l.query == query && l.page == page)
                });
                let active = page.items.iter().any(JobListEntry::is_active);
                loaded.set(Some(Loaded {
                    query,
                    page,
                    at: Utc::now(),
                }));
                failure.set(None);
                live.loaded(
                    active,
                    if same {
                        LoadOutcome::Unchanged
                    } else {
                        LoadOutcome::Changed
                    },
                );
            }
            Err(error) => {
                let active = loaded.with_untracked(|l| {
                    l.as_ref()
                        .is_none_or(|l| l.page.items.iter().any(JobListEntry::is_active))
                });
                failure.set(Some((query, error)));
                live.loaded(active, LoadOutcome::Failed);
            }
        }
    });

    let body = Memo::new(move |_| {
        let query = match parsed.get() {
            Ok(query) => query,
            Err(problem) => return Body::BadQuery(problem),
        };
        let shown = loaded.with(|l| {
            l.as_ref()
                .map(|l| (l.query == query, l.page.items.is_empty()))
        });
        let failed = failure.with(|f| f.as_ref().map(|(q, e)| (*q == query, e.clone())));
        match (shown, failed) {
            (Some((false, _)) | None, Some((true, error))) | (None, Some((_, error))) => {
                Body::Failed(error)
            }
            (None, None) => Body::Loading,
            (Some((true, true)), _) => Body::Empty {
                filtered: url::is_filtered(&query),
            },
            (Some(_), _) => Body::Table,
        }
    });
    let entries = Memo::new(move |_| {
        loaded.with(|l| l.as_ref().map(|l| l.page.items.clone()).unwrap_or_default())
    });
    let position = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .map(|l| PagePosition {
                    total: l.page.total,
                    page: l.page.page,
                    per_page: l.page.per_page,
                })
                .unwrap_or_default()
        })
    });
    let busy = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .is_some_and(|l| parsed.with(|p| p.as_ref().ok() != Some(&l.query)))
        })
    });
    let fetched_at = Signal::derive(move || {
        loaded
            .with(|l| {
                l.as_ref()
                    .map(|l| mdm_model::time::format_time_of_day(l.at, zone.get()))
            })
            .unwrap_or_default()
    });
    let stale_since = Signal::derive(move || {
        let failed_query = failure.with(|f| f.as_ref().map(|(q, _)| q.clone()))?;
        let same = loaded.with(|l| l.as_ref().is_some_and(|l| l.query == failed_query));
        same.then(|| fetched_at.get())
    });
    let names = Signal::derive(move || {
        let q = query.get();
        entries.with(|list| {
            let job = |pick: &dyn Fn(&JobListEntry) -> bool| {
                list.iter().find(|e| pick(e)).map(|e| e.job.clone())
            };
            ChipNames {
                device: q
                    .device
                    .and_then(|d| job(&|e| e.job.device.id == d))
                    .map(|j| j.device.name),
                registrant: q
                    .registrant
                    .and_then(|r| job(&|e| e.job.registered_by.id == r))
                    .map(|j| j.registered_by.display_name),
            }
        })
    });

    // Filters, sort and page change the address; the open job stays open.
    let go = move |next: JobQuery, scroll: bool| {
        let href = match selected.get_untracked() {
            Some(id) => url::detail_href(id, &next),
            None => url::list_href(&next),
        };
        navigate(
            &href,
            NavigateOptions {
                scroll,
                ..NavigateOptions::default()
            },
        );
    };
    let go_filter = go.clone();
    let go_clear = go.clone();
    let go_sort = go.clone();
    let go_page = go.clone();
    let go_size = go.clone();
    let go_reset = go;

    let export = Action::new_local(move |query: &JobQuery| {
        let api = api.clone();
        let query = query.clone();
        async move {
            let t = locale.t_untracked().jobs;
            match csv_export::all_entries(&api, &query).await {
                Ok(entries) => {
                    let zone = zone.get_untracked();
                    let text = jobs_csv(&entries, locale.lang_untracked(), zone);
                    let name = csv_export::file_name(t.csv_file_prefix, Utc::now(), zone);
                    let jobs: usize = entries.iter().map(|e| e.jobs().count()).sum();
                    match csv_export::download(&name, &text) {
                        Ok(()) => toasts.show(ToastKind::Success, (t.exported)(jobs)),
                        Err(_) => toasts.show(ToastKind::Error, t.export_failed),
                    }
                }
                Err(error) => toasts.show(ToastKind::Error, error.message(locale.lang_untracked())),
            }
        }
    });

    let table = move || {
        let go_sort = go_sort.clone();
        let go_page = go_page.clone();
        let go_size = go_size.clone();
        view! {
            <JobsToolbar
                total=Signal::derive(move || position.get().total)
                fetched_at=fetched_at
                live=Signal::derive(move || live.state())
                stale_since=stale_since
                exporting=export.pending()
                on_refresh=Callback::new(move |_| live.refresh_now())
                on_export=Callback::new(move |_| {
                    export.dispatch_local(query.get_untracked());
                })
            />
            <JobTable
                entries=entries
                query=query
                zone=zone
                selected=selected
                busy=busy
                on_sort=Callback::new(move |key| go_sort(url::sorted_by(&query.get_untracked(), key), false))
                on_cancel=Callback::new(move |entry: JobListEntry| screen.ask_cancel(entry.jobs().cloned().collect()))
            />
            <Pager
                position=position
                on_page=Callback::new(move |page| go_page(url::on_page(&query.get_untracked(), page), true))
                on_per_page=Callback::new(move |size| go_size(url::with_per_page(&query.get_untracked(), size), false))
            />
        }
    };

    view! {
        <PageHeader title=Signal::derive(move || locale.t().jobs_title.to_string())/>
        <p class="page-lead" data-testid="jobs-lead">{move || t().lead}</p>
        <p class="hint jobs-zone" data-testid="jobs-time-zone">{move || (t().times_in_zone)(zone.get().name())}</p>
        <JobFilters
            query=query
            zone=zone
            names=names
            on_apply=Callback::new(move |next| go_filter(next, false))
        />
        <div class="job-list" data-testid="job-list">
            {move || match body.get() {
                Body::Table => table.clone()().into_any(),
                Body::Loading => view! { <JobsLoading/> }.into_any(),
                Body::Empty { filtered } => {
                    let go_clear = go_clear.clone();
                    view! {
                        <JobsEmpty
                            filtered=filtered
                            on_clear=Callback::new(move |_| go_clear(url::cleared(&query.get_untracked()), false))
                        />
                    }
                        .into_any()
                }
                Body::Failed(error) => view! {
                    <JobsProblem
                        title=Signal::derive(move || t().load_error_title)
                        message=Signal::derive(move || error.message(locale.lang()))
                        action=Signal::derive(move || t().retry)
                        on_action=Callback::new(move |_| live.refresh_now())
                    />
                }
                    .into_any(),
                Body::BadQuery(problem) => {
                    let go_reset = go_reset.clone();
                    view! {
                        <JobsProblem
                            title=Signal::derive(move || t().bad_query_title)
                            message=Signal::derive(move || problem.message(locale.lang()))
                            action=Signal::derive(move || t().reset_query)
                            on_action=Callback::new(move |_| go_reset(JobQuery::default(), false))
                        />
                    }
                        .into_any()
                }
            }}
        </div>
        <Outlet/>
        <CancelFlow screen=screen/>
    }
}
