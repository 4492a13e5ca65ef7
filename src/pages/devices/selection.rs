//! Which devices the administrator has ticked. The selection outlives paging, sorting, searching
//! and the move to the wipe screen, so it lives in an app-wide context.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use mdm_model::device::DeviceFilter;
use mdm_model::ids::{AdministratorId, DeviceId};
use mdm_model::wipe::WipeSelection;

use super::selection_keep::{KeptSelection, SELECTION_KEY};
use crate::routes;
use crate::session::{Session, SessionState};
use crate::tab_storage;

/// The ticked devices: picked one by one, or "every device matching" a filter minus the ones
/// unticked since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Devices(BTreeSet<DeviceId>),
    Matching {
        filter: DeviceFilter,
        /// How many devices matched when the administrator chose them all.
        total: u64,
        excluded: BTreeSet<DeviceId>,
    },
}

impl Default for Selection {
    fn default() -> Self {
        Selection::Devices(BTreeSet::new())
    }
}

/// How much of a page is ticked, for the header checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageTicks {
    None,
    Some,
    All,
}

impl Selection {
    /// Number of devices selected.
    pub fn count(&self) -> u64 {
        match self {
            Selection::Devices(ids) => ids.len() as u64,
            Selection::Matching {
                total, excluded, ..
            } => total.saturating_sub(excluded.len() as u64),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// Whether a device shown in the current list is ticked.
    pub fn contains(&self, id: DeviceId) -> bool {
        match self {
            Selection::Devices(ids) => ids.contains(&id),
            Selection::Matching { excluded, .. } => !excluded.contains(&id),
        }
    }

    /// Ticks or unticks one device.
    pub fn set(&mut self, id: DeviceId, on: bool) {
        match self {
            Selection::Devices(ids) if on => {
                ids.insert(id);
            }
            Selection::Devices(ids) => {
                ids.remove(&id);
            }
            Selection::Matching { excluded, .. } if on => {
                excluded.remove(&id);
            }
            Selection::Matching { excluded, .. } => {
                excluded.insert(id);
            }
        }
        if self.is_empty() {
            *self = Selection::default();
        }
    }

    /// Ticks or unticks every device of a page.
    pub fn set_page(&mut self, page: &[DeviceId], on: bool) {
        for &id in page {
            self.set(id, on);
        }
    }

    /// How much of `page` is ticked.
    pub fn page_ticks(&self, page: &[DeviceId]) -> PageTicks {
        let ticked = page.iter().filter(|id| self.contains(**id)).count();
        match ticked {
            0 => PageTicks::None,
            n if n == page.len() => PageTicks::All,
            _ => PageTicks::Some,
        }
    }

    /// Selects every device matching `filter` (`total` of them right now).
    pub fn select_matching(&mut self, filter: DeviceFilter, total: u64) {
        *self = Selection::Matching {
            filter,
            total,
            excluded: BTreeSet::new(),
        };
    }

    pub fn is_matching(&self) -> bool {
        matches!(self, Selection::Matching { .. })
    }

    /// Keeps the selection consistent with the list's filter: "every device matching" means the
    /// old filter's devices, so a new filter drops it. Devices picked one by one stay picked.
    /// Answers whether the selection was dropped.
    pub fn follow_filter(&mut self, filter: &DeviceFilter) -> bool {
        match self {
            Selection::Matching { filter: chosen, .. } if chosen != filter => {
                *self = Selection::default();
                true
            }
            _ => false,
        }
    }

    /// The selection as a wipe request names it, or `None` when nothing is selected.
    pub fn to_wipe_selection(&self) -> Option<WipeSelection> {
        if self.is_empty() {
            return None;
        }
        Some(match self {
            Selection::Devices(ids) => WipeSelection::Devices {
                device_ids: ids.iter().copied().collect(),
            },
            Selection::Matching {
                filter, excluded, ..
            } => WipeSelection::Filter {
                filter: filter.clone(),
                excluded_device_ids: excluded.iter().copied().collect(),
            },
        })
    }
}

/// Whether each shown row is ticked, one signal per row: ticking one device sets one row's
/// signal, where a check in every row would run a thousand times for one click.
#[derive(Clone, Copy)]
pub struct RowTicks {
    rows: StoredValue<HashMap<DeviceId, ArcRwSignal<bool>>>,
}

impl RowTicks {
    /// Follows `selection` for the rows asked for with [`RowTicks::of`].
    pub fn follow(selection: RwSignal<Selection>) -> RowTicks {
        let ticks = RowTicks {
            rows: StoredValue::new(HashMap::new()),
        };
        Effect::new(move || {
            selection.with(|s| {
                ticks.rows.with_value(|rows| {
                    for (id, ticked) in rows {
                        let on = s.contains(*id);
                        if ticked.get_untracked() != on {
                            ticked.set(on);
                        }
                    }
                })
            })
        });
        ticks
    }

    /// The signal of row `id` (made on first use from `selection`).
    pub fn of(&self, id: DeviceId, selection: RwSignal<Selection>) -> ArcRwSignal<bool> {
        let made = || ArcRwSignal::new(selection.with_untracked(|s| s.contains(id)));
        self.rows
            .try_update_value(|rows| rows.entry(id).or_insert_with(made).clone())
            .unwrap_or_else(made)
    }

    /// Forgets the rows not in `shown`.
    pub fn keep(&self, shown: &[DeviceId]) {
        self.rows.update_value(|rows| {
            if rows.len() > shown.len() {
                let shown: std::collections::HashSet<_> = shown.iter().collect();
                rows.retain(|id, _| shown.contains(id));
            }
        });
    }
}

/// The app-wide selection, provided by the app root so it survives moving between screens,
/// and kept for the tab so it survives a reload too (see [`selection_keep`](super::selection_keep)).
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

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::device::Os;

    fn ids(range: std::ops::Range<i64>) -> Vec<DeviceId> {
        range.map(DeviceId).collect()
    }

    #[test]
    fn ticks_survive_moving_between_pages() {
        let mut selection = Selection::default();
        selection.set(DeviceId(1), true);
        selection.set_page(&ids(51..101), true);
        assert_eq!(selection.count(), 51);
        assert_eq!(selection.page_ticks(&ids(1..51)), PageTicks::Some);
        assert_eq!(selection.page_ticks(&ids(51..101)), PageTicks::All);
        assert_eq!(selection.page_ticks(&ids(101..151)), PageTicks::None);
        selection.set_page(&ids(51..101), false);
        assert_eq!(selection.count(), 1);
    }

    #[test]
    fn every_matching_device_minus_the_unticked_ones() {
        let filter = DeviceFilter {
            os: Some(Os::Ios),
            ..Default::default()
        };
        let mut selection = Selection::default();
        selection.select_matching(filter.clone(), 1_234);
        selection.set(DeviceId(7), false);
        assert_eq!(selection.count(), 1_233);
        assert!(!selection.contains(DeviceId(7)) && selection.contains(DeviceId(8)));
        assert_eq!(
            selection.to_wipe_selection(),
            Some(WipeSelection::Filter {
                filter,
                excluded_device_ids: vec![DeviceId(7)],
            })
        );
    }

    #[test]
    fn a_new_filter_drops_only_a_matching_selection() {
        let mut picked = Selection::default();
        picked.set(DeviceId(3), true);
        assert!(!picked.follow_filter(&DeviceFilter {
            q: Some("x".into()),
            ..Default::default()
        }));
        assert_eq!(picked.count(), 1);

        let mut matching = Selection::default();
        matching.select_matching(DeviceFilter::default(), 10);
        assert!(!matching.follow_filter(&DeviceFilter::default()));
        assert!(matching.follow_filter(&DeviceFilter {
            os: Some(Os::Android),
            ..Default::default()
        }));
        assert!(matching.is_empty() && !matching.is_matching());
    }

    #[test]
    fn nothing_selected_means_nothing_to_wipe() {
        let mut selection = Selection::default();
        assert_eq!(selection.to_wipe_selection(), None);
        selection.set(DeviceId(2), true);
        assert_eq!(
            selection.to_wipe_selection(),
            Some(WipeSelection::Devices {
                device_ids: vec![DeviceId(2)]
            })
        );
        // Unticking everyone of a matching selection leaves an ordinary empty one.
        selection.select_matching(DeviceFilter::default(), 1);
        selection.set(DeviceId(2), false);
        assert_eq!(selection, Selection::default());
    }
}
