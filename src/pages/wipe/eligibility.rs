//! One device of the preview: what the wipe does to it (jobs, Hybrid pair), whether it
//! re-enrolls and why not, and why it cannot be wiped at all.

use leptos::prelude::*;
use mdm_model::dep::SETUP_ASSISTANT_PANES;
use mdm_model::device::ManagementMethod;
use mdm_model::wipe::{DeviceWipePlan, Reenrollment};
use mdm_model::Lang;

use crate::components::device_brief::device_facts;
use crate::i18n::use_locale;

fn pane_labels(keys: &[String], lang: Lang, separator: &str) -> String {
    keys.iter()
        .map(|key| {
            SETUP_ASSISTANT_PANES
                .iter()
                .find(|pane| pane.key == key)
                .map_or(key.as_str(), |pane| pane.label(lang))
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// A device and its planned wipe, as a list item.
#[component]
pub fn PlanItem(
    /// The portal's plan for the device.
    plan: DeviceWipePlan,
) -> impl IntoView {
    let locale = use_locale();
    let id = plan.device.id;
    let device = plan.device.clone();
    let meta = {
        let device = device.clone();
        move || device_facts(&device, locale.lang())
    };
    let jobs = plan.jobs.clone();
    let jobs_line = move || {
        let t = locale.t().wipe;
        if jobs.is_empty() {
            return t.no_jobs.to_string();
        }
        let names: Vec<&str> = jobs.iter().map(|m| m.label(locale.lang())).collect();
        (t.jobs_line)(jobs.len(), &names.join(t.list_separator))
    };
    let commands = plan.commands.clone();
    let commands_line = (!commands.is_empty()).then(|| {
        let line = move || {
            let names: Vec<&str> = commands.iter().map(|c| c.label(locale.lang())).collect();
            let t = locale.t();
            (t.platform.preview_commands)(&names.join(t.wipe.list_separator))
        };
        view! { <li class="plan__fact" data-testid=format!("plan-commands-{id}")>{line}</li> }
    });
    let blocker = plan.not_wipeable_reason.map(|reason| {
        view! {
            <li class="plan__fact plan__fact--negative" data-testid=format!("plan-not-wipeable-{id}")>
                {move || reason.label(locale.lang())}
            </li>
        }
    });
    let open_jobs = (!plan.open_job_ids.is_empty()).then(|| {
        let ids: Vec<String> = plan
            .open_job_ids
            .iter()
            .map(|id| format!("#{id}"))
            .collect();
        let ids = ids.join(", ");
        view! {
            <li class="plan__fact plan__fact--negative" data-testid=format!("plan-open-jobs-{id}")>
                {move || (locale.t().wipe.open_jobs)(&ids)}
            </li>
        }
    });
    let reenrollment = plan.reenrollment.clone().map(|reenrollment| match reenrollment {
        Reenrollment::Eligible { enrollment_group_name, user_must_authenticate, shown_setup_panes, only_if_apple_mdm_wipes, activation_lock_enabled, .. } => view! {
            <li class="plan__fact plan__fact--positive" data-testid=format!("plan-reenroll-{id}")>
                <p>{move || (locale.t().wipe.reenroll_into)(&enrollment_group_name)}</p>
                {activation_lock_enabled.then(|| view! {
                    <p class="plan__caution" data-testid=format!("plan-activation-lock-{id}")>
                        {move || locale.t().wipe.activation_lock_stops_reenrollment}
                    </p>
                })}
                {user_must_authenticate.then(|| view! {
                    <p class="plan__caution" data-testid=format!("plan-authenticate-{id}")>
                        {move || locale.t().wipe.user_must_authenticate}
                    </p>
                })}
                {(user_must_authenticate && !shown_setup_panes.is_empty()).then(|| view! {
                    <p class="hint">
                        {move || {
                            let t = locale.t().wipe;
                            (t.shown_panes)(&pane_labels(&shown_setup_panes, locale.lang(), t.list_separator))
                        }}
                    </p>
                })}
                {only_if_apple_mdm_wipes.then(|| view! { <p class="hint">{move || locale.t().wipe.only_if_apple}</p> })}
            </li>
        }
        .into_any(),
        Reenrollment::Ineligible { reasons } => view! {
            <li class="plan__fact plan__fact--caution" data-testid=format!("plan-not-reenrolled-{id}")>
                <p>{move || locale.t().wipe.not_reenrolled}</p>
                <ul class="plan__reasons">
                    {reasons.into_iter().map(|reason| view! { <li>{move || reason.label(locale.lang())}</li> }).collect_view()}
                </ul>
            </li>
        }
        .into_any(),
    });
    let hybrid = device.management_method == ManagementMethod::Hybrid;

    view! {
        <li class="plan" data-testid=format!("plan-{id}")>
            <div class="plan__head">
                <span class="plan__name">{device.name.clone()}</span>
                <span class="plan__meta">{meta}</span>
            </div>
            <ul class="plan__facts">
                <li class="plan__fact" class:plan__fact--pair=hybrid data-testid=format!("plan-jobs-{id}")>{jobs_line}</li>
                {commands_line}
                {blocker}
                {open_jobs}
                {reenrollment}
            </ul>
        </li>
    }
}
