//! Saving the administrator's time zone from the header (表示タイムゾーン).

use leptos::prelude::*;
use mdm_model::time::Zone;

use crate::api::{Api, ApiError};
use crate::components::{use_toasts, TimeZoneChoice, ToastKind};
use crate::i18n::use_locale;
use crate::session::use_session;

/// The header's time zone field, wired to the portal: a chosen zone is saved for the account
/// and becomes the session's, so every page follows it; a refusal is shown under the field.
pub fn time_zone_choice() -> TimeZoneChoice {
    let api = expect_context::<Api>();
    let session = use_session();
    let locale = use_locale();
    let toasts = use_toasts();
    let refused = RwSignal::new(None::<ApiError>);
    let save = Action::new_local(move |zone: &Zone| {
        let (api, zone) = (api.clone(), *zone);
        async move {
            match api.set_time_zone(zone).await {
                Ok(admin) => {
                    refused.try_set(None);
                    session.administrator_changed(admin);
                    let t = locale.t_untracked();
                    toasts.show(ToastKind::Success, (t.time_zone_saved)(zone.name()));
                }
                Err(error) => {
                    refused.try_set(Some(error));
                }
            }
        }
    });
    TimeZoneChoice {
        zone: Signal::derive(move || session.time_zone()),
        saving: save.pending().into(),
        refusal: Signal::derive(move || refused.get().map(|e| e.message(locale.lang()))),
        on_choose: Callback::new(move |zone| {
            save.dispatch_local(zone);
        }),
    }
}
