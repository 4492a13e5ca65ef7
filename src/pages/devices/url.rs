//! The devices screen keeps its whole list state (group, search, filters, sort, page) in the
//! address, spelled exactly as the portal's `GET /api/devices` parameters, so reloads, links and
//! the back button all work.

use mdm_model::device::{DeviceFilter, DeviceQuery, DeviceSortKey};
use mdm_model::paging::{PageRequest, SortOrder};
use mdm_model::query::QueryReader;

use crate::routes;

/// Reads the list state from the address's decoded parameters. A parameter the model refuses
/// (a hand-edited or outdated link) is dropped rather than failing the whole screen.
pub fn query_from_params(params: impl IntoIterator<Item = (String, String)>) -> DeviceQuery {
    let mut pairs: Vec<(String, String)> = params.into_iter().collect();
    // Each round removes one refused parameter, so this ends.
    loop {
        let reader = QueryReader::new(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        match DeviceQuery::from_query(&reader) {
            Ok(query) => return query,
            Err(error) => {
                let before = pairs.len();
                pairs.retain(|(name, _)| *name != error.param);
                if pairs.len() == before {
                    return DeviceQuery::default();
                }
            }
        }
    }
}

/// The address of the devices screen showing `query`.
pub fn devices_href(query: &DeviceQuery) -> String {
    format!(
        "{}{}",
        routes::DEVICES,
        routes::query_string(&query.to_query_pairs())
    )
}

/// The same list with another filter, from its first page.
pub fn with_filter(query: &DeviceQuery, filter: DeviceFilter) -> DeviceQuery {
    DeviceQuery {
        filter,
        page: PageRequest {
            page: 1,
            ..query.page
        },
        ..query.clone()
    }
}

/// The list sorted by `key`: a click on the sorted column reverses it, a click on another
/// column sorts by it ascending. Either way from the first page.
pub fn with_sort(query: &DeviceQuery, key: DeviceSortKey) -> DeviceQuery {
    let order = if query.sort == key {
        query.order.reversed()
    } else {
        SortOrder::Asc
    };
    DeviceQuery {
        sort: key,
        order,
        page: PageRequest {
            page: 1,
            ..query.page
        },
        ..query.clone()
    }
}

/// The list at another page.
pub fn with_page(query: &DeviceQuery, page: u32) -> DeviceQuery {
    DeviceQuery {
        page: PageRequest {
            page: page.max(1),
            ..query.page
        },
        ..query.clone()
    }
}

/// The list with another page size, from its first page.
pub fn with_per_page(query: &DeviceQuery, per_page: u32) -> DeviceQuery {
    DeviceQuery {
        page: PageRequest { page: 1, per_page },
        ..query.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::device::{Os, Ownership};
    use mdm_model::ids::GroupId;

    fn params(pairs: &[(&'static str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_address_round_trips_every_part_of_the_list_state() {
        let query = DeviceQuery {
            filter: DeviceFilter {
                q: Some("山田 090".into()),
                group: Some(GroupId(4)),
                os: Some(Os::Ios),
                ownership: Some(Ownership::Company),
                ..Default::default()
            },
            sort: DeviceSortKey::LastSeen,
            order: SortOrder::Desc,
            page: PageRequest {
                page: 3,
                per_page: 100,
            },
        };
        let href = devices_href(&query);
        assert!(href.starts_with("/devices?"), "{href}");
        assert!(!href.contains(' '), "spaces are encoded: {href}");
        let search = href.trim_start_matches("/devices?");
        let decoded = search.split('&').map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (k.to_string(), js_free_decode(v))
        });
        assert_eq!(query_from_params(decoded), query);
    }

    // Percent-decoding for the test only (the router decodes real addresses).
    fn js_free_decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'%' => {
                    out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                    i += 3;
                }
                b'+' => {
                    out.push(b' ');
                    i += 1;
                }
                b => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_default_list_has_a_bare_address() {
        assert_eq!(devices_href(&DeviceQuery::default()), "/devices");
    }

    #[test]
    fn refused_parameters_are_dropped_one_by_one() {
        let query = query_from_params(params(&[
            ("os", "symbian"),
            ("page", "0"),
            ("q", "iPhone"),
            ("sort", "model"),
        ]));
        assert_eq!(query.filter.os, None);
        assert_eq!(query.page, PageRequest::default());
        assert_eq!(query.filter.q.as_deref(), Some("iPhone"));
        assert_eq!(query.sort, DeviceSortKey::Model);
    }

    #[test]
    fn sorting_toggles_the_order_and_returns_to_page_one() {
        let query = with_page(&DeviceQuery::default(), 4);
        let by_name = with_sort(&query, DeviceSortKey::Name);
        assert_eq!((by_name.order, by_name.page.page), (SortOrder::Desc, 1));
        let by_model = with_sort(&by_name, DeviceSortKey::Model);
        assert_eq!(
            (by_model.sort, by_model.order),
            (DeviceSortKey::Model, SortOrder::Asc)
        );
    }

    #[test]
    fn new_filters_and_page_sizes_start_from_page_one() {
        let query = with_page(&DeviceQuery::default(), 4);
        let filtered = with_filter(
            &query,
            DeviceFilter {
                os: Some(Os::Android),
                ..Default::default()
            },
        );
        assert_eq!(filtered.page.page, 1);
        let resized = with_per_page(&query, 200);
        assert_eq!(
            resized.page,
            PageRequest {
                page: 1,
                per_page: 200
            }
        );
    }
}
