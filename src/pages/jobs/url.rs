//! The job screens keep their state in the address: filters, search, sort and page in the query
//! (the very parameters of `GET /api/jobs`, read and written by the model's [`JobQuery`]) and the
//! open job in the path (`/jobs/42`). Reload, back and a shared link all show the same screen.

use mdm_model::ids::{AdministratorId, DeviceId, JobId};
use mdm_model::job::{JobQuery, JobSortKey};
use mdm_model::paging::{PageRequest, SortOrder};
use mdm_model::query::{QueryParamError, QueryReader};

use crate::routes::{self, JOBS};

/// Reads the list state from the address's query pairs.
pub fn query_from_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<JobQuery, QueryParamError> {
    JobQuery::from_query(&QueryReader::new(pairs))
}

fn query_string(query: &JobQuery) -> String {
    routes::query_string(&query.to_query_pairs())
}

/// The job list showing `query`, with no job open.
pub fn list_href(query: &JobQuery) -> String {
    format!("{JOBS}{}", query_string(query))
}

/// The job list showing `query`, with job `id` open beside it.
pub fn detail_href(id: JobId, query: &JobQuery) -> String {
    format!("{JOBS}/{id}{}", query_string(query))
}

/// The first direction of a column: newest or highest first for times and ids, A to Z for text.
fn first_order(key: JobSortKey) -> SortOrder {
    match key {
        JobSortKey::RegisteredAt
        | JobSortKey::UpdatedAt
        | JobSortKey::ScheduledAt
        | JobSortKey::Id => SortOrder::Desc,
        JobSortKey::Status | JobSortKey::Method | JobSortKey::Device | JobSortKey::Registrant => {
            SortOrder::Asc
        }
    }
}

/// The query after clicking a column header: the other direction of the same column, or the
/// column's first direction; back to page 1 either way.
pub fn sorted_by(query: &JobQuery, key: JobSortKey) -> JobQuery {
    let order = if query.sort == key {
        query.order.reversed()
    } else {
        first_order(key)
    };
    JobQuery {
        sort: key,
        order,
        page: PageRequest {
            page: 1,
            ..query.page
        },
        ..query.clone()
    }
}

/// The query showing another page.
pub fn on_page(query: &JobQuery, page: u32) -> JobQuery {
    JobQuery {
        page: PageRequest {
            page: page.max(1),
            ..query.page
        },
        ..query.clone()
    }
}

/// The query with another page size, from the first page.
pub fn with_per_page(query: &JobQuery, per_page: u32) -> JobQuery {
    JobQuery {
        page: PageRequest { page: 1, per_page },
        ..query.clone()
    }
}

/// The query narrowed by `change`, from the first page (the old page may not exist any more).
pub fn refined(query: &JobQuery, change: impl FnOnce(&mut JobQuery)) -> JobQuery {
    let mut next = query.clone();
    change(&mut next);
    next.page.page = 1;
    next
}

/// Only the jobs of one device (a click on its name).
pub fn for_device(query: &JobQuery, device: DeviceId) -> JobQuery {
    refined(query, |q| q.device = Some(device))
}

/// Only the jobs one administrator registered (a click on the name).
pub fn for_registrant(query: &JobQuery, registrant: AdministratorId) -> JobQuery {
    refined(query, |q| q.registrant = Some(registrant))
}

/// Every filter and the search removed; sort and page size stay as chosen.
pub fn cleared(query: &JobQuery) -> JobQuery {
    JobQuery {
        sort: query.sort,
        order: query.order,
        page: PageRequest {
            page: 1,
            per_page: query.page.per_page,
        },
        ..JobQuery::default()
    }
}

/// Whether any filter or search narrows the list (an empty list then means "no match").
pub fn is_filtered(query: &JobQuery) -> bool {
    query.kind.is_some()
        || query.status.is_some()
        || query.method.is_some()
        || query.device.is_some()
        || query.registrant.is_some()
        || query.from.is_some()
        || query.to.is_some()
        || query.wipe.is_some()
        || query.q.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::job::{JobMethod, JobStatus};

    #[test]
    fn hrefs_carry_the_list_state_to_the_detail_and_back() {
        let query =
            query_from_pairs([("status", "sent"), ("q", "山田 太郎"), ("page", "2")]).unwrap();
        let detail = detail_href(JobId(42), &query);
        assert_eq!(
            detail,
            "/jobs/42?status=sent&q=%E5%B1%B1%E7%94%B0%20%E5%A4%AA%E9%83%8E&page=2"
        );
        assert_eq!(list_href(&query), detail.replace("/jobs/42", "/jobs"));
        assert_eq!(list_href(&JobQuery::default()), "/jobs");
    }

    #[test]
    fn a_column_sorts_its_natural_way_first_then_flips() {
        let query = on_page(&JobQuery::default(), 3);
        let by_device = sorted_by(&query, JobSortKey::Device);
        assert_eq!(
            (by_device.sort, by_device.order, by_device.page.page),
            (JobSortKey::Device, SortOrder::Asc, 1)
        );
        assert_eq!(
            sorted_by(&by_device, JobSortKey::Device).order,
            SortOrder::Desc
        );
        // The default sort is newest first: clicking it asks for oldest first.
        assert_eq!(
            sorted_by(&JobQuery::default(), JobSortKey::RegisteredAt).order,
            SortOrder::Asc
        );
        assert_eq!(
            sorted_by(&by_device, JobSortKey::UpdatedAt).order,
            SortOrder::Desc
        );
    }

    #[test]
    fn narrowing_returns_to_the_first_page_and_clearing_keeps_sort_and_size() {
        let query = JobQuery {
            status: Some(JobStatus::Failed),
            method: Some(JobMethod::IviMdm),
            sort: JobSortKey::Device,
            order: SortOrder::Asc,
            page: PageRequest {
                page: 4,
                per_page: 100,
            },
            ..JobQuery::default()
        };
        let device = for_device(&query, DeviceId(7));
        assert_eq!(
            (device.device, device.page.page, device.status),
            (Some(DeviceId(7)), 1, Some(JobStatus::Failed))
        );
        assert_eq!(
            for_registrant(&query, AdministratorId(2)).registrant,
            Some(AdministratorId(2))
        );
        let clear = cleared(&query);
        assert!(!is_filtered(&clear));
        assert!(is_filtered(&query));
        assert_eq!(
            (clear.sort, clear.page.per_page, clear.page.page),
            (JobSortKey::Device, 100, 1)
        );
        assert_eq!(
            with_per_page(&query, 25).page,
            PageRequest {
                page: 1,
                per_page: 25
            }
        );
    }

    #[test]
    fn a_broken_address_is_refused_with_the_parameter_named() {
        assert_eq!(
            query_from_pairs([("status", "done")]).unwrap_err().param,
            "status"
        );
    }
}
