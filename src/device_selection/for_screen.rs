//! The selection a measure's screen is for, as the screen opens: the app-wide selection when
//! the administrator came from 端末管理; after a reload, the devices the tab kept, or "every
//! device matching" from the screen's address. The same steps as the wipe screen's, for the
//! screen at any path (the wipe's can use it too).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use mdm_model::ids::AdministratorId;

use super::context::DeviceSelection;
use super::kept::{matching_from_address, screen_href};
use super::selection::Selection;

/// Moves the address without a new history entry or a scroll.
pub fn replaced() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        scroll: false,
        ..NavigateOptions::default()
    }
}

/// The selection the screen at `path` is for. An "every device matching" selection that
/// arrived without the address carrying it is written there, so a reload finds it.
pub fn selection_for_screen(
    devices: DeviceSelection,
    admin: Option<AdministratorId>,
    path: &str,
) -> Selection {
    if let Some(admin) = admin {
        devices.restore(admin);
    }
    let in_address = use_query_map()
        .with_untracked(|map| matching_from_address(map.into_iter().map(|(k, v)| (k.as_ref(), v))));
    match in_address {
        Some(matching) => devices.selection.set(matching),
        None if devices.selection.with_untracked(Selection::is_matching) => {
            let href = screen_href(path, &devices.selection.get_untracked());
            let navigate = use_navigate();
            // Once the screen is drawn: the router is not asked to move while it draws.
            set_timeout(
                move || navigate(&href, replaced()),
                std::time::Duration::ZERO,
            );
        }
        None => {}
    }
    devices.selection.get_untracked()
}
