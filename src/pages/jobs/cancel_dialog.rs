//! The confirmation before cancelling: which jobs go (both of a Hybrid pair), for which device,
//! and the warning that a command already sent to the device is still carried out. A native modal
//! `<dialog>`: focus stays inside, Escape closes it, the page behind is inert.

use leptos::html::Dialog;
use leptos::prelude::*;
use mdm_model::job::{plan_administrator_cancel, Job, JobMethod, JobStatus};

use crate::i18n::use_locale;

/// The jobs a cancel of `jobs` (a job, or the two of a pair) would actually cancel.
pub fn jobs_to_cancel(jobs: &[Job]) -> Vec<Job> {
    let statuses: Vec<JobStatus> = jobs.iter().map(|job| job.status).collect();
    plan_administrator_cancel(&statuses)
        .map(|positions| {
            positions
                .into_iter()
                .filter_map(|p| jobs.get(p).cloned())
                .collect()
        })
        .unwrap_or_default()
}

/// Asks before cancelling.
#[component]
pub fn CancelDialog(
    /// The job and, for a Hybrid pair, its partner.
    jobs: Vec<Job>,
    /// The cancel is on its way.
    #[prop(into)]
    pending: Signal<bool>,
    /// Why the portal refused, in the UI language.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Cancels.
    on_confirm: Callback<()>,
    /// Closes without cancelling.
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            if !el.open() {
                // Refused only when the element is not in a document; then it simply shows inline.
                let _ = el.show_modal();
            }
        }
    });

    let going = jobs_to_cancel(&jobs);
    let ids: Vec<i64> = going.iter().map(|job| job.id.0).collect();
    let ids_attr = ids
        .iter()
        .map(|id| id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let device = jobs
        .first()
        .map(|job| job.device.name.clone())
        .unwrap_or_default();
    let what = move || match going.as_slice() {
        [a, b] => {
            let (ivi, apple) = if a.method == JobMethod::IviMdm {
                (a, b)
            } else {
                (b, a)
            };
            (t().cancel_pair)(ivi.id.0, apple.id.0)
        }
        [one] => (t().cancel_single)(one.id.0, one.method.label(locale.lang())),
        _ => String::new(),
    };

    view! {
        <dialog
            node_ref=dialog
            class="cancel-dialog"
            role="alertdialog"
            aria-labelledby="cancel-dialog-title"
            aria-describedby="cancel-dialog-body"
            data-testid="cancel-dialog"
            data-job-ids=ids_attr
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                if !pending.get_untracked() {
                    on_dismiss.run(());
                }
            }
        >
            <h2 class="cancel-dialog__title" id="cancel-dialog-title">{move || t().cancel_title}</h2>
            <div id="cancel-dialog-body" class="cancel-dialog__body">
                <p data-testid="cancel-dialog-what">{what}</p>
                <p class="cancel-dialog__device">{move || (t().cancel_device)(&device)}</p>
                <p class="cancel-dialog__warning" data-testid="cancel-dialog-warning">
                    {move || t().cancel_running_note}
                </p>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="form-error" role="alert" data-testid="cancel-dialog-error">{move || error.get()}</p>
            </Show>
            <div class="cancel-dialog__actions">
                <button
                    type="button"
                    class="button"
                    autofocus
                    data-testid="cancel-dialog-keep"
                    disabled=pending
                    on:click=move |_| on_dismiss.run(())
                >
                    {move || t().cancel_keep}
                </button>
                <button
                    type="button"
                    class="button job-button--danger"
                    data-testid="cancel-dialog-confirm"
                    disabled=pending
                    on:click=move |_| on_confirm.run(())
                >
                    {move || if pending.get() { t().cancelling } else { t().cancel_confirm }}
                </button>
            </div>
        </dialog>
    }
}
