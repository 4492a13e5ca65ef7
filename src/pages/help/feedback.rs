//! この記事は役に立ちましたか?: the yes / no answer under each article.

use leptos::prelude::*;

use super::glyphs::{Glyph, GlyphIcon};
use crate::i18n::use_locale;

/// The question, yes / no, and the thanks once the portal recorded the answer. The answer can be
/// changed at any time: the buttons stay, the recorded one pressed.
#[component]
pub fn FeedbackView(
    /// The answer the portal last recorded (`true`: helpful); `None` before the first answer.
    #[prop(into)]
    recorded: Signal<Option<bool>>,
    /// The answer on its way to the portal; both buttons wait meanwhile.
    #[prop(into)]
    sending: Signal<Option<bool>>,
    /// Why the last answer could not be recorded, in the current language.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the administrator's answer.
    #[prop(into)]
    on_answer: Callback<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let choice = move |helpful: bool| {
        let (glyph, test_id) = if helpful {
            (Glyph::ThumbUp, "help-feedback-yes")
        } else {
            (Glyph::ThumbDown, "help-feedback-no")
        };
        let pressed = move || {
            if recorded.get() == Some(helpful) {
                "true"
            } else {
                "false"
            }
        };
        view! {
            <button
                type="button"
                class="button help-feedback__choice"
                data-testid=test_id
                aria-pressed=pressed
                aria-busy=move || (sending.get() == Some(helpful)).then_some("true")
                disabled=move || sending.get().is_some()
                on:click=move |_| on_answer.run(helpful)
            >
                <GlyphIcon glyph=glyph/>
                <span>
                    {move || {
                        let t = locale.t().help;
                        match (sending.get() == Some(helpful), helpful) {
                            (true, _) => t.feedback_sending,
                            (false, true) => t.feedback_yes,
                            (false, false) => t.feedback_no,
                        }
                    }}
                </span>
            </button>
        }
    };
    view! {
        <section class="help-feedback panel" data-testid="help-feedback" aria-labelledby="help-feedback-question">
            <div class="help-feedback__ask">
                <h2 class="help-feedback__question" id="help-feedback-question">
                    {move || locale.t().help.feedback_question}
                </h2>
                <div class="help-feedback__choices" role="group" aria-labelledby="help-feedback-question">
                    {choice(true)}
                    {choice(false)}
                </div>
            </div>
            // Always in the page, so screen readers announce the thanks when it appears.
            <div class="help-feedback__status" role="status">
                {move || {
                    recorded.get().map(|_| {
                        view! {
                            <p class="help-feedback__thanks" data-testid="help-feedback-thanks">
                                <strong>{move || locale.t().help.feedback_thanks}</strong>
                                " "
                                <span>{move || locale.t().help.feedback_change_hint}</span>
                            </p>
                        }
                    })
                }}
            </div>
            {move || {
                error.get().map(|message| {
                    view! {
                        <p class="field__error help-feedback__error" role="alert" data-testid="help-feedback-error">{message}</p>
                    }
                })
            }}
        </section>
    }
}
