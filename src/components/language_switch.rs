//! 日本語 / English, as two toggle buttons (JA / EN on a narrow console).

use leptos::prelude::*;
use mdm_model::Lang;

use crate::i18n::use_locale;

/// Switches the UI language; the active language's button is pressed.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let button = move |lang: Lang, test_id: &'static str| {
        view! {
            <button
                type="button"
                class="lang-switch__option"
                data-testid=test_id
                lang=lang.tag()
                aria-pressed=move || if locale.lang() == lang { "true" } else { "false" }
                on:click=move |_| locale.set(lang)
            >
                <span class="lang-switch__name">
                    {move || {
                        let t = locale.t();
                        match lang {
                            Lang::Ja => t.lang_ja,
                            Lang::En => t.lang_en,
                        }
                    }}
                </span>
                // Shown instead of the name on a narrow console; the name stays for screen readers.
                <span class="lang-switch__code">
                    {move || {
                        let t = locale.t();
                        match lang {
                            Lang::Ja => t.lang_ja_code,
                            Lang::En => t.lang_en_code,
                        }
                    }}
                </span>
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || locale.t().lang_switch_label>
            {button(Lang::Ja, "lang-ja")}
            {button(Lang::En, "lang-en")}
        </div>
    }
}
