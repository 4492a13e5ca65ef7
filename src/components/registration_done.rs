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

/// "Registration complete" with the numbers; the texts come from the screen's catalog.
#[component]
pub fn RegistrationDone(
    /// The prefix of the panel's test ids (`wipe-done`, `measure-done`).
    test_id: &'static str,
    /// The registration the jobs link narrows the list to.
    registration: WipeId,
    /// Where "back to devices" goes.
    back_href: String,
    #[prop(into)] title: Signal<String>,
    /// The numbers: devices and jobs registered.
    #[prop(into)]
    body: Signal<String>,
    /// The devices left out at the administrator's request, when there were any.
    #[prop(optional, into)]
    skipped: Option<Signal<String>>,
    #[prop(into)] jobs_label: Signal<String>,
    #[prop(into)] back_label: Signal<String>,
) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    focus_when_drawn(heading);
    view! {
        <section class="panel done" data-testid=test_id role="status">
            <h2 class="done__title" tabindex="-1" node_ref=heading data-testid=format!("{test_id}-title")>
                <span class="done__mark" aria-hidden="true">"✓"</span>
                {title}
            </h2>
            <p data-testid=format!("{test_id}-body")>{body}</p>
            {skipped.map(|skipped| view! {
                <p class="hint" data-testid=format!("{test_id}-skipped")>{skipped}</p>
            })}
            <div class="panel__actions">
                <a class="button button--primary" href=routes::href(&jobs_of(registration)) data-testid=format!("{test_id}-jobs")>{jobs_label}</a>
                <a class="button" href=routes::href(&back_href) data-testid=format!("{test_id}-back")>{back_label}</a>
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
