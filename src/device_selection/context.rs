//! The app-wide selection: made on 端末管理, read by the wipe and measure screens, kept for the
//! tab per administrator.

use leptos::prelude::*;
use mdm_model::ids::AdministratorId;

use super::kept::{KeptSelection, SELECTION_KEY};
use super::selection::Selection;
use crate::routes;
use crate::session::{Session, SessionState};
use crate::tab_storage;

/// The app-wide selection, provided by the app root so it survives moving between screens,
/// and kept for the tab so it survives a reload too (see [`kept`](super::kept)).
#[derive(Clone, Copy)]
pub struct DeviceSelection {
    /// The ticked devices.
    pub selection: RwSignal<Selection>,
    /// The devices screen address (group, filters, page) to return to from the wipe screen.
    pub origin: RwSignal<String>,
    /// Whose selection it is: the administrator it was restored for or made by.
    owner: StoredValue<Option<AdministratorId>>,
}

impl DeviceSelection {
    /// Creates an empty selection and provides it as context. A selection belongs to the
    /// administrator who made it: signing out empties it and forgets what the tab kept, and
    /// signing in (again, or as someone else) brings back only that administrator's.
    pub fn provide() -> DeviceSelection {
        let context = DeviceSelection {
            selection: RwSignal::new(Selection::default()),
            origin: RwSignal::new(routes::DEVICES.to_string()),
            owner: StoredValue::new(None),
        };
        if let Some(session) = use_context::<Session>() {
            // `Some(None)` once nobody is signed in; `None` while that is not known (the first
            // check, the portal out of reach), which changes nothing.
            Effect::watch(
                move || match session.state() {
                    SessionState::SignedIn(admin) => Some(Some(admin.id)),
                    SessionState::SignedOut => Some(None),
                    _ => None,
                },
                move |signed_in, _, _| match signed_in {
                    Some(Some(admin)) => context.restore(*admin),
                    Some(None) => context.clear(),
                    None => {}
                },
                false,
            );
        }
        Effect::new(move || {
            let kept = KeptSelection::of(&context.selection.read(), &context.origin.read());
            if let Some(admin) = context.owner.get_value() {
                tab_storage::keep(SELECTION_KEY, admin, &kept);
            }
        });
        provide_context(context);
        context
    }

    /// Makes the selection `admin`'s: what the tab kept for them before a reload, or nothing.
    /// Nothing changes when it is theirs already, so calling it again is harmless (the wipe
    /// screen calls it as it opens, before the session's own follow-up may have run).
    pub fn restore(&self, admin: AdministratorId) {
        if self.owner.get_value() == Some(admin) {
            return;
        }
        self.owner.set_value(Some(admin));
        let kept = tab_storage::kept::<KeptSelection>(SELECTION_KEY, admin);
        self.selection.set(
            kept.as_ref()
                .map(KeptSelection::selection)
                .unwrap_or_default(),
        );
        self.origin.set(
            kept.map(|k| k.origin)
                .unwrap_or_else(|| routes::DEVICES.to_string()),
        );
    }

    /// Empties the selection and forgets all the tab kept (signed out): the next administrator
    /// of the tab starts afresh.
    fn clear(&self) {
        self.owner.set_value(None);
        self.selection.set(Selection::default());
        self.origin.set(routes::DEVICES.to_string());
        tab_storage::forget_all();
    }
}

/// The app-wide [`DeviceSelection`]; panics outside the console's root.
pub fn use_device_selection() -> DeviceSelection {
    expect_context::<DeviceSelection>()
}
