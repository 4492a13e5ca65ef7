//! 実行内容の確認: the portal's per-device preview. A summary line, then the devices grouped by
//! outcome with counts; each group lists its devices a page at a time, so thousands of selected
//! devices cost a few small requests and a short list.

use leptos::prelude::*;
use mdm_model::wipe::{OutcomeCount, PreviewOutcome, WipeField, WipePreview, WipePreviewRequest};

use super::backend::WipeBackend;
use super::eligibility::PlanItem;
use super::field_help::WipeFieldHelp;
use super::form::{FieldMessages, WipeForm};
use crate::api::ApiError;
use crate::components::field::{Checkbox, FieldError};
use crate::i18n::use_locale;
use crate::pages::help::HelpTopic;

/// Devices listed per page inside a group.
pub const GROUP_PAGE: u32 = 10;
/// Up to this many selected devices, every group starts open.
const OPEN_ALL_UP_TO: u64 = 25;

/// A summary answer with the request it answers.
pub type SummaryAnswer = (WipePreviewRequest, Result<WipePreview, ApiError>);

fn tone(outcome: PreviewOutcome) -> &'static str {
    match outcome {
        PreviewOutcome::NotWipeable | PreviewOutcome::OpenWipeExists => {
            "preview-group preview-group--negative"
        }
        PreviewOutcome::WipeWithoutReenrollment => "preview-group preview-group--caution",
        PreviewOutcome::WipeAndReenroll | PreviewOutcome::WipeAndReenrollWithAuthentication => {
            "preview-group preview-group--positive"
        }
        PreviewOutcome::Wipe => "preview-group",
    }
}

/// The preview beside the tabs.
#[component]
pub fn PreviewPanel(
    /// What is previewed (selection and options, all outcomes).
    #[prop(into)]
    request: Signal<WipePreviewRequest>,
    /// The latest summary answer, if any.
    #[prop(into)]
    summary: Signal<Option<SummaryAnswer>>,
    /// Asks for the summary again after a failure.
    #[prop(into)]
    on_retry: Callback<()>,
    /// Where group pages come from.
    backend: WipeBackend,
    /// The form (for "leave out the devices that cannot be wiped").
    form: RwSignal<WipeForm>,
    /// Messages about the selection.
    #[prop(into)]
    messages: Signal<FieldMessages>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let preview = Memo::new(move |_| match summary.get() {
        Some((_, Ok(preview))) => Some(preview.summary),
        _ => None,
    });
    let stale =
        move || summary.with(|s| s.as_ref().is_some_and(|(asked, _)| *asked != request.get()));
    let totals = move || preview.with(|p| p.as_ref().map(|p| p.totals));
    let selection_errors =
        Signal::derive(move || messages.with(|m| m.for_field(WipeField::Selection)));
    let not_wipeable = move || totals().map_or(0, |t| t.not_wipeable_devices);
    let has_hybrid = move || totals().is_some_and(|t| t.jobs > t.wipeable_devices);
    let open_all = move || totals().is_some_and(|t| t.devices <= OPEN_ALL_UP_TO);
    let count_of = move |outcome: PreviewOutcome| {
        Signal::derive(move || {
            preview.with(|p| {
                p.as_ref()
                    .and_then(|p| p.outcomes.iter().find(|g| g.outcome == outcome).copied())
                    .unwrap_or(OutcomeCount {
                        outcome,
                        devices: 0,
                        jobs: 0,
                    })
            })
        })
    };

    view! {
        <section class="panel preview" aria-labelledby="wipe-preview-title" data-testid="wipe-preview" aria-busy=move || stale().to_string()>
            <h2 class="preview__title" id="wipe-preview-title" tabindex="-1">{move || t().preview_title}</h2>
            {move || match summary.get() {
                None => view! {
                    <p class="hint" role="status" data-testid="preview-loading">{t().preview_loading}</p>
                }.into_any(),
                Some((_, Err(error))) => view! {
                    <div class="inline-error" role="alert" data-testid="preview-error">
                        <p>{t().preview_error}</p>
                        <p class="hint">{error.message(locale.lang())}</p>
                        <button type="button" class="button" on:click=move |_| on_retry.run(())>{t().retry}</button>
                    </div>
                }.into_any(),
                Some((_, Ok(_))) => ().into_any(),
            }}
            <Show when=move || totals().is_some()>
                <p class="preview__summary" data-testid="preview-summary" aria-live="polite">
                    {move || totals().map(|totals| (t().preview_summary)(totals.devices, totals.jobs))}
                    <Show when=stale>
                        <span class="preview__updating" data-testid="preview-updating">{move || t().preview_updating}</span>
                    </Show>
                </p>
            </Show>
            <FieldError id="wipe-error-selection" messages=selection_errors/>
            <Show when=move || { not_wipeable() > 0 }>
                <Checkbox
                    id="wipe-skip-not-wipeable"
                    checked=Signal::derive(move || form.with(|f| f.skip_not_wipeable))
                    on_change=Callback::new(move |on| form.update(|f| f.skip_not_wipeable = on))
                    label=Signal::derive(move || (t().skip_not_wipeable)(not_wipeable()))
                />
            </Show>
            <Show when=has_hybrid>
                <p class="notice preview__hybrid" data-testid="preview-hybrid-note">
                    <span>{move || t().hybrid_note}</span>
                    <WipeFieldHelp topic=HelpTopic::Hybrid label=|t| t.wipe.help_hybrid/>
                    <WipeFieldHelp topic=HelpTopic::IviDelay label=|t| t.wipe.help_ivi_delay/>
                </p>
            </Show>
            <div class="preview__groups">
                <For
                    each=move || preview.with(|p| p.as_ref().map(|p| p.outcomes.iter().map(|g| g.outcome).collect::<Vec<_>>()).unwrap_or_default())
                    key=|outcome| *outcome
                    let(outcome)
                >
                    <PreviewGroup
                        group=count_of(outcome)
                        request=request
                        backend=backend.clone()
                        open_initially=open_all() || outcome.blocks_registration()
                    />
                </For>
            </div>
        </section>
    }
}

