//! The device table as a pure view: one page of devices, sortable headers, a checkbox per row
//! and one for the page. It never holds more rows than the page it is given.

use leptos::either::EitherOf3;
use leptos::ev;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::view::keyed::keyed as keyed_view;
use mdm_model::device::{Device, DeviceMark, DeviceSortKey, DeviceStatus};
use mdm_model::ids::DeviceId;
use mdm_model::paging::SortOrder;
use mdm_model::time::Zone;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::row_ticks::RowTicks;
use crate::components::data_table::{
    Badge, ColumnSet, SortHeader, TableFrame, TableNotice, TableNoticeRow, Tone,
};
use crate::components::keyed_rows::KeyedRows;
use crate::components::RelativeTime;
use crate::device_selection::{PageTicks, Selection};
use crate::i18n::use_locale;

/// Columns of the table, checkbox included.
const COLUMNS: u32 = 10;
/// Tags shown in a cell before "+N".
const SHOWN_TAGS: usize = 2;

fn tone(status: DeviceStatus) -> Tone {
    match status {
        DeviceStatus::Online => Tone::Positive,
        DeviceStatus::Offline => Tone::Neutral,
        DeviceStatus::PoweredOff => Tone::Caution,
        DeviceStatus::ProfileRemoved => Tone::Negative,
    }
}

/// The colour of a measure's mark: lost mode is the alarm, a lock the caution.
pub fn mark_tone(mark: DeviceMark) -> Tone {
    match mark {
        DeviceMark::LostMode => Tone::Negative,
        DeviceMark::Locked => Tone::Caution,
    }
}

/// One page of devices.
#[component]
pub fn DeviceTable(
    /// The devices of the current page.
    #[prop(into)]
    rows: Signal<Vec<Device>>,
    /// What to show instead of rows (first load, nothing found, failure), if anything.
    #[prop(into)]
    notice: Signal<Option<TableNotice>>,
    /// Called by the retry button of a failure.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
    /// True while another page is on its way; the current rows stay, dimmed.
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// The column and order the rows are sorted by.
    #[prop(into)]
    sort: Signal<(DeviceSortKey, SortOrder)>,
    /// Called with the column the administrator clicks.
    #[prop(into)]
    on_sort: Callback<DeviceSortKey>,
    /// The ticked devices; shared with the rest of the console.
    selection: RwSignal<Selection>,
    /// The administrator's time zone, for "last seen".
    zone: Zone,
    /// The optional columns shown; without it, every column.
    #[prop(optional)]
    columns: Option<ColumnSet>,
    /// Opens the location history of a device in lost mode; without it, rows offer none.
    #[prop(optional)]
    on_locations: Option<Callback<DeviceId>>,
) -> impl IntoView {
    let locale = use_locale();
    // A signal per shown device: a device that comes back with new data updates its row.
    let keyed = StoredValue::new(KeyedRows::<DeviceId, Device>::default());
    let page_ids =
        Memo::new(move |_| rows.with(|rows| rows.iter().map(|d| d.id).collect::<Vec<DeviceId>>()));
    let row_ticks = RowTicks::follow(selection);
    Effect::new(move || page_ids.with(|ids| row_ticks.keep(ids)));
    // As `<For>` does: each row has its own owner under the table's, so redrawing the body's
    // list keeps the rows that stay alive; a row's owner goes with its view.
    let parent = Owner::current().expect("the device table has a reactive owner");
    let row_view = move |_, (id, device): (DeviceId, ArcRwSignal<Device>)| {
        let owner = parent.with(Owner::new);
        let view = owner.with(|| {
            view! { <DeviceRow id=id device=device ticked=row_ticks.of(id, selection) zone=zone locations=on_locations.is_some()/> }
        });
        (drop, OwnedView::new_with_owner(view, owner))
    };
    // One listener for every row's checkbox, on the body: a thousand rows cost no listener to
    // add and none to remove. The checkbox's value is its device's id.
    let tick_row = move |ev: ev::Event| {
        let Some(checkbox) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if let Ok(id) = checkbox.value().parse::<DeviceId>() {
            selection.update(|s| s.set(id, checkbox.checked()));
        }
    };
    let on_click = move |ev: ev::MouseEvent| table_click(&ev, on_locations);
    view! {
        <TableFrame label=Signal::derive(move || locale.t().devices.table_label.to_string()) busy=busy>
            <table
                class=move || match columns {
                    Some(columns) => columns.table_class("data-table device-table", "device-table"),
                    None => "data-table device-table".to_string(),
                }
                data-testid="device-table"
                on:click=on_click
            >
                <DeviceTableHead page_ids=page_ids selection=selection sort=sort on_sort=on_sort/>
                {move || match notice.get() {
                    Some(notice) => EitherOf3::A(view! {
                        <tbody><TableNoticeRow columns=COLUMNS notice=notice on_action=on_retry/></tbody>
                    }),
                    None => {
                        let page = rows.with(|rows| keyed.write_value().refresh(rows, |d| d.id));
                        let body = view! {
                            <tbody on:change=tick_row>{keyed_view(page.rows, |(id, _)| *id, row_view.clone())}</tbody>
                        };
                        // Another variant for a new body: the old <tbody> goes in one removal.
                        if page.body % 2 == 0 { EitherOf3::B(body) } else { EitherOf3::C(body) }
                    }
                }}
            </table>
        </TableFrame>
    }
}

