//! The pieces around the job table: the toolbar (count, freshness, live refresh, export) and the
//! panels shown instead of the table (loading, nothing yet, nothing matching, errors).

use leptos::prelude::*;

use super::auto_refresh::LiveState;
use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;
use crate::routes;

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
    /// An export is running.
    #[prop(into)]
    exporting: Signal<bool>,
    /// Fetch now.
    on_refresh: Callback<()>,
    /// Export the filtered list.
    on_export: Callback<()>,
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
                <button
                    type="button"
                    class="button job-button--small"
                    data-testid="job-export"
                    disabled=move || exporting.get() || total.get() == 0
                    on:click=move |_| on_export.run(())
                >
                    {move || if exporting.get() { t().exporting } else { t().export_csv }}
                </button>
            </div>
            {move || stale_since.get().map(|time| view! {
                <p class="job-toolbar__stale" role="status" data-testid="job-stale">{(t().refresh_failed)(&time)}</p>
            })}
        </div>
    }
}

/// Shown while the first page of jobs is on its way.
#[component]
pub fn JobsLoading() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="panel job-panel" role="status" data-testid="jobs-loading">
            <div class="spinner" aria-hidden="true"></div>
            <p class="panel__text">{move || locale.t().jobs.loading}</p>
        </div>
    }
}

/// Shown when there are no jobs at all, or none matching the filters.
#[component]
pub fn JobsEmpty(
    /// Filters are narrowing the list.
    filtered: bool,
    /// Removes the filters.
    on_clear: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    view! {
        <section class="panel panel--empty" data-testid=if filtered { "jobs-no-match" } else { "jobs-empty" }>
            <Icon kind=IconKind::Jobs/>
            <h2 class="panel__title">{move || if filtered { t().no_match_title } else { t().empty_title }}</h2>
            <p class="panel__text">{move || if filtered { t().no_match_body } else { t().empty_body }}</p>
            {if filtered {
                view! {
                    <button type="button" class="button" on:click=move |_| on_clear.run(())>
                        {move || t().clear_filters}
                    </button>
                }
                    .into_any()
            } else {
                view! { <a class="button" href=routes::href(routes::DEVICES)>{move || t().empty_link}</a> }.into_any()
            }}
        </section>
    }
}

/// Shown when the jobs cannot be loaded (or the address cannot be read), with a way out.
#[component]
pub fn JobsProblem(
    /// The heading.
    #[prop(into)]
    title: Signal<&'static str>,
    /// What happened, in the UI language.
    #[prop(into)]
    message: Signal<String>,
    /// The way out's label.
    #[prop(into)]
    action: Signal<&'static str>,
    /// The way out.
    on_action: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="panel panel--alert" role="alert" data-testid="jobs-error">
            <div class="panel__heading">
                <Icon kind=IconKind::Alert/>
                <h2 class="panel__title">{title}</h2>
            </div>
            <p class="panel__text">{message}</p>
            <div class="panel__actions">
                <button type="button" class="button button--primary" data-testid="jobs-error-action" on:click=move |_| on_action.run(())>
                    {action}
                </button>
            </div>
        </section>
    }
}
