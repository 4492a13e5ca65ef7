//! ヘルプ: how-to articles, linked from the screens where each rule applies.
//!
//! `/help` is the index, `/help/:article` an article; `/help/:article#anchor` opens the article
//! at one of its sections (the wizard's help links). The articles are Markdown files in
//! `articles/{ja,en}/`, rendered at compile time by `build.rs` (see [`content`]).

mod article;
pub mod content;
mod feedback;
mod index;
mod print;

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use mdm_model::help::{HelpFeedbackRecorded, HelpFeedbackRequest};

use crate::api::Api;
use crate::components::PageHeader;
use crate::i18n::use_locale;
use crate::routes;

pub use article::{reveal_section, ArticleToc, ArticleView, HelpBreadcrumb};
pub use content::{Article, ArticleText, HelpTopic, Section};
pub use feedback::FeedbackView;
pub use index::HelpIndexView;
pub use print::{adopted_page_rules, css_string, page_rule, print_page, PrintPageSetup};

/// `/help`: the index of articles.
#[component]
pub fn HelpIndexPage() -> impl IntoView {
    view! { <HelpIndexView/> }
}

/// `/help/:article`: the article, or "article not found".
#[component]
pub fn HelpArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("article"));
    // While the router leaves this route the parameter may already be gone: show nothing then.
    move || {
        slug.get().map(|slug| match Article::from_slug(&slug) {
            Some(article) => view! { <ArticleScreen article=article/> }.into_any(),
            None => view! { <ArticleNotFound/> }.into_any(),
        })
    }
}

/// An article with its breadcrumb, contents, print setup and feedback. Follows the address's
/// `#anchor`: on arrival and on every change the section is brought into view and focused.
#[component]
fn ArticleScreen(
    /// The article the address names.
    article: Article,
) -> impl IntoView {
    let location = use_location();
    let page = NodeRef::<html::Div>::new();
    let anchor = Memo::new(move |_| {
        let hash = location.hash.get();
        let id = hash.trim_start_matches('#');
        (!id.is_empty()).then(|| {
            js_sys::decode_uri_component(id)
                .ok()
                .and_then(|decoded| decoded.as_string())
                .unwrap_or_else(|| id.to_string())
        })
    });
    Effect::new(move |_| {
        let Some(id) = anchor.get() else { return };
        // Next frame: the body is in the page and laid out, whichever way the address changed.
        request_animation_frame(move || {
            // The page may be gone by the next frame (the administrator moved on).
            if let Some(page) = page.try_get_untracked().flatten() {
                reveal_section(&page, &id);
            }
        });
    });
    view! {
        <div class="help-page help-page--article" node_ref=page>
            <HelpBreadcrumb article=article/>
            <div class="help-layout">
                <div class="help-layout__main">
                    <ArticleView article=article on_print=Callback::new(|_| print_page())/>
                    <ArticleFeedback article=article/>
                </div>
                <aside class="help-layout__aside">
                    <ArticleToc article=article current=anchor/>
                </aside>
            </div>
            <PrintPageSetup path=location.pathname/>
        </div>
    }
}

/// この記事は役に立ちましたか?, sent to the portal. Each answer is sent as it is given, so a
/// second answer replaces the first.
#[component]
fn ArticleFeedback(
    /// The article the answer is about.
    article: Article,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = use_locale();
    // The answer given on an earlier visit, so the page shows it pressed again.
    let earlier = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.help_feedback_state(article.api()).await }
        }
    });
    let send = Action::new_local(move |request: &HelpFeedbackRequest| {
        let api = api.clone();
        let request = request.clone();
        async move { api.help_feedback(article.api(), &request).await }
    });
    // The last answer the portal confirmed (or had from before); a failed later answer leaves it
    // as it was.
    let recorded = Memo::new(move |previous: Option<&Option<HelpFeedbackRecorded>>| {
        match send.value().get() {
            Some(Ok(recorded)) => Some(recorded),
            _ => previous.cloned().flatten().or_else(|| {
                earlier
                    .get()
                    .and_then(Result::ok)
                    .and_then(|state| state.current)
            }),
        }
    });
    let error = Memo::new(move |_| match send.value().get() {
        Some(Err(error)) => Some(error.message(locale.lang())),
        _ => None,
    });
    let sending = Memo::new(move |_| {
        if send.pending().get() {
            send.input().get().map(|request| request.helpful)
        } else {
            None
        }
    });
    view! {
        <FeedbackView
            recorded=Signal::derive(move || recorded.get().map(|r| r.helpful))
            sending=sending
            error=error
            // Changing yes / no keeps the comment already given.
            on_answer=Callback::new(move |helpful| {
                let comment = recorded.get_untracked().and_then(|r| r.comment);
                send.dispatch(HelpFeedbackRequest { helpful, comment });
            })
            recorded_comment=Signal::derive(move || recorded.get().and_then(|r| r.comment))
            on_comment=Callback::new(move |comment| {
                if let Some(helpful) = recorded.get_untracked().map(|r| r.helpful) {
                    send.dispatch(HelpFeedbackRequest { helpful, comment: Some(comment) });
                }
            })
        />
    }
}

/// An address under `/help` that names no article.
#[component]
fn ArticleNotFound() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="help-page">
            <PageHeader title=Signal::derive(move || locale.t().help.not_found_title.to_string())/>
            <section class="panel" data-testid="help-not-found">
                <p class="panel__text">{move || locale.t().help.not_found_body}</p>
                <div class="panel__actions">
                    <a class="button button--primary" href=routes::href(routes::HELP)>
                        {move || locale.t().help.back_to_index}
                    </a>
                </div>
            </section>
        </div>
    }
}
