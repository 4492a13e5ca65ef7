//! `/jobs/:id`: one job, in a panel beside the job list (which stays mounted, scrolled and
//! refreshing behind it). The data is [`JobDetailState`]'s; this file is the panel around it.

use leptos::html::H2;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use mdm_model::ids::JobId;
use mdm_model::job::JobDetail;

use super::detail_state::JobDetailState;
use super::detail_view::JobDetailView;
use super::url::list_href;
use crate::components::data_table::Notice;
use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;

/// Back where the administrator came from once the panel is closed: the job's link in the table.
fn focus_job_link(open: JobId) {
    set_timeout(
        move || {
            let selector = format!("[data-job-link='{open}']");
            let link = document().query_selector(&selector).ok().flatten();
            if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = link.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The job detail panel of `/jobs/:id`.
#[component]
pub fn JobDetailPage() -> impl IntoView {
    let locale = use_locale();
    let state = JobDetailState::start();
    let navigate = use_navigate();
    let (id, screen) = (state.id, state.screen);
    let title = Signal::derive(move || {
        (locale.t().job_detail_title)(&id.get().map(|i| i.to_string()).unwrap_or_default())
    });
    Effect::new(move |_| {
        crate::host::set_document_title(&(locale.t().document_title)(&title.get()))
    });
    on_cleanup(move || {
        let t = locale.t_untracked();
        crate::host::set_document_title(&(t.document_title)(t.jobs_title));
    });
    let close = Callback::new(move |_| {
        let open = id.get_untracked();
        let options = NavigateOptions {
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&list_href(&screen.query.get_untracked()), options);
        if let Some(open) = open {
            focus_job_link(open);
        }
    });
    view! {
        <JobDrawer title=title opened=Signal::derive(move || id.get()) on_close=close>
            {move || state.notice.get().map(|notice| view! {
                <Notice notice=notice on_action=Some(Callback::new(move |_| state.live.refresh_now()))/>
            })}
            <Show when=move || state.current.with(Option::is_some)>
                <OpenJob state=state/>
            </Show>
        </JobDrawer>
    }
}

/// The detail of the job once it is answered, updated in place by refreshes.
#[component]
fn OpenJob(
    /// The panel's state.
    state: JobDetailState,
) -> impl IntoView {
    let current = state.current;
    current.get_untracked().map(|initial| {
        // A refresh of another job on its way keeps this one shown until the panel changes.
        let detail = Memo::new(move |previous: Option<&JobDetail>| {
            current
                .get()
                .or_else(|| previous.cloned())
                .unwrap_or_else(|| initial.clone())
        });
        let screen = state.screen;
        view! {
            <JobDetailView
                detail=detail
                audit=state.audit
                zone=screen.zone
                query=screen.query
                on_cancel=Callback::new(move |jobs| screen.ask_cancel(jobs))
            />
        }
    })
}

/// The panel beside the list: a non-modal dialog with its title (focused when a job opens, so
/// keyboard and screen reader users land there) and a close button; Escape closes it too.
#[component]
fn JobDrawer(
    /// The panel's title.
    title: Signal<String>,
    /// The job open; the focus moves to the title whenever it changes.
    opened: Signal<Option<JobId>>,
    /// Closes the panel.
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<H2>::new();
    Effect::new(move |_| {
        opened.track();
        if let Some(el) = heading.get() {
            let _ = el.focus();
        }
    });
    view! {
        // A `div`, since `aside` may not take the dialog role.
        <div
            class="job-drawer"
            role="dialog"
            aria-modal="false"
            aria-labelledby="job-drawer-title"
            data-testid="job-drawer"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    on_close.run(());
                }
            }
        >
            <header class="job-drawer__header">
                <h2 class="job-drawer__title" id="job-drawer-title" tabindex="-1" node_ref=heading data-testid="job-drawer-title">
                    {title}
                </h2>
                <button
                    type="button"
                    class="job-drawer__close"
                    data-testid="job-drawer-close"
                    aria-label=move || locale.t().jobs.close_detail
                    on:click=move |_| on_close.run(())
                >
                    <Icon kind=IconKind::Close/>
                </button>
            </header>
            <div class="job-drawer__body">{children()}</div>
        </div>
    }
}
