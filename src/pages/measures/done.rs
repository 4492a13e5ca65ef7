//! Shown after OK: what was registered, and the way to ジョブ管理 narrowed to this registration.

use leptos::html::H2;
use leptos::prelude::*;
use mdm_model::job::JobQuery;
use mdm_model::measure::MeasureRegistered;

use crate::i18n::use_locale;
use crate::routes;

/// The job list narrowed to the jobs of one registration (`wipe=` names any registration).
pub fn jobs_of(registered: &MeasureRegistered) -> String {
    let query = JobQuery {
        wipe: Some(registered.registration_id),
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
pub fn MeasureDonePanel(
    /// The portal's answer to the registration.
    registered: MeasureRegistered,
    /// Where "back to devices" goes.
    back_href: String,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let heading = NodeRef::<H2>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let jobs_href = routes::href(&jobs_of(&registered));
    let MeasureRegistered {
        measure,
        device_count,
        job_count,
        skipped_device_count,
        ..
    } = registered;
    view! {
        <section class="panel done" data-testid="measure-done" role="status">
            <h2 class="done__title" tabindex="-1" node_ref=heading data-testid="measure-done-title">
                <span class="done__mark" aria-hidden="true">"✓"</span>
                {move || t().done_title}
            </h2>
            <p data-testid="measure-done-body">
                {move || (t().done_body)(measure.label(locale.lang()), device_count, job_count)}
            </p>
            {(skipped_device_count > 0).then(|| view! {
                <p class="hint" data-testid="measure-done-skipped">{move || (t().done_skipped)(skipped_device_count)}</p>
            })}
            <div class="panel__actions">
                <a class="button button--primary" href=jobs_href data-testid="measure-done-jobs">{move || t().done_jobs_link}</a>
                <a class="button" href=routes::href(&back_href) data-testid="measure-done-back">{move || t().done_back}</a>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use mdm_model::ids::WipeId;
    use mdm_model::measure::Measure;

    #[test]
    fn the_jobs_link_narrows_the_list_to_the_registration() {
        let registered = MeasureRegistered {
            measure: Measure::Lock,
            registration_id: WipeId(42),
            device_count: 2,
            job_count: 2,
            skipped_device_count: 0,
            registered_at: Utc::now(),
        };
        assert_eq!(jobs_of(&registered), "/jobs?wipe=42");
    }
}
