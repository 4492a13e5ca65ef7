//! The Android measures other than the deletion: `enterprises.devices.issueCommand` with a
//! `Command` of type `LOCK`, `START_LOST_MODE` or `STOP_LOST_MODE`. 企業データの削除 on a personal
//! (work-profile) device is the device deletion of [`super::android`] with its
//! `wipeReasonMessage`: it removes only the work profile.
//!
//! Sources (read 2026-12-07):
//! <https://developers.google.com/android/management/reference/rest/v1/enterprises.devices/issueCommand>
//! (`POST https://androidmanagement.googleapis.com/v1/{name=enterprises/*/devices/*}:issueCommand`,
//! the body is a `Command`: `type`, `startLostModeParams`, `stopLostModeParams`; the `CommandType`
//! values `LOCK`, `START_LOST_MODE`, `STOP_LOST_MODE`; StartLostModeParams `lostMessage`,
//! `lostPhoneNumber`, `lostStreetAddress`, `lostOrganization` (UserFacingMessage) and
//! `lostEmailAddress` (string), at least one besides the organization required; StopLostModeParams
//! has no fields) and
//! <https://developers.google.com/android/management/reference/rest/v1/UserFacingMessage>
//! (`defaultMessage`, `localizedMessages`, at most 4096 characters). Android has no lost-mode
//! footnote, so a footnote entered for Apple devices is not sent. The names used here are checked
//! against `tests/fixtures/android_management_api.json`.

use serde::{Deserialize, Serialize};

use super::android::ANDROID_MANAGEMENT_API_BASE;
use super::{CommandError, CommandProblem};
use crate::measure::{entered, LostModeOptions};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The `CommandType` of an issued command; the wire name is Google's enum value.
    pub enum AndroidCommandType {
        Lock = "LOCK", ja: "ロック", en: "Lock";
        StartLostMode = "START_LOST_MODE", ja: "紛失モードを開始", en: "Start lost mode";
        StopLostMode = "STOP_LOST_MODE", ja: "紛失モードを解除", en: "Stop lost mode";
    }
}

/// Google's `UserFacingMessage` with its default message only (the device shows it whatever
/// its locale).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserFacingMessage {
    pub default_message: String,
}

/// `StartLostModeParams`: what the lost device's screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StartLostModeParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_message: Option<UserFacingMessage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_phone_number: Option<UserFacingMessage>,
}

/// `StopLostModeParams`: no fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopLostModeParams {}

/// The `Command` body, serialized exactly as Google reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AndroidCommand {
    #[serde(rename = "type")]
    pub command_type: AndroidCommandType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_lost_mode_params: Option<StartLostModeParams>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_lost_mode_params: Option<StopLostModeParams>,
}

/// One `issueCommand` call: the device's resource name and the command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AndroidIssueCommand {
    /// `enterprises/{enterprise}/devices/{device}`.
    pub name: String,
    pub body: AndroidCommand,
}

/// A resource name is used in the path as it is, so it must be exactly
/// `enterprises/{id}/devices/{id}` with ids made of characters a path takes unencoded.
fn checked_name(resource_name: &str) -> Result<String, CommandError> {
    let id = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
    };
    match resource_name.split('/').collect::<Vec<_>>()[..] {
        ["enterprises", enterprise, "devices", device] if id(enterprise) && id(device) => {
            Ok(resource_name.to_string())
        }
        _ => Err(CommandProblem::AndroidNameUnknown.into()),
    }
}

impl AndroidIssueCommand {
    /// `LOCK` for the device named `resource_name`.
    pub fn lock(resource_name: &str) -> Result<AndroidIssueCommand, CommandError> {
        Ok(AndroidIssueCommand {
            name: checked_name(resource_name)?,
            body: AndroidCommand {
                command_type: AndroidCommandType::Lock,
                start_lost_mode_params: None,
                stop_lost_mode_params: None,
            },
        })
    }

