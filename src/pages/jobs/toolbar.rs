//! The toolbar above the job table: count, freshness, live refresh and the CSV export.

use leptos::prelude::*;

use mdm_model::job::JobQuery;
use mdm_model::time::Zone;

use super::auto_refresh::LiveState;
use crate::api::jobs_csv_path;
use crate::components::csv_export::CsvExportButton;
use crate::i18n::use_locale;

/// Count, freshness and actions above the table.
#[component]
pub fn JobsToolbar(
    /// Entries matching the filters.
    #[prop(into)]
    total: Signal<u64>,
    /// When the rows shown were fetched, as `14:32:05`.
    #[prop(into)]
    fetched_at: Signal<String>,
    /// What the live refresh is doing.
    #[prop(into)]
    live: Signal<LiveState>,
    /// The last refresh failed (the rows shown are older), with when they are from.
    #[prop(into)]
    stale_since: Signal<Option<String>>,
    /// The list state, whose filters and sort the export follows.
    #[prop(into)]
    query: Signal<JobQuery>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
    /// Fetch now.
    on_refresh: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    view! {
        <div class="job-toolbar" data-testid="job-toolbar">
            <div class="job-toolbar__status">
                <strong class="job-toolbar__count" data-testid="job-count">{move || (t().count)(total.get())}</strong>
                <span class="job-toolbar__time">{move || (t().last_updated)(&fetched_at.get())}</span>
                <span
                    class="live-state"
                    class:live-state--on=move || live.get() == LiveState::Live
                    class:live-state--paused=move || live.get() == LiveState::Paused
                    data-testid="live-state"
                    data-state=move || match live.get() {
                        LiveState::Idle => "idle",
                        LiveState::Live => "live",
                        LiveState::Paused => "paused",
                    }
                >
                    <span class="live-state__dot" aria-hidden="true"></span>
                    {move || match live.get() {
                        LiveState::Idle => t().live_idle,
                        LiveState::Live => t().live_on,
                        LiveState::Paused => t().live_paused,
                    }}
                </span>
            </div>
            <div class="job-toolbar__actions">
                <button type="button" class="button job-button--small" data-testid="job-refresh" on:click=move |_| on_refresh.run(())>
                    {move || t().refresh}
                </button>
                <CsvExportButton
                    path=Signal::derive(move || jobs_csv_path(&query.get()))
                    file_prefix=Signal::derive(move || t().csv_file_prefix)
                    zone=zone
                    disabled=Signal::derive(move || total.get() == 0)
                    test_id="job-export"
                />
            </div>
            {move || stale_since.get().map(|time| view! {
                <p class="job-toolbar__stale" role="status" data-testid="job-stale">{(t().refresh_failed)(&time)}</p>
            })}
        </div>
    }
}
