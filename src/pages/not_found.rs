//! The 404 page.

use leptos::prelude::*;

use crate::components::PageHeader;
use crate::i18n::use_locale;
use crate::routes;

/// Shown for any address the console does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageHeader title=Signal::derive(move || locale.t().not_found_title.to_string())/>
        <section class="panel" data-testid="not-found">
            <p class="panel__text">{move || locale.t().not_found_body}</p>
            <div class="panel__actions">
                <a class="button button--primary" href=routes::href(routes::DEVICES)>{move || locale.t().not_found_back}</a>
            </div>
        </section>
    }
}
