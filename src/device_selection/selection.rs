//! Which devices the administrator has ticked: picked one by one, or every device matching.

use std::collections::BTreeSet;

use mdm_model::device::DeviceFilter;
use mdm_model::ids::DeviceId;
use mdm_model::wipe::WipeSelection;

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
