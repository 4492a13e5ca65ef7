//! The job list's state hook: the list state from the address, the live fetch of the current
//! page, what the table shows (entries, notice, paging, freshness) and the ways to change the
//! list. Plain signals and actions; the views take what they need.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::ids::JobId;
use mdm_model::job::{JobListEntry, JobQuery};
use mdm_model::paging::Page;
use mdm_model::query::QueryParamError;

use super::auto_refresh::{page_visibility, AutoRefresh, LoadOutcome, RefreshPolicy};
use super::filters::ChipNames;
use super::screen::JobsScreen;
use super::url;
use crate::api::{Api, ApiError};
use crate::components::data_table::{ListState, TableNotice};
use crate::i18n::{use_locale, Locale};
use crate::routes;

/// The rows of one query, as last fetched.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    query: JobQuery,
    page: Page<JobListEntry>,
    at: DateTime<Utc>,
}

/// What the notice's button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoticeAction {
    Retry,
    ResetAddress,
    ClearFilters,
    GoToDevices,
}

/// Everything the job list shows and does.
#[derive(Clone, Copy)]
pub struct JobList {
    parsed: Memo<Result<JobQuery, QueryParamError>>,
    /// The list state (defaults when the address cannot be read).
    pub query: Memo<JobQuery>,
    /// The job open beside the list.
    pub selected: Memo<Option<JobId>>,
    pub screen: JobsScreen,
    pub live: AutoRefresh,
    loaded: RwSignal<Option<Loaded>>,
    failure: RwSignal<Option<(JobQuery, ApiError)>>,
    navigate: StoredValue<Callback<(String, bool)>>,
    locale: Locale,
}

