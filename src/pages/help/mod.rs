//! ヘルプ: how-to articles, linked from the screens where each rule applies.

use leptos::prelude::*;

use crate::components::{ComingSoon, PageHeader};
use crate::i18n::use_locale;

/// The help index, and for now also each `/help/:article` address, so links into help already
/// land in the right area.
#[component]
pub fn HelpPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageHeader title=Signal::derive(move || locale.t().help_title.to_string())/>
        <ComingSoon/>
    }
}
