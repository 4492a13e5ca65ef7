//! A fake portal for the measure screens' browser tests: it plans each device with the model's
//! own rule (`measure_channel`), answers registrations as told, and records what it was sent.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use chrono::Utc;
use leptos::prelude::*;
use mdm_console::api::ApiError;
use mdm_console::pages::measures::{MeasureBackend, MeasureScreen};
use mdm_model::device::Device;
use mdm_model::ids::WipeId;
use mdm_model::measure::{
    measure_channel, DeviceMeasurePlan, Measure, MeasurePreview, MeasurePreviewRequest,
    MeasureRegistered, MeasureRequest,
};
use mdm_model::paging::Page;
use mdm_model::wipe::WipeSelection;
use mdm_model::ApiErrorBody;

use crate::fleet::*;

pub type Answer = fn(&MeasureRequest) -> Result<MeasureRegistered, ApiError>;

/// A portal over `fleet` that records previews and registrations.
pub struct MeasurePortal {
    pub fleet: Arc<Vec<Device>>,
    pub previews: Arc<Mutex<Vec<MeasurePreviewRequest>>>,
    pub registrations: Arc<Mutex<Vec<(MeasureRequest, String)>>>,
}

fn plan(measure: Measure, device: &Device) -> DeviceMeasurePlan {
    let outcome = measure_channel(measure, device);
    DeviceMeasurePlan {
        device: device.brief(),
        channel: outcome.ok(),
        not_applicable: outcome.err(),
        open_job_ids: Vec::new(),
        lost_mode: device.lost_mode,
        locked: device.locked,
    }
}

impl MeasurePortal {
    pub fn new(fleet: Vec<Device>) -> MeasurePortal {
        MeasurePortal {
            fleet: Arc::new(fleet),
            previews: Arc::default(),
            registrations: Arc::default(),
        }
    }

    pub fn backend(&self, answer: Answer) -> MeasureBackend {
        let (fleet, previews, registrations) = (
            self.fleet.clone(),
            self.previews.clone(),
            self.registrations.clone(),
        );
        MeasureBackend::new(
            move |request: MeasurePreviewRequest| {
                previews.lock().unwrap().push(request.clone());
                let fleet = fleet.clone();
                Box::pin(async move {
                    next_turn().await;
                    // A filter selection narrowed to an OS (the Mac question) sees only that OS.
                    let os = match &request.selection {
                        WipeSelection::Filter { filter, .. } => filter.os,
                        WipeSelection::Devices { .. } => None,
                    };
                    let mut plans: Vec<DeviceMeasurePlan> = fleet
                        .iter()
                        .filter(|d| os.is_none_or(|os| d.os == os))
                        .map(|d| plan(request.measure, d))
                        .collect();
                    let applicable = plans.iter().filter(|p| p.registers()).count() as u64;
                    let left_out = plans.len() as u64 - applicable;
                    plans.retain(|p| request.applicable.is_none_or(|a| p.registers() == a));
                    let page = request.page_request();
                    let total = plans.len() as u64;
                    let items = plans
                        .into_iter()
                        .skip(page.offset() as usize)
                        .take(page.limit() as usize)
                        .collect();
                    Ok(MeasurePreview {
                        measure: request.measure,
                        applicable,
                        left_out,
                        devices: Page::new(items, total, page),
                    })
                })
            },
            move |request: MeasureRequest, key: String| {
                registrations.lock().unwrap().push((request.clone(), key));
                Box::pin(async move {
                    next_turn().await;
                    answer(&request)
                })
            },
        )
    }

    pub fn registrations(&self) -> Vec<(MeasureRequest, String)> {
        self.registrations.lock().unwrap().clone()
    }
}

pub fn registered(request: &MeasureRequest) -> Result<MeasureRegistered, ApiError> {
    let count = match &request.selection {
        WipeSelection::Devices { device_ids } => device_ids.len() as u64,
        WipeSelection::Filter { .. } => 1,
    };
    Ok(MeasureRegistered {
        measure: request.options.measure(),
        registration_id: WipeId(7),
        device_count: count,
        job_count: count,
        skipped_device_count: 0,
        registered_at: Utc::now(),
    })
}

pub fn refused(body: ApiErrorBody) -> Result<MeasureRegistered, ApiError> {
    Err(ApiError::Api {
        status: body.code.http_status(),
        body,
    })
}

/// The screen of `measure` for every device of the portal's fleet, picked one by one.
pub async fn measure_screen(
    portal: &MeasurePortal,
    measure: Measure,
    answer: Answer,
    lang: &str,
) -> Mounted {
    let ids: Vec<_> = portal.fleet.iter().map(|d| d.id).collect();
    measure_screen_for(
        portal,
        measure,
        answer,
        lang,
        WipeSelection::Devices { device_ids: ids },
    )
    .await
}

/// The screen of `measure` for `selection`.
pub async fn measure_screen_for(
    portal: &MeasurePortal,
    measure: Measure,
    answer: Answer,
    lang: &str,
    selection: WipeSelection,
) -> Mounted {
    let count = portal.fleet.len() as u64;
    let backend = portal.backend(answer);
    let view = mount(lang, move || {
        view! {
            <MeasureScreen
                measure=measure
                selection=selection
                device_count=count
                admin_name="山田 太郎".to_string()
                backend=backend
                back_href="/devices?group=2".to_string()
                on_registered=Callback::new(|_| ())
            />
        }
    });
    settle().await;
    until("the preview", || view.exists("measure-preview-summary")).await;
    view
}
