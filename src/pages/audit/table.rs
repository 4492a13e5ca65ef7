//! The audit log's table: a pure view of one page of entries, mountable in browser tests.

use leptos::prelude::*;
use mdm_model::audit::{actor_label, jobs_subject, wipe_subject, AuditEntry, AuditEvent};
use mdm_model::ids::JobId;
use mdm_model::time::{format_datetime, Zone};
use mdm_model::Lang;

use crate::components::data_table::{TableFrame, TableNotice, TableNoticeRow};
use crate::i18n::use_locale;
use crate::routes;

/// Links to the jobs an event names, each opening the job's detail.
fn job_links(ids: Vec<JobId>, lang: Lang) -> impl IntoView {
    let last = ids.len().saturating_sub(1);
    ids.into_iter()
        .enumerate()
        .map(|(index, id)| {
            view! {
                <a href=routes::href(&format!("{}/{id}", routes::JOBS)) data-testid="audit-job-link">
                    {jobs_subject(&[id], lang)}
                </a>
                {(index < last).then_some(", ")}
            }
        })
        .collect_view()
}

/// The 対象 cell: the wipe (its jobs in ジョブ管理) or the jobs (their details) as links; other
/// subjects as words.
fn subject_cell(event: &AuditEvent, lang: Lang) -> AnyView {
    match event {
        AuditEvent::WipeRegistered { wipe_id, .. }
        | AuditEvent::MeasureRegistered { wipe_id, .. } => {
            let href = routes::href(&format!("{}?wipe={wipe_id}", routes::JOBS));
            view! { <a href=href data-testid="audit-wipe-link">{wipe_subject(*wipe_id, lang)}</a> }
                .into_any()
        }
        AuditEvent::JobsCancelled { job_ids } => job_links(job_ids.clone(), lang).into_any(),
        AuditEvent::PartnerJobCancelled { job_id, .. }
        | AuditEvent::JobTimedOut { job_id }
        | AuditEvent::DeviceReenrolled { job_id, .. }
        | AuditEvent::ReenrollmentNotConfirmed { job_id, .. } => {
            job_links(vec![*job_id], lang).into_any()
        }
        other => other.subject_text(lang).into_any(),
    }
}

/// One entry.
#[component]
fn AuditRow(
    /// The entry shown.
    entry: AuditEntry,
    /// The administrator's time zone.
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let id = entry.id;
    let (at, event, actor) = (entry.at, entry.event.clone(), entry.actor.clone());
    let action = entry.action();
    let system = actor.is_none();
    view! {
        <tr data-testid="audit-row" data-entry=id.to_string()>
            <td class="audit-table__at" data-testid="audit-at">{move || format_datetime(at, zone.get())}</td>
            <td data-testid="audit-actor" class:audit-table__system=system>
                {move || actor_label(actor.as_ref(), locale.lang())}
            </td>
            <td data-testid="audit-action">{move || action.label(locale.lang())}</td>
            <td data-testid="audit-subject">
                {
                    let event = event.clone();
                    move || subject_cell(&event, locale.lang())
                }
            </td>
            <td data-testid="audit-details">{move || event.details_text(locale.lang(), zone.get())}</td>
        </tr>
    }
}

/// One page of the log, newest first, or what to show instead of rows.
#[component]
pub fn AuditTable(
    /// The entries of the page shown.
    #[prop(into)]
    entries: Signal<Vec<AuditEntry>>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
    /// Loading, empty or failed: shown instead of the rows.
    #[prop(into)]
    notice: Signal<Option<TableNotice>>,
    /// True while another page is on its way.
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// Called by the retry button of an error.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().audit;
    view! {
        <TableFrame label=Signal::derive(move || t().table_label.to_string()) busy=busy>
            <table class="data-table audit-table" data-testid="audit-table">
                <thead>
                    <tr>
                        <th scope="col" class="audit-table__at">{move || t().col_at}</th>
                        <th scope="col">{move || t().col_actor}</th>
                        <th scope="col">{move || t().col_action}</th>
                        <th scope="col">{move || t().col_subject}</th>
                        <th scope="col">{move || t().col_details}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || match notice.get() {
                        Some(notice) => view! {
                            <TableNoticeRow columns=5 notice=notice on_action=on_retry/>
                        }
                            .into_any(),
                        None => view! {
                            <For each=move || entries.get() key=|entry| entry.id let(entry)>
                                <AuditRow entry=entry zone=zone/>
                            </For>
                        }
                            .into_any(),
                    }}
                </tbody>
            </table>
        </TableFrame>
    }
}
