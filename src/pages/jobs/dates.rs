//! The registration date filter: two calendar days in the administrator's time zone, turned into
//! the half-open UTC range `from <= registered_at < to` the job query takes.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use mdm_model::time::{day_start, parse_date_input, to_date_input, Zone};

/// The `<input type="date">` value showing a range start.
pub fn from_input(from: Option<DateTime<Utc>>, zone: Zone) -> String {
    from.map(|t| to_date_input(t.with_timezone(&zone.tz()).date_naive()))
        .unwrap_or_default()
}

/// The `<input type="date">` value showing a range end: the last day still included.
pub fn to_input(to: Option<DateTime<Utc>>, zone: Zone) -> String {
    to.map(|t| {
        to_date_input(
            (t - TimeDelta::seconds(1))
                .with_timezone(&zone.tz())
                .date_naive(),
        )
    })
    .unwrap_or_default()
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    parse_date_input(text)
}

/// The end day comes before the start day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvertedRange;

/// `from <= registered_at < to`; a missing side is open.
pub type DateRange = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The UTC range of the two entered days (both included). An empty field leaves its side open.
pub fn range_from_inputs(from: &str, to: &str, zone: Zone) -> Result<DateRange, InvertedRange> {
    let from = parse_day(from).and_then(|day| day_start(day, zone));
    let to = parse_day(to)
        .and_then(|day| day.succ_opt())
        .and_then(|day| day_start(day, zone));
    match (from, to) {
        (Some(f), Some(t)) if f >= t => Err(InvertedRange),
        range => Ok(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::time::Zone;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn days_are_japan_days_and_the_end_day_is_included() {
        let (from, to) = range_from_inputs("2026-11-01", "2026-11-30", Zone::JAPAN).unwrap();
        assert_eq!(from, Some(at("2026-10-31T15:00:00Z")));
        assert_eq!(to, Some(at("2026-11-30T15:00:00Z")));
        assert_eq!(from_input(from, Zone::JAPAN), "2026-11-01");
        assert_eq!(to_input(to, Zone::JAPAN), "2026-11-30");
    }

    #[test]
    fn one_day_is_a_valid_range_and_an_inverted_one_is_refused() {
        assert!(range_from_inputs("2026-11-26", "2026-11-26", Zone::JAPAN).is_ok());
        assert_eq!(
            range_from_inputs("2026-11-27", "2026-11-26", Zone::JAPAN),
            Err(InvertedRange)
        );
    }

    #[test]
    fn empty_fields_leave_the_range_open() {
        assert_eq!(range_from_inputs("", "", Zone::JAPAN), Ok((None, None)));
        let (from, to) = range_from_inputs("", "2026-11-26", Zone::JAPAN).unwrap();
        assert_eq!((from, to), (None, Some(at("2026-11-26T15:00:00Z"))));
        assert_eq!(from_input(None, Zone::JAPAN), "");
    }
}
