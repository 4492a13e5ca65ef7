//! Times as administrators see and enter them. The portal stores and exchanges UTC; the console
//! shows and takes times in the administrator's time zone (Japan time by default).

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeDelta, Timelike, Utc};

/// The default time zone of administrators.
pub const JAPAN_TIME_ZONE: &str = "Asia/Tokyo";

/// A scheduled wipe must be at least this far ahead when proposed by default.
const DEFAULT_SCHEDULE_LEAD: TimeDelta = TimeDelta::minutes(30);

/// UTC+9, Japan time (no daylight saving time).
pub const JAPAN_OFFSET: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+9 is a valid offset"),
};

const UTC_OFFSET: FixedOffset = match FixedOffset::east_opt(0) {
    Some(offset) => offset,
    None => panic!("UTC is a valid offset"),
};

/// The offset of an IANA time zone without daylight saving time. The product serves Japanese
/// companies: zones it does not know fall back to Japan time rather than silently to UTC.
pub fn zone_offset(iana_name: &str) -> FixedOffset {
    match iana_name {
        "UTC" | "Etc/UTC" => UTC_OFFSET,
        _ => JAPAN_OFFSET,
    }
}

/// `2026/11/26 14:30`, the console's date-time format.
pub fn format_datetime(time: DateTime<Utc>, offset: FixedOffset) -> String {
    time.with_timezone(&offset).format("%Y/%m/%d %H:%M").to_string()
}

/// The value of an `<input type="datetime-local">`: `2026-11-26T14:30`.
pub fn to_datetime_local(time: DateTime<Utc>, offset: FixedOffset) -> String {
    time.with_timezone(&offset).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads an `<input type="datetime-local">` value (with or without seconds) entered in `offset`.
pub fn parse_datetime_local(text: &str, offset: FixedOffset) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    naive.and_local_timezone(offset).single().map(|t| t.with_timezone(&Utc))
}

/// The schedule the wipe screen proposes: the first full hour at least 30 minutes from now, so
/// the administrator has time to finish the form and the proposal is still in the future on OK.
pub fn default_schedule_at(now: DateTime<Utc>) -> DateTime<Utc> {
    let earliest = now + DEFAULT_SCHEDULE_LEAD;
    let hour_start = earliest.with_minute(0).and_then(|t| t.with_second(0)).and_then(|t| t.with_nanosecond(0));
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

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn shows_japan_time() {
        assert_eq!(format_datetime(at("2026-11-26T05:30:00Z"), JAPAN_OFFSET), "2026/11/26 14:30");
        assert_eq!(format_datetime(at("2026-12-31T15:00:00Z"), JAPAN_OFFSET), "2027/01/01 00:00");
    }

    #[test]
    fn datetime_local_round_trips_in_japan_time() {
        let offset = zone_offset(JAPAN_TIME_ZONE);
        let time = at("2026-11-26T05:30:00Z");
        assert_eq!(to_datetime_local(time, offset), "2026-11-26T14:30");
        assert_eq!(parse_datetime_local("2026-11-26T14:30", offset), Some(time));
        assert_eq!(parse_datetime_local("2026-11-26T14:30:00", offset), Some(time));
        assert_eq!(parse_datetime_local("2026/11/26 14:30", offset), None);
        assert_eq!(parse_datetime_local("", offset), None);
    }

    #[test]
    fn unknown_zones_fall_back_to_japan() {
        assert_eq!(zone_offset("Mars/Olympus"), JAPAN_OFFSET);
        assert_eq!(zone_offset("UTC").local_minus_utc(), 0);
    }

    #[test]
    fn default_schedule_is_a_full_hour_at_least_thirty_minutes_ahead() {
        assert_eq!(default_schedule_at(at("2026-11-26T05:10:00Z")), at("2026-11-26T06:00:00Z"));
        assert_eq!(default_schedule_at(at("2026-11-26T05:31:00Z")), at("2026-11-26T07:00:00Z"));
        assert_eq!(default_schedule_at(at("2026-11-26T05:30:00Z")), at("2026-11-26T06:00:00Z"));
        assert_eq!(default_schedule_at(at("2026-11-26T23:45:10Z")), at("2026-11-27T01:00:00Z"));
    }
}
