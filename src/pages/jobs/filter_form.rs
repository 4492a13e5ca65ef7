//! The job list's filter fields as plain data: what the address says in field form, and the
//! query the fields ask for. The values are the model's wire names, parsed as the portal parses
//! them.

use mdm_model::job::{JobKind, JobMethod, JobQuery, JobStatus};
use mdm_model::time::Zone;

use super::dates::{from_input, range_from_inputs, to_input, InvertedRange};
use super::url::refined;

/// The filter fields' texts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JobFilterForm {
    pub search: String,
    /// Wire names (`lock`, `waiting_for_device`, `apple_mdm`); empty for "all".
    pub kind: String,
    pub status: String,
    pub method: String,
    /// `<input type="date">` values, days in the administrator's zone.
    pub from: String,
    pub to: String,
}

/// The wire name of a chosen value, or the empty "all" choice.
fn wire(value: Option<impl std::fmt::Display>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl JobFilterForm {
    /// The fields showing `query`'s filters.
    pub fn of(query: &JobQuery, zone: Zone) -> JobFilterForm {
        JobFilterForm {
            search: query.q.clone().unwrap_or_default(),
            kind: wire(query.kind),
            status: wire(query.status),
            method: wire(query.method),
            from: from_input(query.from, zone),
            to: to_input(query.to, zone),
        }
    }

    /// `query` narrowed to these fields, from the first page; the chips' filters (device,
    /// registrant, registration), sort and page size stay.
    pub fn apply_to(&self, query: &JobQuery, zone: Zone) -> Result<JobQuery, InvertedRange> {
        let (from, to) = range_from_inputs(&self.from, &self.to, zone)?;
        Ok(refined(query, |q| {
            let text = self.search.trim();
            q.q = (!text.is_empty()).then(|| text.to_string());
            q.kind = self.kind.parse::<JobKind>().ok();
            q.status = self.status.parse::<JobStatus>().ok();
            q.method = self.method.parse::<JobMethod>().ok();
            q.from = from;
            q.to = to;
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::ids::DeviceId;
    use mdm_model::paging::PageRequest;

    #[test]
    fn the_fields_round_trip_through_the_query_and_keep_the_chips() {
        let shown = JobQuery {
            device: Some(DeviceId(7)),
            page: PageRequest {
                page: 3,
                per_page: 100,
            },
            ..JobQuery::default()
        };
        let form = JobFilterForm {
            search: " 山田 ".into(),
            kind: "lost_mode_on".into(),
            status: "sent".into(),
            method: String::new(),
            from: "2026-11-01".into(),
            to: "2026-11-30".into(),
        };
        let next = form.apply_to(&shown, Zone::JAPAN).unwrap();
        assert_eq!(next.kind, Some(JobKind::LostModeOn));
        assert_eq!(next.status, Some(JobStatus::Sent));
        assert_eq!((next.method, next.q.as_deref()), (None, Some("山田")));
        assert_eq!(
            (next.device, next.page.page, next.page.per_page),
            (Some(DeviceId(7)), 1, 100)
        );
        assert_eq!(
            JobFilterForm::of(&next, Zone::JAPAN),
            JobFilterForm {
                search: "山田".into(),
                ..form.clone()
            }
        );
        let all_kinds = JobFilterForm {
            kind: String::new(),
            ..form
        };
        assert_eq!(all_kinds.apply_to(&next, Zone::JAPAN).unwrap().kind, None);
    }

    #[test]
    fn an_inverted_range_is_refused() {
        let form = JobFilterForm {
            from: "2026-11-27".into(),
            to: "2026-11-26".into(),
            ..JobFilterForm::default()
        };
        assert_eq!(
            form.apply_to(&JobQuery::default(), Zone::JAPAN),
            Err(InvertedRange)
        );
    }
}
