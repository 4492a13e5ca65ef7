//! The job detail panel's state hook: the open job from the path, its live fetch, the detail
//! last answered for it, what the panel says instead while there is none (the table kit's
//! loading and error notice), and the job's audit entries. The answers are read through memos;
//! the one effect only tells the live refresh how each fetch went.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use mdm_model::ids::JobId;
use mdm_model::job::JobDetail;
use mdm_model::ErrorCode;

use super::auto_refresh::{page_visibility, AutoRefresh, LoadOutcome, RefreshPolicy};
use super::history::AuditView;
use super::screen::{use_jobs_screen, JobsScreen};
use crate::api::{Api, ApiError};
use crate::components::data_table::{ListState, TableNotice};
use crate::i18n::use_locale;

/// One answer of the portal about one job.
type Answer = (JobId, Result<JobDetail, ApiError>);

/// Whether a job or its partner may still move, so the panel keeps asking.
fn still_open(detail: &JobDetail) -> bool {
    detail.job.status.is_open() || detail.partner.as_ref().is_some_and(|p| p.status.is_open())
}

/// How a fetch went for the live refresh: whether to keep asking, and whether anything moved
/// since `shown`.
fn outcome(answer: &Result<JobDetail, ApiError>, shown: Option<&JobDetail>) -> (bool, LoadOutcome) {
    match answer {
        Ok(detail) if shown == Some(detail) => (still_open(detail), LoadOutcome::Unchanged),
        Ok(detail) => (still_open(detail), LoadOutcome::Changed),
        // A job that does not exist will not appear by asking again.
        Err(error) => (
            error.code() != Some(ErrorCode::NotFound),
            LoadOutcome::Failed,
        ),
    }
}

/// Everything the detail panel shows.
#[derive(Clone, Copy)]
pub struct JobDetailState {
    /// The job the path names.
    pub id: Memo<Option<JobId>>,
    pub screen: JobsScreen,
    pub live: AutoRefresh,
    /// The open job's detail as last answered; kept while a refresh is on its way or fails.
    pub current: Memo<Option<JobDetail>>,
    /// What the panel shows while there is no detail: loading, or why it failed.
    pub notice: Memo<Option<TableNotice>>,
    /// The job's audit entries.
    pub audit: Signal<AuditView>,
}

impl JobDetailState {
    /// Reads the path and starts the live fetch.
    pub fn start() -> JobDetailState {
        let api = expect_context::<Api>();
        let screen = use_jobs_screen();
        let params = use_params_map();
        let id = Memo::new(move |_| JobsScreen::job_id(params.with(|p| p.get("id"))));
        let live = AutoRefresh::new(RefreshPolicy::LIVE, page_visibility());
        let answers: LocalResource<Option<Answer>> = {
            let api = api.clone();
            LocalResource::new(move || {
                live.track();
                screen.track_changes();
                let (id, api) = (id.get(), api.clone());
                async move {
                    let id = id?;
                    Some((id, api.job(id).await))
                }
            })
        };
        let answer = move || {
            answers
                .get()
                .flatten()
                .filter(|(job, _)| Some(*job) == id.get())
        };
        let current = Memo::new(move |previous: Option<&Option<JobDetail>>| match answer() {
            Some((_, Ok(detail))) => Some(detail),
            _ => previous
                .cloned()
                .flatten()
                .filter(|d| Some(d.job.id) == id.get()),
        });
        // The detail each answer is compared with: the last one answered, whichever job.
        Effect::new(move |shown: Option<Option<JobDetail>>| {
            let shown = shown.flatten();
            let Some((_, result)) = answers.get().flatten() else {
                return shown;
            };
            let (active, how) = outcome(&result, shown.as_ref());
            live.loaded(active, how);
            result.ok().or(shown)
        });
        let locale = use_locale();
        let notice = Memo::new(move |_| {
            if current.with(Option::is_some) {
                return None;
            }
            let failed = answer().and_then(|(_, result)| result.err());
            let state = failed
                .as_ref()
                .map_or(ListState::Loading, ListState::Failed);
            let t = locale.t().jobs;
            TableNotice::of(state, locale.lang(), t.detail_loading, || {
                TableNotice::empty("", "")
            })
            .map(|notice| match notice {
                TableNotice::Error { message, retry } => TableNotice::Error {
                    message: format!("{} {message}", t.detail_error_title),
                    retry,
                },
                other => other,
            })
        });
        JobDetailState {
            id,
            screen,
            live,
            current,
            notice,
            audit: audit_of(api, current),
        }
    }
}

/// The audit entries of the job `current` shows, asked again when the job or its partner moves
/// (a cancel, a time-out).
fn audit_of(api: Api, current: Memo<Option<JobDetail>>) -> Signal<AuditView> {
    let key = Memo::new(move |_| {
        current.with(|d| {
            d.as_ref().map(|d| {
                let moved = (d.history.len(), d.partner.as_ref().map(|p| p.status));
                (d.job.id, moved)
            })
        })
    });
    let entries = LocalResource::new(move || {
        let (key, api) = (key.get(), api.clone());
        async move {
            let (job, _) = key?;
            Some(api.job_audit(job).await)
        }
    });
    Signal::derive(move || match entries.get() {
        Some(Some(Ok(entries))) => AuditView::Entries(entries),
        Some(Some(Err(_))) => AuditView::Failed,
        _ => AuditView::Loading,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::ApiErrorBody;
    use mdm_model::Lang;

    fn refusal(code: ErrorCode) -> ApiError {
        ApiError::Api {
            status: code.http_status(),
            body: ApiErrorBody::new(code, Lang::En),
        }
    }

    #[test]
    fn a_missing_job_is_not_asked_for_again_but_a_failing_portal_is() {
        let missing = Err(refusal(ErrorCode::NotFound));
        assert_eq!(outcome(&missing, None), (false, LoadOutcome::Failed));
        let down = Err(ApiError::Network("offline".into()));
        assert_eq!(outcome(&down, None), (true, LoadOutcome::Failed));
    }
}
