//! 実行内容の確認 of a measure: how many devices get a job and how many are left out, then each
//! group's devices a page at a time (thousands of selected devices cost a few small requests).

use leptos::prelude::*;
use mdm_model::measure::MeasurePreviewRequest;

use super::backend::MeasureBackend;
use super::form::PreviewState;
use super::plan_item::MeasurePlanItem;
use super::state::MeasureState;
use crate::components::field::{Checkbox, FieldError};
use crate::i18n::use_locale;

/// Devices listed per page inside a group.
pub const GROUP_PAGE: u32 = 10;

/// The preview beside the settings.
#[component]
pub fn MeasurePreviewPanel(
    /// The screen's state.
    state: MeasureState,
    /// Where the group pages come from.
    backend: MeasureBackend,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let (form, summary) = (state.form, state.summary);
    let counts = move || match state.preview_state.get() {
        PreviewState::Ready {
            applicable,
            left_out,
        } => Some((applicable, left_out)),
        _ => None,
    };
    let left_out = move || counts().map_or(0, |(_, n)| n);
    let general = Signal::derive(move || state.messages.with(|m| m.general.clone()));
    view! {
        <section class="panel preview" aria-labelledby="measure-preview-title" data-testid="measure-preview">
            <h2 class="preview__title" id="measure-preview-title" tabindex="-1">{move || t().preview_title}</h2>
            {move || match summary.get() {
                None => view! { <p class="hint" role="status" data-testid="measure-preview-loading">{t().preview_loading}</p> }.into_any(),
                Some((_, Err(error))) => view! {
                    <div class="inline-error" role="alert" data-testid="measure-preview-error">
                        <p>{t().preview_error}</p>
                        <p class="hint">{error.message(locale.lang())}</p>
                        <button type="button" class="button" on:click=move |_| summary.refetch()>{locale.t().table.retry}</button>
                    </div>
                }.into_any(),
                Some((_, Ok(_))) => ().into_any(),
            }}
            {move || counts().map(|(applicable, left_out)| view! {
                <p class="preview__summary" data-testid="measure-preview-summary" aria-live="polite">
                    {move || (t().preview_summary)(applicable, left_out)}
                </p>
            })}
            <FieldError id="measure-error-general" messages=general/>
            <Show when=move || { left_out() > 0 }>
                <Checkbox
                    id="measure-skip-not-applicable"
                    checked=Signal::derive(move || form.with(|f| f.skip_not_applicable))
                    on_change=Callback::new(move |on| form.update(|f| f.skip_not_applicable = on))
                    label=Signal::derive(move || (t().skip_not_applicable)(left_out()))
                />
            </Show>
            {move || counts().map(|(applicable, left_out)| {
                let request = state.preview_request.get_untracked();
                view! {
                    <div class="preview__groups">
                        <PlanGroup group=Group { applicable: true, total: applicable, request: request.clone(), backend: backend.clone() }/>
                        <PlanGroup group=Group { applicable: false, total: left_out, request, backend: backend.clone() }/>
                    </div>
                }
            })}
        </section>
    }
}

/// One group of the preview: the devices that get a job, or those left out.
#[derive(Clone)]
struct Group {
    applicable: bool,
    /// How many devices it holds.
    total: u64,
    request: MeasurePreviewRequest,
    backend: MeasureBackend,
}

impl Group {
    /// The group's part of its test ids.
    fn key(&self) -> &'static str {
        if self.applicable {
            "registered"
        } else {
            "left-out"
        }
    }
}

/// A group as a disclosure with the count, and its devices a page at a time when open. The
/// left-out ones start open: they are what needs a decision.
#[component]
fn PlanGroup(group: Group) -> impl IntoView {
    let locale = use_locale();
    let (applicable, total, key) = (group.applicable, group.total, group.key());
    let open = RwSignal::new(!applicable || total <= u64::from(GROUP_PAGE));
    let body_id = format!("measure-group-{key}-devices");
    let class = if applicable {
        "preview-group preview-group--positive"
    } else {
        "preview-group preview-group--negative"
    };
    (total > 0).then(|| view! {
        <div class=class data-testid=format!("measure-group-{key}")>
            <button type="button" class="preview-group__toggle" aria-expanded=move || open.get().to_string()
                aria-controls=body_id.clone() data-testid=format!("measure-toggle-{key}")
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="preview-group__chevron" aria-hidden="true">"▸"</span>
                <span class="preview-group__name">
                    {move || if applicable { locale.t().measures.group_registered } else { locale.t().measures.group_left_out }}
                </span>
                <span class="preview-group__count" data-testid=format!("measure-count-{key}")>
                    {move || (locale.t().measures.group_count)(total)}
                </span>
            </button>
            <div id=body_id.clone() hidden=move || !open.get()>
                <Show when=move || open.get()>
                    <GroupDevices group=group.clone()/>
                </Show>
            </div>
        </div>
    })
}

/// The devices of one group, a page at a time.
#[component]
fn GroupDevices(group: Group) -> impl IntoView {
    let locale = use_locale();
    let page = RwSignal::new(1u32);
    let (total, key) = (group.total, group.key());
    let Group {
        applicable,
        request,
        backend,
        ..
    } = group;
    let answer = LocalResource::new(move || {
        let asked = MeasurePreviewRequest {
            applicable: Some(applicable),
            page: page.get(),
            per_page: GROUP_PAGE,
            ..request.clone()
        };
        let backend = backend.clone();
        async move { backend.preview(asked).await }
    });
    let pages = move || total.div_ceil(u64::from(GROUP_PAGE)).max(1);
    let wipe = move || locale.t().wipe;
    view! {
        {move || match answer.get() {
            None => view! { <p class="hint" role="status">{locale.t().measures.preview_loading}</p> }.into_any(),
            Some(Err(error)) => view! { <p class="inline-error" role="alert">{error.message(locale.lang())}</p> }.into_any(),
            Some(Ok(preview)) => view! {
                <ul class="plan-list" data-testid=format!("measure-devices-{key}")>
                    <For each=move || preview.devices.items.clone() key=|plan| plan.device.id let(plan)>
                        <MeasurePlanItem plan=plan/>
                    </For>
                </ul>
            }.into_any(),
        }}
        <Show when=move || { pages() > 1 }>
            <div class="group-pager" data-testid=format!("measure-pager-{key}")>
                <span class="hint">
                    {move || {
                        let first = u64::from(page.get() - 1) * u64::from(GROUP_PAGE) + 1;
                        let last = (first + u64::from(GROUP_PAGE) - 1).min(total);
                        (wipe().group_range)(first, last, total)
                    }}
                </span>
                <button type="button" class="button button--small" data-testid=format!("measure-previous-{key}")
                    disabled=move || { page.get() <= 1 } on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>
                    {move || wipe().group_previous}
                </button>
                <button type="button" class="button button--small" data-testid=format!("measure-next-{key}")
                    disabled=move || { u64::from(page.get()) >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                    {move || wipe().group_next}
                </button>
            </div>
        </Show>
    }
}
