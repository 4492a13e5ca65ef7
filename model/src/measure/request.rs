//! The bodies and answers of the measure endpoints: the dialog's counts, a measure's per-device
//! preview, and its registration.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Measure, MeasureCount, MeasureOptions, NotApplicable};
use crate::device::DeviceBrief;
use crate::ids::{JobId, WipeId};
use crate::job::JobMethod;
use crate::paging::{Page, PageRequest, DEFAULT_PER_PAGE};
use crate::wipe::WipeSelection;

/// Body of `POST /api/measures/counts`: the devices the dialog was opened for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureCountsRequest {
    pub selection: WipeSelection,
}

/// Answer of `POST /api/measures/counts`: for every measure, how many of the selected
/// devices it applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureCounts {
    pub device_count: u64,
    pub measures: Vec<MeasureCount>,
}

/// Body of `POST /api/measures/preview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurePreviewRequest {
    pub selection: WipeSelection,
    pub measure: Measure,
    /// List only the devices it applies to (`true`) or only the others (`false`).
    #[serde(default)]
    pub applicable: Option<bool>,
    #[serde(default = "first_page")]
    pub page: u32,
    #[serde(default = "default_per_page")]
    pub per_page: u32,
}

fn first_page() -> u32 {
    1
}

fn default_per_page() -> u32 {
    DEFAULT_PER_PAGE
}

impl MeasurePreviewRequest {
    pub fn page_request(&self) -> PageRequest {
        PageRequest {
            page: self.page,
            per_page: self.per_page,
        }
    }
}

/// One device of a measure's preview: the channel its job goes through, or why it is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceMeasurePlan {
    pub device: DeviceBrief,
    /// The job the measure registers for the device; `None` when it is left out.
    pub channel: Option<JobMethod>,
    pub not_applicable: Option<NotApplicable>,
    /// An open job of the same measure the device already has (another is not registered).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_job_ids: Vec<JobId>,
    pub lost_mode: bool,
    pub locked: bool,
}

impl DeviceMeasurePlan {
    /// Whether OK registers a job for this device.
    pub fn registers(&self) -> bool {
        self.channel.is_some() && self.open_job_ids.is_empty()
    }
}

/// Answer of `POST /api/measures/preview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurePreview {
    pub measure: Measure,
    /// Devices that get a job.
    pub applicable: u64,
    /// Devices left out (not applicable, or with an open job of the measure).
    pub left_out: u64,
    pub devices: Page<DeviceMeasurePlan>,
}

/// Body of `POST /api/measures` (with an `Idempotency-Key` header).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRequest {
    pub selection: WipeSelection,
    pub options: MeasureOptions,
    /// The signed-in administrator's own password, checked again by the portal.
    pub password: String,
    /// 同意する (required for every measure but the location request).
    #[serde(default)]
    pub agreed: bool,
    /// Register the devices the measure applies to and leave out the others. When false, any
    /// device it does not apply to refuses the whole request.
    #[serde(default)]
    pub skip_not_applicable: bool,
}

impl fmt::Debug for MeasureRequest {
    // Requests end up in logs: never print the password or a PIN.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MeasureRequest")
            .field("selection", &self.selection)
            .field("options", &self.options.masked())
            .field("password", &crate::apple::SECRET_MASK)
            .field("agreed", &self.agreed)
            .field("skip_not_applicable", &self.skip_not_applicable)
            .finish()
    }
}

/// Answer of `POST /api/measures` (201).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureRegistered {
    pub measure: Measure,
    /// The registration (one press of OK); the job list filters by it (`wipe=`).
    pub registration_id: WipeId,
    pub device_count: u64,
    pub job_count: u64,
    pub skipped_device_count: u64,
    pub registered_at: DateTime<Utc>,
}

/// Answer of `GET /api/devices/{id}/locations`: newest first.
pub type DeviceLocations = Page<super::DeviceLocationFix>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::DeviceId;

    #[test]
    fn the_password_never_reaches_a_log() {
        let request = MeasureRequest {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1)],
            },
            options: MeasureOptions::Lock(super::super::LockOptions {
                message: None,
                phone_number: None,
                pin: Some("123456".into()),
            }),
            password: "Demo#2026".into(),
            agreed: true,
            skip_not_applicable: false,
        };
        let logged = format!("{request:?}");
        assert!(!logged.contains("Demo#2026") && !logged.contains("123456"));
    }
}
