//! Where a device in lost mode said it was: Apple's answer to DeviceLocation, or a location an
//! Android device reported by itself while in lost mode (`LostModeLocationEvent`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::JobId;

/// One location answer, kept with the device as it came.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceLocationFix {
    pub latitude: f64,
    pub longitude: f64,
    /// Radius in metres (Apple's `HorizontalAccuracy`); Android's event carries none.
    pub horizontal_accuracy_m: Option<f64>,
    /// When the device took the fix (Apple's `Timestamp`; the event's time on Android).
    pub located_at: DateTime<Utc>,
    /// The 位置情報を取得 job that asked, when one did (Android reports without being asked).
    pub job_id: Option<JobId>,
}

impl DeviceLocationFix {
    /// "35.68124, 139.76712": what the copy button copies.
    pub fn coordinates(&self) -> String {
        format!("{:.5}, {:.5}", self.latitude, self.longitude)
    }

    /// A link that opens the point in OpenStreetMap in a new tab; the console fetches no map
    /// itself.
    pub fn map_url(&self) -> String {
        format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}",
            lat = self.latitude,
            lon = self.longitude
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_and_map_link_use_five_decimals() {
        let fix = DeviceLocationFix {
            latitude: 35.681236,
            longitude: 139.767126,
            horizontal_accuracy_m: Some(12.0),
            located_at: crate::test_time::at("2026-12-07T01:00:00Z"),
            job_id: None,
        };
        assert_eq!(fix.coordinates(), "35.68124, 139.76713");
        assert_eq!(
            fix.map_url(),
            "https://www.openstreetmap.org/?mlat=35.68124&mlon=139.76713#map=17/35.68124/139.76713"
        );
    }
}