/// The table's header row: the page's checkbox and a sort header per column.
#[component]
fn DeviceTableHead(
    page_ids: Memo<Vec<DeviceId>>,
    selection: RwSignal<Selection>,
    sort: Signal<(DeviceSortKey, SortOrder)>,
    on_sort: Callback<DeviceSortKey>,
) -> impl IntoView {
    let locale = use_locale();
    let ticks = Memo::new(move |_| page_ids.with(|ids| selection.with(|s| s.page_ticks(ids))));
    let sort_header = move |key: DeviceSortKey,
                            second: Option<DeviceSortKey>,
                            class: &'static str| {
        view! { <SortHeader key=key second=second sort=sort on_sort=on_sort class=class.to_string()/> }
    };
    view! {
    <thead>
        <tr>
            <th scope="col" class="col-check">
                <input
                    type="checkbox"
                    class="check__box"
                    data-testid="select-page"
                    aria-label=move || locale.t().devices.select_page
                    disabled=move || page_ids.with(Vec::is_empty)
                    prop:checked=move || ticks.get() == PageTicks::All
                    prop:indeterminate=move || ticks.get() == PageTicks::Some
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        page_ids.with_untracked(|ids| selection.update(|s| s.set_page(ids, on)));
                    }
                />
            </th>
            {sort_header(DeviceSortKey::Name, None, "col-name")}
            {sort_header(DeviceSortKey::Os, None, "col-os")}
            {sort_header(DeviceSortKey::Model, None, "col-model")}
            {sort_header(DeviceSortKey::User, None, "col-user")}
            {sort_header(DeviceSortKey::PhoneNumber, None, "col-phone")}
            {sort_header(DeviceSortKey::Method, None, "col-method")}
            {sort_header(DeviceSortKey::Ownership, None, "col-ownership")}
            {sort_header(DeviceSortKey::Status, Some(DeviceSortKey::LastSeen), "col-status")}
            {sort_header(DeviceSortKey::Tags, None, "col-tags")}
        </tr>
    </thead>
    }
}

// The whole checkbox cell is the click target, not only the box: on a phone the cell is a
// 44 px touch target down the side of each card. One listener for the table.
fn table_click(ev: &ev::MouseEvent, on_locations: Option<Callback<DeviceId>>) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if target.dyn_ref::<HtmlInputElement>().is_some() {
        return;
    }
    // A lost device's location button carries its device's id, like the checkboxes.
    if let Some(id) = target
        .closest("[data-locations]")
        .ok()
        .flatten()
        .and_then(|button| button.get_attribute("data-locations"))
        .and_then(|id| id.parse::<DeviceId>().ok())
    {
        if let Some(open) = on_locations {
            open.run(id);
        }
        return;
    }
    if let Some(checkbox) = target
        .closest(".col-check")
        .ok()
        .flatten()
        .and_then(|cell| cell.query_selector("input[type='checkbox']").ok().flatten())
        .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
    {
        if !checkbox.disabled() {
            // Not `click()`: its click would come back to this same listener while it runs.
            // The change event reaches the same handlers a tick of the box does.
            checkbox.set_checked(!checkbox.checked());
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
                let _ = checkbox.dispatch_event(&change);
            }
        }
    }
}

