//! The title block every screen starts with.

use leptos::prelude::*;

use crate::i18n::use_locale;

/// The screen's `h1` (it says where the administrator is), mirrored in the browser tab title.
#[component]
pub fn PageHeader(
    /// The title, in the current language.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let locale = use_locale();
    Effect::new(move || {
        crate::host::set_document_title(&(locale.t().document_title)(&title.get()))
    });
    view! {
        <div class="page-header">
            <h1 class="page-header__title" data-testid="page-title">{title}</h1>
        </div>
    }
}
