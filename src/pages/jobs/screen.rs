//! What the job list and the job detail beside it share while ジョブ管理 is open: the list state,
//! the administrator's time zone, a "jobs changed here" signal that makes both fetch at once, and
//! the one cancel flow (confirmation, request, result) both of them start.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use mdm_model::ids::JobId;
use mdm_model::job::{Job, JobQuery};
use mdm_model::time::Zone;

use super::cancel_dialog::{jobs_to_cancel, CancelDialog};
use super::url::detail_href;
use crate::api::{Api, ApiError};
use crate::components::{use_toasts, ToastKind};
use crate::i18n::use_locale;
use crate::session::use_session;

/// The job screen's shared state, provided by the job list for the detail it shows.
#[derive(Clone, Copy)]
pub struct JobsScreen {
    /// The list state from the address (defaults when the address cannot be read).
    pub query: Signal<JobQuery>,
    /// The administrator's time zone.
    pub zone: Signal<Zone>,
    changed: RwSignal<u64>,
    cancel_request: RwSignal<Option<Vec<Job>>>,
    cancel_error: RwSignal<Option<ApiError>>,
    cancel: Action<Vec<Job>, Result<(), ApiError>>,
}

impl JobsScreen {
    /// Creates the shared state and provides it as context.
    pub fn provide(query: Signal<JobQuery>) -> JobsScreen {
        let api = expect_context::<Api>();
        let session = use_session();
        let locale = use_locale();
        let toasts = use_toasts();
        let navigate = use_navigate();
        let zone = Signal::derive(move || session.time_zone());
        let changed = RwSignal::new(0u64);
        let cancel_request = RwSignal::new(None::<Vec<Job>>);
        let cancel_error = RwSignal::new(None::<ApiError>);
        let cancel = Action::new_local(move |jobs: &Vec<Job>| {
            let api = api.clone();
            let navigate = navigate.clone();
            let target = jobs.first().map(|job| job.id);
            async move {
                let Some(id) = target else { return Ok(()) };
                let result = api.cancel_job(id).await;
                match &result {
                    Ok(done) => {
                        let ids: Vec<i64> = done.cancelled.iter().map(|job| job.id.0).collect();
                        let t = locale.t_untracked().jobs;
                        toasts.show(ToastKind::Success, (t.cancelled)(&(t.job_ids)(&ids)));
                        cancel_request.try_set(None);
                        changed.try_update(|n| *n += 1);
                        // The result and its audit entry are in the detail: show it.
                        if let Some(query) = query.try_get_untracked() {
                            let options = NavigateOptions {
                                scroll: false,
                                ..NavigateOptions::default()
                            };
                            navigate(&detail_href(id, &query), options);
                        }
                    }
                    Err(error) => {
                        cancel_error.try_set(Some(error.clone()));
                        // The job moved meanwhile (sent, finished): show where it stands now.
                        changed.try_update(|n| *n += 1);
                    }
                }
                result.map(|_| ())
            }
        });
        let screen = JobsScreen {
            query,
            zone,
            changed,
            cancel_request,
            cancel_error,
            cancel,
        };
        provide_context(screen);
        screen
    }

    /// Subscribes the caller (a fetcher) to changes made on this screen.
    pub fn track_changes(&self) {
        self.changed.track();
    }

    /// Asks to cancel `jobs` (a job and its Hybrid partner): opens the confirmation.
    pub fn ask_cancel(&self, jobs: Vec<Job>) {
        if jobs_to_cancel(&jobs).is_empty() {
            return;
        }
        self.cancel_error.set(None);
        self.cancel_request.set(Some(jobs));
    }

    /// The job the open detail shows, from a path parameter.
    pub fn job_id(param: Option<String>) -> Option<JobId> {
        param.and_then(|text| text.parse::<JobId>().ok())
    }
}

/// The job screen's shared state; panics outside ジョブ管理.
pub fn use_jobs_screen() -> JobsScreen {
    expect_context::<JobsScreen>()
}

/// The cancel confirmation, while one is asked for.
#[component]
pub fn CancelFlow(
    /// The screen whose cancel flow this is.
    screen: JobsScreen,
) -> impl IntoView {
    let locale = use_locale();
    let error = Signal::derive(move || screen.cancel_error.get().map(|e| e.message(locale.lang())));
    let pending = screen.cancel.pending();
    move || {
        screen.cancel_request.get().map(|jobs| {
            let confirm_jobs = jobs.clone();
            view! {
                <CancelDialog
                    jobs=jobs
                    pending=pending
                    error=error
                    on_confirm=Callback::new(move |_| {
                        screen.cancel_error.set(None);
                        screen.cancel.dispatch_local(confirm_jobs.clone());
                    })
                    on_dismiss=Callback::new(move |_| screen.cancel_request.set(None))
                />
            }
        })
    }
}
