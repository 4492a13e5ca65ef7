//! The audit log's filter fields as plain data: what the address says in field form, and back.
//! The model's [`AuditQuery`] parses the values, so the console reads them as the portal will.

use mdm_model::audit::AuditQuery;
use mdm_model::query::QueryReader;
use mdm_model::time::Zone;

use crate::pages::jobs::dates::{from_input, range_from_inputs, to_input};

/// The filter fields' texts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FilterForm {
    pub actor: String,
    pub action: String,
    pub device: String,
    /// `<input type="date">` values, days in the administrator's zone.
    pub from: String,
    pub to: String,
}

/// Why the fields cannot be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormProblem {
    InvertedRange,
    DeviceNotANumber,
}

impl FilterForm {
    /// The fields showing `query`'s filters.
    pub fn of(query: &AuditQuery, zone: Zone) -> FilterForm {
        let text = |value: Option<String>| value.unwrap_or_default();
        FilterForm {
            actor: text(query.actor.map(|a| a.to_string())),
            action: text(query.action.map(|a| a.as_str().to_string())),
            device: text(query.device.map(|d| d.to_string())),
            from: from_input(query.from, zone),
            to: to_input(query.to, zone),
        }
    }

    /// The query these fields ask for (page 1 of the default size; the caller keeps its own).
    pub fn to_query(&self, zone: Zone) -> Result<AuditQuery, FormProblem> {
        let (from, to) = range_from_inputs(&self.from, &self.to, zone)
            .map_err(|_| FormProblem::InvertedRange)?;
        let device = self.device.trim();
        let pairs = [
            ("actor", self.actor.as_str()),
            ("action", self.action.as_str()),
            ("device", device),
        ];
        let query = AuditQuery::from_query(&QueryReader::new(pairs)).map_err(|error| {
            // The selects only offer valid values; the typed device id is what can be wrong.
            debug_assert_eq!(error.param, "device");
            FormProblem::DeviceNotANumber
        })?;
        Ok(AuditQuery { from, to, ..query })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::audit::{AuditAction, AuditActor};
    use mdm_model::ids::DeviceId;

    #[test]
    fn fields_round_trip_through_the_query() {
        let form = FilterForm {
            actor: "system".into(),
            action: "wipe_registered".into(),
            device: " 12 ".into(),
            from: "2026-11-01".into(),
            to: "2026-11-30".into(),
        };
        let query = form.to_query(Zone::JAPAN).unwrap();
        assert_eq!(query.actor, Some(AuditActor::System));
        assert_eq!(query.action, Some(AuditAction::WipeRegistered));
        assert_eq!(query.device, Some(DeviceId(12)));
        assert_eq!(
            FilterForm::of(&query, Zone::JAPAN),
            FilterForm {
                device: "12".into(),
                ..form
            }
        );
    }

    #[test]
    fn refuses_an_inverted_range_and_a_device_name() {
        let inverted = FilterForm {
            from: "2026-11-30".into(),
            to: "2026-11-01".into(),
            ..FilterForm::default()
        };
        assert_eq!(
            inverted.to_query(Zone::JAPAN),
            Err(FormProblem::InvertedRange)
        );
        let named = FilterForm {
            device: "iPhone-001".into(),
            ..FilterForm::default()
        };
        assert_eq!(
            named.to_query(Zone::JAPAN),
            Err(FormProblem::DeviceNotANumber)
        );
    }
}
