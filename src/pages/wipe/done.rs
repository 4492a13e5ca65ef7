//! Shown after OK: what was registered, and the way to ジョブ管理.

use leptos::html::H2;
use leptos::prelude::*;
use mdm_model::job::JobQuery;
use mdm_model::wipe::WipeRegistered;

use crate::i18n::use_locale;
use crate::routes;

/// The job list narrowed to the jobs of one registration.
pub fn jobs_of(registered: &WipeRegistered) -> String {
    let query = JobQuery {
        wipe: Some(registered.wipe_id),
        ..Default::default()
    };
    format!(
        "{}{}",
        routes::JOBS,
        routes::query_string(&query.to_query_pairs())
    )
}

/// "Registration complete", with the numbers. Takes focus, so screen readers announce it.
#[component]
pub fn DonePanel(
    /// The portal's answer to the registration.
    registered: WipeRegistered,
    /// Where "back to devices" goes.
    back_href: String,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<H2>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let jobs_href = crate::routes::href(&jobs_of(&registered));
    let WipeRegistered {
        device_count,
        job_count,
        skipped_device_count,
        ..
    } = registered;
    view! {
        <section class="panel done" data-testid="wipe-done" role="status">
            <h2 class="done__title" tabindex="-1" node_ref=heading data-testid="wipe-done-title">
                <span class="done__mark" aria-hidden="true">"✓"</span>
                {move || locale.t().wipe.done_title}
            </h2>
            <p data-testid="wipe-done-body">{move || (locale.t().wipe.done_body)(device_count, job_count)}</p>
            {(skipped_device_count > 0).then(|| view! {
                <p class="hint" data-testid="wipe-done-skipped">{move || (locale.t().wipe.done_skipped)(skipped_device_count)}</p>
            })}
            <div class="panel__actions">
                <a class="button button--primary" href=jobs_href data-testid="wipe-done-jobs">{move || locale.t().wipe.done_jobs_link}</a>
                <a class="button" href=crate::routes::href(&back_href) data-testid="wipe-done-back">{move || locale.t().wipe.done_back}</a>
            </div>
        </section>
    }
}
