//! The help link beside a part of the wipe screen: the section of the article about it, in a
//! new tab so nothing entered is lost.

use leptos::prelude::*;

use crate::components::field::FieldHelp;
use crate::i18n::{use_locale, Catalog};
use crate::pages::help::HelpTopic;

/// A help link to `topic`, named by `label` (what the section explains).
#[component]
pub fn WipeFieldHelp(
    /// The article section.
    topic: HelpTopic,
    /// Its accessible name, from the catalog.
    label: fn(&'static Catalog) -> &'static str,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <FieldHelp
            href=topic.href()
            test_id=topic.test_id()
            text=Signal::derive(move || locale.t().wipe.help_text.to_string())
            label=Signal::derive(move || label(locale.t()).to_string())
        />
    }
}
