//! この記事は役に立ちましたか?: the yes / no answer under each article.

use leptos::prelude::*;
use mdm_model::help::{HelpFeedbackRequest, FEEDBACK_COMMENT_MAX_CHARS};

use crate::components::icons::{Icon, IconKind};
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
    /// The comment the portal last recorded with the answer.
    #[prop(into)]
    recorded_comment: Signal<Option<String>>,
    /// Called with a comment that passed the model's rule (trimmed, within the limit).
    #[prop(into)]
    on_comment: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let draft = RwSignal::new(String::new());
    // Why the draft cannot be sent, shown next to the box; the portal applies the same rule.
    let draft_error = RwSignal::new(None::<String>);
    let submit_comment = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(helpful) = recorded.get_untracked() else {
            return;
        };
        let request = HelpFeedbackRequest {
            helpful,
            comment: Some(draft.get_untracked()),
        };
        match request.normalized() {
            Ok(HelpFeedbackRequest {
                comment: Some(comment),
                ..
            }) => {
                draft_error.set(None);
                on_comment.run(comment);
            }
            // Nothing but blanks: nothing to send.
            Ok(_) => draft_error.set(None),
            Err(refusal) => draft_error.set(Some(refusal.message(locale.lang()))),
        }
    };
    let choice = move |helpful: bool| {
        let (glyph, test_id) = if helpful {
            (IconKind::ThumbUp, "help-feedback-yes")
        } else {
            (IconKind::ThumbDown, "help-feedback-no")
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
                <Icon kind=glyph/>
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
                recorded.get().map(|_| {
                    view! {
                        <form class="help-feedback__comment" on:submit=submit_comment data-testid="help-feedback-comment-form">
                            <label class="field__label" for="help-feedback-comment">
                                {move || locale.t().help.feedback_comment_label}
                            </label>
                            <textarea
                                id="help-feedback-comment"
                                class="field__input help-feedback__comment-input"
                                data-testid="help-feedback-comment"
                                rows="3"
                                // A soft guide only: the model's rule decides, with a message.
                                maxlength=(FEEDBACK_COMMENT_MAX_CHARS + 1).to_string()
                                aria-invalid=move || draft_error.get().is_some().then_some("true")
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
                                    disabled=move || sending.get().is_some()
                                >
                                    {move || locale.t().help.feedback_comment_send}
                                </button>
                                {move || recorded_comment.get().map(|_| view! {
                                    <span class="help-feedback__comment-saved" data-testid="help-feedback-comment-saved">
                                        {move || locale.t().help.feedback_comment_saved}
                                    </span>
                                })}
                            </div>
                        </form>
                    }
                })
            }}
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
