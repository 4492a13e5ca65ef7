//! Server-side paging and sort order, the same for every list of the API.

use serde::{Deserialize, Serialize};

use crate::query::{ParamProblem, QueryParamError, QueryReader, QueryWriter};
use crate::vocabulary::vocabulary;

/// Rows per page unless the client asks otherwise.
pub const DEFAULT_PER_PAGE: u32 = 50;
/// The largest page the portal serves; keeps every answer (and the DOM that shows it) bounded.
pub const MAX_PER_PAGE: u32 = 500;
/// The page sizes the console offers.
pub const PER_PAGE_CHOICES: [u32; 5] = [25, 50, 100, 200, 500];

vocabulary! {
    /// Direction of a sort.
    #[derive(Default)]
    pub enum SortOrder {
        #[default]
        Asc = "asc", ja: "昇順", en: "Ascending";
        Desc = "desc", ja: "降順", en: "Descending";
    }
}

impl SortOrder {
    /// The other direction (clicking a sorted column header again).
    pub fn reversed(self) -> SortOrder {
        match self {
            SortOrder::Asc => SortOrder::Desc,
            SortOrder::Desc => SortOrder::Asc,
        }
    }
}

/// Which page of a list: 1-based `page`, `per_page` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl PageRequest {
    /// Reads and range-checks `page` (≥ 1) and `per_page` (1..=500).
    pub fn from_query(reader: &QueryReader<'_>) -> Result<PageRequest, QueryParamError> {
        let page = reader.parse::<u32>("page")?.unwrap_or(1);
        let per_page = reader.parse::<u32>("per_page")?.unwrap_or(DEFAULT_PER_PAGE);
        let request = PageRequest { page, per_page };
        request.validate()?;
        Ok(request)
    }

    /// Checks the bounds that do not depend on the data.
    pub fn validate(&self) -> Result<(), QueryParamError> {
        if self.page == 0 {
            return Err(QueryParamError::new(
                "page",
                ParamProblem::OutOfRange {
                    min: 1,
                    max: u64::from(u32::MAX),
                },
            ));
        }
        if !(1..=MAX_PER_PAGE).contains(&self.per_page) {
            return Err(QueryParamError::new(
                "per_page",
                ParamProblem::OutOfRange {
                    min: 1,
                    max: u64::from(MAX_PER_PAGE),
                },
            ));
        }
        Ok(())
    }

    /// Refuses a page past the last one. Page 1 is always valid, even for an empty list, so an
    /// empty result is an empty page rather than an error.
    pub fn ensure_within(&self, total: u64) -> Result<(), QueryParamError> {
        let last = page_count(total, self.per_page).max(1);
        if u64::from(self.page) > last {
            return Err(QueryParamError::new(
                "page",
                ParamProblem::OutOfRange { min: 1, max: last },
            ));
        }
        Ok(())
    }

    /// Rows to skip (SQL `OFFSET`).
    pub fn offset(&self) -> u64 {
        u64::from(self.page.saturating_sub(1)) * u64::from(self.per_page)
    }

    /// Rows to return (SQL `LIMIT`).
    pub fn limit(&self) -> u64 {
        u64::from(self.per_page)
    }

    /// Writes `page` and `per_page` unless at their defaults.
    pub fn write(&self, writer: QueryWriter) -> QueryWriter {
        writer.unless_default("page", self.page, 1).unless_default(
            "per_page",
            self.per_page,
            DEFAULT_PER_PAGE,
        )
    }
}

/// Number of pages needed for `total` rows.
pub fn page_count(total: u64, per_page: u32) -> u64 {
    if per_page == 0 {
        return 0;
    }
    total.div_ceil(u64::from(per_page))
}

/// One page of a list, with the total number of matching rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Rows matching the query across all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, total: u64, request: PageRequest) -> Self {
        Page {
            items,
            total,
            page: request.page,
            per_page: request.per_page,
        }
    }

    /// The page `request` asks for out of every row (a list computed whole, such as a
    /// preview's plans); a page past the last one is refused as [`PageRequest::ensure_within`]
    /// refuses it.
    pub fn of_all(all: Vec<T>, request: PageRequest) -> Result<Self, QueryParamError> {
        let total = all.len() as u64;
        request.ensure_within(total)?;
        let items = all
            .into_iter()
            .skip(request.offset() as usize)
            .take(request.limit() as usize)
            .collect();
        Ok(Page::new(items, total, request))
    }

    pub fn page_count(&self) -> u64 {
        page_count(self.total, self.per_page)
    }

    pub fn has_next(&self) -> bool {
        u64::from(self.page) < self.page_count()
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}

/// A short list answered whole (Wi-Fi settings, DEP profiles), wrapped so fields can be added
/// later without breaking clients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemList<T> {
    pub items: Vec<T>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&'static str, &'static str)]) -> Result<PageRequest, QueryParamError> {
        PageRequest::from_query(&QueryReader::new(pairs.iter().copied()))
    }

    #[test]
    fn a_page_of_a_whole_list() {
        let ask = |page, per_page| {
            Page::of_all(
                (1..=7).collect::<Vec<u32>>(),
                PageRequest { page, per_page },
            )
        };
        let second = ask(2, 3).unwrap();
        assert_eq!((second.items, second.total), (vec![4, 5, 6], 7));
        assert_eq!(ask(3, 3).unwrap().items, vec![7]);
        assert!(ask(4, 3).is_err(), "past the last page");
        let empty = Page::of_all(
            Vec::<u32>::new(),
            PageRequest {
                page: 1,
                per_page: 3,
            },
        )
        .unwrap();
        assert_eq!((empty.items.len(), empty.total), (0, 0));
    }

    #[test]
    fn defaults_to_the_first_page_of_fifty() {
        assert_eq!(
            read(&[]),
            Ok(PageRequest {
                page: 1,
                per_page: 50
            })
        );
    }

    #[test]
    fn refuses_page_zero_and_oversized_pages() {
        assert_eq!(read(&[("page", "0")]).unwrap_err().param, "page");
        assert_eq!(read(&[("per_page", "501")]).unwrap_err().param, "per_page");
        assert_eq!(read(&[("per_page", "0")]).unwrap_err().param, "per_page");
        assert_eq!(read(&[("page", "-1")]).unwrap_err().param, "page");
        assert!(read(&[("per_page", "500")]).is_ok());
    }

    #[test]
    fn pages_past_the_end_are_refused_but_an_empty_list_has_page_one() {
        let request = PageRequest {
            page: 3,
            per_page: 50,
        };
        assert!(request.ensure_within(101).is_ok());
        let error = request.ensure_within(100).unwrap_err();
        assert_eq!(error.problem, ParamProblem::OutOfRange { min: 1, max: 2 });
        assert!(PageRequest::default().ensure_within(0).is_ok());
    }

    #[test]
    fn offset_and_page_count() {
        let request = PageRequest {
            page: 3,
            per_page: 25,
        };
        assert_eq!(request.offset(), 50);
        assert_eq!(page_count(0, 25), 0);
        assert_eq!(page_count(51, 25), 3);
        let page = Page::new(vec![1, 2], 51, request);
        assert!(!page.has_next());
        assert!(Page::new(
            vec![1],
            51,
            PageRequest {
                page: 2,
                per_page: 25
            }
        )
        .has_next());
    }

    #[test]
    fn sort_order_round_trips_and_reverses() {
        assert_eq!("desc".parse::<SortOrder>(), Ok(SortOrder::Desc));
        assert_eq!(SortOrder::Asc.reversed(), SortOrder::Desc);
        assert!("down".parse::<SortOrder>().is_err());
    }
}
