//! Operating systems and their versions.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

vocabulary! {
    /// The operating system family of a device.
    pub enum Os {
        Ios = "ios", ja: "iOS", en: "iOS";
        IpadOs = "ipados", ja: "iPadOS", en: "iPadOS";
        Android = "android", ja: "Android", en: "Android";
        Windows = "windows", ja: "Windows", en: "Windows";
        MacOs = "macos", ja: "macOS", en: "macOS";
    }
}

impl Os {
    /// iPhone and iPad: the systems Return to Service and IVI MDM apply to.
    pub fn is_apple_mobile(self) -> bool {
        matches!(self, Os::Ios | Os::IpadOs)
    }

    /// Apple's systems, managed by Apple MDM commands (EraseDevice and the others).
    pub fn is_apple(self) -> bool {
        matches!(self, Os::Ios | Os::IpadOs | Os::MacOs)
    }
}

/// A dotted OS version such as `17.4.1`, `14` or `10.0.22631`. Compared numerically (so 17.10 is
/// newer than 17.9) and shown the way it was written; serialized as that string.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OsVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
    /// How many components were written (1 to 3), so `14` is not shown as `14.0.0`.
    components: u8,
}

impl OsVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        OsVersion {
            major,
            minor,
            patch,
            components: 3,
        }
    }

    /// A version written as `major.minor`.
    pub const fn major_minor(major: u32, minor: u32) -> Self {
        OsVersion {
            major,
            minor,
            patch: 0,
            components: 2,
        }
    }

    fn key(&self) -> (u32, u32, u32) {
        (self.major, self.minor, self.patch)
    }
}

impl PartialEq for OsVersion {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for OsVersion {}

impl std::hash::Hash for OsVersion {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for OsVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OsVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// A version string that is not one to three dot-separated numbers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an OS version (expected numbers such as 17.4.1)")]
pub struct InvalidOsVersion(pub String);

impl FromStr for OsVersion {
    type Err = InvalidOsVersion;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidOsVersion(text.to_string());
        let parts: Vec<&str> = text.trim().split('.').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(invalid());
        }
        let mut numbers = [0u32; 3];
        for (slot, part) in numbers.iter_mut().zip(&parts) {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            *slot = part.parse().map_err(|_| invalid())?;
        }
        // At most three parts, checked above.
        let components = parts.len() as u8;
        Ok(OsVersion {
            major: numbers[0],
            minor: numbers[1],
            patch: numbers[2],
            components,
        })
    }
}

impl TryFrom<String> for OsVersion {
    type Error = InvalidOsVersion;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<OsVersion> for String {
    fn from(version: OsVersion) -> String {
        version.to_string()
    }
}

impl fmt::Display for OsVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.components {
            1 => write!(f, "{}", self.major),
            2 => write!(f, "{}.{}", self.major, self.minor),
            _ => write!(f, "{}.{}.{}", self.major, self.minor, self.patch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> OsVersion {
        text.parse().unwrap()
    }

    #[test]
    fn compares_numerically_not_textually() {
        assert!(v("17.10") > v("17.9"));
        assert!(v("16.7.8") < v("17"));
        assert_eq!(v("17"), v("17.0.0"));
        assert!(v("17.0") >= OsVersion::major_minor(17, 0));
    }

    #[test]
    fn keeps_the_written_form() {
        for text in ["14", "17.4", "10.0.22631"] {
            assert_eq!(v(text).to_string(), text);
            assert_eq!(
                serde_json::to_string(&v(text)).unwrap(),
                format!("\"{text}\"")
            );
        }
    }

    #[test]
    fn refuses_non_versions() {
        for text in ["", "17.", "a.b", "1.2.3.4", "-1", "17.4 beta"] {
            assert!(text.parse::<OsVersion>().is_err(), "{text:?} parsed");
        }
        assert!(serde_json::from_str::<OsVersion>("\"x\"").is_err());
    }

    #[test]
    fn only_iphone_and_ipad_systems_are_apple_mobile() {
        assert!(Os::Ios.is_apple_mobile() && Os::IpadOs.is_apple_mobile());
        assert!(!Os::Android.is_apple_mobile() && !Os::Windows.is_apple_mobile());
        assert!(!Os::MacOs.is_apple_mobile() && Os::MacOs.is_apple());
    }
}
