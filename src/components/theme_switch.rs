//! The theme switch in the header: follow the system, light or dark.

use leptos::prelude::*;

use crate::i18n::use_locale;
use crate::theme::{use_theme, ThemeChoice};

/// A small select of the three themes; the choice applies at once and is kept per browser.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let locale = use_locale();
    let theme = use_theme();
    let name = move |choice: ThemeChoice| {
        let t = locale.t().table;
        match choice {
            ThemeChoice::System => t.theme_system,
            ThemeChoice::Light => t.theme_light,
            ThemeChoice::Dark => t.theme_dark,
        }
    };
    view! {
        <label class="theme-switch" title=move || locale.t().table.theme_label>
            <span class="visually-hidden">{move || locale.t().table.theme_label}</span>
            <select
                class="field__input field__input--compact theme-switch__select"
                data-testid="theme-switch"
                on:change=move |ev| {
                    if let Some(choice) = ThemeChoice::parse(&event_target_value(&ev)) {
                        theme.set(choice);
                    }
                }
            >
                {ThemeChoice::ALL
                    .into_iter()
                    .map(|choice| view! {
                        <option value=choice.as_str() selected=move || theme.choice() == choice>
                            {move || name(choice)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