/// One outcome: a disclosure button with the counts, and the devices when open.
#[component]
fn PreviewGroup(
    group: Signal<OutcomeCount>,
    request: Signal<WipePreviewRequest>,
    backend: WipeBackend,
    open_initially: bool,
) -> impl IntoView {
    let locale = use_locale();
    let open = RwSignal::new(open_initially);
    let outcome = group.get_untracked().outcome;
    let body_id = format!("preview-group-{outcome}-devices");
    view! {
        <div class=tone(outcome) data-testid=format!("preview-group-{outcome}")>
            <button
                type="button"
                class="preview-group__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=body_id.clone()
                data-testid=format!("preview-toggle-{outcome}")
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="preview-group__chevron" aria-hidden="true">"▸"</span>
                <span class="preview-group__name">{move || outcome.label(locale.lang())}</span>
                <span class="preview-group__count" data-testid=format!("preview-count-{outcome}")>
                    {move || group.with(|g| (locale.t().wipe.group_count)(g.devices, g.jobs))}
                </span>
            </button>
            <div id=body_id hidden=move || !open.get()>
                <Show when=move || open.get()>
                    <GroupDevices outcome=outcome total=Signal::derive(move || group.with(|g| g.devices)) request=request backend=backend.clone()/>
                </Show>
            </div>
        </div>
    }
}

/// The devices of one outcome, a page at a time.
#[component]
fn GroupDevices(
    outcome: PreviewOutcome,
    total: Signal<u64>,
    request: Signal<WipePreviewRequest>,
    backend: WipeBackend,
) -> impl IntoView {
    let locale = use_locale();
    let page = RwSignal::new(1u32);
    // A new preview (another Wi-Fi setting, say) starts again from the first page.
    Effect::watch(move || request.track(), move |_, _, _| page.set(1), false);
    let answer = LocalResource::new(move || {
        let mut asked = request.get();
        asked.outcome = Some(outcome);
        asked.page = page.get();
        asked.per_page = GROUP_PAGE;
        let backend = backend.clone();
        async move { backend.preview(asked).await }
    });
    let pages = move || total.get().div_ceil(u64::from(GROUP_PAGE)).max(1);
    view! {
        {move || match answer.get() {
            None => view! { <p class="hint" role="status">{locale.t().wipe.preview_loading}</p> }.into_any(),
            Some(Err(error)) => view! { <p class="inline-error" role="alert">{error.message(locale.lang())}</p> }.into_any(),
            Some(Ok(preview)) => view! {
                <ul class="plan-list" data-testid=format!("preview-devices-{outcome}")>
                    <For each=move || preview.devices.items.clone() key=|plan| plan.device.id let(plan)>
                        <PlanItem plan=plan/>
                    </For>
                </ul>
            }.into_any(),
        }}
        <Show when=move || { pages() > 1 }>
            <div class="group-pager" data-testid=format!("preview-pager-{outcome}")>
                <span class="hint">
                    {move || {
                        let first = u64::from(page.get() - 1) * u64::from(GROUP_PAGE) + 1;
                        let last = (first + u64::from(GROUP_PAGE) - 1).min(total.get());
                        (locale.t().wipe.group_range)(first, last, total.get())
                    }}
                </span>
                <button type="button" class="button button--small" data-testid=format!("preview-previous-{outcome}")
                    disabled=move || { page.get() <= 1 } on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>
                    {move || locale.t().wipe.group_previous}
                </button>
                <button type="button" class="button button--small" data-testid=format!("preview-next-{outcome}")
                    disabled=move || { u64::from(page.get()) >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                    {move || locale.t().wipe.group_next}
                </button>
            </div>
        </Show>
    }
}
