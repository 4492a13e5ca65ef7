//! 端末管理: the group tree and the device table. This page owns the data (the address is the
//! list state; the portal answers pages of it); the views beside it only take props.

pub mod device_table;
pub mod group_picker;
pub mod group_tree;
pub mod measure_counts;
pub mod measures_dialog;
pub mod row_ticks;
pub mod selection_bar;
pub mod state;
pub mod toolbar;
mod tree_lines;
pub mod url;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use mdm_model::device::DeviceFilter;
use mdm_model::paging::PER_PAGE_CHOICES;

use crate::api::devices_csv_path;
use crate::components::csv_export::CsvExportButton;
use crate::components::data_table::{ColumnChooser, Pager};
use crate::components::PageHeader;
use crate::device_selection::measure_href;
use crate::i18n::use_locale;
use crate::pages::measures::locations::LocationHistoryDialog;

pub use device_table::DeviceTable;
pub use group_picker::GroupPicker;
pub use group_tree::GroupTreeView;
pub use measures_dialog::{CountsAnswer, MeasuresDialog};
pub use selection_bar::SelectionBar;
pub use state::DevicesState;
pub use toolbar::DeviceToolbar;

/// The devices area: groups on the left, the devices of the chosen group on the right.
#[component]
pub fn DevicesPage() -> impl IntoView {
    let locale = use_locale();
    let state = DevicesState::start();
    let navigate = use_navigate();
    let on_next = Callback::new(move |measure| {
        state.measures_open.set(false);
        let href = measure_href(measure, &state.selection.get_untracked());
        navigate(&href, NavigateOptions::default());
    });
    let counts = measure_counts::measure_counts(state.measures_open.into(), state.selection);
    let locations_of = RwSignal::new(None::<mdm_model::ids::DeviceId>);
    // The name as the table shows it; the id when the device has left the page meanwhile.
    let located = Signal::derive(move || {
        locations_of.get().map(|id| {
            let name = state
                .rows
                .with(|rows| rows.iter().find(|d| d.id == id).map(|d| d.name.clone()));
            (id, name.unwrap_or_else(|| id.to_string()))
        })
    });

    view! {
        <PageHeader title=Signal::derive(move || locale.t().devices_title.to_string())/>
        <p class="page-lead">{move || locale.t().devices.lead}</p>
        <div class="devices">
            <GroupsPanel state=state/>
            <DeviceList state=state on_locations=Callback::new(move |id| locations_of.set(Some(id)))/>
        </div>
        <LocationHistoryDialog device=located zone=state.zone on_close=Callback::new(move |_| locations_of.set(None))/>
        <MeasuresDialog
            open=state.measures_open
            count=Signal::derive(move || state.selected_count())
            counts=Signal::derive(move || counts.get().flatten())
            on_retry=Callback::new(move |_| counts.refetch())
            on_close=Callback::new(move |_| state.measures_open.set(false))
            on_next=on_next
        />
    }
}

/// The group tree (the picker on a narrow console), or why it is not there.
#[component]
fn GroupsPanel(state: DevicesState) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().devices;
    let groups = state.groups;
    view! {
        <aside class="devices__groups panel" aria-labelledby="groups-heading">
            <h2 class="devices__heading" id="groups-heading">{move || t().groups_heading}</h2>
            // Only a new answer rebuilds the tree (its open groups); texts follow the language.
            {move || match groups.get() {
                None => view! { <p class="hint" role="status" data-testid="groups-loading">{move || t().groups_loading}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <div class="inline-error" role="alert" data-testid="groups-error">
                        <p>{move || t().groups_error}</p>
                        <p class="hint">{move || error.message(locale.lang())}</p>
                        <button type="button" class="button" on:click=move |_| groups.refetch()>{move || locale.t().table.retry}</button>
                    </div>
                }.into_any(),
                Some(Ok(tree)) => {
                    let selected = Signal::derive(move || state.query.with(|q| q.filter.group));
                    let on_select = Callback::new(move |group| {
                        let filter = DeviceFilter { group, ..state.query.get_untracked().filter };
                        state.filter(filter);
                    });
                    // The tree on a wide console, the picker on a narrow one (the stylesheet chooses).
                    view! {
                        <GroupTreeView tree=tree.clone() selected=selected on_select=on_select/>
                        <GroupPicker tree=tree selected=selected on_select=on_select labelled_by="groups-heading"/>
                    }.into_any()
                }
            }}
        </aside>
    }
}

/// Filters, selection, the table and its pager.
#[component]
fn DeviceList(
    state: DevicesState,
    /// Opens the location history of a device in lost mode.
    on_locations: Callback<mdm_model::ids::DeviceId>,
) -> impl IntoView {
    let locale = use_locale();
    let query = state.query;
    let go = state.go;
    let filter = Signal::derive(move || query.with(|q| q.filter.clone()));
    view! {
        // Not a landmark of its own: the table's scrolling frame is the region with this name.
        <section class="devices__list">
            <DeviceToolbar filter=filter on_change=Callback::new(move |filter| state.filter(filter))/>
            <SelectionBar
                selection=state.selection
                page_ids=state.page_ids
                total=state.total
                filter=filter
                dropped=state.dropped
                on_measures=Callback::new(move |_| state.measures_open.set(true))
            />
            <div class="table-actions">
                <ColumnChooser columns=state.columns/>
                <CsvExportButton
                    path=Signal::derive(move || devices_csv_path(&query.get()))
                    file_prefix=Signal::derive(move || locale.t().devices.csv_file_prefix)
                    zone=state.zone
                    disabled=Signal::derive(move || state.total.get() == 0)
                    test_id="device-export"
                />
            </div>
            <DeviceTable
                rows=state.rows
                notice=state.notice
                on_retry=Callback::new(move |_| state.devices.refetch())
                busy=state.busy
                sort=Signal::derive(move || query.with(|q| (q.sort, q.order)))
                on_sort=Callback::new(move |key| go.run(url::with_sort(&query.get_untracked(), key)))
                selection=state.selection
                zone=state.zone
                columns=state.columns
                on_locations=on_locations
            />
            <Pager
                page=Signal::derive(move || query.with(|q| q.page.page))
                per_page=Signal::derive(move || query.with(|q| q.page.per_page))
                total=state.total
                choices=&PER_PAGE_CHOICES
                on_page=Callback::new(move |page| go.run(url::with_page(&query.get_untracked(), page)))
                on_per_page=Callback::new(move |size| go.run(url::with_per_page(&query.get_untracked(), size)))
                id="device-pager"
            />
        </section>
    }
}
