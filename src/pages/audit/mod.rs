//! 監査ログ: who did what, when, to which devices and jobs. `/audit` with its filters and page
//! in the query; the CSV is the portal's own export of the same filters.

mod filters;
mod form;
mod table;
mod url;

pub use filters::AuditFilters;
pub use form::{FilterForm, FormProblem};
pub use table::AuditTable;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::audit::AuditQuery;
use mdm_model::paging::{PageRequest, PER_PAGE_CHOICES};

use crate::api::{audit_csv_path, Api, ApiError};
use crate::components::csv_export::CsvExportButton;
use crate::components::data_table::{ListState, Pager, TableNotice};
use crate::components::PageHeader;
use crate::i18n::use_locale;
use crate::session::use_session;

/// The audit log screen.
#[component]
pub fn AuditPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = use_locale();
    let session = use_session();
    let navigate = use_navigate();
    let query_map = use_query_map();
    let t = move || locale.t().audit;
    let zone = Signal::derive(move || session.time_zone());

    let parsed = Memo::new(move |_| {
        query_map.with(|map| url::query_from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let query = Memo::new(move |_| parsed.with(|p| p.clone().unwrap_or_default()));
    let reload = RwSignal::new(0u32);
    let list_api = api.clone();
    let list = LocalResource::new(move || {
        reload.track();
        let (api, parsed) = (list_api.clone(), parsed.get());
        async move {
            match parsed {
                Ok(query) => api.audit(&query).await.map(|page| (query, page)),
                // A hand-edited address: the model's own words, as the portal would answer.
                Err(problem) => Err(ApiError::Decode(problem.message(locale.lang_untracked()))),
            }
        }
    });
    let actors_api = api.clone();
    let actors = LocalResource::new(move || {
        let api = actors_api.clone();
        async move { api.audit_actors().await.unwrap_or_default() }
    });

    let page = move || list.get().and_then(Result::ok).map(|(_, page)| page);
    let entries = Signal::derive(move || page().map(|p| p.items).unwrap_or_default());
    let notice = Signal::derive(move || {
        let loaded = list.get();
        let state = match &loaded {
            None => ListState::Loading,
            Some(Err(error)) => ListState::Failed(error),
            Some(Ok((_, page))) if page.items.is_empty() => ListState::Empty,
            Some(Ok(_)) => ListState::Rows,
        };
        let filtered = matches!(&loaded, Some(Ok((shown, _))) if url::is_filtered(shown));
        TableNotice::of(state, locale.lang(), t().loading, || {
            let hint = if filtered {
                t().no_match_hint
            } else {
                t().empty_hint
            };
            TableNotice::empty(t().empty_title, hint)
        })
    });
    let busy = Signal::derive(move || {
        list.get()
            .and_then(Result::ok)
            .is_some_and(|(shown, _)| parsed.with(|p| p.as_ref().ok() != Some(&shown)))
    });

    let go = move |next: AuditQuery| {
        navigate(
            &url::list_href(&next),
            NavigateOptions {
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let go_filter = go.clone();
    let go_page = go.clone();
    let go_size = go;

    view! {
        <PageHeader title=Signal::derive(move || t().title.to_string())/>
        <p class="page-lead" data-testid="audit-lead">{move || t().lead}</p>
        <p class="hint" data-testid="audit-time-zone">{move || (t().times_in_zone)(zone.get().name())}</p>
        <AuditFilters
            query=query
            zone=zone
            actors=Signal::derive(move || actors.get().unwrap_or_default())
            on_apply=Callback::new(move |next| go_filter(url::filtered(&query.get_untracked(), next)))
        />
        <div class="audit-toolbar">
            <CsvExportButton
                path=Signal::derive(move || audit_csv_path(&query.get()))
                file_prefix=Signal::derive(move || t().csv_file_prefix)
                zone=zone
                test_id="audit-export"
            />
        </div>
        <AuditTable
            entries=entries
            zone=zone
            notice=notice
            busy=busy
            on_retry=Callback::new(move |_| reload.update(|n| *n += 1))
        />
        <Pager
            page=Signal::derive(move || page().map(|p| p.page).unwrap_or(1))
            per_page=Signal::derive(move || query.get().page.per_page)
            total=Signal::derive(move || page().map(|p| p.total).unwrap_or_default())
            choices=&PER_PAGE_CHOICES
            on_page=Callback::new(move |n| go_page(AuditQuery { page: PageRequest { page: n, ..query.get_untracked().page }, ..query.get_untracked() }))
            on_per_page=Callback::new(move |size| go_size(AuditQuery { page: PageRequest { page: 1, per_page: size }, ..query.get_untracked() }))
            id="audit-pager"
        />
    }
}
