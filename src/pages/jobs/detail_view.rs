//! The job detail as a pure view: what was ordered, for which device, by whom, how far it got,
//! what it waits for, and the command it sends. Mounts without network in browser tests.

use leptos::prelude::*;
use mdm_model::job::{
    plan_administrator_cancel, CancelRefusal, Job, JobDetail, JobQuery, JobStatus,
};
use mdm_model::time::format_datetime;
use mdm_model::time::Zone;

use super::apple_command::CommandSection;
use super::attempts::AttemptsSection;
use super::conditions::ConditionsSection;
use super::fact::Fact;
use super::history::{AuditList, AuditView, Timeline};
use super::options::{DeviceFacts, OptionsFacts};
use super::reenrollment::ReenrollmentSection;
use super::url::{cleared, detail_href, for_device, list_href, refined};
use crate::components::StatusBadge;
use crate::i18n::{use_locale, JobsText};

/// The jobs a cancel of this job takes along (its Hybrid partner too).
fn cancel_set(detail: &JobDetail) -> Vec<Job> {
    std::iter::once(detail.job.clone())
        .chain(detail.partner.clone())
        .collect()
}

/// Whether cancelling is possible now, refused because a command went out, or pointless.
fn cancel_state(detail: &JobDetail) -> Result<(), CancelRefusal> {
    let statuses: Vec<JobStatus> = cancel_set(detail).iter().map(|job| job.status).collect();
    plan_administrator_cancel(&statuses).map(|_| ())
}

/// The detail of one job.
#[component]
pub fn JobDetailView(
    /// The job as the portal answered it; refreshes replace it.
    #[prop(into)]
    detail: Signal<JobDetail>,
    /// The audit entries about the job.
    #[prop(into)]
    audit: Signal<AuditView>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
    /// The list state, carried into links.
    #[prop(into)]
    query: Signal<JobQuery>,
    /// Asks to cancel these jobs (the job and its partner); a confirmation follows.
    on_cancel: Callback<Vec<Job>>,
) -> impl IntoView {
    let job = Memo::new(move |_| detail.with(|d| d.job.clone()));
    let history = Memo::new(move |_| detail.with(|d| d.history.clone()));
    let time = move |at| format_datetime(at, zone.get());
    let device_href = move || {
        let device = job.with(|j| j.device.id);
        crate::routes::href(&list_href(&for_device(&cleared(&query.get()), device)))
    };
    view! {
        <div class="job-detail" data-testid="job-detail">
            <StatusLine detail=detail job=job on_cancel=on_cancel/>
            <PairSection detail=detail query=query/>
            // What an open job waits for comes first: it is why the administrator opened it. A
            // finished job shows the conditions of its sends instead (below): the device now
            // says nothing about why it ran.
            <Show when=move || job.with(|j| j.status.is_open())>
                <ConditionsSection detail=detail zone=zone/>
            </Show>
            <ReenrollmentSection job=job format_time=Callback::new(time)/>
            {crate::components::location_fix::job_location(detail, zone)}
            <SummarySection detail=detail job=job zone=zone query=query/>
            <DeviceFacts
                job=job
                device_now=Signal::derive(move || detail.with(|d| d.device_now.clone()))
                device_href=Signal::derive(device_href)
            />
            <OptionsFacts job=job zone=zone/>
            <Timeline history=history zone=zone/>
            <AttemptsSection detail=detail zone=zone/>
            <CommandSection detail=detail/>
            <AuditList audit=audit zone=zone/>
        </div>
    }
}

