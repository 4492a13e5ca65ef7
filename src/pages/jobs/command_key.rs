//! One `key: value` line of a command in the job detail.

use leptos::prelude::*;

/// One `key: value` line of the command.
#[component]
pub fn CommandKey(
    /// Apple's key name, shown as is.
    key: &'static str,
    /// What the value means.
    #[prop(into)]
    value: Signal<String>,
    /// `data-testid` of the value.
    test_id: &'static str,
) -> impl IntoView {
    view! {
        <div class="job-command__row">
            <dt><code>{key}</code></dt>
            <dd data-testid=test_id>{value}</dd>
        </div>
    }
}
