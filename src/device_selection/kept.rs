//! How a selection outlives a reload of the tab. Devices picked one by one, and the devices
//! screen's address to return to, are kept in the tab's storage; "every device matching" goes
//! in the wipe screen's address instead (its filter, how many matched when it was chosen, and
//! the devices unticked since), which reload, back and forward all keep and a link can carry.

use std::collections::BTreeSet;

use mdm_model::device::DeviceFilter;
use mdm_model::ids::DeviceId;
use mdm_model::query::{QueryReader, QueryWriter};
use serde::{Deserialize, Serialize};

use super::selection::Selection;
use crate::routes;

/// Where the tab keeps the selection.
pub const SELECTION_KEY: &str = "mdm.device-selection";

/// The marker of an "every device matching" selection in the wipe screen's address.
const SELECT_PARAM: &str = "select";
const SELECT_ALL: &str = "all";

/// What the tab keeps of a selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptSelection {
    /// The devices picked one by one (none for "every device matching": the address has it).
    pub devices: BTreeSet<DeviceId>,
    /// The devices screen's address to return to.
    pub origin: String,
}

impl KeptSelection {
    pub fn of(selection: &Selection, origin: &str) -> KeptSelection {
        let devices = match selection {
            Selection::Devices(ids) => ids.clone(),
            Selection::Matching { .. } => BTreeSet::new(),
        };
        KeptSelection {
            devices,
            origin: origin.to_string(),
        }
    }

    /// The selection kept (empty when it was "every device matching").
    pub fn selection(&self) -> Selection {
        Selection::Devices(self.devices.clone())
    }
}

/// The wipe screen's address for `selection`.
pub fn wipe_href(selection: &Selection) -> String {
    screen_href(routes::WIPE, selection)
}

/// The address of `measure`'s screen for `selection` (the wipe's, or another measure's): every
/// measure screen carries "every device matching" in its address the same way.
pub fn measure_href(measure: mdm_model::measure::Measure, selection: &Selection) -> String {
    screen_href(&routes::measure(measure), selection)
}

/// The screen at `path` for `selection`.
pub fn screen_href(path: &str, selection: &Selection) -> String {
    let Selection::Matching {
        filter,
        total,
        excluded,
    } = selection
    else {
        return path.to_string();
    };
    let mut pairs = vec![(SELECT_PARAM, SELECT_ALL.to_string())];
    pairs.extend(filter.write(QueryWriter::new()).into_pairs());
    pairs.push(("total", total.to_string()));
    if !excluded.is_empty() {
        let ids: Vec<String> = excluded.iter().map(DeviceId::to_string).collect();
        pairs.push(("excluded", ids.join(",")));
    }
    format!("{path}{}", routes::query_string(&pairs))
}

/// The "every device matching" selection the wipe screen's address names: `None` when it names
/// none, or names one that cannot be read (an edited link) or that is empty.
pub fn matching_from_address<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<Selection> {
    let reader = QueryReader::new(pairs);
    if reader.raw(SELECT_PARAM) != Some(SELECT_ALL) {
        return None;
    }
    let filter = DeviceFilter::from_query(&reader).ok()?;
    let total = reader.parse::<u64>("total").ok().flatten()?;
    let excluded = reader
        .raw("excluded")
        .unwrap_or_default()
        .split(',')
        .filter(|id| !id.is_empty())
        .map(str::parse::<DeviceId>)
        .collect::<Result<BTreeSet<_>, _>>()
        .ok()?;
    let selection = Selection::Matching {
        filter,
        total,
        excluded,
    };
    (!selection.is_empty()).then_some(selection)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::device::Os;
    use mdm_model::ids::GroupId;

    /// The address's pairs (the tests' values need no percent-decoding).
    fn pairs(href: &str) -> Vec<(String, String)> {
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .map(|(name, value)| (name.to_string(), value.replace("%2C", ",")))
            .collect()
    }

    fn read(href: &str) -> Option<Selection> {
        let pairs = pairs(href);
        matching_from_address(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    }

    #[test]
    fn every_matching_device_travels_in_the_wipe_address_and_comes_back_the_same() {
        let filter = DeviceFilter {
            q: Some("iphone".into()),
            group: Some(GroupId(3)),
            os: Some(Os::Ios),
            ..DeviceFilter::default()
        };
        let mut selection = Selection::default();
        selection.select_matching(filter, 1_234);
        selection.set(DeviceId(7), false);
        selection.set(DeviceId(9), false);
        let href = wipe_href(&selection);
        assert!(href.starts_with("/devices/wipe?select=all&q="), "{href}");
        assert!(href.ends_with("&total=1234&excluded=7%2C9"), "{href}");
        assert_eq!(read(&href), Some(selection));
    }

    #[test]
    fn picked_devices_stay_out_of_the_address_and_a_broken_one_names_nothing() {
        let mut picked = Selection::default();
        picked.set(DeviceId(2), true);
        assert_eq!(wipe_href(&picked), "/devices/wipe");
        assert_eq!(read("/devices/wipe"), None);
        assert_eq!(read("/devices/wipe?select=all&total=x"), None);
        assert_eq!(read("/devices/wipe?select=all&total=5&excluded=a"), None);
        assert_eq!(
            read("/devices/wipe?select=all&total=1&excluded=4"),
            None,
            "nothing left"
        );
        let kept = KeptSelection::of(&picked, "/devices?group=2");
        assert_eq!(kept.selection(), picked);
        let mut matching = Selection::default();
        matching.select_matching(DeviceFilter::default(), 3);
        assert!(KeptSelection::of(&matching, "/devices").devices.is_empty());
    }
}
