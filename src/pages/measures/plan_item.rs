//! One device of a measure's preview: the channel its job goes through, or why the measure
//! does not apply to it, its open job of the same measure, and its marks (紛失モード, ロック中).

use leptos::prelude::*;
use mdm_model::device::DeviceMark;
use mdm_model::measure::DeviceMeasurePlan;

use crate::components::data_table::Badge;
use crate::components::device_brief::device_facts;
use crate::i18n::use_locale;
use crate::pages::devices::device_table::mark_tone;

/// A device and what the measure does to it, as a list item.
#[component]
pub fn MeasurePlanItem(
    /// The portal's plan for the device.
    plan: DeviceMeasurePlan,
) -> impl IntoView {
    let locale = use_locale();
    let device = plan.device.clone();
    let id = device.id;
    let meta = {
        let device = device.clone();
        move || device_facts(&device, locale.lang())
    };
    let marks: Vec<DeviceMark> = [
        (plan.lost_mode, DeviceMark::LostMode),
        (plan.locked, DeviceMark::Locked),
    ]
    .into_iter()
    .filter_map(|(on, mark)| on.then_some(mark))
    .collect();
    let channel = plan.channel.map(|method| {
        view! {
            <li class="plan__fact plan__fact--positive" data-testid=format!("measure-plan-channel-{id}")>
                {move || (locale.t().measures.channel_line)(method.label(locale.lang()))}
            </li>
        }
    });
    let reason = plan.not_applicable.map(|reason| {
        view! {
            <li class="plan__fact plan__fact--negative" data-testid=format!("measure-plan-reason-{id}")>
                {move || reason.label(locale.lang())}
            </li>
        }
    });
    let open_jobs = (!plan.open_job_ids.is_empty()).then(|| {
        let ids: Vec<String> = plan.open_job_ids.iter().map(|id| format!("#{id}")).collect();
        let ids = ids.join(", ");
        view! {
            <li class="plan__fact plan__fact--negative" data-testid=format!("measure-plan-open-jobs-{id}")>
                {move || (locale.t().measures.open_jobs)(&ids)}
            </li>
        }
    });
    view! {
        <li class="plan" data-testid=format!("measure-plan-{id}")>
            <div class="plan__head">
                <span class="plan__name">{device.name.clone()}</span>
                {marks.into_iter().map(|mark| view! {
                    <Badge tone=mark_tone(mark) text=Signal::derive(move || mark.label(locale.lang()).to_string())
                        test_id=format!("measure-plan-mark-{}-{id}", mark.as_str())/>
                }).collect_view()}
                <span class="plan__meta">{meta}</span>
            </div>
            <ul class="plan__facts">
                {channel}
                {reason}
                {open_jobs}
            </ul>
        </li>
    }
}
