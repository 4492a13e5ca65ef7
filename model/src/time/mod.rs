//! Times as administrators see and enter them. The portal stores and exchanges UTC; the console
//! shows and takes times in the administrator's time zone (Japan time by default).

mod local;
mod relative;
mod zone;

pub use local::{parse_datetime_local, LocalDateTime, LocalTimeProblem};
pub use relative::relative_time;
pub use zone::{UnknownTimeZone, Zone, JAPAN_TIME_ZONE};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};

/// A scheduled wipe must be at least this far ahead when proposed by default.
const DEFAULT_SCHEDULE_LEAD: TimeDelta = TimeDelta::minutes(30);

// The formats below are written out by hand rather than with chrono's `format`/`parse_from_str`:
// those pull chrono's strftime interpreter into the console's wasm for five fixed layouts.

/// `2026/11/26 14:30`, the console's date-time format.
pub fn format_datetime(time: DateTime<Utc>, zone: Zone) -> String {
    let t = time.with_timezone(&zone.tz());
    format!(
        "{} {:02}:{:02}",
        ymd(t.date_naive(), '/'),
        t.hour(),
        t.minute()
    )
}

/// `2027/03/14 09:00 (America/New_York, EDT)`: the console's format with the zone beside it,
/// where a time stands alone (a schedule, a job's detail) and the offset of its own moment
/// matters (either side of a daylight saving time change).
pub fn format_datetime_in_zone(time: DateTime<Utc>, zone: Zone) -> String {
    format!("{} ({})", format_datetime(time, zone), zone.label_at(time))
}

/// The value of an `<input type="datetime-local">`: `2026-11-26T14:30`.
pub fn to_datetime_local(time: DateTime<Utc>, zone: Zone) -> String {
    let t = time.with_timezone(&zone.tz());
    format!(
        "{}T{:02}:{:02}",
        ymd(t.date_naive(), '-'),
        t.hour(),
        t.minute()
    )
}

/// `14:30:05`: the time of day in `zone`, to the second.
pub fn format_time_of_day(time: DateTime<Utc>, zone: Zone) -> String {
    let t = time.with_timezone(&zone.tz());
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// `20261126-1430`: a time in `zone` that sorts and fits in a file name.
pub fn file_stamp(time: DateTime<Utc>, zone: Zone) -> String {
    let t = time.with_timezone(&zone.tz());
    let (y, m, d) = (t.year(), t.month(), t.day());
    format!("{y:04}{m:02}{d:02}-{:02}{:02}", t.hour(), t.minute())
}

/// The value of an `<input type="date">`: `2026-11-26`.
pub fn to_date_input(day: NaiveDate) -> String {
    ymd(day, '-')
}

/// When `day` begins in `zone`: its midnight, or, where a daylight saving time change skips
/// midnight (Santiago, Havana), the first quarter hour the day has.
pub fn day_start(day: NaiveDate, zone: Zone) -> Option<DateTime<Utc>> {
    (0..24 * 4)
        .map(|quarter| day.and_time(NaiveTime::MIN) + TimeDelta::minutes(15 * quarter))
        .find_map(|local| local.and_local_timezone(zone.tz()).earliest())
        .map(|t| t.with_timezone(&Utc))
}

/// Reads an `<input type="date">` value: `2026-11-26`.
pub fn parse_date_input(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let year = number(text.get(0..4)?)?;
    let month = number(text.get(5..7)?)?;
    let day = number(text.get(8..10)?)?;
    let dashes = text.len() == 10 && &text[4..5] == "-" && &text[7..8] == "-";
    dashes.then(|| NaiveDate::from_ymd_opt(year as i32, month, day))?
}

/// `14:30` or `14:30:05`.
pub(crate) fn parse_time_of_day(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let hour = number(parts.next()?)?;
    let minute = number(parts.next()?)?;
    let second = parts.next().map(number).unwrap_or(Some(0))?;
    let two_digits = text.len() == 5 || text.len() == 8;
    (two_digits && parts.next().is_none()).then(|| NaiveTime::from_hms_opt(hour, minute, second))?
}

/// Only ASCII digits: `u32::from_str` would also take a leading `+`.
fn number(text: &str) -> Option<u32> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok())?
}

fn ymd(day: NaiveDate, separator: char) -> String {
    let (y, m, d) = (day.year(), day.month(), day.day());
    format!("{y:04}{separator}{m:02}{separator}{d:02}")
}

