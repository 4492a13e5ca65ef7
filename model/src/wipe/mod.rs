//! A remote wipe (遠隔初期化): the request, its validation, the per-device preview, the refusals
//! and what a successful wipe changes.

mod effects;
mod eligibility;
mod preview;
mod refusal;
mod validate;

use std::collections::HashSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use effects::{
    apply_reenrollment, apply_success_effects, job_options, success_effects, SuccessEffects,
};
pub use eligibility::{
    reenrollment_eligibility, wipe_blocker, IneligibilityReason, NotWipeableReason, Reenrollment,
};
pub use preview::{
    check_platform_choices, check_registration, plan_device_wipe, DeviceWipePlan, OutcomeCount,
    PreviewOutcome, PreviewSummary, PreviewTotals, WipePreview,
};
pub(crate) use refusal::{names, with_devices};
pub use refusal::{wrong_password_error, RefusedDevice, RegistrationRefusal, MAX_NAMED_DEVICES};
pub use validate::{
    validate_preview_request, validate_wipe_request, FieldErrorDetail, WipeField, WipeProblem,
    WipeValidationErrors, MAX_SCHEDULE_AHEAD,
};

use crate::command::PlatformWipeChoices;
use crate::device::DeviceFilter;
use crate::ids::{DeviceId, WifiSettingId, WipeId};
use crate::paging::{PageRequest, DEFAULT_PER_PAGE};
use crate::time::{default_schedule_at, LocalDateTime, LocalTimeProblem, Zone};

/// Header carrying the client's key for `POST /api/wipes`: a repeat with the same key answers
/// the first answer instead of registering again (a double click registers once).
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";
/// Longest idempotency key accepted.
pub const MAX_IDEMPOTENCY_KEY_LENGTH: usize = 200;
/// Most device ids one request may list; larger selections are made by filter.
pub const MAX_SELECTED_DEVICE_IDS: usize = 10_000;

/// Whether an `Idempotency-Key` value is usable: 1 to 200 visible ASCII characters (a UUID is
/// typical).
pub fn is_valid_idempotency_key(key: &str) -> bool {
    (1..=MAX_IDEMPOTENCY_KEY_LENGTH).contains(&key.len())
        && key.bytes().all(|b| b.is_ascii_graphic())
}

/// The devices a wipe covers: ticked one by one, or "every device matching" a filter (minus
/// the ones unticked afterwards).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WipeSelection {
    Devices {
        device_ids: Vec<DeviceId>,
    },
    Filter {
        filter: DeviceFilter,
        #[serde(default)]
        excluded_device_ids: Vec<DeviceId>,
    },
}

impl WipeSelection {
    /// The same selection with repeated ids removed (first occurrence kept).
    pub fn normalized(&self) -> WipeSelection {
        fn dedup(ids: &[DeviceId]) -> Vec<DeviceId> {
            let mut seen = HashSet::with_capacity(ids.len());
            ids.iter().copied().filter(|id| seen.insert(*id)).collect()
        }
        match self {
            WipeSelection::Devices { device_ids } => WipeSelection::Devices {
                device_ids: dedup(device_ids),
            },
            WipeSelection::Filter {
                filter,
                excluded_device_ids,
            } => WipeSelection::Filter {
                filter: filter.clone(),
                excluded_device_ids: dedup(excluded_device_ids),
            },
        }
    }
}

/// The choices of the two tabs of the wipe screen. `Schedule` is how the time is held: as the
/// administrator entered it ([`EnteredWipeOptions`], what requests carry) or as the instant it
/// names (`WipeOptions`, what validation gives back and registration stores).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WipeOptions<Schedule = DateTime<Utc>> {
    /// 端末の一般情報・端末タグ情報を削除する.
    pub delete_general_info: bool,
    /// 予約日時: run at this time; `None` runs as soon as each device is reachable.
    pub schedule_at: Option<Schedule>,
    /// WLAN設定 for automatic re-enrollment; `None` means no re-enrollment.
    pub wifi_setting_id: Option<WifiSettingId>,
    /// eSIMデータプランを維持する.
    pub keep_esim_data_plan: bool,
    /// The platform sections (Android, Windows, Mac); left out, each takes its defaults.
    #[serde(default)]
    pub platform: PlatformWipeChoices,
}

