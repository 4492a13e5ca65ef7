//! The options of a measure: the lock's message, phone number and (with a Mac) PIN; lost
//! mode's message, phone number and footnote; the reason the owner of a personal device reads.
//! Locating, playing a sound and ending lost mode take none.

use leptos::prelude::*;
use mdm_model::measure::{Measure, MeasureField};

use super::form::{max_chars, option_fields, FormField};
use super::state::MeasureState;
use crate::components::field::FieldError;
use crate::i18n::{use_locale, MeasuresText};

/// The hint under a field, for the measure it belongs to.
fn hint(measure: Measure, field: MeasureField, t: &'static MeasuresText) -> Option<&'static str> {
    match (measure, field) {
        (Measure::Lock, MeasureField::Message) => Some(t.lock_message_hint),
        (Measure::Lock, MeasureField::PhoneNumber) => Some(t.lock_phone_hint),
        (_, MeasureField::Pin) => Some(t.pin_hint),
        (_, MeasureField::Message) => Some(t.lost_message_hint),
        (_, MeasureField::Footnote) => Some(t.footnote_hint),
        (_, MeasureField::ReasonMessage) => Some(t.reason_hint),
        (_, MeasureField::PhoneNumber | MeasureField::Selection | MeasureField::Agreed) => None,
    }
}

/// The 設定 part of a measure's screen.
#[component]
pub fn OptionsFields(
    /// The screen's state.
    state: MeasureState,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let measure = state.measure;
    let fields = Memo::new(move |_| option_fields(measure, state.macs.get()));
    view! {
        <h2 class="measure-screen__heading" id="measure-settings-title">{move || t().options_title}</h2>
        {move || fields.with(Vec::is_empty).then(|| view! {
            <p class="hint" data-testid="measure-no-options">{move || t().no_options}</p>
        })}
        {(measure == Measure::LostModeOn).then(|| view! {
            <p class="hint" id="measure-lost-mode-hint">{move || t().lost_mode_hint}</p>
        })}
        <div class="wipe-fields">
            <For each=move || fields.get() key=|field| *field let(field)>
                <OptionField state=state field=field/>
            </For>
        </div>
    }
}

/// One option: its label, the text as typed, what it is for, how much is left, its messages.
#[component]
fn OptionField(state: MeasureState, field: MeasureField) -> impl IntoView {
    let locale = use_locale();
    let (measure, form) = (state.measure, state.form);
    let id = FormField::Option(field).input_id();
    let error_id = FormField::Option(field).error_id();
    let errors = state.field_messages(FormField::Option(field));
    let max = max_chars(measure, field);
    let hint_id = format!("{id}-hint");
    let mut described = vec![hint_id.clone(), format!("{id}-count"), error_id.to_string()];
    if measure == Measure::LostModeOn && field != MeasureField::Footnote {
        described.insert(0, "measure-lost-mode-hint".to_string());
    }
    let described = described.join(" ");
    let value = move || form.with(|f| f.text(field).to_string());
    let on_input = move |ev| form.update(|f| f.set_text(field, event_target_value(&ev)));
    let invalid = move || errors.with(|e| !e.is_empty()).to_string();
    // Longer texts wrap as they will on the device's screen; numbers and the PIN stay one line.
    let input = match field {
        MeasureField::Message | MeasureField::Footnote | MeasureField::ReasonMessage => view! {
            <textarea id=id class="field__input measure-screen__text" data-testid=id rows="3"
                aria-invalid=invalid aria-describedby=described.clone()
                prop:value=value on:input=on_input></textarea>
        }
        .into_any(),
        _ => view! {
            <input id=id class="field__input measure-screen__short" data-testid=id
                type=if field == MeasureField::PhoneNumber { "tel" } else { "text" }
                autocomplete=if field == MeasureField::PhoneNumber { "tel" } else { "off" }
                spellcheck="false"
                aria-invalid=invalid aria-describedby=described.clone()
                prop:value=value on:input=on_input/>
        }
        .into_any(),
    };
    view! {
        <div class="field wipe-field">
            <label class="field__label" for=id>{move || field.label(locale.lang())}</label>
            {input}
            <p class="hint" id=hint_id>{move || hint(measure, field, locale.t().measures).unwrap_or_default()}</p>
            <p class="hint measure-screen__count" id=format!("{id}-count") data-testid=format!("{id}-count")>
                {move || (locale.t().measures.char_count)(form.with(|f| f.text(field).chars().count()), max)}
            </p>
            <FieldError id=error_id messages=errors/>
        </div>
    }
}