/// The status with its reason, and cancelling: the button, or why it is too late.
#[component]
fn StatusLine(
    /// The detail.
    detail: Signal<JobDetail>,
    /// Its job.
    job: Memo<Job>,
    /// Asks to cancel the job and its partner.
    on_cancel: Callback<Vec<Job>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let cancel = Memo::new(move |_| detail.with(cancel_state));
    view! {
        <div class="job-detail__status">
            <StatusBadge status=Signal::derive(move || job.with(|j| j.status)) test_id="detail-status"/>
            <span class="job-detail__reason" data-testid="detail-reason">
                {move || job.with(|j| j.status_reason.label(locale.lang()))}
            </span>
            {move || match cancel.get() {
                Ok(()) => view! {
                    <button
                        type="button"
                        class="button job-button--danger-quiet"
                        data-testid="detail-cancel"
                        on:click=move |_| on_cancel.run(detail.with_untracked(cancel_set))
                    >
                        {move || t().cancel_button}
                    </button>
                }
                    .into_any(),
                Err(CancelRefusal::AlreadyRunning) => view! {
                    <p class="job-detail__note" data-testid="detail-cancel-refused">{move || t().cancel_refused_running}</p>
                }
                    .into_any(),
                Err(CancelRefusal::AlreadyFinished) => ().into_any(),
            }}
        </div>
    }
}

/// The other job of a Hybrid pair: a link to it and where it stands.
#[component]
fn PairSection(
    /// The detail.
    detail: Signal<JobDetail>,
    /// The list state, carried into the link.
    query: Signal<JobQuery>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let partner = Memo::new(move |_| detail.with(|d| d.partner.clone()));
    move || {
        partner.get().map(|p| {
            let href = crate::routes::href(&detail_href(p.id, &query.get_untracked()));
            view! {
                <section class="job-section job-section--pair" aria-labelledby="job-pair-title" data-testid="job-pair">
                    <h3 class="job-section__title" id="job-pair-title">{move || t().section_pair}</h3>
                    <p class="job-section__lead">{move || t().pair_explain}</p>
                    <div class="job-pair">
                        <a href=href data-noscroll="" class="job-pair__link" data-testid="pair-link">
                            {move || (t().pair_partner)(p.id.0, p.method.label(locale.lang()))}
                        </a>
                        <StatusBadge status=Signal::stored(p.status) test_id="pair-status"/>
                        <span class="job-pair__reason">{move || p.status_reason.label(locale.lang())}</span>
                    </div>
                </section>
            }
        })
    }
}

/// What was ordered, when, by whom, and the registration it belongs to.
#[component]
fn SummarySection(
    /// The detail.
    detail: Signal<JobDetail>,
    /// Its job.
    job: Memo<Job>,
    /// The administrator's time zone.
    zone: Signal<Zone>,
    /// The list state, carried into the registration's link.
    query: Signal<JobQuery>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let term = move |text: fn(&'static JobsText) -> &'static str| {
        Signal::derive(move || text(locale.t().jobs))
    };
    let time = move |at| format_datetime(at, zone.get());
    let wipe_href = move || {
        let wipe = job.with(|j| j.wipe_id);
        crate::routes::href(&list_href(&refined(&cleared(&query.get()), |q| {
            q.wipe = Some(wipe)
        })))
    };
    view! {
        <section class="job-section" aria-labelledby="job-summary-title">
            <h3 class="job-section__title" id="job-summary-title">{move || t().section_summary}</h3>
            <dl class="facts">
                <Fact term=term(|t| t.kind) test_id="detail-kind">{move || job.with(|j| j.kind.label(locale.lang()))}</Fact>
                <Fact term=term(|t| t.method) test_id="detail-method">{move || job.with(|j| j.method.label(locale.lang()))}</Fact>
                <Fact term=term(|t| t.status_since)>{move || time(job.with(|j| j.status_changed_at))}</Fact>
                <Fact term=term(|t| t.registered_by) test_id="detail-registrant">
                    {move || job.with(|j| j.registered_by.display_name.clone())}
                </Fact>
                <Fact term=term(|t| t.registered_at) test_id="detail-registered-at">{move || time(job.with(|j| j.registered_at))}</Fact>
                <Fact term=term(|t| t.time_zone) test_id="detail-time-zone">{move || zone.get().name()}</Fact>
                <Fact term=term(|t| t.registration)>
                    <a href=wipe_href data-testid="detail-wipe-link">{move || (t().wipe_number)(job.with(|j| j.wipe_id.0))}</a>
                </Fact>
                <Show when=move || detail.with(|d| d.times_out_at.is_some())>
                    <Fact term=term(|t| t.times_out_at)>
                        {move || detail.with(|d| d.times_out_at.map(time)).unwrap_or_default()}
                    </Fact>
                </Show>
            </dl>
        </section>
    }
}
