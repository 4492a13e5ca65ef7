//! One entry of the job table: a job on one row, or a Hybrid pair on two rows held together by
//! one `<tbody>`, with the device, registration and cancel shared across both rows so it reads as
//! one wipe that either method can complete.

use leptos::prelude::*;
use mdm_model::device::ManagementMethod;
use mdm_model::ids::JobId;
use mdm_model::job::{
    plan_administrator_cancel, Job, JobListEntry, JobQuery, JobSortKey, JobStatus, StatusReason,
};
use mdm_model::time::format_datetime;
use mdm_model::time::Zone;

use super::reenrollment::ReenrollmentBadge;
use super::url::{detail_href, for_device, for_registrant, list_href};
use crate::components::StatusBadge;
use crate::i18n::{isolated, use_locale};

/// Whether an administrator may cancel the entry now (both jobs of a pair go together).
pub fn can_cancel(entry: &JobListEntry) -> bool {
    let statuses: Vec<JobStatus> = entry.jobs().map(|job| job.status).collect();
    plan_administrator_cancel(&statuses).is_ok()
}

/// The rows of one entry of the table.
#[component]
pub fn JobEntryRows(
    /// The entry, updated in place by refreshes.
    #[prop(into)]
    entry: Signal<JobListEntry>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
    /// The list state, carried into every link.
    #[prop(into)]
    query: Signal<JobQuery>,
    /// The job open in the detail panel, if any.
    #[prop(into)]
    selected: Signal<Option<JobId>>,
    /// Asks to cancel the entry (a confirmation follows).
    on_cancel: Callback<JobListEntry>,
) -> impl IntoView {
    let locale = use_locale();
    let first = entry.with_untracked(|e| e.job.clone());
    let paired = entry.with_untracked(|e| e.partner.clone());
    let rows = if paired.is_some() { 2 } else { 1 };
    let entry_id = first.id;

    let is_selected = move || {
        selected
            .get()
            .is_some_and(|open| entry.with(|e| e.jobs().any(|job| job.id == open)))
    };
    let device_name = move || entry.with(|e| e.job.device.name.clone());
    let device_meta = move || {
        entry.with(|e| {
            let d = &e.job.device;
            let mut parts = vec![
                d.model.clone(),
                format!("{} {}", d.os.label(locale.lang()), d.os_version),
            ];
            if let Some(user) = &d.user_full_name {
                parts.push(user.clone());
            }
            // Each part isolated: an override in the owner's name cannot flip the others.
            parts
                .iter()
                .map(|p| isolated(p))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let device_href = move || {
        entry.with(|e| crate::routes::href(&list_href(&for_device(&query.get(), e.job.device.id))))
    };
    let registrant = move || entry.with(|e| e.job.registered_by.display_name.clone());
    let registrant_href = move || {
        entry.with(|e| {
            crate::routes::href(&list_href(&for_registrant(
                &query.get(),
                e.job.registered_by.id,
            )))
        })
    };
    let registered_at = move || entry.with(|e| format_datetime(e.job.registered_at, zone.get()));
    let scheduled_at = move || {
        entry.with(|e| {
            e.job
                .options
                .scheduled_at
                .map(|t| format_datetime(t, zone.get()))
                .unwrap_or_else(|| locale.t().jobs.not_scheduled.to_string())
        })
    };
    let ids_text = move || {
        entry.with(|e| (locale.t().jobs.job_ids)(&e.jobs().map(|j| j.id.0).collect::<Vec<_>>()))
    };
    let cancellable = move || entry.with(can_cancel);
    let pair_label = move || {
        entry.with(|e| {
            e.partner
                .as_ref()
                .map(|p| (locale.t().jobs.pair_label)(e.job.id.0, p.id.0))
        })
    };

    let shared_cells = view! {
        <td class="job-cell job-cell--device" rowspan=rows>
            <a
                class="job-device__name"
                href=device_href
                data-noscroll=""
                data-testid="job-device"
                title=move || (locale.t().jobs.filter_by_device)(&isolated(&device_name()))
            >
                {device_name}
            </a>
            <div class="job-device__meta" title=device_meta data-testid="job-device-meta">{device_meta}</div>
            {paired.is_some().then(|| view! {
                <div class="job-pair-tag" data-testid="job-pair-tag">
                    <span class="job-pair-tag__method">
                        {move || ManagementMethod::Hybrid.label(locale.lang())}
                    </span>
                    <span class="job-pair-tag__note">{move || locale.t().jobs.pair_note}</span>
                </div>
            })}
        </td>
    };
    let trailing_cells = view! {
        // The labels show on a narrow console, where the cells are a card without column headings.
        <td
            class="job-cell job-cell--registered"
            rowspan=rows
            data-label=move || JobSortKey::RegisteredAt.label(locale.lang())
        >
            <div class="job-time">{registered_at}</div>
            <a
                class="job-registrant"
                href=registrant_href
                data-noscroll=""
                title=move || (locale.t().jobs.filter_by_registrant)(&registrant())
            >
                {registrant}
            </a>
        </td>
        <td
            class="job-cell job-cell--scheduled job-time"
            rowspan=rows
            data-label=move || JobSortKey::ScheduledAt.label(locale.lang())
            // Which side of a daylight saving time change: the zone and its abbreviation then.
            title=move || entry.with(|e| e.job.options.scheduled_at.map(|t| zone.get().label_at(t)))
            data-testid="job-scheduled-at"
        >
            {scheduled_at}
        </td>
        <td class="job-cell job-cell--actions" rowspan=rows>
            <Show when=cancellable>
                <button
                    type="button"
                    class="button job-button--small"
                    data-testid="job-cancel"
                    aria-label=move || (locale.t().jobs.cancel_entry)(&ids_text())
                    on:click=move |_| on_cancel.run(entry.get_untracked())
                >
                    {move || locale.t().jobs.cancel}
                </button>
            </Show>
        </td>
    };

    let first_job = Memo::new(move |_| entry.with(|e| e.job.clone()));
    let second_row = paired.map(|initial| {
        let partner = Memo::new(move |previous: Option<&Job>| {
            entry
                .with(|e| e.partner.clone())
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| initial.clone())
        });
        view! {
            <tr class="job-row job-row--partner" data-testid="job-row" data-job-id=move || partner.with(|j| j.id.0)>
                <JobCells job=partner zone=zone query=query selected=selected/>
            </tr>
        }
    });

    view! {
        <tbody
            class="job-entry"
            class:job-entry--pair=rows == 2
            class:job-entry--selected=is_selected
            data-testid="job-entry"
            data-entry-id=entry_id.0
            data-pair=if rows == 2 { "true" } else { "false" }
            aria-label=pair_label
        >
            <tr class="job-row" data-testid="job-row" data-job-id=entry_id.0>
                {shared_cells}
                <JobCells job=first_job zone=zone query=query selected=selected/>
                {trailing_cells}
            </tr>
            {second_row}
        </tbody>
    }
}

/// The cells that belong to one job: id, method, status with its reason and time.
#[component]
fn JobCells(
    /// The job.
    #[prop(into)]
    job: Signal<Job>,
    /// The administrator's time zone.
    zone: Signal<Zone>,
    /// The list state, carried into the detail link.
    query: Signal<JobQuery>,
    /// The job open in the detail panel, if any.
    selected: Signal<Option<JobId>>,
) -> impl IntoView {
    let locale = use_locale();
    let id = move || job.with(|j| j.id);
    let status = Signal::derive(move || job.with(|j| j.status));
    let reason = move || job.with(|j| j.status_reason);
    let show_reason = move || reason() != StatusReason::Registered;
    view! {
        <td class="job-cell job-cell--id">
            <a
                class="job-link"
                href=move || crate::routes::href(&detail_href(id(), &query.get()))
                data-noscroll=""
                data-testid="job-link"
                data-job-link=move || id().0
                aria-label=move || (locale.t().jobs.open_job)(id().0)
                aria-current=move || (selected.get() == Some(id())).then_some("true")
            >
                {move || format!("#{}", id())}
            </a>
        </td>
        <td class="job-cell job-cell--method" data-testid="job-method">
            {move || job.with(|j| j.method.label(locale.lang()))}
        </td>
        <td class="job-cell job-cell--status">
            <StatusBadge status=status test_id="job-status"/>
            <ReenrollmentBadge job=job test_id="job-reenrollment"/>
            <Show when=show_reason>
                <div
                    class="job-reason"
                    class:job-reason--partner=move || reason() == StatusReason::PartnerSucceeded
                    data-testid="job-reason"
                >
                    {move || reason().label(locale.lang())}
                </div>
            </Show>
            <div class="job-updated">
                {move || (locale.t().jobs.updated_at)(&format_datetime(job.with(|j| j.status_changed_at), zone.get()))}
            </div>
        </td>
    }
}
