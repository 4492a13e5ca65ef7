//! Every send of the job's command, as the portal recorded it when it happened: the device's
//! execution conditions at that moment and the command's SHA-256 with its masked copy. A
//! finished job is judged by these, never by what its device reports today.

use leptos::prelude::*;
use mdm_model::job::{JobDetail, SendAttempt};
use mdm_model::time::format_datetime;
use mdm_model::time::Zone;

use super::conditions::{condition_rows, ConditionList};
use crate::i18n::use_locale;

/// The sends section of the job detail.
#[component]
pub fn AttemptsSection(
    /// The job and its attempts.
    #[prop(into)]
    detail: Signal<JobDetail>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let attempts = Memo::new(move |_| detail.with(|d| d.attempts.clone()));
    let management = Memo::new(move |_| detail.with(|d| d.job.device.management_method));
    view! {
        <section class="job-section" aria-labelledby="job-attempts-title" data-testid="job-attempts">
            <h3 class="job-section__title" id="job-attempts-title">{move || t().section_attempts}</h3>
            <Show when=move || attempts.with(Vec::is_empty)>
                <p class="job-section__lead" data-testid="attempts-none">{move || t().attempts_none}</p>
            </Show>
            <For each=move || attempts.get() key=|a| a.number let(attempt)>
                <Attempt attempt=attempt management=management zone=zone/>
            </For>
        </section>
    }
}

/// One send: when, the conditions then, and the command with its digest.
#[component]
fn Attempt(
    /// The recorded send.
    attempt: SendAttempt,
    /// How the device was managed (an Apple-only device has no ActiveSync row).
    #[prop(into)]
    management: Signal<mdm_model::device::ManagementMethod>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let SendAttempt {
        number,
        at,
        conditions,
        command,
    } = attempt;
    let rows = Signal::derive(move || {
        condition_rows(&conditions.state, &conditions.unmet, management.get(), t())
    });
    let command = command.map(|sent| {
        view! {
            <dl class="facts">
                <div class="facts__row">
                    <dt>{move || t().attempt_hash}</dt>
                    <dd><code class="job-attempt__hash" data-testid="attempt-hash">{sent.sha256.clone()}</code></dd>
                </div>
            </dl>
            <details class="job-command__plist">
                <summary>{move || t().attempt_command}</summary>
                <pre data-testid="attempt-command">{sent.display_text.clone()}</pre>
            </details>
        }
    });
    let has_command = command.is_some();
    view! {
        <div class="job-attempt" data-testid="job-attempt" data-number=number>
            <h4 class="job-attempt__title">{move || (t().attempt_title)(number, &format_datetime(at, zone.get()))}</h4>
            <p class="job-attempt__label">{move || t().attempt_conditions}</p>
            <dl class="job-conditions" data-testid="attempt-conditions">
                <ConditionList rows=rows/>
            </dl>
            {command}
            {(!has_command).then(|| view! {
                <p class="job-section__lead" data-testid="attempt-no-command">{move || t().attempt_no_command}</p>
            })}
        </div>
    }
}
