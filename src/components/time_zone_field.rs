//! 表示タイムゾーン: the zone the administrator sees and enters times in, beside the language
//! switch. Any IANA name; the portal keeps it for the account.

use leptos::prelude::*;
use mdm_model::time::{UnknownTimeZone, Zone};

use crate::api::{Api, ApiError};
use crate::components::{use_toasts, ToastKind};
use crate::i18n::use_locale;
use crate::session::use_session;

/// The datalist of every zone name, built once the field is first focused: several hundred
/// options the header should not carry until someone wants them.
const NAMES_ID: &str = "time-zone-names";

/// Why the name typed was not taken.
#[derive(Debug, Clone, PartialEq)]
enum Refusal {
    /// Not a zone of the database (checked with the model's own rule before asking).
    Unknown,
    /// The portal refused or could not be reached.
    Portal(ApiError),
}

/// A text field with the zone names as suggestions; a changed, known name is saved at once.
#[component]
pub fn TimeZoneField() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let api = expect_context::<Api>();
    let toasts = use_toasts();
    let wanted = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);

    let save = Action::new_local(move |zone: &Zone| {
        let (api, zone) = (api.clone(), *zone);
        async move {
            match api.set_time_zone(zone).await {
                Ok(admin) => {
                    session.administrator_changed(admin);
                    let t = locale.t_untracked();
                    toasts.show(ToastKind::Success, (t.time_zone_saved)(zone.name()));
                }
                Err(error) => {
                    refusal.try_set(Some(Refusal::Portal(error)));
                }
            }
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match Zone::parse(text.trim()) {
            Ok(zone) if zone == session.time_zone() => refusal.set(None),
            Ok(zone) => {
                refusal.set(None);
                save.dispatch_local(zone);
            }
            Err(_) => refusal.set(Some(Refusal::Unknown)),
        }
    };
    let message = move || {
        refusal.get().map(|r| match r {
            Refusal::Unknown => UnknownTimeZone::message(locale.lang()).to_string(),
            Refusal::Portal(error) => error.message(locale.lang()),
        })
    };

    view! {
        <div class="time-zone">
            <label class="time-zone__label" for="time-zone" title=move || locale.t().time_zone_hint>
                {move || locale.t().time_zone_label}
            </label>
            <input
                id="time-zone"
                class="time-zone__input"
                type="text"
                list=NAMES_ID
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                data-testid="time-zone-input"
                title=move || locale.t().time_zone_hint
                aria-invalid=move || refusal.with(Option::is_some).to_string()
                aria-describedby="time-zone-error"
                disabled=move || save.pending().get()
                prop:value=move || session.time_zone().name()
                on:focus=move |_| wanted.set(true)
                on:change=on_change
            />
            <Show when=move || wanted.get()>
                <datalist id=NAMES_ID>
                    {Zone::names().map(|name| view! { <option value=name></option> }).collect_view()}
                </datalist>
            </Show>
            <p class="time-zone__error" id="time-zone-error" role="alert" data-testid="time-zone-error" hidden=move || refusal.with(Option::is_none)>
                {message}
            </p>
        </div>
    }
}
