//! One entry of the job table: a job on one row, or a Hybrid pair on two rows held together by
//! one `<tbody>`, with the device, kind, registration and cancel shared across both rows so it
//! reads as one order that either method can complete.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mdm_model::device::ManagementMethod;
use mdm_model::ids::JobId;
use mdm_model::job::{
    plan_administrator_cancel, DeviceSnapshot, Job, JobListEntry, JobQuery, JobSortKey, JobStatus,
    StatusReason,
};
use mdm_model::time::{format_datetime, Zone};
use mdm_model::Lang;

use super::reenrollment::ReenrollmentBadge;
use super::url::{detail_href, for_device, for_registrant, list_href};
use crate::components::{RelativeTime, StatusBadge};
use crate::i18n::{isolated, use_locale};
use crate::routes;

/// Whether an administrator may cancel the entry now (both jobs of a pair go together).
pub fn can_cancel(entry: &JobListEntry) -> bool {
    let statuses: Vec<JobStatus> = entry.jobs().map(|job| job.status).collect();
    plan_administrator_cancel(&statuses).is_ok()
}

/// The line under a device's name: model, OS and version, and the user. Each part isolated, so
/// a direction override in the owner's name cannot flip the others.
pub fn device_meta(device: &DeviceSnapshot, lang: Lang) -> String {
    let os = format!("{} {}", device.os.label(lang), device.os_version);
    std::iter::once(device.model.as_str())
        .chain([os.as_str()])
        .chain(device.user_full_name.as_deref())
        .map(isolated)
        .collect::<Vec<_>>()
        .join(" · ")
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
    let (entry_id, paired) = entry.with_untracked(|e| (e.job.id, e.partner.clone()));
    let rows = if paired.is_some() { 2 } else { 1 };
    let is_selected = move || {
        selected
            .get()
            .is_some_and(|open| entry.with(|e| e.jobs().any(|job| job.id == open)))
    };
    let pair_label = move || {
        entry.with(|e| {
            e.partner
                .as_ref()
                .map(|p| (locale.t().jobs.pair_label)(e.job.id.0, p.id.0))
        })
    };
    let first_job = Memo::new(move |_| entry.with(|e| e.job.clone()));
    let second_row = paired.map(|initial| {
        // Kept when a refresh briefly answers without the partner: the row stays as it was.
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
                <DeviceCell entry=entry query=query rows=rows/>
                <td class="job-cell job-cell--kind" rowspan=rows data-testid="job-kind"
                    data-label=move || locale.t().jobs.kind>
                    {move || entry.with(|e| e.job.kind.label(locale.lang()))}
                </td>
                <JobCells job=first_job zone=zone query=query selected=selected/>
                <RegisteredCell entry=entry zone=zone query=query rows=rows/>
                <ScheduledCell entry=entry zone=zone rows=rows/>
                <td class="job-cell job-cell--actions" rowspan=rows>
                    <CancelButton entry=entry on_cancel=on_cancel/>
                </td>
            </tr>
            {second_row}
        </tbody>
    }
}

/// The device the entry is for (a link to its jobs), what it is, and the pair's tag.
#[component]
fn DeviceCell(
    /// The entry.
    entry: Signal<JobListEntry>,
    /// The list state, carried into the link.
    query: Signal<JobQuery>,
    /// Rows of the entry.
    rows: u32,
) -> impl IntoView {
    let locale = use_locale();
    let name = move || entry.with(|e| e.job.device.name.clone());
    let meta = move || entry.with(|e| device_meta(&e.job.device, locale.lang()));
    let href = move || {
        entry.with(|e| routes::href(&list_href(&for_device(&query.get(), e.job.device.id))))
    };
    let paired = entry.with_untracked(|e| e.partner.is_some());
    view! {
        <td class="job-cell job-cell--device" rowspan=rows>
            <a
                class="job-device__name"
                href=href
                data-noscroll=""
                data-testid="job-device"
                title=move || (locale.t().jobs.filter_by_device)(&isolated(&name()))
            >
                {name}
            </a>
            <div class="job-device__meta" title=meta data-testid="job-device-meta">{meta}</div>
            {paired.then(|| view! {
                <div class="job-pair-tag" data-testid="job-pair-tag">
                    <span class="job-pair-tag__method">
                        {move || ManagementMethod::Hybrid.label(locale.lang())}
                    </span>
                    <span class="job-pair-tag__note">{move || locale.t().jobs.pair_note}</span>
                </div>
            })}
        </td>
    }
}

/// When the entry was registered (relative, the time itself on hover and focus) and by whom (a
/// link to their jobs).
#[component]
fn RegisteredCell(
    /// The entry.
    entry: Signal<JobListEntry>,
    /// The administrator's time zone.
    zone: Signal<Zone>,
    /// The list state, carried into the link.
    query: Signal<JobQuery>,
    /// Rows of the entry.
    rows: u32,
) -> impl IntoView {
    let locale = use_locale();
    let registrant = move || entry.with(|e| e.job.registered_by.display_name.clone());
    let href = move || {
        entry.with(|e| {
            routes::href(&list_href(&for_registrant(
                &query.get(),
                e.job.registered_by.id,
            )))
        })
    };
    let at = Signal::derive(move || entry.with(|e| e.job.registered_at));
    view! {
        // The labels show on a narrow console, where the cells are a card without column headings.
        <td
            class="job-cell job-cell--registered"
            rowspan=rows
            data-label=move || JobSortKey::RegisteredAt.label(locale.lang())
        >
            <div class="job-time">
                <RelativeTime time=at zone=zone test_id="job-registered-at".to_string()/>
            </div>
            <a
                class="job-registrant"
                href=href
                data-noscroll=""
                title=move || (locale.t().jobs.filter_by_registrant)(&registrant())
            >
                {registrant}
            </a>
        </td>
    }
}

/// When the entry is scheduled for, in the administrator's zone; a schedule is read as a time,
/// not as a distance.
#[component]
fn ScheduledCell(
    /// The entry.
    entry: Signal<JobListEntry>,
    /// The administrator's time zone.
    zone: Signal<Zone>,
    /// Rows of the entry.
    rows: u32,
) -> impl IntoView {
    let locale = use_locale();
    let at = move || entry.with(|e| e.job.options.scheduled_at);
    let text = move || match at() {
        Some(t) => format_datetime(t, zone.get()),
        None => locale.t().jobs.not_scheduled.to_string(),
    };
    view! {
        <td
            class="job-cell job-cell--scheduled job-time"
            rowspan=rows
            data-label=move || JobSortKey::ScheduledAt.label(locale.lang())
            // Which side of a daylight saving time change: the zone and its abbreviation then.
            title=move || at().map(|t: DateTime<Utc>| zone.get().label_at(t))
            data-testid="job-scheduled-at"
        >
            {text}
        </td>
    }
}

/// 取消, while the entry may still be cancelled.
#[component]
fn CancelButton(
    /// The entry.
    entry: Signal<JobListEntry>,
    /// Asks to cancel it.
    on_cancel: Callback<JobListEntry>,
) -> impl IntoView {
    let locale = use_locale();
    let ids = move || {
        entry.with(|e| (locale.t().jobs.job_ids)(&e.jobs().map(|j| j.id.0).collect::<Vec<_>>()))
    };
    view! {
        <Show when=move || entry.with(can_cancel)>
            <button
                type="button"
                class="button job-button--small"
                data-testid="job-cancel"
                aria-label=move || (locale.t().jobs.cancel_entry)(&ids())
                on:click=move |_| on_cancel.run(entry.get_untracked())
            >
                {move || locale.t().jobs.cancel}
            </button>
        </Show>
    }
}

/// The cells that belong to one job: id, method, status with its reason, and when the status
/// last changed.
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
    let changed_at = Signal::derive(move || job.with(|j| j.status_changed_at));
    view! {
        <td class="job-cell job-cell--id">
            <a
                class="job-link"
                href=move || routes::href(&detail_href(id(), &query.get()))
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
            <Show when=move || reason() != StatusReason::Registered>
                <div
                    class="job-reason"
                    class:job-reason--partner=move || reason() == StatusReason::PartnerSucceeded
                    data-testid="job-reason"
                >
                    {move || reason().label(locale.lang())}
                </div>
            </Show>
            <div class="job-updated">
                {move || locale.t().jobs.updated}
                " "
                <RelativeTime time=changed_at zone=zone test_id="job-updated-at".to_string()/>
            </div>
        </td>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::device::{Os, OsVersion, Ownership};
    use mdm_model::ids::DeviceId;

    #[test]
    fn the_device_line_isolates_each_part_and_skips_a_missing_user() {
        let mut device = DeviceSnapshot {
            id: DeviceId(1),
            name: "iPhone-001".into(),
            os: Os::Ios,
            os_version: OsVersion::major_minor(17, 4),
            model: "iPhone 15".into(),
            serial_number: "F2LX00000001".into(),
            user_full_name: Some("山田 太郎".into()),
            employee_number: None,
            management_method: ManagementMethod::AppleMdm,
            ownership: Ownership::Company,
            group_path: String::new(),
            mac_security_chip: None,
            android_resource_name: None,
        };
        let parts = [
            isolated("iPhone 15"),
            isolated("iOS 17.4"),
            isolated("山田 太郎"),
        ];
        assert_eq!(device_meta(&device, Lang::Ja), parts.join(" · "));
        device.user_full_name = None;
        assert_eq!(device_meta(&device, Lang::Ja), parts[..2].join(" · "));
    }
}
