//! A link from a control to the help section that explains it.

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;
use crate::pages::help::HelpTopic;
use crate::routes;

/// "? ヘルプ" beside a control: opens the article at the section about `topic`, in the same
/// console (the router takes the click; the article scrolls to the section and focuses it).
/// Its full name for screen readers and its tooltip name the section.
#[component]
pub fn HelpLink(
    /// The rule the control is about; decides the article, the section and `data-testid`
    /// (`help-link-<topic>`).
    topic: HelpTopic,
) -> impl IntoView {
    let locale = use_locale();
    let section = move || topic.section_title(locale.lang());
    view! {
        <a
            class="help-link"
            href=routes::href(&topic.href())
            data-testid=topic.test_id()
            aria-label=move || (locale.t().help.link_name)(section())
            title=section
        >
            <Icon kind=IconKind::Help/>
            <span>{move || locale.t().help.link_label}</span>
        </a>
    }
}
