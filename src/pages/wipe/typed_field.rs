//! A field typed into on the wipe screen (the administrator's password, a Mac's Find My PIN):
//! its label, the input, a hint and the messages about it, tied together for screen readers.

use leptos::prelude::*;

use super::form::WipeForm;
use crate::components::field::FieldError;

/// What the field takes, which decides how browsers and keyboards treat it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// The signed-in administrator's password, offered by a password manager.
    Password,
    /// Six digits, never remembered by the browser.
    Pin,
}

impl Typed {
    /// Element id and `data-testid` of the input; the hint is `{id}-hint`.
    fn id(self) -> &'static str {
        match self {
            Typed::Password => "wipe-password",
            Typed::Pin => "wipe-mac-pin",
        }
    }

    /// Element id of the messages (named after the request field they concern).
    fn error_id(self) -> &'static str {
        match self {
            Typed::Password => "wipe-error-password",
            Typed::Pin => "wipe-error-pin",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Typed::Password => "field__input wipe-field__password",
            Typed::Pin => "field__input wipe-platform__pin",
        }
    }

    /// What was typed into it.
    fn text(self, form: &WipeForm) -> &str {
        match self {
            Typed::Password => &form.password,
            Typed::Pin => &form.platform.mac_pin,
        }
    }

    fn text_mut(self, form: &mut WipeForm) -> &mut String {
        match self {
            Typed::Password => &mut form.password,
            Typed::Pin => &mut form.platform.mac_pin,
        }
    }

    fn input_type(self) -> &'static str {
        match self {
            Typed::Password => "password",
            Typed::Pin => "text",
        }
    }

    fn autocomplete(self) -> &'static str {
        match self {
            Typed::Password => "current-password",
            Typed::Pin => "off",
        }
    }
}

/// The label, the input, its hint and its messages.
#[component]
pub fn TypedField(
    /// What the field takes.
    kind: Typed,
    /// The form it types into.
    form: RwSignal<WipeForm>,
    /// The label.
    #[prop(into)]
    label: Signal<String>,
    /// The hint under the input.
    #[prop(into)]
    hint: Signal<String>,
    /// Messages about the field.
    #[prop(into)]
    errors: Signal<Vec<String>>,
    /// What goes before the label (the account name a password manager reads).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (id, error_id) = (kind.id(), kind.error_id());
    let hint_id = format!("{id}-hint");
    let described_by = format!("{hint_id} {error_id}");
    let password = kind == Typed::Password;
    view! {
        <div class="field wipe-field">
            {children.map(|before| before())}
            <label class="field__label" for=id>{label}</label>
            <input
                id=id
                class=kind.class()
                type=kind.input_type()
                name=password.then_some("password")
                autocomplete=kind.autocomplete()
                inputmode=(!password).then_some("numeric")
                maxlength=(!password).then_some("6")
                autocapitalize=password.then_some("off")
                spellcheck=password.then_some("false")
                enterkeyhint=password.then_some("done")
                data-testid=id
                aria-invalid=move || errors.with(|e| !e.is_empty()).to_string()
                aria-describedby=described_by
                prop:value=move || form.with(|f| kind.text(f).to_string())
                on:input=move |ev| form.update(|f| *kind.text_mut(f) = event_target_value(&ev))
            />
            <p class="hint" id=hint_id>{hint}</p>
            <FieldError id=error_id messages=errors/>
        </div>
    }
}
