//! The end of a measure's settings: the administrator's password, and 同意する for every
//! measure the device's user notices (all but the location request).

use leptos::prelude::*;

use super::form::FormField;
use super::state::MeasureState;
use crate::components::field::{Checkbox, FieldError};
use crate::i18n::use_locale;

/// Password and agreement.
#[component]
pub fn ConfirmFields(
    /// The screen's state.
    state: MeasureState,
    /// The signed-in administrator, whose password is asked for.
    admin_name: String,
    /// The administrator's user name (for a password manager).
    admin_login: String,
) -> impl IntoView {
    let locale = use_locale();
    let (measure, form) = (state.measure, state.form);
    let wipe = move || locale.t().wipe;
    let password_errors = state.field_messages(FormField::Password);
    let agreed_errors = state.field_messages(FormField::Agreed);
    let agreement = measure.needs_agreement().then(|| {
        view! {
            <div class="wipe-field wipe-agreement">
                <p class="wipe-agreement__statement" id="measure-agree-statement">
                    {move || (locale.t().measures.agree_statement)(measure.label(locale.lang()))}
                </p>
                <Checkbox
                    id="measure-agree"
                    checked=Signal::derive(move || form.with(|f| f.agreed))
                    on_change=Callback::new(move |on| form.update(|f| f.agreed = on))
                    label=Signal::derive(move || wipe().agree.to_string())
                    described_by="measure-agree-statement measure-error-agreed".to_string()
                    invalid=Signal::derive(move || agreed_errors.with(|e| !e.is_empty()))
                />
                <FieldError id="measure-error-agreed" messages=agreed_errors/>
            </div>
        }
    });
    view! {
        <div class="wipe-fields measure-screen__confirm">
            <div class="field wipe-field">
                // Whose password this is, for a password manager; the administrator does not type it.
                <input class="wipe-field__account" type="text" name="username" autocomplete="username" value=admin_login readonly tabindex="-1"/>
                <label class="field__label" for="measure-password">{move || wipe().password}</label>
                <input
                    id="measure-password"
                    class="field__input wipe-field__password"
                    type="password"
                    name="password"
                    autocomplete="current-password"
                    autocapitalize="off"
                    spellcheck="false"
                    data-testid="measure-password"
                    aria-invalid=move || password_errors.with(|e| !e.is_empty()).to_string()
                    aria-describedby="measure-password-hint measure-error-password"
                    prop:value=move || form.with(|f| f.password.clone())
                    on:input=move |ev| form.update(|f| f.password = event_target_value(&ev))
                />
                <p class="hint" id="measure-password-hint">{move || (wipe().password_hint)(&admin_name)}</p>
                <FieldError id="measure-error-password" messages=password_errors/>
            </div>
            {agreement}
        </div>
    }
}