    /// `START_LOST_MODE` with the message and phone number entered; Google needs at least one.
    pub fn start_lost_mode(
        resource_name: &str,
        options: &LostModeOptions,
    ) -> Result<AndroidIssueCommand, CommandError> {
        let message = |text: &Option<String>| {
            entered(text).map(|text| UserFacingMessage {
                default_message: text.to_string(),
            })
        };
        let params = StartLostModeParams {
            lost_message: message(&options.message),
            lost_phone_number: message(&options.phone_number),
        };
        if params.lost_message.is_none() && params.lost_phone_number.is_none() {
            return Err(CommandProblem::LostModeNeedsMessageOrPhone.into());
        }
        Ok(AndroidIssueCommand {
            name: checked_name(resource_name)?,
            body: AndroidCommand {
                command_type: AndroidCommandType::StartLostMode,
                start_lost_mode_params: Some(params),
                stop_lost_mode_params: None,
            },
        })
    }

    /// `STOP_LOST_MODE`.
    pub fn stop_lost_mode(resource_name: &str) -> Result<AndroidIssueCommand, CommandError> {
        Ok(AndroidIssueCommand {
            name: checked_name(resource_name)?,
            body: AndroidCommand {
                command_type: AndroidCommandType::StopLostMode,
                start_lost_mode_params: None,
                stop_lost_mode_params: Some(StopLostModeParams {}),
            },
        })
    }

    /// Relative to [`ANDROID_MANAGEMENT_API_BASE`]: `v1/enterprises/…/devices/…:issueCommand`.
    pub fn path(&self) -> String {
        format!("v1/{}:issueCommand", self.name)
    }

    /// The JSON request body.
    pub fn body_json(&self) -> String {
        serde_json::to_string(&self.body).expect("a command serializes")
    }

    /// The request as the job detail shows it: `POST https://…:issueCommand` and the body on
    /// the next line.
    pub fn display(&self) -> String {
        format!(
            "POST {ANDROID_MANAGEMENT_API_BASE}{}\n{}",
            self.path(),
            self.body_json()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "enterprises/LC01/devices/3a1b";

    #[test]
    fn lock_and_stop_are_bare_commands() {
        let lock = AndroidIssueCommand::lock(NAME).unwrap();
        assert_eq!(
            lock.display(),
            "POST https://androidmanagement.googleapis.com/v1/enterprises/LC01/devices/3a1b:issueCommand\n{\"type\":\"LOCK\"}"
        );
        assert_eq!(
            AndroidIssueCommand::stop_lost_mode(NAME)
                .unwrap()
                .body_json(),
            r#"{"type":"STOP_LOST_MODE","stopLostModeParams":{}}"#
        );
    }

    #[test]
    fn lost_mode_carries_user_facing_messages() {
        let options = LostModeOptions {
            message: Some(" 拾った方は \"総務部\" へ ".into()),
            phone_number: Some("03-1234-5678".into()),
            footnote: Some("not on Android".into()),
        };
        let command = AndroidIssueCommand::start_lost_mode(NAME, &options).unwrap();
        assert_eq!(
            command.body_json(),
            r#"{"type":"START_LOST_MODE","startLostModeParams":{"lostMessage":{"defaultMessage":"拾った方は \"総務部\" へ"},"lostPhoneNumber":{"defaultMessage":"03-1234-5678"}}}"#
        );
        let empty = LostModeOptions::default();
        assert_eq!(
            AndroidIssueCommand::start_lost_mode(NAME, &empty),
            Err(CommandError(CommandProblem::LostModeNeedsMessageOrPhone))
        );
    }

    #[test]
    fn a_malformed_name_is_refused() {
        for name in [
            "",
            "enterprises/LC01",
            "enterprises//devices/x",
            "enterprises/a/devices/b/c",
            "enterprises/a b/devices/c",
        ] {
            assert_eq!(
                AndroidIssueCommand::lock(name),
                Err(CommandError(CommandProblem::AndroidNameUnknown)),
                "{name}"
            );
        }
    }
}
