//! Where a device in lost mode said it was: latitude, longitude, accuracy and time, a button
//! that copies "lat, lon", and a link that opens the point in OpenStreetMap in a new tab. The
//! console loads no map itself (no tiles, no third-party requests from the console's page).

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use mdm_model::job::JobDetail;
use mdm_model::measure::DeviceLocationFix;
use mdm_model::time::{format_datetime, Zone};

use crate::i18n::use_locale;

/// How the last press of the copy button went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Yes,
    Failed,
}

/// Writes `text` to the clipboard through the browser's asynchronous Clipboard API, looked up at
/// run time: a browser (or an embedding frame) without it reports a failure instead.
async fn copy_to_clipboard(text: String) -> bool {
    let Ok(navigator) = js_sys::Reflect::get(&window(), &JsValue::from_str("navigator")) else {
        return false;
    };
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return false;
    };
    match write.call1(&clipboard, &JsValue::from_str(&text)) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// One location answer.
#[component]
pub fn LocationFix(
    /// The location as the device sent it.
    fix: DeviceLocationFix,
    /// The administrator's time zone, for when the device took the fix.
    #[prop(into)]
    zone: Signal<Zone>,
    /// Prefix of the `data-testid`s (`location-latitude`, `location-copy`, …).
    #[prop(default = "location")]
    test_id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let copied = RwSignal::new(None::<Copied>);
    let coordinates = fix.coordinates();
    let copy = {
        let coordinates = coordinates.clone();
        move |_| {
            let text = coordinates.clone();
            leptos::task::spawn_local(async move {
                let done = copy_to_clipboard(text).await;
                copied.set(Some(if done { Copied::Yes } else { Copied::Failed }));
            });
        }
    };
    let accuracy = fix.horizontal_accuracy_m.filter(|m| *m >= 0.0);
    let at = fix.located_at;
    let fact = move |term: fn(&crate::i18n::MeasuresText) -> &'static str,
                     id: &'static str,
                     value: Signal<String>| {
        view! {
            <div class="location-fix__fact">
                <dt>{move || term(t())}</dt>
                <dd data-testid=format!("{test_id}-{id}")>{value}</dd>
            </div>
        }
    };
    let (latitude, longitude) = (fix.latitude, fix.longitude);
    view! {
        <div class="location-fix" data-testid=test_id>
            <dl class="location-fix__facts">
                {fact(|t| t.latitude, "latitude", Signal::stored(format!("{latitude:.5}")))}
                {fact(|t| t.longitude, "longitude", Signal::stored(format!("{longitude:.5}")))}
                {fact(|t| t.accuracy, "accuracy", Signal::derive(move || match accuracy {
                    Some(metres) => (t().accuracy_value)(metres),
                    None => locale.t().devices.no_value.to_string(),
                }))}
                {fact(|t| t.located_at, "time", Signal::derive(move || format_datetime(at, zone.get())))}
            </dl>
            <div class="location-fix__actions">
                <button type="button" class="button button--small" data-testid=format!("{test_id}-copy")
                    data-coordinates=coordinates on:click=copy>
                    {move || t().copy}
                </button>
                <a class="button button--small" href=fix.map_url() target="_blank" rel="noopener"
                    data-testid=format!("{test_id}-map") aria-label=move || t().open_map_label>
                    {move || t().open_map}
                </a>
                <span class="location-fix__status hint" role="status" data-testid=format!("{test_id}-copy-status")>
                    {move || match copied.get() {
                        Some(Copied::Yes) => t().copied,
                        Some(Copied::Failed) => t().copy_failed,
                        None => "",
                    }}
                </span>
            </div>
        </div>
    }
}

/// The job detail's 位置情報 section, when the job got a location back (位置情報を取得).
pub fn job_location(detail: Signal<JobDetail>, zone: Signal<Zone>) -> impl IntoView {
    let locale = use_locale();
    move || {
        detail.with(|d| d.location.clone()).map(|fix| {
            view! {
                <section class="job-section" aria-labelledby="job-location-title" data-testid="job-location-section">
                    <h3 class="job-section__title" id="job-location-title">{move || locale.t().measures.location_title}</h3>
                    <LocationFix fix=fix zone=zone test_id="job-location"/>
                </section>
            }
        })
    }
}
