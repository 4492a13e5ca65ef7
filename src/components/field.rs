//! Form pieces shared by the screens: a labelled checkbox, the messages under a field, and a
//! link to the help article that explains a field.

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};

/// A checkbox with its label; the whole label is the click target.
#[component]
pub fn Checkbox(
    /// Element id; also the `data-testid` of the input.
    id: &'static str,
    /// Whether the box is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when the administrator ticks or clears the box.
    #[prop(into)]
    on_change: Callback<bool>,
    /// The label, in the current language.
    #[prop(into)]
    label: Signal<String>,
    /// Disables the box (say why next to it, and point `described_by` at the explanation).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Ids of the elements describing the box (explanations, errors), space separated.
    #[prop(optional, into)]
    described_by: Signal<String>,
    /// Marks the box as needing attention.
    #[prop(optional, into)]
    invalid: Signal<bool>,
) -> impl IntoView {
    view! {
        <label class="check" class:check--disabled=move || disabled.get() for=id>
            <input
                type="checkbox"
                class="check__box"
                id=id
                data-testid=id
                prop:checked=move || checked.get()
                disabled=move || disabled.get()
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=move || Some(described_by.get()).filter(|ids| !ids.is_empty())
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class="check__label">{label}</span>
        </label>
    }
}

/// The messages about one field, right under it. Renders nothing when there are none; the id
/// (also the `data-testid`) is what the field's `aria-describedby` names.
#[component]
pub fn FieldError(
    /// Element id and `data-testid`.
    id: &'static str,
    /// The messages, in the current language.
    #[prop(into)]
    messages: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || messages.with(|m| !m.is_empty())>
            <div class="field__error" id=id data-testid=id role="alert">
                {move || {
                    messages
                        .get()
                        .into_iter()
                        .map(|message| view! { <p>{message}</p> })
                        .collect_view()
                }}
            </div>
        </Show>
    }
}

/// A small link to the help article about a field. Opens in a new tab, so nothing entered on
/// the current screen is lost.
#[component]
pub fn FieldHelp(
    /// Path of the article, with its section (`/help/wipe-lost-device#schedule`).
    #[prop(into)]
    href: String,
    /// `data-testid` of the link (`help-link-schedule`).
    test_id: &'static str,
    /// Visible text ("ヘルプ").
    #[prop(into)]
    text: Signal<String>,
    /// Accessible name: what the article explains, and that it opens a new tab.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <a
            class="help-link"
            href=crate::routes::href(&href)
            target="_blank"
            rel="noopener"
            data-testid=test_id
            aria-label=label
            title=label
        >
            <Icon kind=IconKind::Help/>
            <span>{text}</span>
        </a>
    }
}
