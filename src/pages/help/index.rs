//! The help index: every article with its summary and its sections.

use leptos::prelude::*;

use super::content::Article;
use crate::components::icons::{Icon, IconKind};
use crate::components::PageHeader;
use crate::i18n::use_locale;

/// The list of help articles. Needs only the locale, so it mounts in tests without routes.
#[component]
pub fn HelpIndexView() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="help-page">
            <PageHeader title=Signal::derive(move || locale.t().help_title.to_string())/>
            <p class="help-index__lead">{move || locale.t().help.index_lead}</p>
            <ul
                class="help-index"
                data-testid="help-index"
                aria-label=move || locale.t().help.index_list_label
            >
                {Article::ALL.into_iter().map(|article| view! { <ArticleCard article=article/> }).collect_view()}
            </ul>
        </div>
    }
}

/// One article on the index: its title (the link), its summary and links to its sections.
#[component]
fn ArticleCard(
    /// The article to show.
    article: Article,
) -> impl IntoView {
    let locale = use_locale();
    let text = move || article.text(locale.lang());
    view! {
        <li class="help-card panel" data-testid=format!("help-card-{}", article.slug())>
            <h2 class="help-card__title">
                <Icon kind=IconKind::Article/>
                <a href=crate::routes::href(&article.href(None))>{move || text().title}</a>
            </h2>
            <p class="help-card__summary">{move || text().summary}</p>
            <ul
                class="help-card__sections"
                aria-label=move || (locale.t().help.index_sections_label)(text().title)
            >
                {move || {
                    text()
                        .sections
                        .iter()
                        .map(|section| {
                            view! {
                                <li>
                                    <a href=crate::routes::href(&article.href(Some(section.id)))>{section.title}</a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </li>
    }
}
