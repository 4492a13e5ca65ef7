//! Shown after OK: what the wipe registered, and the way to ジョブ管理.

use leptos::prelude::*;
use mdm_model::wipe::WipeRegistered;

use crate::components::registration_done::{DoneTexts, RegistrationDone};
use crate::i18n::use_locale;

/// The wipe screen's fallback: "registration complete" once `done` holds the portal's answer.
pub fn done_view(
    done: RwSignal<Option<WipeRegistered>>,
    back_href: String,
) -> impl Fn() -> Option<AnyView> + Clone + Send + Sync + 'static {
    let locale = use_locale();
    move || {
        let registered = done.get()?;
        let texts = Signal::derive(move || {
            let t = locale.t().wipe;
            let skipped = registered.skipped_device_count;
            DoneTexts {
                title: t.done_title.to_string(),
                body: (t.done_body)(registered.device_count, registered.job_count),
                skipped: (skipped > 0).then(|| (t.done_skipped)(skipped)),
                jobs_label: t.done_jobs_link.to_string(),
                back_label: t.done_back.to_string(),
            }
        });
        let view = view! {
            <RegistrationDone test_id="wipe-done" registration=registered.wipe_id back_href=back_href.clone() texts=texts/>
        };
        Some(view.into_any())
    }
}
