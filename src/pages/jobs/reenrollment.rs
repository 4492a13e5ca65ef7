//! The re-enrollment outcome of a Return-to-Service wipe: a badge beside the job's status in
//! the table, and a section of the detail. The job's own status stays 成功 (the erase was
//! acknowledged); whether the device came back is this second, observed fact.

use crate::pages::help::HelpTopic;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mdm_model::job::{Job, ReenrollmentStatus};

use super::fact::Fact;
use crate::components::HelpLink;
use crate::i18n::use_locale;

fn modifier(status: ReenrollmentStatus) -> &'static str {
    match status {
        ReenrollmentStatus::Awaiting => "reenroll-badge--awaiting",
        ReenrollmentStatus::Reenrolled => "reenroll-badge--done",
        ReenrollmentStatus::NotConfirmed => "reenroll-badge--unconfirmed",
    }
}

/// The re-enrollment outcome as a badge; nothing for a job without one.
#[component]
pub fn ReenrollmentBadge(
    /// The job.
    #[prop(into)]
    job: Signal<Job>,
    /// `data-testid` of the badge.
    test_id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let status = move || job.with(|j| j.reenrollment.as_ref().map(|r| r.status));
    move || {
        status().map(|status| {
            view! {
                <span
                    class=format!("reenroll-badge {}", modifier(status))
                    data-testid=test_id
                    data-reenrollment=status.as_str()
                    aria-label=move || format!("{}: {}", locale.t().jobs.reenrollment_label, status.label(locale.lang()))
                >
                    {move || status.label(locale.lang())}
                </span>
            }
        })
    }
}

/// The detail's re-enrollment section, for a job that has an outcome.
#[component]
pub fn ReenrollmentSection(
    /// The job.
    #[prop(into)]
    job: Signal<Job>,
    /// Shows a time in the administrator's zone.
    format_time: Callback<DateTime<Utc>, String>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let outcome = move || job.with(|j| j.reenrollment.clone());
    let group = move || {
        job.with(|j| {
            j.options
                .return_to_service
                .as_ref()
                .map(|plan| plan.enrollment_group_name.clone())
                .unwrap_or_default()
        })
    };
    move || {
        outcome().map(|outcome| {
            let awaiting = outcome.status == ReenrollmentStatus::Awaiting;
            let reason = outcome.likely_reason;
            view! {
                <section class="job-section" aria-labelledby="job-reenrollment-title" data-testid="job-reenrollment">
                    <h3 class="job-section__title" id="job-reenrollment-title">{move || t().section_reenrollment}</h3>
                    <p class="job-section__lead">
                        {move || t().reenrollment_explain}
                        " "
                        <HelpLink topic=HelpTopic::ReenrollmentOutcome/>
                    </p>
                    <div class="job-detail__status">
                        <ReenrollmentBadge job=job test_id="detail-reenrollment"/>
                    </div>
                    <dl class="facts">
                        <Fact term=Signal::derive(move || t().reenrollment_group)>{group}</Fact>
                        {(!awaiting).then(|| view! {
                            <Fact term=Signal::derive(move || t().reenrollment_since) test_id="reenrollment-since">
                                {format_time.run(outcome.since)}
                            </Fact>
                        })}
                        {awaiting.then(|| view! {
                            <Fact term=Signal::derive(move || t().reenrollment_deadline) test_id="reenrollment-deadline">
                                {format_time.run(outcome.deadline)}
                            </Fact>
                        })}
                        {reason.map(|reason| view! {
                            <Fact term=Signal::derive(move || t().reenrollment_likely_reason) test_id="reenrollment-reason">
                                {move || reason.label(locale.lang())}
                            </Fact>
                        })}
                    </dl>
                </section>
            }
        })
    }
}
