//! The state of the wipe screen as plain data: what was entered, the request it makes, which
//! messages go next to which field, and what still stops OK. Every rule is the model's; this
//! file only places its answers.

use chrono::{DateTime, Utc};
use mdm_model::command::{CommandProblem, PlatformWipeChoices};
use mdm_model::ids::WifiSettingId;
use mdm_model::time::{
    parse_datetime_local, to_datetime_local, LocalDateTime, LocalTimeProblem, Zone,
};
use mdm_model::wifi::WifiSetting;
use mdm_model::wipe::{
    validate_wipe_request, EnteredWipeOptions, PreviewTotals, WipeField, WipeOptions, WipeProblem,
    WipeRequest, WipeSelection,
};
use mdm_model::{ErrorCode, ErrorDetails, Lang};
use serde::{Deserialize, Serialize};

pub use super::platform_form::{PlatformForm, PlatformsPresent};
use crate::api::ApiError;
use crate::i18n::WipeText;

/// Everything entered on the two tabs. It serializes without the password and the agreement,
/// for what the tab keeps across a reload (`kept_form`): both are given again, fresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WipeForm {
    /// 端末の一般情報・端末タグ情報を削除する.
    pub delete_general_info: bool,
    /// スケジュール / 予約日時を設定する.
    pub schedule_enabled: bool,
    /// The date-time field as entered (`2026-11-26T14:30`, administrator's time zone). Kept
    /// while the schedule is unticked, so ticking it again brings the same time back.
    pub schedule_text: String,
    /// WLAN設定 for re-enrollment.
    pub wifi_setting_id: Option<WifiSettingId>,
    /// eSIMデータプランを維持する.
    pub keep_esim_data_plan: bool,
    #[serde(skip)]
    pub password: String,
    /// 同意する.
    #[serde(skip)]
    pub agreed: bool,
    /// Register the wipeable devices and leave out those that may not be wiped.
    pub skip_not_wipeable: bool,
    /// The Android, Windows and Mac sections.
    pub platform: PlatformForm,
}

impl WipeForm {
    /// The screen's opening state: the model's defaults, the proposed time in `zone`.
    pub fn initial(now: DateTime<Utc>, zone: Zone) -> WipeForm {
        let options = WipeOptions::initial(now);
        WipeForm {
            delete_general_info: options.delete_general_info,
            schedule_enabled: options.schedule_at.is_some(),
            schedule_text: options
                .schedule_at
                .map(|at| to_datetime_local(at, zone))
                .unwrap_or_default(),
            wifi_setting_id: options.wifi_setting_id,
            keep_esim_data_plan: options.keep_esim_data_plan,
            password: String::new(),
            agreed: false,
            skip_not_wipeable: false,
            platform: PlatformForm::default(),
        }
    }

    /// The scheduled time in `zone` (for the echo beside the field): `Ok(None)` without a
    /// schedule, the model's reason when the field names no time there.
    pub fn schedule_at(&self, zone: Zone) -> Result<Option<DateTime<Utc>>, LocalTimeProblem> {
        if !self.schedule_enabled {
            return Ok(None);
        }
        parse_datetime_local(&self.schedule_text, zone).map(Some)
    }

    /// The options as the portal takes them: the schedule as entered, in `zone`. The model
    /// resolves it on both sides; an unreadable or skipped time is refused there, so it never
    /// silently becomes "run now". Of the platform sections only the Windows wipe method is
    /// in (the preview names its node); [`request`](Self::request) sends the sections of the
    /// platforms selected.
    pub fn options(&self, zone: Zone) -> EnteredWipeOptions {
        WipeOptions {
            delete_general_info: self.delete_general_info,
            schedule_at: self
                .schedule_enabled
                .then(|| LocalDateTime::entered(self.schedule_text.clone(), zone)),
            wifi_setting_id: self.wifi_setting_id,
            keep_esim_data_plan: self.keep_esim_data_plan,
            platform: PlatformWipeChoices {
                windows: Some(self.platform.windows_kind),
                ..PlatformWipeChoices::default()
            },
        }
    }

    // The model's exclusivity rule, applied to the checkbox rather than the parsed time: a
    // half-typed date is still a schedule the administrator asked for.
    fn intent(&self) -> WipeOptions<()> {
        WipeOptions {
            delete_general_info: self.delete_general_info,
            schedule_at: self.schedule_enabled.then_some(()),
            wifi_setting_id: self.wifi_setting_id,
            keep_esim_data_plan: self.keep_esim_data_plan,
            platform: PlatformWipeChoices::default(),
        }
    }

    /// The Wi-Fi dropdown is disabled while a schedule is set.
    pub fn wifi_blocked(&self) -> bool {
        self.intent().wifi_blocked_by_schedule()
    }

    /// The schedule box is disabled while a Wi-Fi setting is chosen.
    pub fn schedule_blocked(&self) -> bool {
        self.intent().schedule_blocked_by_wifi()
    }