/// One device. The cells are one view drawn from the device's signal and the language: a
/// change of either redraws the row in place (attributes and texts compared, nodes kept), and a
/// row owns four reactive nodes instead of one per cell, which is most of the time a thousand
/// rows take to build and to drop (BENCHMARKS.md).
#[component]
fn DeviceRow(
    id: DeviceId,
    #[prop(into)] device: Signal<Device>,
    /// Whether the row is ticked (see [`RowTicks`]).
    #[prop(into)]
    ticked: Signal<bool>,
    zone: Zone,
    /// Whether a device in lost mode offers its location history.
    locations: bool,
) -> impl IntoView {
    let locale = use_locale();
    let cells = move || {
        let (t, lang) = (locale.t(), locale.lang());
        device.with(|d| {
            let status = d.status();
            let optional = |value: Option<&String>| {
                view! {
                    <span class="cell-text" title=value.cloned()>
                        {value.cloned().unwrap_or_else(|| t.devices.no_value.to_string())}
                    </span>
                }
            };
            let hidden_tags = d.tags.len().saturating_sub(SHOWN_TAGS);
            view! {
                <td class="col-check">
                    <input
                        type="checkbox"
                        class="check__box"
                        value=id.to_string()
                        data-testid=format!("select-device-{id}")
                        aria-label=(t.devices.select_device)(&d.name)
                        prop:checked=move || ticked.get()
                    />
                </td>
                <th scope="row" class="col-name">
                    <span class="cell-text cell-text--strong" title=d.name.clone()>{d.name.clone()}</span>
                    {(d.lost_mode || d.locked).then(|| view! {
                        <span class="device-marks">
                            {d.marks().into_iter().map(|mark| view! {
                                <Badge tone=mark_tone(mark) text=mark.label(lang).to_string() test_id=format!("mark-{}-{id}", mark.as_str())/>
                            }).collect_view()}
                            {(locations && d.lost_mode).then(|| view! {
                                <button type="button" class="button button--small device-marks__locations"
                                    data-locations=id.to_string() data-testid=format!("locations-{id}")
                                    aria-label=(t.measures.locations_button_label)(&d.name)>
                                    {t.measures.locations_button}
                                </button>
                            })}
                        </span>
                    })}
                </th>
                <td class="col-os">
                    <span class="cell-text">{format!("{} {}", d.os.label(lang), d.os_version)}</span>
                </td>
                <td class="col-model">{optional(Some(&d.model))}</td>
                <td class="col-user">{optional(d.user_full_name.as_ref())}</td>
                <td class="col-phone">{optional(d.phone_number.as_ref())}</td>
                <td class="col-method">
                    <span class="cell-text">{d.management_method.label(lang)}</span>
                </td>
                <td class="col-ownership">
                    <span class="cell-text">{d.ownership.label(lang)}</span>
                </td>
                <td class="col-status">
                    <Badge tone=tone(status) text=status.label(lang).to_string() test_id=format!("status-{id}")/>
                    // Relative (「3分前」); the absolute time on hover and focus.
                    <span class="cell-sub cell-sub--inline">
                        <RelativeTime time=d.last_seen_at zone=zone test_id=format!("last-seen-{id}")/>
                    </span>
                </td>
                <td class="col-tags" title=d.tags.join(", ")>
                    <span class="tag-list">
                        {d.tags.iter().take(SHOWN_TAGS).map(|tag| view! { <span class="tag">{tag.clone()}</span> }).collect_view()}
                        {(hidden_tags > 0).then(|| view! { <span class="tag tag--more">{(t.devices.more_tags)(hidden_tags)}</span> })}
                        {d.tags.is_empty().then(|| view! { <span class="cell-text cell-text--muted">{t.devices.no_value}</span> })}
                    </span>
                </td>
            }
        })
    };

    view! {
        <tr class="data-table__row" class:data-table__row--selected=move || ticked.get() data-testid=format!("device-row-{id}")>
            {cells}
        </tr>
    }
}
