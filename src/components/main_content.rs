//! The page's main landmark, which depends on where the console runs.

use leptos::prelude::*;

use crate::host;
use crate::i18n::use_locale;

/// The page's main content: `<main>` on the console's own page. Inside a host page, which has
/// its own `<main>` around the console, a region named after the console instead: a page has
/// one main landmark.
#[component]
pub fn MainContent(
    /// The element's class.
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    if host::is_embedded() {
        view! { <section class=class aria-label=move || locale.t().app_name>{children()}</section> }
            .into_any()
    } else {
        view! { <main class=class>{children()}</main> }.into_any()
    }
}
