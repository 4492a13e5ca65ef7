//! The job status badge: colour, a shape and the localized word, so the status reads without
//! colour too (colour-blind administrators, grey-scale printouts).

use leptos::prelude::*;
use mdm_model::job::JobStatus;

use crate::i18n::use_locale;

/// The badge's colour family, one per status (see `style/jobs.css`).
fn modifier(status: JobStatus) -> &'static str {
    match status {
        JobStatus::Scheduled => "status-badge--scheduled",
        JobStatus::WaitingForDevice => "status-badge--waiting",
        JobStatus::Sent => "status-badge--sent",
        JobStatus::Succeeded => "status-badge--succeeded",
        JobStatus::Failed => "status-badge--failed",
        JobStatus::Cancelled => "status-badge--cancelled",
    }
}

/// A small shape per status: calendar, hourglass, arrow, tick, cross, slash.
fn glyph(status: JobStatus) -> &'static [&'static str] {
    match status {
        JobStatus::Scheduled => &["M5 6h14v13H5z", "M5 10h14", "M9 4v4", "M15 4v4"],
        JobStatus::WaitingForDevice => &[
            "M7 4h10",
            "M7 20h10",
            "M8 4c0 5 8 5 8 8s-8 3-8 8",
            "M16 4c0 5-8 5-8 8",
        ],
        JobStatus::Sent => &["M4 12h13", "M12 6l6 6-6 6"],
        JobStatus::Succeeded => &["M5 12.5l4.5 4.5L19 7"],
        JobStatus::Failed => &["M6 6l12 12", "M18 6L6 18"],
        JobStatus::Cancelled => &["M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16z", "M6.5 17.5l11-11"],
    }
}

/// A job status as a badge with its label in the current language.
#[component]
pub fn StatusBadge(
    /// The status to show.
    #[prop(into)]
    status: Signal<JobStatus>,
    /// `data-testid` of the badge, so tests can find a particular one.
    #[prop(optional, into)]
    test_id: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <span
            class=move || format!("status-badge {}", modifier(status.get()))
            data-status=move || status.get().as_str()
            data-testid=test_id.unwrap_or_else(|| "status-badge".to_string())
        >
            <svg
                class="status-badge__glyph"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                stroke-width="2.2"
                stroke-linecap="round"
                stroke-linejoin="round"
                aria-hidden="true"
                focusable="false"
            >
                {move || glyph(status.get()).iter().map(|d| view! { <path d=*d/> }).collect_view()}
            </svg>
            <span class="status-badge__label">{move || status.get().label(locale.lang())}</span>
        </span>
    }
}
