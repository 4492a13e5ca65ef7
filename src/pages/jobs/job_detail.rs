//! `/jobs/:id`: one job, in a panel beside the job list (which stays mounted, scrolled and
//! refreshing behind it). Owns the job's data: the detail, its audit entries, and a live refresh
//! while the job or its partner is still open.

use leptos::html::H2;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use mdm_model::ids::JobId;
use mdm_model::job::JobDetail;
use mdm_model::ErrorCode;

use super::auto_refresh::{page_visibility, AutoRefresh, LoadOutcome, RefreshPolicy};
use super::detail_view::JobDetailView;
use super::history::AuditView;
use super::screen::{use_jobs_screen, JobsScreen};
use super::url::list_href;
use crate::api::{Api, ApiError};
use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;

/// What the panel shows.
#[derive(Debug, Clone, PartialEq)]
enum PanelState {
    Loading,
    Failed(ApiError),
    Ready,
}

/// The job detail panel of `/jobs/:id`.
#[component]
pub fn JobDetailPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = use_locale();
    let screen = use_jobs_screen();
    let params = use_params_map();
    let navigate = use_navigate();
    let id = Memo::new(move |_| JobsScreen::job_id(params.with(|p| p.get("id"))));
    let live = AutoRefresh::new(RefreshPolicy::LIVE, page_visibility());

    let fetch_api = api.clone();
    let resource = LocalResource::new(move || {
        live.track();
        screen.track_changes();
        let id = id.get();
        let api = fetch_api.clone();
        async move {
            let id = id?;
            Some((id, api.job(id).await))
        }
    });
    let shown = RwSignal::new(None::<JobDetail>);
    let failure = RwSignal::new(None::<(JobId, ApiError)>);
    Effect::new(move |_| {
        let Some(Some((id, result))) = resource.get() else {
            return;
        };
        match result {
            Ok(detail) => {
                let outcome = if shown.with_untracked(|s| s.as_ref() == Some(&detail)) {
                    LoadOutcome::Unchanged
                } else {
                    LoadOutcome::Changed
                };
                let active = detail.job.status.is_open()
                    || detail.partner.as_ref().is_some_and(|p| p.status.is_open());
                shown.set(Some(detail));
                failure.set(None);
                live.loaded(active, outcome);
            }
            Err(error) => {
                // A job that does not exist will not appear by asking again.
                let active = error.code() != Some(ErrorCode::NotFound);
                failure.set(Some((id, error)));
                live.loaded(active, LoadOutcome::Failed);
            }
        }
    });
    let current = Memo::new(move |_| shown.get().filter(|d| Some(d.job.id) == id.get()));
    let state = Memo::new(move |_| {
        if current.with(Option::is_some) {
            return PanelState::Ready;
        }
        match failure.get() {
            Some((failed, error)) if Some(failed) == id.get() => PanelState::Failed(error),
            _ => PanelState::Loading,
        }
    });

    let audit_key = Memo::new(move |_| {
        current.with(|d| {
            d.as_ref().map(|d| {
                // Asked again when the job or its partner moves (a cancel, a time-out).
                let statuses = (d.history.len(), d.partner.as_ref().map(|p| p.status));
                (d.job.id, statuses)
            })
        })
    });
    let audit = LocalResource::new(move || {
        let key = audit_key.get();
        let api = api.clone();
        async move {
            let (job, _) = key?;
            Some(api.job_audit(job).await)
        }
    });
    let audit_view = Signal::derive(move || match audit.get() {
        Some(Some(Ok(entries))) => AuditView::Entries(entries),
        Some(Some(Err(_))) => AuditView::Failed,
        _ => AuditView::Loading,
    });

    let title = NodeRef::<H2>::new();
    let title_text =
        move || (locale.t().job_detail_title)(&id.get().map(|i| i.to_string()).unwrap_or_default());
    // Opening a job moves the focus to the panel, so keyboard and screen reader users land there.
    Effect::new(move |_| {
        id.track();
        if let Some(el) = title.get() {
            let _ = el.focus();
        }
    });
    Effect::new(move |_| {
        crate::host::set_document_title(&(locale.t().document_title)(&title_text()))
    });
    on_cleanup(move || {
        let t = locale.t_untracked();
        crate::host::set_document_title(&(t.document_title)(t.jobs_title));
    });

    let close = move || {
        let open = id.get_untracked();
        let options = NavigateOptions {
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&list_href(&screen.query.get_untracked()), options);
        // Back to where the administrator came from: the job's link in the table.
        if let Some(open) = open {
            set_timeout(
                move || {
                    let selector = format!("[data-job-link='{open}']");
                    if let Some(link) = document().query_selector(&selector).ok().flatten() {
                        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                            let _ = link.focus();
                        }
                    }
                },
                std::time::Duration::from_millis(0),
            );
        }
    };
    let close_on_click = close.clone();

    view! {
        // A non-modal dialog beside the list: a `div`, since `aside` may not take the dialog role.
        <div
            class="job-drawer"
            role="dialog"
            aria-modal="false"
            aria-labelledby="job-drawer-title"
            data-testid="job-drawer"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    close();
                }
            }
        >
            <header class="job-drawer__header">
                <h2 class="job-drawer__title" id="job-drawer-title" tabindex="-1" node_ref=title data-testid="job-drawer-title">
                    {title_text}
                </h2>
                <button
                    type="button"
                    class="job-drawer__close"
                    data-testid="job-drawer-close"
                    aria-label=move || locale.t().jobs.close_detail
                    on:click=move |_| close_on_click()
                >
                    <Icon kind=IconKind::Close/>
                </button>
            </header>
            <div class="job-drawer__body">
                {move || match state.get() {
                    PanelState::Loading => view! {
                        <div class="job-drawer__state" role="status" data-testid="job-detail-loading">
                            <div class="spinner" aria-hidden="true"></div>
                            <p class="panel__text">{move || locale.t().jobs.detail_loading}</p>
                        </div>
                    }
                        .into_any(),
                    PanelState::Failed(error) => view! {
                        <div class="panel panel--alert" role="alert" data-testid="job-detail-error">
                            <h3 class="panel__title">{move || locale.t().jobs.detail_error_title}</h3>
                            <p class="panel__text">{move || error.message(locale.lang())}</p>
                            <div class="panel__actions">
                                <button type="button" class="button" on:click=move |_| live.refresh_now()>
                                    {move || locale.t().jobs.retry}
                                </button>
                            </div>
                        </div>
                    }
                        .into_any(),
                    PanelState::Ready => match current.get_untracked() {
                        Some(initial) => {
                            let detail = Memo::new(move |previous: Option<&JobDetail>| {
                                current.get().or_else(|| previous.cloned()).unwrap_or_else(|| initial.clone())
                            });
                            view! {
                                <JobDetailView
                                    detail=detail
                                    audit=audit_view
                                    zone=screen.zone
                                    query=screen.query
                                    on_cancel=Callback::new(move |jobs| screen.ask_cancel(jobs))
                                />
                            }
                                .into_any()
                        }
                        None => ().into_any(),
                    },
                }}
            </div>
        </div>
    }
}
