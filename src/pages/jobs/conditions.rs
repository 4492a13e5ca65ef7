//! The device's execution conditions now, and what the job is waiting for. Which condition holds
//! a job back is the portal's answer (the model's `unmet_conditions`); this view only shows it.

use leptos::prelude::*;
use mdm_model::device::{ActiveSyncAccount, DeviceState, ManagementMethod};
use mdm_model::job::{JobDetail, JobMethod, JobStatus, UnmetCondition};
use mdm_model::time::format_datetime;
use mdm_model::time::Zone;

use crate::components::HelpLink;
use crate::i18n::{use_locale, JobsText};
use crate::pages::help::HelpTopic;

/// One row of the conditions list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ConditionRow {
    key: &'static str,
    label: &'static str,
    value: String,
    ok: bool,
    blocking: bool,
}

fn services(account: &ActiveSyncAccount, t: &JobsText) -> String {
    [
        (account.mail, t.service_mail),
        (account.contacts, t.service_contacts),
        (account.calendar, t.service_calendar),
        (account.reminders, t.service_reminders),
        (account.notes, t.service_notes),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect::<Vec<_>>()
    .join(t.list_separator)
}

fn rows(detail: &JobDetail, t: &JobsText) -> Vec<ConditionRow> {
    condition_rows(
        &detail.conditions.state,
        &detail.conditions.unmet,
        detail.job.device.management_method,
        t,
    )
}

/// The rows for a device state: now (open jobs) or at a send (the attempts of any job).
pub(super) fn condition_rows(
    state: &DeviceState,
    unmet: &[UnmetCondition],
    management: ManagementMethod,
    t: &JobsText,
) -> Vec<ConditionRow> {
    let state = *state;
    let blocked = |conditions: &[UnmetCondition]| conditions.iter().any(|c| unmet.contains(c));
    let activesync = match state.activesync {
        None => (t.cond_activesync_none.to_string(), false),
        Some(account) if !account.any_service_on() => (t.cond_activesync_off.to_string(), false),
        Some(account) => ((t.cond_activesync_on)(&services(&account, t)), true),
    };
    // Only IVI MDM wipes through ActiveSync: on any other method a missing account is no
    // news, so the row is left out rather than shown as a problem.
    let no_activesync_channel = !matches!(
        management,
        ManagementMethod::IviMdm | ManagementMethod::Hybrid
    );
    let mut rows = vec![
        ConditionRow {
            key: "power",
            label: t.cond_power,
            value: if state.powered_on {
                t.cond_power_on
            } else {
                t.cond_power_off
            }
            .to_string(),
            ok: state.powered_on,
            blocking: blocked(&[UnmetCondition::PoweredOff]),
        },
        ConditionRow {
            key: "network",
            label: t.cond_network,
            value: if state.network_connected {
                t.cond_network_on
            } else {
                t.cond_network_off
            }
            .to_string(),
            ok: state.network_connected,
            blocking: blocked(&[UnmetCondition::NoNetwork]),
        },
        ConditionRow {
            key: "profile",
            label: t.cond_profile,
            value: if state.mdm_profile_installed {
                t.cond_profile_on
            } else {
                t.cond_profile_off
            }
            .to_string(),
            ok: state.mdm_profile_installed,
            blocking: blocked(&[UnmetCondition::MdmProfileRemoved]),
        },
        ConditionRow {
            key: "activesync",
            label: t.cond_activesync,
            value: activesync.0,
            ok: activesync.1,
            blocking: blocked(&[
                UnmetCondition::NoActiveSyncAccount,
                UnmetCondition::ActiveSyncServicesOff,
            ]),
        },
    ];
    if no_activesync_channel && state.activesync.is_none() {
        rows.retain(|row| row.key != "activesync");
    }
    rows
}

/// What the job is waiting for, in words: one line, or the unmet conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Waiting {
    Text(String),
    /// An IVI MDM job between registration and the device's next sync: a rule with its own
    /// help section.
    IviDelay,
    Conditions(Vec<UnmetCondition>),
}