/// The options as requests carry them: the schedule is the date-time field's text and the zone
/// it was entered in, so the portal resolves it with the same rule as the console
/// ([`LocalDateTime::resolve`]) and refuses a time that does not exist there.
pub type EnteredWipeOptions = WipeOptions<LocalDateTime>;

impl<Schedule> WipeOptions<Schedule> {
    /// The Wi-Fi dropdown is disabled while a schedule is set.
    pub fn wifi_blocked_by_schedule(&self) -> bool {
        self.schedule_at.is_some()
    }

    /// The schedule is disabled while a Wi-Fi setting is chosen.
    pub fn schedule_blocked_by_wifi(&self) -> bool {
        self.wifi_setting_id.is_some()
    }

    /// The same options with the schedule held another way.
    pub fn map_schedule<T>(self, f: impl FnOnce(Schedule) -> T) -> WipeOptions<T> {
        WipeOptions {
            delete_general_info: self.delete_general_info,
            schedule_at: self.schedule_at.map(f),
            wifi_setting_id: self.wifi_setting_id,
            keep_esim_data_plan: self.keep_esim_data_plan,
            platform: self.platform,
        }
    }
}

impl WipeOptions {
    /// What the wipe screen opens with: delete info checked, a schedule proposed, no Wi-Fi
    /// setting (the two exclude each other), eSIM plan not kept.
    pub fn initial(now: DateTime<Utc>) -> WipeOptions {
        WipeOptions {
            delete_general_info: true,
            schedule_at: Some(default_schedule_at(now)),
            wifi_setting_id: None,
            keep_esim_data_plan: false,
            platform: PlatformWipeChoices::default(),
        }
    }

    /// The options as an administrator in `zone` would have entered them.
    pub fn entered_in(self, zone: Zone) -> EnteredWipeOptions {
        self.map_schedule(|at| LocalDateTime::of(at, zone))
    }
}

impl EnteredWipeOptions {
    /// The options with the schedule as an instant.
    pub fn resolve(&self) -> Result<WipeOptions, LocalTimeProblem> {
        Ok(WipeOptions {
            delete_general_info: self.delete_general_info,
            schedule_at: self
                .schedule_at
                .as_ref()
                .map(LocalDateTime::resolve)
                .transpose()?,
            wifi_setting_id: self.wifi_setting_id,
            keep_esim_data_plan: self.keep_esim_data_plan,
            platform: self.platform.clone(),
        })
    }
}

/// Body of `POST /api/wipes`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WipeRequest {
    pub selection: WipeSelection,
    pub options: EnteredWipeOptions,
    /// The signed-in administrator's own password, checked again by the portal.
    pub password: String,
    /// 同意する.
    pub agreed: bool,
    /// Register the wipeable devices and leave out those that may not be wiped (BYOD, User
    /// Enrollment). When false, any such device refuses the whole request.
    #[serde(default)]
    pub skip_not_wipeable: bool,
}

impl fmt::Debug for WipeRequest {
    // Requests end up in logs: never print the password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WipeRequest")
            .field("selection", &self.selection)
            .field("options", &self.options)
            .field("password", &crate::apple::SECRET_MASK)
            .field("agreed", &self.agreed)
            .field("skip_not_wipeable", &self.skip_not_wipeable)
            .finish()
    }
}

/// Body of `POST /api/wipes/preview`: the selection and options, plus which devices to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WipePreviewRequest {
    pub selection: WipeSelection,
    pub options: EnteredWipeOptions,
    /// List only the devices with this outcome (the groups of a large selection).
    #[serde(default)]
    pub outcome: Option<PreviewOutcome>,
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

impl WipePreviewRequest {
    pub fn page_request(&self) -> PageRequest {
        PageRequest {
            page: self.page,
            per_page: self.per_page,
        }
    }
}

