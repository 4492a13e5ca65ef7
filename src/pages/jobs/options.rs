//! The device a job erases, and the options it was registered with (the two tabs of the wipe
//! screen, as chosen).

use leptos::prelude::*;
use mdm_model::job::{DeviceNow, Job};
use mdm_model::time::format_datetime_in_zone;
use mdm_model::time::Zone;

use super::fact::Fact;
use crate::components::HelpLink;
use crate::i18n::use_locale;
use crate::pages::help::HelpTopic;

/// The device section of the job detail.
#[component]
pub fn DeviceFacts(
    /// The job naming the device (as registered).
    #[prop(into)]
    job: Signal<Job>,
    /// The device's record now; `None` when it is no longer in the fleet.
    #[prop(into)]
    device_now: Signal<Option<DeviceNow>>,
    /// The job list narrowed to this device.
    #[prop(into)]
    device_href: Signal<String>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let device = Memo::new(move |_| job.with(|j| j.device.clone()));
    view! {
        <section class="job-section" aria-labelledby="job-device-title" data-testid="job-device-facts">
            <h3 class="job-section__title" id="job-device-title">{move || t().section_device}</h3>
            <p class="job-section__lead">{move || t().device_snapshot_note}</p>
            <dl class="facts">
                <Fact term=Signal::derive(move || t().device_name) test_id="detail-device">
                    {move || device.with(|d| d.name.clone())}
                </Fact>
                <Fact term=Signal::derive(move || t().device_model)>{move || device.with(|d| d.model.clone())}</Fact>
                <Fact term=Signal::derive(move || t().device_os)>
                    {move || device.with(|d| format!("{} {}", d.os.label(locale.lang()), d.os_version))}
                </Fact>
                <Fact term=Signal::derive(move || t().device_serial)>
                    {move || device.with(|d| d.serial_number.clone())}
                </Fact>
                <Fact term=Signal::derive(move || t().device_user) test_id="detail-user">
                    {move || device.with(|d| d.user_full_name.clone()).unwrap_or_else(|| "—".to_string())}
                </Fact>
                <Fact term=Signal::derive(move || t().device_employee) test_id="detail-employee">
                    {move || device.with(|d| d.employee_number.clone()).unwrap_or_else(|| "—".to_string())}
                </Fact>
                <Fact term=Signal::derive(move || t().device_group) test_id="detail-group">
                    {move || device.with(|d| d.group_path.clone())}
                </Fact>
                <Fact term=Signal::derive(move || t().device_management) test_id="detail-management">
                    {move || device.with(|d| d.management_method.label(locale.lang()))}
                </Fact>
                <Fact term=Signal::derive(move || t().device_ownership)>
                    {move || device.with(|d| d.ownership.label(locale.lang()))}
                </Fact>
                <Fact term=Signal::derive(move || t().device_now) test_id="detail-device-now">
                    {move || match device_now.get() {
                        Some(now) => (t().device_now_value)(&now.name, now.user_full_name.as_deref(), &now.group_path),
                        None => t().device_now_gone.to_string(),
                    }}
                </Fact>
            </dl>
            <a class="job-section__link" href=device_href data-testid="detail-device-jobs">
                {move || t().show_device_jobs}
            </a>
        </section>
    }
}

/// The options section of the job detail.
#[component]
pub fn OptionsFacts(
    /// The job and its options.
    #[prop(into)]
    job: Signal<Job>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let options = Memo::new(move |_| job.with(|j| j.options.clone()));
    let yes_no = move |value: bool| if value { t().yes } else { t().no };
    let schedule = move || {
        options
            // With the zone and its abbreviation at that moment: a wipe planned across a daylight
            // saving time change says which side of it it runs on.
            .with(|o| {
                o.scheduled_at
                    .map(|at| format_datetime_in_zone(at, zone.get()))
            })
            .unwrap_or_else(|| t().opt_schedule_none.to_string())
    };
    let wifi = move || {
        options
            .with(|o| {
                o.wifi_setting
                    .as_ref()
                    .map(|w| (t().opt_wifi_value)(&w.name, &w.ssid))
            })
            .unwrap_or_else(|| t().opt_wifi_none.to_string())
    };
    let rts = move || {
        options
            .with(|o| {
                o.return_to_service.as_ref().map(|plan| {
                    let auth = if plan.user_must_authenticate {
                        t().opt_rts_auth
                    } else {
                        t().opt_rts_no_auth
                    };
                    let profile = plan
                        .dep_profile_name
                        .as_deref()
                        .map(|name| format!("{} / ", (t().opt_rts_profile)(name)))
                        .unwrap_or_default();
                    format!(
                        "{profile}{} / {auth}",
                        (t().opt_rts_group)(&plan.enrollment_group_name)
                    )
                })
            })
            .unwrap_or_else(|| t().opt_rts_none.to_string())
    };
    view! {
        <section class="job-section" aria-labelledby="job-options-title" data-testid="job-options">
            <h3 class="job-section__title" id="job-options-title">{move || t().section_options}</h3>
            <dl class="facts">
                <Fact term=Signal::derive(move || t().opt_delete_info) test_id="option-delete-info">
                    {move || yes_no(options.with(|o| o.delete_general_info))}
                </Fact>
                <Fact term=Signal::derive(move || t().opt_schedule) test_id="option-schedule">{schedule}</Fact>
                <Fact term=Signal::derive(move || t().opt_wifi) test_id="option-wifi">{wifi}</Fact>
                <Fact term=Signal::derive(move || t().opt_esim) test_id="option-esim">
                    {move || yes_no(options.with(|o| o.keep_esim_data_plan))}
                </Fact>
                <Fact term=Signal::derive(move || t().opt_rts) test_id="option-rts">
                    {rts}
                    " "
                    <HelpLink topic=HelpTopic::Reenrollment/>
                </Fact>
            </dl>
        </section>
    }
}
