//! 紛失時対策: the dialog listing every lost-device measure for the selected devices, each with
//! how many of them it applies to (the portal's counts, from the model's rule). A measure that
//! applies to none cannot be chosen, and says why.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_model::measure::{Measure, MeasureCount, MeasureCounts};

use crate::api::ApiError;
use crate::components::Dialog;
use crate::i18n::use_locale;

/// The portal's counts for the dialog: `None` while they are on their way.
pub type CountsAnswer = Option<Result<MeasureCounts, ApiError>>;

/// The chooser: one radio button per measure with its count, then 次へ.
#[component]
pub fn MeasuresDialog(
    /// Whether the dialog is open.
    #[prop(into)]
    open: Signal<bool>,
    /// How many devices are selected, for the lead sentence.
    #[prop(into)]
    count: Signal<u64>,
    /// How many of them each measure applies to.
    #[prop(into)]
    counts: Signal<CountsAnswer>,
    /// Asks for the counts again after a failure.
    #[prop(into)]
    on_retry: Callback<()>,
    /// Called when the dialog is dismissed.
    #[prop(into)]
    on_close: Callback<()>,
    /// Called with the chosen measure when 次へ is pressed.
    #[prop(into)]
    on_next: Callback<Measure>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().devices;
    let chosen = RwSignal::new(None::<Measure>);
    // Each opening starts with nothing chosen: the administrator picks deliberately.
    let close = Callback::new(move |_| {
        chosen.set(None);
        on_close.run(());
    });
    let next = move |_| {
        if let Some(measure) = chosen.get_untracked() {
            chosen.set(None);
            on_next.run(measure);
        }
    };
    let body = move || {
        match counts.get() {
        None => view! {
            <p class="hint" role="status" data-testid="measures-loading">{move || locale.t().measures.counts_loading}</p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <div class="inline-error" role="alert" data-testid="measures-error">
                <p>{move || locale.t().measures.counts_error}</p>
                <p class="hint">{move || error.message(locale.lang())}</p>
                <button type="button" class="button" data-testid="measures-retry" on:click=move |_| on_retry.run(())>
                    {move || locale.t().table.retry}
                </button>
            </div>
        }
        .into_any(),
        Some(Ok(counts)) => view! { <MeasureList counts=counts chosen=chosen/> }.into_any(),
    }
    };

    view! {
        <Dialog
            open=open
            on_close=close
            title=Signal::derive(move || t().measures_button.to_string())
            close_label=Signal::derive(move || t().close.to_string())
            test_id="measures-dialog"
        >
            <div class="dialog__body">
                <p class="dialog__lead">{move || (t().measures_lead)(count.get())}</p>
                {body}
            </div>
            <div class="dialog__footer">
                <Show when=move || chosen.get().is_none()>
                    <span class="hint" id="measures-next-reason" data-testid="measures-next-reason">
                        {move || t().measures_choose_hint}
                    </span>
                </Show>
                <button type="button" class="button" data-testid="measures-cancel" on:click=move |_| close.run(())>
                    {move || t().cancel}
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="measures-next"
                    disabled=move || chosen.get().is_none()
                    aria-describedby=move || chosen.get().is_none().then_some("measures-next-reason")
                    on:click=next
                >
                    {move || t().next}
                </button>
            </div>
        </Dialog>
    }
}

/// The count of `measure`, or none applicable when the portal left it out.
fn count_of(counts: &MeasureCounts, measure: Measure) -> MeasureCount {
    counts
        .measures
        .iter()
        .find(|c| c.measure == measure)
        .cloned()
        .unwrap_or(MeasureCount {
            measure,
            applicable: 0,
            not_applicable: counts.device_count,
            main_reason: None,
        })
}

/// The measures in the model's order, once the counts are in.
#[component]
fn MeasureList(counts: MeasureCounts, chosen: RwSignal<Option<Measure>>) -> impl IntoView {
    let locale = use_locale();
    let list = NodeRef::<Div>::new();
    // The list arrives after the dialog opened (on its close button): focus moves to the first
    // measure that can be chosen, where the keyboard user means to be.
    Effect::new(move || {
        if let Some(list) = list.get() {
            if let Some(first) = list
                .query_selector("[data-autofocus]")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = first.focus();
            }
        }
    });
    let first_enabled = Measure::ALL
        .iter()
        .copied()
        .find(|&m| count_of(&counts, m).applicable > 0);
    let total = counts.device_count;
    view! {
        <div class="measure-list" role="radiogroup" node_ref=list aria-label=move || locale.t().devices.measures_list_label data-testid="measure-list">
            {Measure::ALL
                .iter()
                .map(|&measure| {
                    let count = count_of(&counts, measure);
                    view! { <MeasureChoice count=count total=total chosen=chosen autofocus=first_enabled == Some(measure)/> }
                })
                .collect_view()}
        </div>
    }
}

/// One measure: its name, what it does, how many devices it applies to, and why not the rest.
#[component]
fn MeasureChoice(
    count: MeasureCount,
    total: u64,
    chosen: RwSignal<Option<Measure>>,
    autofocus: bool,
) -> impl IntoView {
    let locale = use_locale();
    let measure = count.measure;
    let key = measure.as_str();
    let id = format!("measure-{key}");
    let reason_id = format!("measure-reason-{key}");
    let disabled = count.applicable == 0;
    let reason = count
        .main_reason
        .filter(|_| count.not_applicable > 0)
        .map(|reason| {
            let left_out = count.not_applicable;
            let text = move || {
                let label = reason.label(locale.lang());
                if disabled {
                    label.to_string()
                } else {
                    (locale.t().measures.left_out_because)(left_out, label)
                }
            };
            view! { <span class="measure__reason" id=reason_id.clone() data-testid=reason_id.clone()>{text}</span> }
        });
    let described_by = reason.is_some().then(|| reason_id.clone());
    let applicable = count.applicable;
    let (label_for, test_id) = (id.clone(), id.clone());
    view! {
        <label class="measure" class:measure--chosen=move || chosen.get() == Some(measure) class:measure--disabled=disabled for=label_for>
            <input
                type="radio"
                name="measure"
                id=id
                data-testid=test_id
                disabled=disabled
                aria-describedby=described_by
                data-autofocus=autofocus.then_some("")
                prop:checked=move || chosen.get() == Some(measure)
                on:change=move |_| chosen.set(Some(measure))
            />
            <span class="measure__text">
                <span class="measure__name">{move || measure.label(locale.lang())}</span>
                <span class="measure__description">{move || measure.description(locale.lang())}</span>
                <span class="measure__count" data-testid=format!("measure-count-{key}")>
                    {move || (locale.t().measures.applies_to)(applicable, total)}
                </span>
                {reason}
            </span>
        </label>
    }
}
