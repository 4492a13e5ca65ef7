//! 端末管理: the group tree and the device table. This page owns the data (the address is the
//! list state; the portal answers pages of it); the views beside it only take props.

pub mod device_table;
pub mod group_picker;
pub mod group_tree;
pub mod measures_dialog;
pub mod selection;
pub mod selection_bar;
pub mod toolbar;
pub mod url;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::device::{Device, DeviceFilter, DeviceQuery};
use mdm_model::paging::{Page, PER_PAGE_CHOICES};
use mdm_model::ErrorCode;

use crate::api::{Api, ApiError};
use crate::components::data_table::TableNotice;
use crate::components::pager::Pager;
use crate::components::PageHeader;
use crate::i18n::use_locale;
use crate::routes;
use crate::session::use_session;

pub use device_table::DeviceTable;
pub use group_picker::GroupPicker;
pub use group_tree::GroupTreeView;
pub use measures_dialog::{Measure, MeasuresDialog};
pub use selection::{use_device_selection, DeviceSelection, Selection};
pub use selection_bar::SelectionBar;
pub use toolbar::DeviceToolbar;

/// A page of devices with the query it answers, so a stale answer is recognised.
type Loaded = (DeviceQuery, Result<Page<Device>, ApiError>);

/// The devices area: groups on the left, the devices of the chosen group on the right.
#[component]
pub fn DevicesPage() -> impl IntoView {
    let locale = use_locale();
    let api = expect_context::<Api>();
    let DeviceSelection { selection, origin } = use_device_selection();
    let params = use_query_map();
    let navigate = use_navigate();
    let session = use_session();
    let zone = untrack(move || session.time_zone());

    let query = Memo::new(move |_| {
        params.with(|p| {
            url::query_from_params(
                p.latest_values()
                    .map(|(k, v)| (k.to_string(), v.to_string())),
            )
        })
    });
    let go = Callback::new(move |next: DeviceQuery| {
        let options = NavigateOptions {
            scroll: false,
            ..Default::default()
        };
        navigate(&url::devices_href(&next), options);
    });

    let groups = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.groups().await }
        })
    };
    let devices: LocalResource<Loaded> = LocalResource::new(move || {
        let (api, query) = (api.clone(), query.get());
        async move {
            let answer = api.devices(&query).await;
            (query, answer)
        }
    });

    // The wipe screen comes back here, to the same group, filters and page.
    Effect::new(move || origin.set(url::devices_href(&query.get())));
    // "Every device matching" belongs to the filter it was chosen under.
    let dropped = RwSignal::new(false);
    Effect::new(move || {
        let filter = query.with(|q| q.filter.clone());
        let mut current = selection.get_untracked();
        if current.follow_filter(&filter) {
            selection.set(current);
            dropped.set(true);
        }
    });
    Effect::watch(
        move || selection.track(),
        move |_, _, _| dropped.set(false),
        false,
    );
    // A page past the end (the fleet shrank since the link was made): back to the first page.
    Effect::new(move || {
        if let Some((asked, Err(error))) = devices.get() {
            if error.code() == Some(ErrorCode::InvalidParameter)
                && error.field() == Some("page")
                && asked.page.page > 1
            {
                let first = url::with_page(&asked, 1);
                go.run(first);
            }
        }
    });

    let page = Memo::new(move |_| match devices.get() {
        Some((_, Ok(page))) => Some(page),
        _ => None,
    });
    let rows = Signal::derive(move || page.get().map(|p| p.items).unwrap_or_default());
    let total = Signal::derive(move || page.with(|p| p.as_ref().map_or(0, |p| p.total)));
    let busy = Signal::derive(move || {
        devices.with(|loaded| {
            loaded
                .as_ref()
                .is_some_and(|(asked, _)| *asked != query.get())
        })
    });
    // A memo, so the rows are rebuilt only when the table switches between rows and a notice.
    let notice = Memo::new(move |_| {
        let t = locale.t();
        match devices.get() {
            None => Some(TableNotice::Loading(t.devices.loading.to_string())),
            Some((_, Err(error))) => Some(TableNotice::Error {
                message: error.message(locale.lang()),
                retry: t.devices.retry.to_string(),
            }),
            Some((asked, Ok(page))) if page.items.is_empty() => {
                let only_group = DeviceFilter {
                    group: asked.filter.group,
                    include_subgroups: asked.filter.include_subgroups,
                    ..Default::default()
                };
                let hint = if asked.filter == only_group {
                    t.devices.empty_hint
                } else {
                    t.devices.empty_filtered_hint
                };
                Some(TableNotice::Empty {
                    title: t.devices.empty_title.to_string(),
                    hint: hint.to_string(),
                })
            }
            Some(_) => None,
        }
    });
    let page_ids =
        Signal::derive(move || rows.with(|rows| rows.iter().map(|d| d.id).collect::<Vec<_>>()));

    let measures_open = RwSignal::new(false);
    let navigate = use_navigate();
    let on_next = Callback::new(move |measure: Measure| {
        measures_open.set(false);
        match measure {
            Measure::Wipe => navigate(routes::WIPE, NavigateOptions::default()),
        }
    });

    view! {
        <PageHeader title=Signal::derive(move || locale.t().devices_title.to_string())/>
        <p class="page-lead">{move || locale.t().devices.lead}</p>
        <div class="devices">
            <aside class="devices__groups panel" aria-labelledby="groups-heading">
                <h2 class="devices__heading" id="groups-heading">{move || locale.t().devices.groups_heading}</h2>
                // Only a new answer rebuilds the tree (its open groups); texts follow the language.
                {move || match groups.get() {
                    None => view! { <p class="hint" role="status" data-testid="groups-loading">{move || locale.t().devices.groups_loading}</p> }.into_any(),
                    Some(Err(error)) => view! {
                        <div class="inline-error" role="alert" data-testid="groups-error">
                            <p>{move || locale.t().devices.groups_error}</p>
                            <p class="hint">{move || error.message(locale.lang())}</p>
                            <button type="button" class="button" on:click=move |_| groups.refetch()>{move || locale.t().devices.retry}</button>
                        </div>
                    }.into_any(),
                    Some(Ok(tree)) => {
                        let selected = Signal::derive(move || query.with(|q| q.filter.group));
                        let on_select = Callback::new(move |group| {
                            let current = query.get_untracked();
                            let filter = DeviceFilter { group, ..current.filter.clone() };
                            go.run(url::with_filter(&current, filter));
                        });
                        // The tree on a wide console, the picker on a narrow one (the stylesheet chooses).
                        view! {
                            <GroupTreeView tree=tree.clone() selected=selected on_select=on_select/>
                            <GroupPicker tree=tree selected=selected on_select=on_select labelled_by="groups-heading"/>
                        }.into_any()
                    }
                }}
            </aside>
            // Not a landmark of its own: the table's scrolling frame is the region with this name.
            <section class="devices__list">
                <DeviceToolbar
                    filter=Signal::derive(move || query.with(|q| q.filter.clone()))
                    on_change=Callback::new(move |filter| go.run(url::with_filter(&query.get_untracked(), filter)))
                />
                <SelectionBar
                    selection=selection
                    page_ids=page_ids
                    total=total
                    filter=Signal::derive(move || query.with(|q| q.filter.clone()))
                    dropped=dropped
                    on_measures=Callback::new(move |_| measures_open.set(true))
                />
                <DeviceTable
                    rows=rows
                    notice=notice
                    on_retry=Callback::new(move |_| devices.refetch())
                    busy=busy
                    sort=Signal::derive(move || query.with(|q| (q.sort, q.order)))
                    on_sort=Callback::new(move |key| go.run(url::with_sort(&query.get_untracked(), key)))
                    selection=selection
                    zone=zone
                />
                <Pager
                    page=Signal::derive(move || query.with(|q| q.page.page))
                    per_page=Signal::derive(move || query.with(|q| q.page.per_page))
                    total=total
                    choices=&PER_PAGE_CHOICES
                    on_page=Callback::new(move |page| go.run(url::with_page(&query.get_untracked(), page)))
                    on_per_page=Callback::new(move |size| go.run(url::with_per_page(&query.get_untracked(), size)))
                    text=Signal::derive(move || &locale.t().devices.pager)
                    id="device-pager"
                />
            </section>
        </div>
        <MeasuresDialog
            open=measures_open
            count=Signal::derive(move || selection.with(Selection::count))
            on_close=Callback::new(move |_| measures_open.set(false))
            on_next=on_next
        />
    }
}
