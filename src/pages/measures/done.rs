//! Shown after OK: what the measure registered, and the way to ジョブ管理.

use leptos::prelude::*;
use mdm_model::measure::MeasureRegistered;

use crate::components::registration_done::{DoneTexts, RegistrationDone};
use crate::i18n::use_locale;

/// A measure screen's fallback: "registration complete" once `done` holds the portal's answer,
/// naming the measure.
pub fn done_view(
    done: RwSignal<Option<MeasureRegistered>>,
    back_href: String,
) -> impl Fn() -> Option<AnyView> + Clone + Send + Sync + 'static {
    let locale = use_locale();
    move || {
        let registered = done.get()?;
        let (id, skipped) = (registered.registration_id, registered.skipped_device_count);
        let texts = Signal::derive(move || {
            let (t, lang) = (locale.t().measures, locale.lang());
            let measure = registered.measure.label(lang);
            DoneTexts {
                title: t.done_title.to_string(),
                body: (t.done_body)(measure, registered.device_count, registered.job_count),
                skipped: (skipped > 0).then(|| (t.done_skipped)(skipped)),
                jobs_label: t.done_jobs_link.to_string(),
                back_label: t.done_back.to_string(),
            }
        });
        Some(view! { <RegistrationDone test_id="measure-done" registration=id back_href=back_href.clone() texts=texts/> }.into_any())
    }
}