    /// The registration request for `selection`, whose devices are of the `present` platforms.
    pub fn request(
        &self,
        selection: &WipeSelection,
        zone: Zone,
        present: PlatformsPresent,
    ) -> WipeRequest {
        let mut options = self.options(zone);
        options.platform = self.platform.choices(present, self.keep_esim_data_plan);
        WipeRequest {
            selection: selection.clone(),
            options,
            password: self.password.clone(),
            agreed: self.agreed,
            skip_not_wipeable: self.skip_not_wipeable,
        }
    }

    /// The model's verdict on the request at `now`.
    pub fn check(
        &self,
        selection: &WipeSelection,
        now: DateTime<Utc>,
        zone: Zone,
        wifi_settings: &[WifiSetting],
        present: PlatformsPresent,
    ) -> FormCheck {
        let request = self.request(selection, zone, present);
        let problems = validate_wipe_request(&request, now, wifi_settings)
            .err()
            .map(|errors| errors.0)
            .unwrap_or_default();
        FormCheck {
            problems,
            platform: self.platform.problems(present),
        }
    }
}

/// What is wrong with the form, before anything is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormCheck {
    pub problems: Vec<WipeProblem>,
    /// Problems of the platform sections, shown in their section.
    pub platform: Vec<CommandProblem>,
}

impl FormCheck {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.platform.is_empty()
    }

    /// The fields with something to fix, in form order.
    pub fn fields(&self) -> Vec<WipeField> {
        let mut fields: Vec<WipeField> = self.problems.iter().map(|p| p.field()).collect();
        fields.dedup();
        fields
    }
}

/// The wipe form's messages.
pub type FieldMessages = crate::components::FieldMessages<WipeField>;

impl FieldMessages {
    /// The messages before OK is pressed (`attempted` false) show schedule problems only: they
    /// concern a value the screen proposed. After an attempt, every problem shows.
    pub fn from_check(check: &FormCheck, attempted: bool, lang: Lang) -> FieldMessages {
        let mut fields = Vec::new();
        for problem in &check.problems {
            if attempted || problem.field() == WipeField::ScheduleAt {
                fields.push((problem.field(), problem.label(lang).to_string()));
            }
        }
        FieldMessages {
            fields,
            general: Vec::new(),
        }
    }

    /// The portal's refusal, placed: every problem of a validation error next to its field,
    /// an error naming a field (wrong password, devices refused) next to it, the rest above OK.
    pub fn from_refusal(error: &ApiError, lang: Lang) -> FieldMessages {
        let mut messages = FieldMessages::default();
        if let ApiError::Api { body, .. } = error {
            if body.code == ErrorCode::ValidationFailed {
                if let Some(ErrorDetails::Validation { errors }) = body.details.as_ref().filter(
                    |d| matches!(d, ErrorDetails::Validation { errors } if !errors.is_empty()),
                ) {
                    // Re-labelled in the current language: the portal answered in the one of the request.
                    messages.fields = errors
                        .iter()
                        .map(|e| (e.field, e.problem.label(lang).to_string()))
                        .collect();
                    return messages;
                }
            }
            if let Some(field) = body
                .field
                .as_deref()
                .and_then(|f| f.parse::<WipeField>().ok())
            {
                messages.fields.push((field, error.message(lang)));
                return messages;
            }
        }
        messages.general.push(error.message(lang));
        messages
    }
}

/// Where the per-device preview stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewState {
    Loading,
    Failed,
    Ready(PreviewTotals),
}

/// Something that keeps OK disabled, each with its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocker {
    NotAgreed,
    PreviewLoading,
    PreviewFailed,
    OpenWipes(u64),
    NotWipeable(u64),
    NothingToWipe,
}

impl Blocker {
    pub fn message(self, t: &WipeText) -> String {
        match self {
            Blocker::NotAgreed => t.blocker_not_agreed.to_string(),
            Blocker::PreviewLoading => t.blocker_preview.to_string(),
            Blocker::PreviewFailed => t.blocker_preview_failed.to_string(),
            Blocker::OpenWipes(count) => (t.blocker_open_wipes)(count),
            Blocker::NotWipeable(count) => (t.blocker_not_wipeable)(count),
            Blocker::NothingToWipe => t.blocker_nothing.to_string(),
        }
    }
}

/// Everything that keeps OK disabled. The device outcomes are the portal's preview (the model's
/// `check_registration` applied to the whole selection): it would refuse the same.
pub fn blockers(form: &WipeForm, preview: PreviewState) -> Vec<Blocker> {
    let mut blockers = Vec::new();
    if !form.agreed {
        blockers.push(Blocker::NotAgreed);
    }
    match preview {
        PreviewState::Loading => blockers.push(Blocker::PreviewLoading),
        PreviewState::Failed => blockers.push(Blocker::PreviewFailed),
        PreviewState::Ready(totals) => {
            if totals.devices_with_open_wipe > 0 {
                blockers.push(Blocker::OpenWipes(totals.devices_with_open_wipe));
            }
            if totals.not_wipeable_devices > 0 && !form.skip_not_wipeable {
                blockers.push(Blocker::NotWipeable(totals.not_wipeable_devices));
            } else if totals.wipeable_devices == 0 && totals.devices_with_open_wipe == 0 {
                blockers.push(Blocker::NothingToWipe);
            }
        }
    }
    blockers
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
