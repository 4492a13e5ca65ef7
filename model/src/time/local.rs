//! Dates and times as an administrator enters them: wall-clock text in a named zone, turned into
//! an instant by one rule, which the console and the portal both apply.

use chrono::{DateTime, LocalResult, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{parse_date_input, parse_time_of_day, to_datetime_local, Zone};

/// Why an entered date and time names no instant. The wipe's validation words each one
/// ([`WipeProblem`](crate::wipe::WipeProblem)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeProblem {
    #[error("not a date and time")]
    Unreadable,
    #[error("not a known time zone")]
    UnknownZone,
    #[error("skipped by a daylight saving time change")]
    Nonexistent,
}

/// Reads an `<input type="datetime-local">` value (with or without seconds) entered in `zone`.
///
/// A time skipped when the clocks go forward (2027-03-14 02:30 in New York) is refused as
/// [`LocalTimeProblem::Nonexistent`]. A time that happens twice when they go back
/// (2027-11-07 01:30 in New York) is the earlier of the two, still on summer time: whoever plans
/// a wipe for "01:30" means the first time the clock shows it, and the zone's abbreviation
/// shown beside the time (EDT, not EST) says which one it is.
pub fn parse_datetime_local(text: &str, zone: Zone) -> Result<DateTime<Utc>, LocalTimeProblem> {
    let naive = parse_naive(text).ok_or(LocalTimeProblem::Unreadable)?;
    match naive.and_local_timezone(zone.tz()) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _later) => Ok(earlier.with_timezone(&Utc)),
        LocalResult::None => Err(LocalTimeProblem::Nonexistent),
    }
}

fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.trim().split_once('T')?;
    Some(NaiveDateTime::new(
        parse_date_input(date)?,
        parse_time_of_day(time)?,
    ))
}

/// A date and time as entered, sent as entered: the wall-clock value of the date-time field and
/// the IANA name of the zone it was entered in. The portal turns it into an instant with
/// [`LocalDateTime::resolve`], the rule the console used to show it, so a time that does not
/// exist in that zone is refused on both sides rather than moved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocalDateTime {
    /// `2027-03-14T09:00` (`<input type="datetime-local">`; seconds optional).
    pub local: String,
    /// `America/New_York`.
    pub time_zone: String,
}

impl LocalDateTime {
    /// The field's text, entered in `zone`.
    pub fn entered(local: impl Into<String>, zone: Zone) -> LocalDateTime {
        LocalDateTime {
            local: local.into(),
            time_zone: zone.name().to_string(),
        }
    }

    /// `time` as the field of an administrator in `zone` shows it.
    pub fn of(time: DateTime<Utc>, zone: Zone) -> LocalDateTime {
        LocalDateTime::entered(to_datetime_local(time, zone), zone)
    }

    /// The instant it names: the zone must be known and the time must exist in it.
    pub fn resolve(&self) -> Result<DateTime<Utc>, LocalTimeProblem> {
        let zone = Zone::parse(&self.time_zone).map_err(|_| LocalTimeProblem::UnknownZone)?;
        parse_datetime_local(&self.local, zone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::at;
    use crate::time::{format_datetime, format_datetime_in_zone};

    fn new_york() -> Zone {
        Zone::parse("America/New_York").unwrap()
    }

    #[test]
    fn a_time_skipped_by_the_spring_change_does_not_exist() {
        // 2027-03-14 02:00 EST the clocks jump to 03:00 EDT.
        let zone = new_york();
        assert_eq!(
            parse_datetime_local("2027-03-14T02:30", zone),
            Err(LocalTimeProblem::Nonexistent)
        );
        assert_eq!(
            parse_datetime_local("2027-03-14T02:00", zone),
            Err(LocalTimeProblem::Nonexistent)
        );
        assert_eq!(
            parse_datetime_local("2027-03-14T01:59", zone),
            Ok(at("2027-03-14T06:59:00Z"))
        );
        assert_eq!(
            parse_datetime_local("2027-03-14T03:00", zone),
            Ok(at("2027-03-14T07:00:00Z"))
        );
        assert_eq!(
            parse_datetime_local("2027-03-14T09:00", zone),
            Ok(at("2027-03-14T13:00:00Z"))
        );
    }

    #[test]
    fn a_time_repeated_by_the_autumn_change_is_the_earlier_one() {
        // 2027-11-07 02:00 EDT the clocks go back to 01:00 EST: 01:30 happens twice.
        let zone = new_york();
        let chosen = parse_datetime_local("2027-11-07T01:30", zone).unwrap();
        assert_eq!(
            chosen,
            at("2027-11-07T05:30:00Z"),
            "01:30 EDT, not 06:30Z EST"
        );
        assert_eq!(
            format_datetime_in_zone(chosen, zone),
            "2027/11/07 01:30 (America/New_York, EDT)"
        );
        assert_eq!(
            format_datetime_in_zone(at("2027-11-07T06:30:00Z"), zone),
            "2027/11/07 01:30 (America/New_York, EST)"
        );
    }

    #[test]
    fn a_wipe_planned_before_the_change_shows_its_own_offset_after_it() {
        // Scheduled on Saturday evening in winter time, looked at on Sunday in summer time:
        // each time keeps the offset of its own moment.
        let zone = new_york();
        let saturday = parse_datetime_local("2027-03-13T22:00", zone).unwrap();
        assert_eq!(saturday, at("2027-03-14T03:00:00Z"));
        let sunday = parse_datetime_local("2027-03-14T09:00", zone).unwrap();
        assert_eq!(sunday - saturday, chrono::TimeDelta::hours(10));
        assert_eq!(format_datetime(saturday, zone), "2027/03/13 22:00");
        assert_eq!(
            format_datetime_in_zone(saturday, zone),
            "2027/03/13 22:00 (America/New_York, EST)"
        );
        assert_eq!(
            format_datetime_in_zone(sunday, zone),
            "2027/03/14 09:00 (America/New_York, EDT)"
        );
        assert_eq!(format_datetime(sunday, Zone::JAPAN), "2027/03/14 22:00");
    }

    #[test]
    fn an_entered_time_resolves_in_its_own_zone() {
        let entered = LocalDateTime::entered("2027-03-14T09:00", new_york());
        assert_eq!(entered.time_zone, "America/New_York");
        assert_eq!(entered.resolve(), Ok(at("2027-03-14T13:00:00Z")));
        let json = serde_json::to_value(&entered).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"local": "2027-03-14T09:00", "time_zone": "America/New_York"})
        );
        assert_eq!(
            LocalDateTime::of(at("2027-03-14T13:00:00Z"), new_york()),
            entered
        );
        let mars = LocalDateTime {
            time_zone: "Mars/Olympus".into(),
            ..entered.clone()
        };
        assert_eq!(mars.resolve(), Err(LocalTimeProblem::UnknownZone));
        let gap = LocalDateTime::entered("2027-03-14T02:30", new_york());
        assert_eq!(gap.resolve(), Err(LocalTimeProblem::Nonexistent));
        let garbled = LocalDateTime::entered("2027-03-14 09:00", new_york());
        assert_eq!(garbled.resolve(), Err(LocalTimeProblem::Unreadable));
    }
}
