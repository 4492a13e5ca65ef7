//! Shown after OK: what the measure registered, and the way to ジョブ管理.

use leptos::prelude::*;
use mdm_model::measure::MeasureRegistered;

use crate::components::registration_done::RegistrationDone;
use crate::i18n::use_locale;

/// "Registration complete" for a measure.
#[component]
pub fn MeasureDonePanel(
    /// The portal's answer to the registration.
    registered: MeasureRegistered,
    /// Where "back to devices" goes.
    back_href: String,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let MeasureRegistered {
        measure,
        registration_id,
        device_count,
        job_count,
        skipped_device_count,
        ..
    } = registered;
    let skipped = (skipped_device_count > 0)
        .then(|| Signal::derive(move || (t().done_skipped)(skipped_device_count)));
    let body = move || (t().done_body)(measure.label(locale.lang()), device_count, job_count);
    view! {
        <RegistrationDone
            test_id="measure-done"
            registration=registration_id
            back_href=back_href
            title=Signal::derive(move || t().done_title.to_string())
            body=Signal::derive(body)
            skipped=skipped
            jobs_label=Signal::derive(move || t().done_jobs_link.to_string())
            back_label=Signal::derive(move || t().done_back.to_string())
        />
    }
}

/// The screen's fallback: the panel once `done` holds the portal's answer.
pub fn done_view(
    done: RwSignal<Option<MeasureRegistered>>,
    back_href: String,
) -> impl Fn() -> Option<AnyView> + Clone + Send + Sync + 'static {
    move || {
        done.get().map(|registered| {
            view! { <MeasureDonePanel registered=registered back_href=back_href.clone()/> }
                .into_any()
        })
    }
}
