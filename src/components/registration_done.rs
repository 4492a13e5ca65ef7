//! Shown after OK on the wipe screen and on every measure's screen: what was registered, and
//! the way to ジョブ管理 narrowed to this registration. Takes focus, so screen readers announce it.

use leptos::html::H2;
use leptos::prelude::*;
use mdm_model::ids::WipeId;
use mdm_model::job::JobQuery;

use super::focus_when_drawn;
use crate::routes;

/// The job list narrowed to the jobs of one registration (`wipe=` names a wipe's or another
/// measure's registration).
pub fn jobs_of(registration: WipeId) -> String {
    let query = JobQuery {
        wipe: Some(registration),
        ..Default::default()
    };
    format!(
        "{}{}",
        routes::JOBS,
        routes::query_string(&query.to_query_pairs())
    )
}

/// What a done panel says, in the current language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneTexts {
    pub title: String,
    /// The numbers: devices and jobs registered.
    pub body: String,
    /// The devices left out at the administrator's request, when there were any.
    pub skipped: Option<String>,
    pub jobs_label: String,
    pub back_label: String,
}

/// "Registration complete" with the numbers; the texts come from the screen's catalog.
#[component]
pub fn RegistrationDone(
    /// The prefix of the panel's test ids (`wipe-done`, `measure-done`).
    test_id: &'static str,
    /// The registration the jobs link narrows the list to.
    registration: WipeId,
    /// Where "back to devices" goes.
    back_href: String,
    /// The panel's texts, following the language.
    texts: Signal<DoneTexts>,
) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    focus_when_drawn(heading);
    let text = move |pick: fn(&DoneTexts) -> String| move || texts.with(pick);
    view! {
        <section class="panel done" data-testid=test_id role="status">
            <h2 class="done__title" tabindex="-1" node_ref=heading data-testid=format!("{test_id}-title")>
                <span class="done__mark" aria-hidden="true">"✓"</span>
                {text(|t| t.title.clone())}
            </h2>
            <p data-testid=format!("{test_id}-body")>{text(|t| t.body.clone())}</p>
            {move || texts.with(|t| t.skipped.clone()).map(|skipped| view! {
                <p class="hint" data-testid=format!("{test_id}-skipped")>{skipped}</p>
            })}
            <div class="panel__actions">
                <a class="button button--primary" href=routes::href(&jobs_of(registration)) data-testid=format!("{test_id}-jobs")>{text(|t| t.jobs_label.clone())}</a>
                <a class="button" href=routes::href(&back_href) data-testid=format!("{test_id}-back")>{text(|t| t.back_label.clone())}</a>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jobs_link_narrows_the_list_to_the_registration() {
        assert_eq!(jobs_of(WipeId(42)), "/jobs?wipe=42");
    }
}
