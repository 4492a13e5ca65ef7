//! Pure views of an article page: the article itself, its table of contents and the breadcrumb.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::content::Article;
use crate::components::icons::{Icon, IconKind};
use crate::components::PageHeader;
use crate::i18n::use_locale;
use crate::routes;

/// Marks the section a help link pointed at; help.css highlights it for a moment.
const TARGET_ATTR: &str = "data-help-target";

/// The article: title, このページをPDF出力 and the body. The only part of the page that is printed.
#[component]
pub fn ArticleView(
    /// The article to show, in the current language.
    article: Article,
    /// Called by このページをPDF出力; the page opens the browser's print dialog.
    #[prop(into)]
    on_print: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let text = move || article.text(locale.lang());
    view! {
        <article class="help-article panel" data-testid="help-article" data-article=article.slug()>
            <header class="help-article__header">
                <PageHeader title=Signal::derive(move || text().title.to_string())/>
                <button
                    type="button"
                    class="button help-article__print"
                    data-testid="help-print"
                    title=move || locale.t().help.print_hint
                    aria-describedby="help-print-hint"
                    on:click=move |_| on_print.run(())
                >
                    <Icon kind=IconKind::Printer/>
                    <span>{move || locale.t().help.print}</span>
                </button>
                <span id="help-print-hint" class="visually-hidden">
                    {move || locale.t().help.print_hint}
                </span>
            </header>
            <div class="help-article__body" inner_html=move || text().html></div>
        </article>
    }
}

/// この記事の内容: links to the article's sections, the current one marked.
#[component]
pub fn ArticleToc(
    /// The article whose sections are listed.
    article: Article,
    /// The anchor of the section the address points at, if any.
    #[prop(into)]
    current: Signal<Option<String>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="help-toc" aria-labelledby="help-toc-title" data-testid="help-toc">
            <h2 class="help-toc__title" id="help-toc-title">{move || locale.t().help.toc_title}</h2>
            <ol class="help-toc__list">
                {move || {
                    article
                        .text(locale.lang())
                        .sections
                        .iter()
                        .map(|section| {
                            let here = move || {
                                current.with(|c| c.as_deref() == Some(section.id)).then_some("location")
                            };
                            view! {
                                <li>
                                    <a class="help-toc__link" href=routes::href(&article.href(Some(section.id))) aria-current=here>
                                        {section.title}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}

/// ヘルプ › article title.
#[component]
pub fn HelpBreadcrumb(
    /// The article being read.
    article: Article,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <nav class="help-breadcrumb" aria-label=move || locale.t().help.breadcrumb_label>
            <ol>
                <li>
                    <a href=routes::href(routes::HELP) data-testid="help-breadcrumb-index">{move || locale.t().help_title}</a>
                </li>
                <li>
                    <span aria-current="page">{move || article.text(locale.lang()).title}</span>
                </li>
            </ol>
        </nav>
    }
}

/// Brings the section with anchor `id` into view inside `page`, moves the keyboard focus to its
/// heading and highlights it, so an administrator arriving from a help link sees where to read.
/// Returns whether the section was found.
pub fn reveal_section(page: &web_sys::Element, id: &str) -> bool {
    // By id on the document, then checked to be ours: the anchor comes from the address bar and
    // must not be spliced into a selector.
    let Some(heading) = document()
        .get_element_by_id(id)
        .filter(|el| page.contains(Some(el)))
    else {
        return false;
    };
    while let Ok(Some(previous)) = page.query_selector(&format!("[{TARGET_ATTR}]")) {
        let _ = previous.remove_attribute(TARGET_ATTR);
    }
    if let Some(section) = heading.closest("section").ok().flatten() {
        let _ = section.set_attribute(TARGET_ATTR, "");
    }
    if let Some(heading) = heading.dyn_ref::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
    // After focusing, which only scrolls as little as needed: the heading goes to the top, below
    // the sticky header (scroll-margin-top in help.css).
    heading.scroll_into_view();
    true
}
