//! Times relative to now, as lists show them at a glance (「3分前」, "3 minutes ago"); the
//! absolute time stays one hover or focus away.

use chrono::{DateTime, Utc};

use super::{format_datetime, Zone};
use crate::Lang;

/// `then` as seen from `now`: minutes, hours or days ago (or ahead), "just now" within a minute;
/// beyond 30 days the absolute date and time in `zone`, which reads better than a count.
pub fn relative_time(then: DateTime<Utc>, now: DateTime<Utc>, zone: Zone, lang: Lang) -> String {
    let seconds = (now - then).num_seconds();
    let (ahead, span) = (seconds < 0, seconds.unsigned_abs());
    let (count, unit) = match span {
        0..=59 => {
            return match lang {
                Lang::Ja => "たった今",
                Lang::En => "just now",
            }
            .to_string()
        }
        60..=3_599 => (span / 60, Unit::Minute),
        3_600..=86_399 => (span / 3_600, Unit::Hour),
        86_400..=2_591_999 => (span / 86_400, Unit::Day),
        _ => return format_datetime(then, zone),
    };
    match lang {
        Lang::Ja => format!("{count}{}{}", unit.ja(), if ahead { "後" } else { "前" }),
        Lang::En => {
            let plural = if count == 1 { "" } else { "s" };
            let amount = format!("{count} {}{plural}", unit.en());
            if ahead {
                format!("in {amount}")
            } else {
                format!("{amount} ago")
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Minute,
    Hour,
    Day,
}

impl Unit {
    fn ja(self) -> &'static str {
        match self {
            Unit::Minute => "分",
            Unit::Hour => "時間",
            Unit::Day => "日",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
            .unwrap()
            .to_utc()
    }

    fn ago(seconds: i64, lang: Lang) -> String {
        relative_time(
            now() - TimeDelta::seconds(seconds),
            now(),
            Zone::JAPAN,
            lang,
        )
    }

    #[test]
    fn minutes_hours_and_days_in_both_languages() {
        assert_eq!(ago(20, Lang::Ja), "たった今");
        assert_eq!(ago(180, Lang::Ja), "3分前");
        assert_eq!(ago(180, Lang::En), "3 minutes ago");
        assert_eq!(ago(60, Lang::En), "1 minute ago");
        assert_eq!(ago(2 * 3_600 + 59, Lang::Ja), "2時間前");
        assert_eq!(ago(86_400, Lang::En), "1 day ago");
        assert_eq!(ago(-5 * 60, Lang::Ja), "5分後");
        assert_eq!(ago(-3_600, Lang::En), "in 1 hour");
    }

    #[test]
    fn beyond_a_month_the_date_itself() {
        assert_eq!(ago(40 * 86_400, Lang::Ja), "2026/10/17 14:30");
    }
}
