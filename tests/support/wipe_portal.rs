//! A fake portal for the wipe screen's browser tests: it plans with the model's own rules,
//! answers registrations as told, and records what it was sent.
#![allow(dead_code)]

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc, Mutex,
};

use chrono::Utc;
use leptos::prelude::*;
use mdm_console::api::ApiError;
use mdm_console::pages::wipe::{WipeBackend, WipeWizard};
use mdm_model::dep::DepProfile;
use mdm_model::device::{Device, Os};
use mdm_model::ids::{AdministratorId, DeviceId, JobId, WipeId};
use mdm_model::paging::Page;
use mdm_model::time::Zone;
use mdm_model::wipe::{
    plan_device_wipe, PreviewSummary, WipePreview, WipePreviewRequest, WipeRegistered, WipeRequest,
    WipeSelection,
};
use mdm_model::ApiErrorBody;

use crate::fleet::*;

pub type Answer = fn(&WipeRequest) -> Result<WipeRegistered, ApiError>;
/// Devices with their DEP profile and open wipe jobs: what the portal plans from.
pub type Fleet = Vec<(Device, Option<DepProfile>, Vec<JobId>)>;

/// A portal that plans with the model's own rules and records what it was sent.
pub struct FakePortal {
    pub fleet: Arc<Fleet>,
    pub previews: Arc<Mutex<Vec<WipePreviewRequest>>>,
    pub registrations: Arc<Mutex<Vec<(WipeRequest, String)>>>,
    /// While set, registrations are received but not answered (the test looks at the pending
    /// screen, then lets the answer go).
    holding: Arc<AtomicBool>,
}

impl FakePortal {
    pub fn new(fleet: Fleet) -> FakePortal {
        FakePortal {
            fleet: Arc::new(fleet),
            previews: Arc::default(),
            registrations: Arc::default(),
            holding: Arc::default(),
        }
    }

    /// Keeps the answers to registrations back until [`FakePortal::answer_registrations`].
    pub fn hold_registrations(&self) {
        self.holding.store(true, Ordering::SeqCst);
    }

    pub fn answer_registrations(&self) {
        self.holding.store(false, Ordering::SeqCst);
    }

    pub fn backend(&self, answer: Answer) -> WipeBackend {
        let (fleet, previews, registrations, holding) = (
            self.fleet.clone(),
            self.previews.clone(),
            self.registrations.clone(),
            self.holding.clone(),
        );
        WipeBackend::new(
            move |request: WipePreviewRequest| {
                previews.lock().unwrap().push(request.clone());
                let fleet = fleet.clone();
                Box::pin(async move {
                    // Answered later, as over a network, but after no fixed time.
                    next_turn().await;
                    let wifi = request.options.wifi_setting_id.is_some();
                    let windows = request.options.platform.windows.unwrap_or_default();
                    let mut plans: Vec<_> = fleet
                        .iter()
                        .map(|(d, profile, open)| {
                            plan_device_wipe(d, profile.as_ref(), wifi, windows, open.clone())
                        })
                        .collect();
                    let summary = PreviewSummary::from_plans(&plans);
                    plans.retain(|p| request.outcome.is_none_or(|o| p.outcome == o));
                    plans.sort_by(|a, b| a.device.name.cmp(&b.device.name));
                    let page = request.page_request();
                    let total = plans.len() as u64;
                    let items = plans
                        .into_iter()
                        .skip(page.offset() as usize)
                        .take(page.limit() as usize)
                        .collect();
                    Ok(WipePreview {
                        summary,
                        devices: Page::new(items, total, page),
                    })
                })
            },
            move |request: WipeRequest, key: String| {
                registrations.lock().unwrap().push((request.clone(), key));
                let holding = holding.clone();
                Box::pin(async move {
                    next_turn().await;
                    while holding.load(Ordering::SeqCst) {
                        next_turn().await;
                    }
                    answer(&request)
                })
            },
        )
    }

