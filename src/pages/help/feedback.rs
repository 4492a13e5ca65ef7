//! この記事は役に立ちましたか?: the yes / no answer under each article, and the comment that may
//! follow it.

use leptos::prelude::*;
use mdm_model::help::{HelpFeedbackRequest, FEEDBACK_COMMENT_MAX_CHARS};
use mdm_model::Lang;

use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;

/// What becomes of a typed comment: sent (trimmed), nothing to send (blanks only), or refused
/// with the model's reason, which the portal would give too.
fn comment_to_send(helpful: bool, draft: &str, lang: Lang) -> Result<Option<String>, String> {
    let request = HelpFeedbackRequest {
        helpful,
        comment: Some(draft.to_string()),
    };
    request
        .normalized()
        .map(|request| request.comment)
        .map_err(|refusal| refusal.message(lang))
}

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
    /// The comment the portal last recorded with the answer.
    #[prop(into)]
    recorded_comment: Signal<Option<String>>,
    /// Called with a comment that passed the model's rule (trimmed, within the limit).
    #[prop(into)]
    on_comment: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let answered = move || recorded.with(Option::is_some);
    view! {
        <section class="help-feedback panel" data-testid="help-feedback" aria-labelledby="help-feedback-question">
            <div class="help-feedback__ask">
                <h2 class="help-feedback__question" id="help-feedback-question">
                    {move || locale.t().help.feedback_question}
                </h2>
                <div class="help-feedback__choices" role="group" aria-labelledby="help-feedback-question">
                    <FeedbackChoice helpful=true recorded=recorded sending=sending on_answer=on_answer/>
                    <FeedbackChoice helpful=false recorded=recorded sending=sending on_answer=on_answer/>
                </div>
            </div>
            // Always in the page, so screen readers announce the thanks when it appears.
            <div class="help-feedback__status" role="status">
                <Show when=answered>
                    <p class="help-feedback__thanks" data-testid="help-feedback-thanks">
                        <strong>{move || locale.t().help.feedback_thanks}</strong>
                        " "
                        <span>{move || locale.t().help.feedback_change_hint}</span>
                    </p>
                </Show>
            </div>
            <Show when=answered>
                <FeedbackComment
                    recorded=recorded
                    sending=sending
                    recorded_comment=recorded_comment
                    on_comment=on_comment
                />
            </Show>
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

/// Yes or no, pressed when it is the recorded answer.
#[component]
fn FeedbackChoice(
    /// Which answer the button gives.
    helpful: bool,
    /// The recorded answer.
    recorded: Signal<Option<bool>>,
    /// The answer on its way.
    sending: Signal<Option<bool>>,
    /// Called with the answer.
    on_answer: Callback<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let (glyph, test_id) = if helpful {
        (IconKind::ThumbUp, "help-feedback-yes")
    } else {
        (IconKind::ThumbDown, "help-feedback-no")
    };
    let this_one_sending = move || sending.get() == Some(helpful);
    let text = move || {
        let t = locale.t().help;
        match (this_one_sending(), helpful) {
            (true, _) => t.feedback_sending,
            (false, true) => t.feedback_yes,
            (false, false) => t.feedback_no,
        }
    };
    view! {
        <button
            type="button"
            class="button help-feedback__choice"
            data-testid=test_id
            aria-pressed=move || (recorded.get() == Some(helpful)).to_string()
            aria-busy=move || this_one_sending().then_some("true")
            disabled=move || sending.with(Option::is_some)
            on:click=move |_| on_answer.run(helpful)
        >
            <Icon kind=glyph/>
            <span>{text}</span>
        </button>
    }
}

/// The comment box, once an answer is recorded: checked by the model's rule before it goes.
#[component]
fn FeedbackComment(
    /// The recorded answer the comment goes with.
    recorded: Signal<Option<bool>>,
    /// An answer on its way: the send button waits.
    sending: Signal<Option<bool>>,
    /// The comment the portal last recorded.
    recorded_comment: Signal<Option<String>>,
    /// Called with a comment that passed the rule.
    on_comment: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().help;
    let draft = RwSignal::new(String::new());
    // Why the draft cannot be sent, shown next to the box.
    let draft_error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(helpful) = recorded.get_untracked() else {
            return;
        };
        match comment_to_send(helpful, &draft.get_untracked(), locale.lang_untracked()) {
            Ok(comment) => {
                draft_error.set(None);
                if let Some(comment) = comment {
                    on_comment.run(comment);
                }
            }
            Err(message) => draft_error.set(Some(message)),
        }
    };
    view! {
        <form class="help-feedback__comment" on:submit=submit data-testid="help-feedback-comment-form">
            <label class="field__label" for="help-feedback-comment">{move || t().feedback_comment_label}</label>
            <textarea
                id="help-feedback-comment"
                class="field__input help-feedback__comment-input"
                data-testid="help-feedback-comment"
                rows="3"
                // A soft guide only: the model's rule decides, with a message.
                maxlength=(FEEDBACK_COMMENT_MAX_CHARS + 1).to_string()
                aria-invalid=move || draft_error.with(Option::is_some).then_some("true")
                aria-describedby="help-feedback-comment-error"
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            ></textarea>
            <p class="field__error" id="help-feedback-comment-error" role="alert" data-testid="help-feedback-comment-error">
                {move || draft_error.get()}
            </p>
            <div class="help-feedback__comment-actions">
                <button
                    type="submit"
                    class="button"
                    data-testid="help-feedback-comment-send"
                    disabled=move || sending.with(Option::is_some)
                >
                    {move || t().feedback_comment_send}
                </button>
                <Show when=move || recorded_comment.with(Option::is_some)>
                    <span class="help-feedback__comment-saved" data-testid="help-feedback-comment-saved">
                        {move || t().feedback_comment_saved}
                    </span>
                </Show>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_goes_trimmed_blanks_go_nowhere_and_a_long_one_is_refused() {
        assert_eq!(
            comment_to_send(true, "  分かりやすい ", Lang::Ja),
            Ok(Some("分かりやすい".to_string()))
        );
        assert_eq!(comment_to_send(false, " \n ", Lang::Ja), Ok(None));
        let long = "あ".repeat(FEEDBACK_COMMENT_MAX_CHARS + 1);
        let refused = comment_to_send(true, &long, Lang::En).unwrap_err();
        assert!(
            refused.contains(&FEEDBACK_COMMENT_MAX_CHARS.to_string()),
            "{refused}"
        );
    }
}
