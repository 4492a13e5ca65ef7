//! One `term: description` line of the job detail's fact lists.

use leptos::prelude::*;

/// One `term: description` line.
#[component]
pub fn Fact(
    /// The term.
    #[prop(into)]
    term: Signal<&'static str>,
    /// `data-testid` of the description.
    #[prop(optional)]
    test_id: Option<&'static str>,
    /// The description.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="facts__row">
            <dt>{term}</dt>
            <dd data-testid=test_id>{children()}</dd>
        </div>
    }
}
