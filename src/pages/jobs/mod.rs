//! ジョブ管理: the wipe jobs and their progress.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{ComingSoon, PageHeader};
use crate::i18n::use_locale;

/// The job list.
#[component]
pub fn JobsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageHeader title=Signal::derive(move || locale.t().jobs_title.to_string())/>
        <ComingSoon/>
    }
}

/// One job, addressed by `/jobs/:id` so the link can be shared.
#[component]
pub fn JobDetailPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let title = Signal::derive(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        (locale.t().job_detail_title)(&id)
    });
    view! {
        <PageHeader title=title/>
        <ComingSoon/>
    }
}
