//! The job's past: its status history as a timeline, and the audit log entries about it (who
//! registered, who cancelled, what the portal did by itself).

use leptos::prelude::*;
use mdm_model::audit::{AuditEntry, AuditEvent};
use mdm_model::ids::JobId;
use mdm_model::job::StatusChange;
use mdm_model::time::format_datetime;
use mdm_model::time::Zone;
use mdm_model::Lang;

use crate::components::StatusBadge;
use crate::i18n::{catalog, use_locale};

/// Where the audit entries of the open job stand.
#[derive(Debug, Clone, PartialEq)]
pub enum AuditView {
    Loading,
    Failed,
    Entries(Vec<AuditEntry>),
}

/// The entry's specifics in words, from its typed event; the portal's own summary for events
/// the job panel does not word itself.
pub fn describe(entry: &AuditEntry, lang: Lang) -> String {
    let t = catalog(lang).jobs;
    let ids = |jobs: &[JobId]| jobs.iter().map(|j| j.0).collect::<Vec<_>>();
    match &entry.event {
        AuditEvent::JobsCancelled { job_ids } => (t.audit_jobs)(&(t.job_ids)(&ids(job_ids))),
        AuditEvent::PartnerJobCancelled {
            job_id,
            succeeded_job_id,
        } => (t.audit_partner)(job_id.0, succeeded_job_id.0),
        AuditEvent::WipeRegistered {
            device_count,
            job_count,
            ..
        } => (t.audit_wipe)(*device_count, *job_count),
        _ => entry.summary.clone(),
    }
}

/// The status history, oldest first.
#[component]
pub fn Timeline(
    /// The history as the portal recorded it.
    #[prop(into)]
    history: Signal<Vec<StatusChange>>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let numbered = move || history.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section class="job-section" aria-labelledby="job-history-title" data-testid="job-history">
            <h3 class="job-section__title" id="job-history-title">{move || locale.t().jobs.section_history}</h3>
            <ol class="timeline">
                <For each=numbered key=|(index, change)| (*index, change.status, change.reason, change.at.timestamp_millis()) let((_index, change))>
                    <li class="timeline__item" data-testid="history-item" data-status=change.status.as_str()>
                        <time class="timeline__time" datetime=change.at.to_rfc3339()>
                            {move || format_datetime(change.at, zone.get())}
                        </time>
                        <div class="timeline__body">
                            <StatusBadge status=Signal::stored(change.status)/>
                            <span class="timeline__reason">{move || change.reason.label(locale.lang())}</span>
                        </div>
                    </li>
                </For>
            </ol>
        </section>
    }
}

/// The audit entries about the job.
#[component]
pub fn AuditList(
    /// The entries, or how loading them went.
    #[prop(into)]
    audit: Signal<AuditView>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    view! {
        <section class="job-section" aria-labelledby="job-audit-title" data-testid="job-audit">
            <h3 class="job-section__title" id="job-audit-title">{move || t().section_audit}</h3>
            {move || match audit.get() {
                AuditView::Loading => view! { <p class="job-section__lead">{move || t().detail_loading}</p> }.into_any(),
                AuditView::Failed => view! { <p class="job-section__lead job-section__lead--error">{move || t().audit_error}</p> }
                    .into_any(),
                AuditView::Entries(entries) if entries.is_empty() => {
                    view! { <p class="job-section__lead">{move || t().audit_empty}</p> }.into_any()
                }
                AuditView::Entries(entries) => view! {
                    <ul class="audit-list">
                        {entries
                            .into_iter()
                            .map(|entry| {
                                let actor = entry.actor.as_ref().map(|a| a.display_name.clone());
                                let at = entry.at;
                                let action = entry.action();
                                view! {
                                    <li class="audit-list__item" data-testid="audit-entry" data-action=action.as_str()>
                                        <time class="audit-list__time">{move || format_datetime(at, zone.get())}</time>
                                        <span class="audit-list__action">{move || action.label(locale.lang())}</span>
                                        <span class="audit-list__actor">
                                            {match actor {
                                                Some(name) => name.into_any(),
                                                None => (move || t().audit_portal).into_any(),
                                            }}
                                        </span>
                                        <span class="audit-list__what">{move || describe(&entry, locale.lang())}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::ids::AuditEntryId;

    fn entry(event: AuditEvent) -> AuditEntry {
        AuditEntry {
            id: AuditEntryId(1),
            at: chrono::Utc::now(),
            actor: None,
            summary: "raw".into(),
            event,
        }
    }

    #[test]
    fn entries_are_described_in_the_ui_language() {
        let cancel = entry(AuditEvent::JobsCancelled {
            job_ids: vec![JobId(41), JobId(42)],
        });
        assert_eq!(describe(&cancel, Lang::Ja), "対象: ジョブ #41、#42");
        assert_eq!(describe(&cancel, Lang::En), "Jobs #41, #42");
        let partner = entry(AuditEvent::PartnerJobCancelled {
            job_id: JobId(41),
            succeeded_job_id: JobId(42),
        });
        assert_eq!(
            describe(&partner, Lang::En),
            "Job #41 (paired job #42 succeeded)"
        );
        let timed_out = entry(AuditEvent::JobTimedOut { job_id: JobId(41) });
        assert_eq!(describe(&timed_out, Lang::Ja), "raw");
    }
}