/// Answer of `POST /api/wipes` (201): what was registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WipeRegistered {
    pub wipe_id: WipeId,
    pub device_count: u64,
    /// Two per Hybrid device, one per other device.
    pub job_count: u64,
    /// Devices left out because they may not be wiped (only with `skip_not_wipeable`).
    pub skipped_device_count: u64,
    pub registered_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_time::at;

    #[test]
    fn the_screen_opens_with_the_documented_defaults() {
        let now = at("2026-11-26T05:10:00Z");
        let options = WipeOptions::initial(now);
        assert!(options.delete_general_info);
        assert_eq!(options.schedule_at, Some(at("2026-11-26T06:00:00Z")));
        assert_eq!(options.wifi_setting_id, None);
        assert!(!options.keep_esim_data_plan);
        assert!(options.wifi_blocked_by_schedule());
        assert!(!options.schedule_blocked_by_wifi());
    }

    #[test]
    fn requests_carry_the_schedule_as_entered_and_resolve_it_in_its_zone() {
        let new_york = Zone::parse("America/New_York").unwrap();
        let entered = WipeOptions::initial(at("2027-03-14T12:10:00Z")).entered_in(new_york);
        let json = serde_json::to_value(&entered).unwrap();
        assert_eq!(
            json["schedule_at"],
            serde_json::json!({"local": "2027-03-14T09:00", "time_zone": "America/New_York"})
        );
        assert_eq!(
            entered.resolve().unwrap().schedule_at,
            Some(at("2027-03-14T13:00:00Z"))
        );
        let gap = WipeOptions {
            schedule_at: Some(LocalDateTime::entered("2027-03-14T02:30", new_york)),
            ..entered
        };
        assert_eq!(gap.resolve(), Err(LocalTimeProblem::Nonexistent));
    }

    #[test]
    fn a_filter_selection_carries_its_unticked_devices_to_the_portal() {
        // The console sends "every device matching, minus these"; losing the list on the way
        // would wipe devices the administrator deliberately unticked.
        let selection = WipeSelection::Filter {
            filter: DeviceFilter {
                os: Some(crate::device::Os::Ios),
                ..Default::default()
            },
            excluded_device_ids: vec![DeviceId(7), DeviceId(3), DeviceId(7)],
        };
        let json = serde_json::to_value(&selection).unwrap();
        assert_eq!(json["kind"], "filter");
        assert_eq!(json["excluded_device_ids"], serde_json::json!([7, 3, 7]));
        let received: WipeSelection = serde_json::from_value(json).unwrap();
        let WipeSelection::Filter {
            excluded_device_ids,
            ..
        } = received.normalized()
        else {
            panic!("not a filter")
        };
        assert_eq!(
            excluded_device_ids,
            [DeviceId(7), DeviceId(3)],
            "every unticked device, once"
        );
    }

    #[test]
    fn selection_json_is_tagged_and_normalizes_duplicates() {
        let json = serde_json::json!({"kind": "devices", "device_ids": [3, 1, 3]});
        let selection: WipeSelection = serde_json::from_value(json).unwrap();
        assert_eq!(
            selection.normalized(),
            WipeSelection::Devices {
                device_ids: vec![DeviceId(3), DeviceId(1)]
            }
        );
        let filter: WipeSelection =
            serde_json::from_value(serde_json::json!({"kind": "filter", "filter": {"os": "ios"}}))
                .unwrap();
        let WipeSelection::Filter {
            filter,
            excluded_device_ids,
        } = filter
        else {
            panic!("not a filter")
        };
        assert_eq!(filter.os, Some(crate::device::Os::Ios));
        assert!(filter.include_subgroups);
        assert!(excluded_device_ids.is_empty());
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let request = WipeRequest {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1)],
            },
            options: WipeOptions::initial(at("2026-11-26T05:10:00Z")).entered_in(Zone::JAPAN),
            password: "Demo#2026".into(),
            agreed: true,
            skip_not_wipeable: false,
        };
        assert!(!format!("{request:?}").contains("Demo#2026"));
    }

    #[test]
    fn idempotency_keys_are_short_visible_ascii() {
        assert!(is_valid_idempotency_key(
            "3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"
        ));
        assert!(!is_valid_idempotency_key(""));
        assert!(!is_valid_idempotency_key("has space"));
        assert!(!is_valid_idempotency_key("鍵"));
        assert!(!is_valid_idempotency_key(
            &"k".repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)
        ));
    }

    #[test]
    fn preview_request_pages_default() {
        let json = serde_json::json!({
            "selection": {"kind": "devices", "device_ids": [1]},
            "options": {"delete_general_info": true, "schedule_at": null, "wifi_setting_id": null, "keep_esim_data_plan": false}
        });
        let request: WipePreviewRequest = serde_json::from_value(json).unwrap();
        assert_eq!(request.page_request(), PageRequest::default());
        assert_eq!(request.outcome, None);
    }
}
