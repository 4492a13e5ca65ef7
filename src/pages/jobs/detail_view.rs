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
use crate::i18n::use_locale;

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
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let job = Memo::new(move |_| detail.with(|d| d.job.clone()));
    let partner = Memo::new(move |_| detail.with(|d| d.partner.clone()));
    let history = Memo::new(move |_| detail.with(|d| d.history.clone()));
    let cancel = Memo::new(move |_| detail.with(cancel_state));
    let status = Signal::derive(move || job.with(|j| j.status));
    let time = move |at| format_datetime(at, zone.get());
    let wipe_href = move || {
        crate::routes::href(&list_href(&refined(&cleared(&query.get()), |q| {
            q.wipe = Some(job.with(|j| j.wipe_id))
        })))
    };
    let device_href = move || {
        crate::routes::href(&list_href(&for_device(
            &cleared(&query.get()),
            job.with(|j| j.device.id),
        )))
    };

    view! {
        <div class="job-detail" data-testid="job-detail">
            <div class="job-detail__status">
                <StatusBadge status=status test_id="detail-status"/>
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

            {move || partner.get().map(|p| {
                let partner_status = Signal::stored(p.status);
                let href = crate::routes::href(&detail_href(p.id, &query.get_untracked()));
                view! {
                    <section class="job-section job-section--pair" aria-labelledby="job-pair-title" data-testid="job-pair">
                        <h3 class="job-section__title" id="job-pair-title">{move || t().section_pair}</h3>
                        <p class="job-section__lead">{move || t().pair_explain}</p>
                        <div class="job-pair">
                            <a href=href data-noscroll="" class="job-pair__link" data-testid="pair-link">
                                {move || (t().pair_partner)(p.id.0, p.method.label(locale.lang()))}
                            </a>
                            <StatusBadge status=partner_status test_id="pair-status"/>
                            <span class="job-pair__reason">{move || p.status_reason.label(locale.lang())}</span>
                        </div>
                    </section>
                }
            })}

            // What an open job waits for comes first: it is why the administrator opened it. A
            // finished job shows the conditions of its sends instead (below): the device now
            // says nothing about why it ran.
            <Show when=move || job.with(|j| j.status.is_open())>
                <ConditionsSection detail=detail zone=zone/>
            </Show>
            <ReenrollmentSection job=job format_time=Callback::new(time)/>
            {crate::components::location_fix::job_location(detail, zone)}

            <section class="job-section" aria-labelledby="job-summary-title">
                <h3 class="job-section__title" id="job-summary-title">{move || t().section_summary}</h3>
                <dl class="facts">
                    <Fact term=Signal::derive(move || t().kind)>{move || job.with(|j| j.kind.label(locale.lang()))}</Fact>
                    <Fact term=Signal::derive(move || t().method) test_id="detail-method">
                        {move || job.with(|j| j.method.label(locale.lang()))}
                    </Fact>
                    <Fact term=Signal::derive(move || t().status_since)>{move || time(job.with(|j| j.status_changed_at))}</Fact>
                    <Fact term=Signal::derive(move || t().registered_by) test_id="detail-registrant">
                        {move || job.with(|j| j.registered_by.display_name.clone())}
                    </Fact>
                    <Fact term=Signal::derive(move || t().registered_at) test_id="detail-registered-at">
                        {move || time(job.with(|j| j.registered_at))}
                    </Fact>
                    <Fact term=Signal::derive(move || t().time_zone) test_id="detail-time-zone">
                        {move || zone.get().name()}
                    </Fact>
                    <Fact term=Signal::derive(move || t().registration)>
                        <a href=wipe_href data-testid="detail-wipe-link">
                            {move || (t().wipe_number)(job.with(|j| j.wipe_id.0))}
                        </a>
                    </Fact>
                    <Show when=move || detail.with(|d| d.times_out_at.is_some())>
                        <Fact term=Signal::derive(move || t().times_out_at)>
                            {move || detail.with(|d| d.times_out_at.map(time)).unwrap_or_default()}
                        </Fact>
                    </Show>
                </dl>
            </section>

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
