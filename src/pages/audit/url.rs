//! 監査ログ keeps its filters and page in the address: the very parameters of `GET /api/audit`,
//! read and written by the model's [`AuditQuery`]. Reload, back and a shared link show the same.

use mdm_model::audit::AuditQuery;
use mdm_model::paging::PageRequest;
use mdm_model::query::{QueryParamError, QueryReader};

use crate::routes::{query_string, AUDIT};

/// Reads the screen's state from the address's query pairs.
pub fn query_from_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<AuditQuery, QueryParamError> {
    AuditQuery::from_query(&QueryReader::new(pairs))
}

/// The audit log showing `query`.
pub fn list_href(query: &AuditQuery) -> String {
    format!("{AUDIT}{}", query_string(&query.to_query_pairs()))
}

/// The filters of `next` with `current`'s page size, from the first page (the old page may not
/// exist any more).
pub fn filtered(current: &AuditQuery, next: AuditQuery) -> AuditQuery {
    AuditQuery {
        page: PageRequest {
            page: 1,
            per_page: current.page.per_page,
        },
        ..next
    }
}

/// Whether any filter narrows the log (an empty list then means "no match").
pub fn is_filtered(query: &AuditQuery) -> bool {
    query.action.is_some()
        || query.actor.is_some()
        || query.device.is_some()
        || query.from.is_some()
        || query.to.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::audit::{AuditAction, AuditActor};

    #[test]
    fn the_address_round_trips_and_filters_start_on_page_one() {
        let query = query_from_pairs([
            ("action", "jobs_cancelled"),
            ("actor", "system"),
            ("page", "3"),
        ])
        .unwrap();
        assert_eq!(
            list_href(&query),
            "/audit?action=jobs_cancelled&actor=system&page=3"
        );
        let next = filtered(
            &query,
            AuditQuery {
                action: Some(AuditAction::SignedIn),
                ..AuditQuery::default()
            },
        );
        assert_eq!(next.page.page, 1);
        assert!(is_filtered(&next));
        assert_eq!(next.actor, None::<AuditActor>);
        assert!(!is_filtered(&AuditQuery::default()));
    }
}
