//! The job's past: its status history as a timeline, and the audit log entries about it (who
//! registered, who cancelled, what the portal did by itself).

use chrono::FixedOffset;
use leptos::prelude::*;
use mdm_model::audit::{AuditAction, AuditEntry};
use mdm_model::ids::{JobId, WipeId};
use mdm_model::job::StatusChange;
use mdm_model::time::format_datetime;
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

fn ids_in(details: &serde_json::Value, key: &str) -> Vec<i64> {
    match details.get(key) {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|v| v.as_i64()).collect(),
        Some(value) => value.as_i64().into_iter().collect(),
        None => Vec::new(),
    }
}

/// Whether an audit entry is about these jobs (or their registration).
pub fn concerns(entry: &AuditEntry, jobs: &[JobId], wipe: WipeId) -> bool {
    let named = ids_in(&entry.details, "job_ids")
        .into_iter()
        .chain(ids_in(&entry.details, "job_id"))
        .any(|id| jobs.contains(&JobId(id)));
    let registration = entry.action == AuditAction::WipeRegistered
        && ids_in(&entry.details, "wipe_id") == [wipe.0];
    named || registration
}

/// The entry's specifics in words, from its details; the portal's own summary otherwise.
pub fn describe(entry: &AuditEntry, lang: Lang) -> String {
    let t = catalog(lang).jobs;
    let details = &entry.details;
    match entry.action {
        AuditAction::JobsCancelled => (t.audit_jobs)(&(t.job_ids)(&ids_in(details, "job_ids"))),
        AuditAction::PartnerJobCancelled => match (
            ids_in(details, "job_id").first(),
            ids_in(details, "succeeded_job_id").first(),
        ) {
            (Some(job), Some(winner)) => (t.audit_partner)(*job, *winner),
            _ => entry.summary.clone(),
        },
        AuditAction::WipeRegistered => match (
            details.get("device_count").and_then(|v| v.as_u64()),
            details.get("job_count").and_then(|v| v.as_u64()),
        ) {
            (Some(devices), Some(jobs)) => (t.audit_wipe)(devices, jobs),
            _ => entry.summary.clone(),
        },
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
    offset: Signal<FixedOffset>,
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
                            {move || format_datetime(change.at, offset.get())}
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
    offset: Signal<FixedOffset>,
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
                                let action = entry.action;
                                view! {
                                    <li class="audit-list__item" data-testid="audit-entry" data-action=action.as_str()>
                                        <time class="audit-list__time">{move || format_datetime(at, offset.get())}</time>
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

    fn entry(action: AuditAction, details: serde_json::Value) -> AuditEntry {
        AuditEntry {
            id: AuditEntryId(1),
            at: chrono::Utc::now(),
            actor: None,
            action,
            summary: "raw".into(),
            details,
        }
    }

    #[test]
    fn entries_are_matched_by_job_or_registration() {
        let jobs = [JobId(41), JobId(42)];
        let cancel = entry(
            AuditAction::JobsCancelled,
            serde_json::json!({ "job_ids": [41, 42] }),
        );
        assert!(concerns(&cancel, &jobs, WipeId(5)));
        let other = entry(
            AuditAction::JobsCancelled,
            serde_json::json!({ "job_ids": [7] }),
        );
        assert!(!concerns(&other, &jobs, WipeId(5)));
        let partner = entry(
            AuditAction::PartnerJobCancelled,
            serde_json::json!({ "job_id": 41, "succeeded_job_id": 42 }),
        );
        assert!(concerns(&partner, &jobs, WipeId(5)));
        let wipe = entry(
            AuditAction::WipeRegistered,
            serde_json::json!({ "wipe_id": 5, "device_count": 1, "job_count": 2 }),
        );
        assert!(concerns(&wipe, &jobs, WipeId(5)));
        assert!(!concerns(&wipe, &jobs, WipeId(6)));
    }

    #[test]
    fn entries_are_described_in_the_ui_language() {
        let cancel = entry(
            AuditAction::JobsCancelled,
            serde_json::json!({ "job_ids": [41, 42] }),
        );
        assert_eq!(describe(&cancel, Lang::Ja), "対象: ジョブ #41、#42");
        assert_eq!(describe(&cancel, Lang::En), "Jobs #41, #42");
        let partner = entry(
            AuditAction::PartnerJobCancelled,
            serde_json::json!({ "job_id": 41, "succeeded_job_id": 42 }),
        );
        assert_eq!(
            describe(&partner, Lang::En),
            "Job #41 (paired job #42 succeeded)"
        );
        let odd = entry(AuditAction::PartnerJobCancelled, serde_json::json!({}));
        assert_eq!(describe(&odd, Lang::Ja), "raw");
    }
}
