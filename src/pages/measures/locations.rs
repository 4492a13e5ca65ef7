//! A device's location history: the locations it sent while in lost mode (answers to 位置情報を
//! 取得, and what Android reports by itself), newest first, a page at a time in a dialog opened
//! from the device's row.

use leptos::prelude::*;
use mdm_model::ids::DeviceId;
use mdm_model::measure::DeviceLocations;
use mdm_model::paging::PageRequest;
use mdm_model::time::Zone;

use crate::api::{Api, ApiError};
use crate::components::{Dialog, LocationFix};
use crate::i18n::use_locale;

/// Locations per page.
pub const LOCATIONS_PAGE: u32 = 10;

/// A page of locations with the device and page it answers.
pub type LocationsAnswer = Option<Result<DeviceLocations, ApiError>>;

/// One page of a device's locations, with its pager: a pure view.
#[component]
pub fn LocationHistoryView(
    /// The page, once it arrived.
    #[prop(into)]
    answer: Signal<LocationsAnswer>,
    /// The page shown (1 is the newest).
    page: RwSignal<u32>,
    /// The administrator's time zone.
    zone: Zone,
    /// Asks again after a failure.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let total = move || {
        answer.with(|a| {
            a.as_ref()
                .and_then(|a| a.as_ref().ok())
                .map_or(0, |p| p.total)
        })
    };
    let pages = move || total().div_ceil(u64::from(LOCATIONS_PAGE)).max(1);
    view! {
        {move || match answer.get() {
            None => view! { <p class="hint" role="status" data-testid="locations-loading">{t().locations_loading}</p> }.into_any(),
            Some(Err(error)) => view! {
                <div class="inline-error" role="alert" data-testid="locations-error">
                    <p>{t().locations_error}</p>
                    <p class="hint">{error.message(locale.lang())}</p>
                    <button type="button" class="button" on:click=move |_| on_retry.run(())>{locale.t().table.retry}</button>
                </div>
            }.into_any(),
            Some(Ok(found)) if found.items.is_empty() => view! {
                <p class="hint" data-testid="locations-empty">{t().locations_empty}</p>
            }.into_any(),
            Some(Ok(found)) => view! {
                <ol class="location-list" data-testid="locations-list">
                    {found.items.into_iter().enumerate().map(|(n, fix)| view! {
                        <li class="location-list__item"><LocationFix fix=fix zone=zone test_id=LOCATION_IDS[n.min(LOCATION_IDS.len() - 1)]/></li>
                    }).collect_view()}
                </ol>
            }.into_any(),
        }}
        <Show when=move || { pages() > 1 }>
            <div class="group-pager" data-testid="locations-pager">
                <span class="hint">
                    {move || {
                        let first = u64::from(page.get() - 1) * u64::from(LOCATIONS_PAGE) + 1;
                        let last = (first + u64::from(LOCATIONS_PAGE) - 1).min(total());
                        (t().locations_range)(first, last, total())
                    }}
                </span>
                <button type="button" class="button button--small" data-testid="locations-newer"
                    disabled=move || { page.get() <= 1 } on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>
                    {move || t().locations_newer}
                </button>
                <button type="button" class="button button--small" data-testid="locations-older"
                    disabled=move || { u64::from(page.get()) >= pages() } on:click=move |_| page.update(|p| *p += 1)>
                    {move || t().locations_older}
                </button>
            </div>
        </Show>
    }
}

/// `data-testid` prefixes of the locations of a page, newest first.
const LOCATION_IDS: [&str; LOCATIONS_PAGE as usize] = [
    "location-1",
    "location-2",
    "location-3",
    "location-4",
    "location-5",
    "location-6",
    "location-7",
    "location-8",
    "location-9",
    "location-10",
];

/// The dialog of one device's locations, asked of the portal page by page while it is open.
#[component]
pub fn LocationHistoryDialog(
    /// The device shown (its id and name), or none while the dialog is closed.
    #[prop(into)]
    device: Signal<Option<(DeviceId, String)>>,
    /// The administrator's time zone.
    zone: Zone,
    /// Called when the dialog is dismissed.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let api = expect_context::<Api>();
    let page = RwSignal::new(1u32);
    // Another device starts again from its newest location.
    Effect::watch(
        move || device.with(|d| d.as_ref().map(|(id, _)| *id)),
        move |_, _, _| page.set(1),
        false,
    );
    let answer = LocalResource::new(move || {
        let asked = device.with(|d| d.as_ref().map(|(id, _)| *id));
        let request = PageRequest {
            page: page.get(),
            per_page: LOCATIONS_PAGE,
        };
        let api = api.clone();
        async move {
            let id = asked?;
            Some(api.device_locations(id, request).await)
        }
    });
    let name =
        move || device.with(|d| d.as_ref().map(|(_, name)| name.clone()).unwrap_or_default());
    view! {
        <Dialog
            open=Signal::derive(move || device.with(Option::is_some))
            on_close=on_close
            title=Signal::derive(move || (locale.t().measures.locations_title)(&name()))
            close_label=Signal::derive(move || locale.t().devices.close.to_string())
            test_id="locations-dialog"
        >
            <div class="dialog__body">
                <LocationHistoryView
                    answer=Signal::derive(move || answer.get().flatten())
                    page=page
                    zone=zone
                    on_retry=Callback::new(move |_| answer.refetch())
                />
            </div>
        </Dialog>
    }
}