impl JobList {
    /// Reads the address and starts the live fetch.
    pub fn start() -> JobList {
        let api = expect_context::<Api>();
        let location = use_location();
        let query_map = use_query_map();
        let navigate = use_navigate();
        let parsed = Memo::new(move |_| {
            query_map
                .with(|map| url::query_from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v))))
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
        let list = JobList {
            locale: use_locale(),
            parsed,
            query,
            selected,
            screen: JobsScreen::provide(query.into()),
            live: AutoRefresh::new(RefreshPolicy::LIVE, page_visibility()),
            loaded: RwSignal::new(None),
            failure: RwSignal::new(None),
            navigate: StoredValue::new(Callback::new(move |(href, scroll): (String, bool)| {
                let options = NavigateOptions {
                    scroll,
                    ..NavigateOptions::default()
                };
                navigate(&href, options);
            })),
        };
        list.fetch(api);
        list
    }

    /// Fetches the page of the address whenever it, the live refresh or a change here asks,
    /// and keeps the last answer and the last failure apart.
    fn fetch(self, api: Api) {
        let (live, screen, parsed) = (self.live, self.screen, self.parsed);
        let answers = LocalResource::new(move || {
            live.track();
            screen.track_changes();
            let (parsed, api) = (parsed.get(), api.clone());
            async move {
                let query = parsed.ok()?;
                let result = api.jobs(&query).await;
                Some((query, result))
            }
        });
        let (loaded, failure) = (self.loaded, self.failure);
        Effect::new(move |_| {
            let Some(Some((query, result))) = answers.get() else {
                return;
            };
            let shown_active = || {
                loaded.with_untracked(|l| {
                    l.as_ref()
                        .is_none_or(|l| l.page.items.iter().any(JobListEntry::is_active))
                })
            };
            match result {
                Ok(page) => {
                    let same = loaded.with_untracked(|l| {
                        l.as_ref()
                            .is_some_and(|l| l.query == query && l.page == page)
                    });
                    let active = page.items.iter().any(JobListEntry::is_active);
                    let at = Utc::now();
                    loaded.set(Some(Loaded { query, page, at }));
                    failure.set(None);
                    let outcome = if same {
                        LoadOutcome::Unchanged
                    } else {
                        LoadOutcome::Changed
                    };
                    live.loaded(active, outcome);
                }
                Err(error) => {
                    let active = shown_active();
                    failure.set(Some((query, error)));
                    live.loaded(active, LoadOutcome::Failed);
                }
            }
        });
    }

    /// The entries of the page shown.
    pub fn entries(&self) -> Signal<Vec<JobListEntry>> {
        let loaded = self.loaded;
        Memo::new(move |_| {
            loaded.with(|l| l.as_ref().map(|l| l.page.items.clone()).unwrap_or_default())
        })
        .into()
    }

    /// Entries matching, across pages (tracked).
    pub fn total(&self) -> u64 {
        self.loaded.with(|l| l.as_ref().map_or(0, |l| l.page.total))
    }

    /// The page shown, 1-based (tracked).
    pub fn page(&self) -> u32 {
        self.loaded.with(|l| l.as_ref().map_or(1, |l| l.page.page))
    }

    /// The rows shown belong to another query than the address's (tracked).
    pub fn busy(&self) -> bool {
        let parsed = self.parsed;
        self.loaded.with(|l| {
            l.as_ref()
                .is_some_and(|l| parsed.with(|p| p.as_ref().ok() != Some(&l.query)))
        })
    }

    /// When the rows shown were fetched, as `14:32:05` in the administrator's zone (tracked).
    pub fn fetched_at(&self) -> String {
        let zone = self.screen.zone.get();
        self.loaded
            .with(|l| {
                l.as_ref()
                    .map(|l| mdm_model::time::format_time_of_day(l.at, zone))
            })
            .unwrap_or_default()
    }

    /// The last refresh of the rows shown failed: when they are from (tracked).
    pub fn stale_since(&self) -> Option<String> {
        let failed_query = self.failure.with(|f| f.as_ref().map(|(q, _)| q.clone()))?;
        let same = self
            .loaded
            .with(|l| l.as_ref().is_some_and(|l| l.query == failed_query));
        same.then(|| self.fetched_at())
    }

    /// The names of the device and registrant the filter chips show, from the rows (tracked).
    pub fn chip_names(&self) -> ChipNames {
        let q = self.query.get();
        self.loaded.with(|l| {
            let list = l.as_ref().map(|l| l.page.items.as_slice()).unwrap_or(&[]);
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
    }

    /// What the table shows instead of rows, with what its button does (tracked).
    fn notice_and_action(&self) -> Option<(TableNotice, NoticeAction)> {
        let locale = self.locale;
        let t = locale.t().jobs;
        let query = match self.parsed.get() {
            Ok(query) => query,
            Err(problem) => {
                let notice = TableNotice::Error {
                    message: format!("{} {}", t.bad_query_title, problem.message(locale.lang())),
                    retry: t.reset_query.to_string(),
                };
                return Some((notice, NoticeAction::ResetAddress));
            }
        };
        let shown = self.loaded.with(|l| {
            l.as_ref()
                .map(|l| (l.query == query, l.page.items.is_empty()))
        });
        let failed = self
            .failure
            .with(|f| f.as_ref().map(|(q, e)| (*q == query, e.clone())));
        let filtered = url::is_filtered(&query);
        let (state, action) = match (&shown, &failed) {
            (Some((false, _)) | None, Some((true, error))) | (None, Some((_, error))) => {
                (ListState::Failed(error), NoticeAction::Retry)
            }
            (None, None) => (ListState::Loading, NoticeAction::Retry),
            (Some((true, true)), _) if filtered => (ListState::Empty, NoticeAction::ClearFilters),
            (Some((true, true)), _) => (ListState::Empty, NoticeAction::GoToDevices),
            (Some(_), _) => (ListState::Rows, NoticeAction::Retry),
        };
        let notice = TableNotice::of(state, locale.lang(), t.loading, || {
            let (title, hint, label) = if filtered {
                (t.no_match_title, t.no_match_body, t.clear_filters)
            } else {
                (t.empty_title, t.empty_body, t.empty_link)
            };
            TableNotice::Empty {
                title: title.to_string(),
                hint: hint.to_string(),
                action: Some(label.to_string()),
            }
        })?;
        Some((notice, action))
    }

    /// What the table shows instead of rows (tracked).
    pub fn notice(&self) -> Signal<Option<TableNotice>> {
        let list = *self;
        Memo::new(move |_| list.notice_and_action().map(|(notice, _)| notice)).into()
    }

    /// The notice's button: retry, reset the address, clear the filters or go to 端末管理.
    pub fn on_notice_action(&self) {
        let action = untrack(|| self.notice_and_action().map(|(_, action)| action));
        match action {
            Some(NoticeAction::Retry) | None => self.live.refresh_now(),
            Some(NoticeAction::ResetAddress) => self.go(JobQuery::default(), false),
            Some(NoticeAction::ClearFilters) => {
                self.go(url::cleared(&self.query.get_untracked()), false)
            }
            Some(NoticeAction::GoToDevices) => self
                .navigate
                .get_value()
                .run((routes::DEVICES.to_string(), true)),
        }
    }

    /// Shows `next` (filters, sort, page); the open job stays open.
    pub fn go(&self, next: JobQuery, scroll: bool) {
        let href = match self.selected.get_untracked() {
            Some(id) => url::detail_href(id, &next),
            None => url::list_href(&next),
        };
        self.navigate.get_value().run((href, scroll));
    }
}
