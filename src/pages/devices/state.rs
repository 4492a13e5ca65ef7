//! 端末管理's state hook: the list state from the address, the fetches of groups and devices,
//! what the table shows (rows, total, notice), the selection's bookkeeping and the columns the
//! administrator chose. Plain signals and actions; the views take what they need.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::device::{Device, DeviceFilter, DeviceQuery, DeviceSortKey};
use mdm_model::group::GroupTree;
use mdm_model::ids::DeviceId;
use mdm_model::paging::Page;
use mdm_model::time::Zone;
use mdm_model::ErrorCode;

use super::url;
use crate::api::{Api, ApiError};
use crate::components::data_table::{ColumnSet, ListState, TableColumn, TableNotice};
use crate::device_selection::{use_device_selection, DeviceSelection, Selection};
use crate::i18n::use_locale;
use crate::session::use_session;

/// A page of devices with the query it answers, so a stale answer is recognised.
pub type Loaded = (DeviceQuery, Result<Page<Device>, ApiError>);

/// The device table's columns an administrator may add; the others (name, OS, user, status and
/// last seen) are essential and fit a 1280 px console beside the group tree.
pub const OPTIONAL_COLUMNS: [TableColumn; 5] = [
    TableColumn {
        id: "model",
        title: |lang| DeviceSortKey::Model.label(lang),
    },
    TableColumn {
        id: "phone",
        title: |lang| DeviceSortKey::PhoneNumber.label(lang),
    },
    TableColumn {
        id: "method",
        title: |lang| DeviceSortKey::Method.label(lang),
    },
    TableColumn {
        id: "ownership",
        title: |lang| DeviceSortKey::Ownership.label(lang),
    },
    TableColumn {
        id: "tags",
        title: |lang| DeviceSortKey::Tags.label(lang),
    },
];

/// Where the column choice of `admin` is kept in this browser.
pub fn columns_storage_key(admin: impl std::fmt::Display) -> String {
    format!("mdm-console.device-columns.{admin}")
}

/// Everything 端末管理 shows and does.
#[derive(Clone, Copy)]
pub struct DevicesState {
    pub query: Memo<DeviceQuery>,
    pub go: Callback<DeviceQuery>,
    pub groups: LocalResource<Result<GroupTree, ApiError>>,
    pub devices: LocalResource<Loaded>,
    pub selection: RwSignal<Selection>,
    /// "Every device matching" was dropped because the filter changed.
    pub dropped: RwSignal<bool>,
    pub rows: Signal<Vec<Device>>,
    pub total: Signal<u64>,
    pub busy: Signal<bool>,
    pub notice: Memo<Option<TableNotice>>,
    pub page_ids: Signal<Vec<DeviceId>>,
    pub measures_open: RwSignal<bool>,
    pub columns: ColumnSet,
    pub zone: Zone,
}

impl DevicesState {
    /// Reads the address, starts the fetches and keeps the selection in step with the filter.
    pub fn start() -> DevicesState {
        let api = expect_context::<Api>();
        let DeviceSelection {
            selection, origin, ..
        } = use_device_selection();
        let params = use_query_map();
        let navigate = use_navigate();
        let session = use_session();
        let zone = untrack(move || session.time_zone());
        let admin = untrack(move || session.administrator().map(|a| a.id));
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
        let groups_api = api.clone();
        let groups = LocalResource::new(move || {
            let api = groups_api.clone();
            async move { api.groups().await }
        });
        let devices: LocalResource<Loaded> = LocalResource::new(move || {
            let (api, query) = (api.clone(), query.get());
            async move {
                let answer = api.devices(&query).await;
                (query, answer)
            }
        });
        // The wipe screen comes back here, to the same group, filters and page.
        Effect::new(move || origin.set(url::devices_href(&query.get())));
        let dropped = RwSignal::new(false);
        follow_filter(query, selection, dropped);
        back_to_first_page(devices, go);

        let page = Memo::new(move |_| match devices.get() {
            Some((_, Ok(page))) => Some(page),
            _ => None,
        });
        let rows = Signal::derive(move || page.get().map(|p| p.items).unwrap_or_default());
        let page_ids =
            Signal::derive(move || rows.with(|rows| rows.iter().map(|d| d.id).collect::<Vec<_>>()));
        DevicesState {
            query,
            go,
            groups,
            devices,
            selection,
            dropped,
            rows,
            total: Signal::derive(move || page.with(|p| p.as_ref().map_or(0, |p| p.total))),
            busy: Signal::derive(move || {
                devices.with(|loaded| {
                    loaded
                        .as_ref()
                        .is_some_and(|(asked, _)| *asked != query.get())
                })
            }),
            notice: notice(devices),
            page_ids,
            measures_open: RwSignal::new(false),
            columns: ColumnSet::new(&OPTIONAL_COLUMNS, admin.map(columns_storage_key)),
            zone,
        }
    }

    /// The list with another filter, from its first page.
    pub fn filter(&self, filter: DeviceFilter) {
        let current = self.query.get_untracked();
        self.go.run(url::with_filter(&current, filter));
    }

    /// Number of ticked devices (tracked).
    pub fn selected_count(&self) -> u64 {
        self.selection.with(Selection::count)
    }
}

/// "Every device matching" belongs to the filter it was chosen under: a new filter drops it
/// (and says so until the selection changes again).
fn follow_filter(
    query: Memo<DeviceQuery>,
    selection: RwSignal<Selection>,
    dropped: RwSignal<bool>,
) {
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
}

/// A page past the end (the fleet shrank since the link was made): back to the first page.
fn back_to_first_page(devices: LocalResource<Loaded>, go: Callback<DeviceQuery>) {
    Effect::new(move || {
        if let Some((asked, Err(error))) = devices.get() {
            if error.code() == Some(ErrorCode::InvalidParameter)
                && error.field() == Some("page")
                && asked.page.page > 1
            {
                go.run(url::with_page(&asked, 1));
            }
        }
    });
}

/// What the table shows instead of rows. A memo, so the rows are rebuilt only when the table
/// switches between rows and a notice.
fn notice(devices: LocalResource<Loaded>) -> Memo<Option<TableNotice>> {
    let locale = use_locale();
    Memo::new(move |_| {
        let t = locale.t().devices;
        let loaded = devices.get();
        let state = match &loaded {
            None => ListState::Loading,
            Some((_, Err(error))) => ListState::Failed(error),
            Some((_, Ok(page))) if page.items.is_empty() => ListState::Empty,
            Some(_) => ListState::Rows,
        };
        TableNotice::of(state, locale.lang(), t.loading, || {
            let only_group = loaded.as_ref().is_some_and(|(asked, _)| {
                asked.filter
                    == DeviceFilter {
                        group: asked.filter.group,
                        include_subgroups: asked.filter.include_subgroups,
                        ..Default::default()
                    }
            });
            let hint = if only_group {
                t.empty_hint
            } else {
                t.empty_filtered_hint
            };
            TableNotice::empty(t.empty_title, hint)
        })
    })
}
