//! The administrator's time zone: an IANA zone with its daylight saving time rules, parsed from
//! its name and sent as its name.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Lang;

/// The default time zone of administrators.
pub const JAPAN_TIME_ZONE: &str = "Asia/Tokyo";

/// An IANA time zone (`Asia/Tokyo`, `America/New_York`). Only names of the time zone database
/// parse: an unknown name is an error, never a silent fallback to some other zone.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(Tz);

impl Zone {
    /// Japan time (no daylight saving time), the default of administrators.
    pub const JAPAN: Zone = Zone(Tz::Asia__Tokyo);

    /// UTC.
    pub const UTC: Zone = Zone(Tz::UTC);

    /// The zone with this exact IANA name (case matters, as in the database).
    pub fn parse(name: &str) -> Result<Zone, UnknownTimeZone> {
        Tz::from_str(name)
            .map(Zone)
            .map_err(|_| UnknownTimeZone(name.to_string()))
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The zone's rules, for chrono's conversions.
    pub fn tz(self) -> Tz {
        self.0
    }

    /// The zone's own abbreviation at `time` (`JST`, `EST`, `EDT`); zones without letters have
    /// their offset instead (`+03`).
    pub fn abbreviation_at(self, time: DateTime<Utc>) -> String {
        let offset = self.0.offset_from_utc_datetime(&time.naive_utc());
        match offset.abbreviation() {
            Some(name) => name.to_string(),
            None => utc_offset(offset.fix().local_minus_utc()),
        }
    }

    /// The offset from UTC at `time`: `UTC+09:00`, `UTC-04:00`.
    pub fn utc_offset_at(self, time: DateTime<Utc>) -> String {
        let offset = self.0.offset_from_utc_datetime(&time.naive_utc());
        utc_offset(offset.fix().local_minus_utc())
    }

    /// The zone beside a time, so the administrator can tell which side of a daylight saving
    /// change it is on: `America/New_York, EDT`.
    pub fn label_at(self, time: DateTime<Utc>) -> String {
        format!("{}, {}", self.name(), self.abbreviation_at(time))
    }

    /// Every zone name the database knows, in its order (for a picker's suggestions).
    pub fn names() -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
    }
}

fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Default for Zone {
    /// Japan time: the product serves Japanese companies.
    fn default() -> Zone {
        Zone::JAPAN
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Zone {
    type Err = UnknownTimeZone;

    fn from_str(name: &str) -> Result<Zone, UnknownTimeZone> {
        Zone::parse(name)
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Zone, D::Error> {
        let name = String::deserialize(deserializer)?;
        Zone::parse(&name).map_err(serde::de::Error::custom)
    }
}

/// A time zone name the database does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an IANA time zone name")]
pub struct UnknownTimeZone(pub String);

impl UnknownTimeZone {
    /// What the administrator is told.
    pub fn message(lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => "タイムゾーン名が正しくありません。Asia/Tokyo や America/New_York のようなIANAのタイムゾーン名を指定してください。",
            Lang::En => "This is not a known time zone. Use an IANA time zone name such as Asia/Tokyo or America/New_York.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::at;

    #[test]
    fn names_of_the_database_parse_and_others_are_refused() {
        assert_eq!(Zone::parse(JAPAN_TIME_ZONE), Ok(Zone::JAPAN));
        assert_eq!(
            Zone::parse("America/New_York").unwrap().name(),
            "America/New_York"
        );
        assert_eq!(Zone::parse("UTC"), Ok(Zone::UTC));
        for unknown in ["Mars/Olympus", "", "america/new_york", " Asia/Tokyo", "JST"] {
            assert_eq!(
                Zone::parse(unknown),
                Err(UnknownTimeZone(unknown.to_string())),
                "{unknown:?}"
            );
        }
        assert_eq!(Zone::default(), Zone::JAPAN);
    }

    #[test]
    fn the_wire_form_is_the_name() {
        let zone = Zone::parse("America/New_York").unwrap();
        assert_eq!(
            serde_json::to_string(&zone).unwrap(),
            "\"America/New_York\""
        );
        assert_eq!(
            serde_json::from_str::<Zone>("\"America/New_York\"").unwrap(),
            zone
        );
        assert!(serde_json::from_str::<Zone>("\"Mars/Olympus\"").is_err());
    }

    #[test]
    fn the_label_follows_daylight_saving_time() {
        let new_york = Zone::parse("America/New_York").unwrap();
        let winter = at("2027-03-14T06:59:00Z");
        let summer = at("2027-03-14T07:00:00Z");
        assert_eq!(new_york.label_at(winter), "America/New_York, EST");
        assert_eq!(new_york.label_at(summer), "America/New_York, EDT");
        assert_eq!(new_york.utc_offset_at(winter), "UTC-05:00");
        assert_eq!(new_york.utc_offset_at(summer), "UTC-04:00");
        assert_eq!(Zone::JAPAN.label_at(summer), "Asia/Tokyo, JST");
        assert_eq!(Zone::JAPAN.utc_offset_at(summer), "UTC+09:00");
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        assert_eq!(kolkata.utc_offset_at(summer), "UTC+05:30");
    }

    #[test]
    fn every_name_offered_parses_back() {
        let names: Vec<&str> = Zone::names().collect();
        assert!(names.len() > 400, "{}", names.len());
        assert!(names.contains(&"America/New_York") && names.contains(&JAPAN_TIME_ZONE));
        for name in names {
            assert_eq!(Zone::parse(name).map(Zone::name), Ok(name));
        }
    }

    #[test]
    fn the_refusal_is_worded_in_both_languages() {
        assert_ne!(
            UnknownTimeZone::message(Lang::Ja),
            UnknownTimeZone::message(Lang::En)
        );
    }
}
