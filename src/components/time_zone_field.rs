//! 表示タイムゾーン: the zone the administrator sees and enters times in, beside the language
//! switch. Any IANA name; the page that owns the session saves it for the account.

use leptos::prelude::*;
use mdm_model::time::{UnknownTimeZone, Zone};

use crate::i18n::use_locale;

/// The datalist of every zone name, built once the field is first focused: several hundred
/// options the header should not carry until someone wants them.
const NAMES_ID: &str = "time-zone-names";

/// What the header's time zone field shows and whom it tells about a new choice.
#[derive(Clone, Copy)]
pub struct TimeZoneChoice {
    /// The administrator's zone now.
    pub zone: Signal<Zone>,
    /// True while a choice is being saved.
    pub saving: Signal<bool>,
    /// Why the last choice was not saved (the portal's words), if it was not.
    pub refusal: Signal<Option<String>>,
    /// A known zone other than the current one was chosen.
    pub on_choose: Callback<Zone>,
}

/// A text field with the zone names as suggestions. A name the zone database does not know is
/// refused here with the model's own rule (the portal would refuse it the same way).
#[component]
pub fn TimeZoneField(
    /// The zone, its saving state and where a choice goes.
    choice: TimeZoneChoice,
) -> impl IntoView {
    let locale = use_locale();
    let wanted = RwSignal::new(false);
    let unknown = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match Zone::parse(text.trim()) {
            Ok(zone) => {
                unknown.set(false);
                if zone != choice.zone.get_untracked() {
                    choice.on_choose.run(zone);
                }
            }
            Err(_) => unknown.set(true),
        }
    };
    let message = Signal::derive(move || {
        if unknown.get() {
            Some(UnknownTimeZone::message(locale.lang()).to_string())
        } else {
            choice.refusal.get()
        }
    });

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
                aria-invalid=move || message.with(Option::is_some).to_string()
                aria-describedby="time-zone-error"
                disabled=move || choice.saving.get()
                prop:value=move || choice.zone.get().name()
                on:focus=move |_| wanted.set(true)
                on:change=on_change
            />
            <Show when=move || wanted.get()>
                <datalist id=NAMES_ID>
                    {Zone::names().map(|name| view! { <option value=name></option> }).collect_view()}
                </datalist>
            </Show>
            <p class="time-zone__error" id="time-zone-error" role="alert" data-testid="time-zone-error" hidden=move || message.with(Option::is_none)>
                {message}
            </p>
        </div>
    }
}
