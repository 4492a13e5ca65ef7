//! 監査ログ: who did what, when, to which devices and jobs. `/audit` with its filters and page
//! in the query; the CSV is the portal's own export of the same filters.

mod filters;
mod form;
mod table;
mod url;

pub use filters::AuditFilters;
pub use form::{FilterForm, FormProblem};
pub use table::AuditTable;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::audit::AuditQuery;
use mdm_model::paging::{PageRequest, PER_PAGE_CHOICES};

use crate::api::{Api, ApiError};
use crate::components::data_table::TableNotice;
use crate::components::pager::Pager;
use crate::components::{use_toasts, PageHeader, ToastKind};
use crate::i18n::use_locale;
use crate::pages::jobs::csv_export;
use crate::session::use_session;

/// The audit log screen.
#[component]
pub fn AuditPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = use_locale();
    let session = use_session();
    let toasts = use_toasts();
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
    let notice = Signal::derive(move || match list.get() {
        None => Some(TableNotice::Loading(t().loading.to_string())),
        Some(Err(error)) => Some(TableNotice::Error {
            message: error.message(locale.lang()),
            retry: t().retry.to_string(),
        }),
        Some(Ok((shown, page))) if page.items.is_empty() => Some(TableNotice::Empty {
            title: t().empty_title.to_string(),
            hint: if url::is_filtered(&shown) {
                t().no_match_hint
            } else {
                t().empty_hint
            }
            .to_string(),
        }),
        Some(Ok(_)) => None,
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

    let export = Action::new_local(move |query: &AuditQuery| {
        let (api, query) = (api.clone(), query.clone());
        async move {
            let t = locale.t_untracked().audit;
            match api.audit_csv(&query).await {
                Ok(text) => {
                    let name =
                        csv_export::file_name(t.csv_file_prefix, Utc::now(), zone.get_untracked());
                    match csv_export::download(&name, &text) {
                        Ok(()) => toasts.show(ToastKind::Success, t.exported),
                        Err(_) => toasts.show(ToastKind::Error, t.export_failed),
                    }
                }
                Err(error) => toasts.show(ToastKind::Error, error.message(locale.lang_untracked())),
            }
        }
    });
    let exporting = export.pending();

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
            <button
                type="button"
                class="button"
                data-testid="audit-export"
                disabled=move || exporting.get()
                on:click=move |_| { export.dispatch_local(query.get_untracked()); }
            >
                {move || if exporting.get() { t().exporting } else { t().export_csv }}
            </button>
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
            text=Signal::derive(move || &locale.t().audit.pager)
            id="audit-pager"
        />
    }
}