fn waiting(detail: &JobDetail, t: &JobsText, zone: Zone) -> Waiting {
    let job = &detail.job;
    match job.status {
        JobStatus::Scheduled => Waiting::Text((t.waiting_schedule)(
            &job.options
                .scheduled_at
                .map(|at| format_datetime(at, zone))
                .unwrap_or_default(),
        )),
        JobStatus::WaitingForDevice if !detail.conditions.unmet.is_empty() => {
            Waiting::Conditions(detail.conditions.unmet.clone())
        }
        JobStatus::WaitingForDevice if job.method == JobMethod::IviMdm => Waiting::IviDelay,
        JobStatus::WaitingForDevice => Waiting::Text(t.waiting_ready.into()),
        JobStatus::Sent => Waiting::Text(t.waiting_reply.into()),
        _ => Waiting::Text(t.waiting_finished.into()),
    }
}

/// The conditions section of the job detail.
#[component]
pub fn ConditionsSection(
    /// The job, its device's state and what is unmet.
    #[prop(into)]
    detail: Signal<JobDetail>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let rows = Memo::new(move |_| detail.with(|d| rows(d, t())));
    let waiting = Memo::new(move |_| detail.with(|d| waiting(d, t(), zone.get())));
    let hybrid_open = move || detail.with(|d| d.partner.is_some() && d.job.status.is_open());
    let finished = move || detail.with(|d| d.job.status.is_terminal());
    let last_seen = move || detail.with(|d| format_datetime(d.conditions.last_seen_at, zone.get()));

    view! {
        <section class="job-section" aria-labelledby="job-conditions-title" data-testid="job-conditions">
            <h3 class="job-section__title" id="job-conditions-title">{move || t().section_conditions}</h3>
            <div class="job-waiting" class:job-waiting--done=finished data-testid="job-waiting" role="note">
                <p class="job-waiting__title">{move || t().waiting_title}</p>
                {move || match waiting.get() {
                    Waiting::Text(text) => view! { <p class="job-waiting__text">{text}</p> }.into_any(),
                    Waiting::IviDelay => view! {
                        <p class="job-waiting__text">
                            {move || t().waiting_ivi_delay}
                            " "
                            <HelpLink topic=HelpTopic::IviDelay/>
                        </p>
                    }
                        .into_any(),
                    Waiting::Conditions(unmet) => view! {
                        <ul class="job-waiting__list">
                            {unmet
                                .into_iter()
                                .map(|c| view! {
                                    <li data-testid="job-unmet" data-condition=c.as_str()>{c.label(locale.lang())}</li>
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any(),
                }}
                <Show when=hybrid_open>
                    <p class="job-waiting__note">{move || t().waiting_hybrid_note}</p>
                </Show>
            </div>
            <dl class="job-conditions">
                <ConditionList rows=rows/>
                <div class="job-conditions__row">
                    <dt>{move || t().last_seen}</dt>
                    <dd>{last_seen}</dd>
                </div>
            </dl>
        </section>
    }
}

/// The condition rows as `term: value` lines, a blocking one marked.
#[component]
pub(super) fn ConditionList(
    /// The rows to show.
    #[prop(into)]
    rows: Signal<Vec<ConditionRow>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    view! {
        <For each=move || rows.get() key=|row| row.clone() let(row)>
            <div class="job-conditions__row" data-testid=format!("condition-{}", row.key)>
                <dt>{row.label}</dt>
                <dd>
                    <span
                        class="job-condition"
                        class:job-condition--ok=row.ok
                        class:job-condition--off=!row.ok && !row.blocking
                        class:job-condition--blocking=row.blocking
                        data-ok=row.ok.to_string()
                    >
                        <span class="job-condition__mark" aria-hidden="true">{if row.ok { "●" } else { "○" }}</span>
                        {row.value.clone()}
                    </span>
                    {row.blocking.then(|| view! {
                        <span class="job-condition__blocking" data-testid="condition-blocking">
                            {move || t().cond_blocking}
                        </span>
                    })}
                </dd>
            </div>
        </For>
    }
}