    pub fn registrations(&self) -> Vec<(WipeRequest, String)> {
        self.registrations.lock().unwrap().clone()
    }

    pub fn last_preview(&self) -> WipePreviewRequest {
        self.previews
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|r| r.outcome.is_none())
            .cloned()
            .unwrap()
    }
}

pub fn registered(request: &WipeRequest) -> Result<WipeRegistered, ApiError> {
    let WipeSelection::Devices { device_ids } = &request.selection else {
        panic!("selection by id expected")
    };
    Ok(WipeRegistered {
        wipe_id: WipeId(7),
        device_count: device_ids.len() as u64,
        job_count: device_ids.len() as u64 + 1,
        skipped_device_count: 0,
        registered_at: Utc::now(),
    })
}

pub fn refused(body: ApiErrorBody) -> Result<WipeRegistered, ApiError> {
    Err(ApiError::Api {
        status: body.code.http_status(),
        body,
    })
}

/// An iPhone that re-enrolls silently, a Hybrid iPhone, an Android phone.
pub fn small_fleet() -> Fleet {
    vec![
        (device(1, Os::Ios), Some(dep_profile(1)), vec![]),
        (hybrid(2), Some(dep_profile(1)), vec![]),
        (device(3, Os::Android), None, vec![]),
    ]
}

pub struct Screen {
    pub view: Mounted,
    pub done: RwSignal<Option<WipeRegistered>>,
}

pub async fn screen(portal: &FakePortal, answer: Answer, lang: &str) -> Screen {
    screen_at(portal, answer, lang, Utc::now()).await
}

/// The wipe screen as opened at `now` (the schedule's default is counted from it).
pub async fn screen_at(
    portal: &FakePortal,
    answer: Answer,
    lang: &str,
    now: chrono::DateTime<Utc>,
) -> Screen {
    screen_in(portal, answer, lang, now, Zone::JAPAN).await
}

/// The wipe screen of an administrator in `zone`, opened at `now`.
pub async fn screen_in(
    portal: &FakePortal,
    answer: Answer,
    lang: &str,
    now: chrono::DateTime<Utc>,
    zone: Zone,
) -> Screen {
    let ids = portal
        .fleet
        .iter()
        .map(|(d, _, _)| d.id)
        .collect::<Vec<_>>();
    let backend = portal.backend(answer);
    let done = RwSignal::new(None);
    let opening = Opening {
        now,
        zone,
        ..Opening::default()
    };
    let on_registered = Callback::new(move |r| done.set(Some(r)));
    let view = mount(lang, move || wizard(ids, backend, opening, on_registered));
    // Properties (input values) are set by effects right after the first render.
    settle().await;
    Screen { view, done }
}

/// How the wipe screen is opened, where a test does not care.
#[derive(Clone, Copy)]
pub struct Opening {
    pub now: chrono::DateTime<Utc>,
    pub zone: Zone,
    /// The administrator the tab keeps the choices for (none: nothing kept).
    pub kept_for: Option<AdministratorId>,
}

impl Default for Opening {
    fn default() -> Self {
        Opening {
            now: Utc::now(),
            zone: Zone::JAPAN,
            kept_for: None,
        }
    }
}

/// The wipe screen for `ids` of the small fleet's administrator.
pub fn wizard(
    ids: Vec<DeviceId>,
    backend: WipeBackend,
    opening: Opening,
    on_registered: Callback<WipeRegistered>,
) -> impl IntoView {
    let count = ids.len() as u64;
    view! {
        <WipeWizard
            selection=WipeSelection::Devices { device_ids: ids }
            device_count=count
            wifi_settings=wifi_settings()
            zone=opening.zone
            now=opening.now
            admin_name="山田 太郎".to_string()
            backend=backend
            back_href="/devices?group=2".to_string()
            on_registered=on_registered
            kept_for=opening.kept_for
        />
    }
}

pub async fn ready(s: &Mounted) {
    until("the preview", || {
        s.exists("preview-summary") && !s.exists("preview-updating")
    })
    .await;
}