/// The schedule the wipe screen proposes: the first full hour at least 30 minutes from now, so
/// the administrator has time to finish the form and the proposal is still in the future on OK.
pub fn default_schedule_at(now: DateTime<Utc>) -> DateTime<Utc> {
    let earliest = now + DEFAULT_SCHEDULE_LEAD;
    let hour_start = earliest
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0));
    match hour_start {
        Some(start) if start == earliest => start,
        Some(start) => start + TimeDelta::hours(1),
        // Unreachable for real times; keep a valid future time rather than panic.
        None => earliest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::at;

    #[test]
    fn shows_japan_time() {
        assert_eq!(
            format_datetime(at("2026-11-26T05:30:00Z"), Zone::JAPAN),
            "2026/11/26 14:30"
        );
        assert_eq!(
            format_datetime(at("2026-12-31T15:00:00Z"), Zone::JAPAN),
            "2027/01/01 00:00"
        );
    }

    #[test]
    fn datetime_local_round_trips_in_japan_time() {
        use LocalTimeProblem::Unreadable;
        let offset = Zone::parse(JAPAN_TIME_ZONE).unwrap();
        let time = at("2026-11-26T05:30:00Z");
        assert_eq!(to_datetime_local(time, offset), "2026-11-26T14:30");
        assert_eq!(parse_datetime_local("2026-11-26T14:30", offset), Ok(time));
        assert_eq!(
            parse_datetime_local("2026-11-26T14:30:00", offset),
            Ok(time)
        );
        assert_eq!(
            parse_datetime_local("2026/11/26 14:30", offset),
            Err(Unreadable)
        );
        assert_eq!(parse_datetime_local("", offset), Err(Unreadable));
        assert_eq!(
            parse_datetime_local("2026-11-26T14:3", offset),
            Err(Unreadable)
        );
        assert_eq!(
            parse_datetime_local("2026-11-26T24:00", offset),
            Err(Unreadable)
        );
        assert_eq!(
            parse_datetime_local("2026-11-26T14:30:00:00", offset),
            Err(Unreadable)
        );
        assert_eq!(
            parse_datetime_local("2026-02-30T14:30", offset),
            Err(Unreadable)
        );
        assert_eq!(
            parse_datetime_local("+026-11-26T14:30", offset),
            Err(Unreadable)
        );
    }

    #[test]
    fn date_inputs_are_fixed_width_days() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(to_date_input(day), "2026-01-05");
        assert_eq!(parse_date_input(" 2026-01-05 "), Some(day));
        assert_eq!(parse_date_input("2026-1-5"), None);
        assert_eq!(parse_date_input("2026/01/05"), None);
        assert_eq!(parse_date_input("2026-13-01"), None);
        assert_eq!(parse_date_input("２０２６-01-05"), None);
    }

    #[test]
    fn clock_and_file_stamps_use_the_administrators_zone() {
        let time = at("2026-11-26T05:30:07Z");
        assert_eq!(format_time_of_day(time, Zone::JAPAN), "14:30:07");
        assert_eq!(file_stamp(time, Zone::JAPAN), "20261126-1430");
    }

    #[test]
    fn a_day_starts_at_its_first_existing_minute() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            day_start(day(2026, 11, 26), Zone::JAPAN),
            Some(at("2026-11-25T15:00:00Z"))
        );
        let new_york = Zone::parse("America/New_York").unwrap();
        assert_eq!(
            day_start(day(2027, 3, 14), new_york),
            Some(at("2027-03-14T05:00:00Z"))
        );
        // Chile moves its clocks at midnight: 2026-09-06 begins at 01:00 (UTC-3).
        let santiago = Zone::parse("America/Santiago").unwrap();
        assert_eq!(
            day_start(day(2026, 9, 6), santiago),
            Some(at("2026-09-06T04:00:00Z"))
        );
    }

    #[test]
    fn utc_administrators_see_utc() {
        let time = at("2026-11-26T05:30:07Z");
        assert_eq!(format_datetime(time, Zone::UTC), "2026/11/26 05:30");
        assert_eq!(
            format_datetime_in_zone(time, Zone::UTC),
            "2026/11/26 05:30 (UTC, UTC)"
        );
    }

    #[test]
    fn default_schedule_is_a_full_hour_at_least_thirty_minutes_ahead() {
        assert_eq!(
            default_schedule_at(at("2026-11-26T05:10:00Z")),
            at("2026-11-26T06:00:00Z")
        );
        assert_eq!(
            default_schedule_at(at("2026-11-26T05:31:00Z")),
            at("2026-11-26T07:00:00Z")
        );
        assert_eq!(
            default_schedule_at(at("2026-11-26T05:30:00Z")),
            at("2026-11-26T06:00:00Z")
        );
        assert_eq!(
            default_schedule_at(at("2026-11-26T23:45:10Z")),
            at("2026-11-27T01:00:00Z")
        );
    }
}
