//! Shown after OK: what the wipe registered, and the way to ジョブ管理.

use leptos::prelude::*;
use mdm_model::wipe::WipeRegistered;

use crate::components::registration_done::RegistrationDone;
use crate::i18n::use_locale;

/// "Registration complete" for a wipe.
#[component]
pub fn DonePanel(
    /// The portal's answer to the registration.
    registered: WipeRegistered,
    /// Where "back to devices" goes.
    back_href: String,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let WipeRegistered {
        wipe_id,
        device_count,
        job_count,
        skipped_device_count,
        ..
    } = registered;
    let skipped = (skipped_device_count > 0)
        .then(|| Signal::derive(move || (t().done_skipped)(skipped_device_count)));
    view! {
        <RegistrationDone
            test_id="wipe-done"
            registration=wipe_id
            back_href=back_href
            title=Signal::derive(move || t().done_title.to_string())
            body=Signal::derive(move || (t().done_body)(device_count, job_count))
            skipped=skipped
            jobs_label=Signal::derive(move || t().done_jobs_link.to_string())
            back_label=Signal::derive(move || t().done_back.to_string())
        />
    }
}

/// The screen's fallback: the panel once `done` holds the portal's answer.
pub fn done_view(
    done: RwSignal<Option<WipeRegistered>>,
    back_href: String,
) -> impl Fn() -> Option<AnyView> + Clone + Send + Sync + 'static {
    move || {
        done.get().map(|registered| {
            view! { <DonePanel registered=registered back_href=back_href.clone()/> }.into_any()
        })
    }
}
