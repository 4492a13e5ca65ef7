//! Placeholder for a screen a later release fills.

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;

/// A calm "coming soon" panel that names nothing internal.
#[component]
pub fn ComingSoon() -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="panel panel--empty" data-testid="coming-soon">
            <Icon kind=IconKind::Clock/>
            <h2 class="panel__title">{move || locale.t().coming_title}</h2>
            <p class="panel__text">{move || locale.t().coming_body}</p>
        </section>
    }
}
