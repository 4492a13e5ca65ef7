//! The Android wipe: the Android Management API's device deletion (`enterprises.devices.delete`)
//! with its `wipeDataFlags` and `wipeReasonMessage`.
//!
//! Sources (Google's pages as last updated 2025-07-26, read 2026-12-07):
//! <https://developers.google.com/android/management/reference/rest/v1/enterprises.devices/delete>
//! (method, path, query parameters, the 200-character limit) and
//! <https://developers.google.com/android/management/reference/rest/v1/WipeDataFlag> (the flags,
//! and that by default all user data and the factory reset protection data are wiped). Repeated
//! query parameters follow Google's gRPC transcoding (one `wipeDataFlags=` per value). The names
//! used here are checked against `tests/fixtures/android_management_api.json`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{CommandError, CommandProblem};
use crate::vocabulary::vocabulary;
use crate::Lang;

/// Where the Android Management API answers.
pub const ANDROID_MANAGEMENT_API_BASE: &str = "https://androidmanagement.googleapis.com/";
/// Longest `wipeReasonMessage` Google accepts, in characters (Unicode scalar values here).
pub const MAX_WIPE_REASON_CHARS: usize = 200;

vocabulary! {
    /// A `WipeDataFlag` of the deletion; the wire name is Google's enum value.
    /// `WIPE_DATA_FLAG_UNSPECIFIED` is left out: Google ignores it.
    pub enum AndroidWipeFlag {
        PreserveResetProtectionData = "PRESERVE_RESET_PROTECTION_DATA",
            ja: "初期化後も出荷時設定リセット保護(FRP)を維持する",
            en: "Keep factory reset protection (FRP) after the wipe";
        WipeExternalStorage = "WIPE_EXTERNAL_STORAGE",
            ja: "SDカードなどの外部ストレージも消去する",
            en: "Also wipe external storage such as SD cards";
        WipeEsims = "WIPE_ESIMS",
            ja: "eSIMを削除する",
            en: "Remove eSIMs";
    }
}

impl AndroidWipeFlag {
    /// One line on what the flag does, for the options screen and the job detail.
    pub fn description(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AndroidWipeFlag::PreserveResetProtectionData, Lang::Ja) => {
                "初期化後の端末は、元のGoogleアカウントでなければセットアップできません。指定しない場合はFRPのデータも消去されます。"
            }
            (AndroidWipeFlag::PreserveResetProtectionData, Lang::En) => {
                "After the wipe, only the previous Google account can set the device up. Without it, the FRP data is wiped too."
            }
            (AndroidWipeFlag::WipeExternalStorage, Lang::Ja) => {
                "本体のデータに加えて、外部ストレージ(SDカードなど)のデータも消去します。"
            }
            (AndroidWipeFlag::WipeExternalStorage, Lang::En) => {
                "Wipes the external storage (such as SD cards) as well as the device's own data."
            }
            (AndroidWipeFlag::WipeEsims, Lang::Ja) => {
                "会社所有の端末ではすべてのeSIMを、個人所有の端末では管理対象のeSIMのみを削除します。指定しない場合、eSIMのデータプランは残ります。"
            }
            (AndroidWipeFlag::WipeEsims, Lang::En) => {
                "Removes every eSIM on a company-owned device, only managed eSIMs on a personally owned one. Without it, the eSIM data plan is kept."
            }
        }
    }
}

/// `wipeReasonMessage`: a short message shown to the user before the work profile of a
/// personally owned device is removed (no effect on company-owned devices). At most
/// [`MAX_WIPE_REASON_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WipeReasonMessage(String);

impl WipeReasonMessage {
    /// The message as entered; an empty (or blank) entry means no message.
    pub fn parse(text: &str) -> Result<Option<WipeReasonMessage>, CommandError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        if text.chars().count() > MAX_WIPE_REASON_CHARS {
            return Err(CommandProblem::ReasonMessageTooLong.into());
        }
        Ok(Some(WipeReasonMessage(text.to_string())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WipeReasonMessage {
    type Error = CommandError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        if text.chars().count() > MAX_WIPE_REASON_CHARS {
            return Err(CommandProblem::ReasonMessageTooLong.into());
        }
        Ok(WipeReasonMessage(text))
    }
}

impl From<WipeReasonMessage> for String {
    fn from(message: WipeReasonMessage) -> String {
        message.0
    }
}

/// The options of an Android wipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AndroidWipe {
    /// Each flag once, in declaration order.
    pub wipe_data_flags: BTreeSet<AndroidWipeFlag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wipe_reason_message: Option<WipeReasonMessage>,
}

impl AndroidWipe {
    /// What an administrator expects for a lost device: factory reset protection kept (a
    /// finder cannot set the device up), external storage wiped, and the eSIMs removed unless
    /// "keep the eSIM data plan" is ticked. No reason message.
    pub fn for_lost_device(keep_esim_data_plan: bool) -> AndroidWipe {
        let mut flags = BTreeSet::from([
            AndroidWipeFlag::PreserveResetProtectionData,
            AndroidWipeFlag::WipeExternalStorage,
        ]);
        if !keep_esim_data_plan {
            flags.insert(AndroidWipeFlag::WipeEsims);
        }
        AndroidWipe {
            wipe_data_flags: flags,
            wipe_reason_message: None,
        }
    }

    /// "Keep the eSIM data plan": `WIPE_ESIMS` is off.
    pub fn keeps_esim_data_plan(&self) -> bool {
        !self.wipe_data_flags.contains(&AndroidWipeFlag::WipeEsims)
    }

    /// The request the portal sends to delete (and so wipe) `enterprises/{enterprise}/devices/{device}`.
    pub fn delete_request(&self, enterprise_id: &str, device_id: &str) -> AndroidDeleteRequest {
        let mut query: Vec<(String, String)> = self
            .wipe_data_flags
            .iter()
            .map(|flag| ("wipeDataFlags".to_string(), flag.as_str().to_string()))
            .collect();
        if let Some(message) = &self.wipe_reason_message {
            query.push((
                "wipeReasonMessage".to_string(),
                message.as_str().to_string(),
            ));
        }
        AndroidDeleteRequest {
            method: "DELETE".to_string(),
            path: format!(
                "v1/enterprises/{}/devices/{}",
                percent_encode(enterprise_id),
                percent_encode(device_id)
            ),
            query,
        }
    }

    /// The request for the device the enterprise's list names `resource_name`
    /// (`enterprises/{enterprise}/devices/{device}`).
    pub fn delete_request_for(
        &self,
        resource_name: &str,
    ) -> Result<AndroidDeleteRequest, CommandError> {
        match resource_name.split('/').collect::<Vec<_>>()[..] {
            ["enterprises", enterprise, "devices", device]
                if !enterprise.is_empty() && !device.is_empty() =>
            {
                Ok(self.delete_request(enterprise, device))
            }
            _ => Err(CommandProblem::AndroidNameUnknown.into()),
        }
    }

    /// The choices as the job detail lists them: each flag with what it does, then the
    /// reason message if any.
    pub fn summary(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = AndroidWipeFlag::ALL
            .iter()
            .map(|flag| {
                let on = self.wipe_data_flags.contains(flag);
                let mark = match (on, lang) {
                    (true, Lang::Ja) => "する",
                    (false, Lang::Ja) => "しない",
                    (true, Lang::En) => "yes",
                    (false, Lang::En) => "no",
                };
                format!("{}: {mark}", flag.label(lang))
            })
            .collect();
        if let Some(message) = &self.wipe_reason_message {
            let label = match lang {
                Lang::Ja => "初期化の理由",
                Lang::En => "Wipe reason",
            };
            lines.push(format!("{label}: {}", message.as_str()));
        }
        lines
    }
}

/// One HTTP request to the Android Management API; the request body is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AndroidDeleteRequest {
    /// Always `DELETE`.
    pub method: String,
    /// Relative to [`ANDROID_MANAGEMENT_API_BASE`], for example `v1/enterprises/LC0/devices/3a`.
    pub path: String,
    /// Query parameters in order, not yet encoded; `wipeDataFlags` repeats once per flag.
    pub query: Vec<(String, String)>,
}

impl AndroidDeleteRequest {
    /// The path and the encoded query string, as it goes on the wire.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let query: Vec<String> = self
            .query
            .iter()
            .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
            .collect();
        format!("{}?{}", self.path, query.join("&"))
    }

    /// The request as the job detail shows it: `DELETE https://…`.
    pub fn display(&self) -> String {
        format!(
            "{} {ANDROID_MANAGEMENT_API_BASE}{}",
            self.method,
            self.path_and_query()
        )
    }
}

/// RFC 3986 percent-encoding of everything but the unreserved characters (so a space is
/// `%20` and a Japanese character its UTF-8 bytes).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lost_device_defaults_keep_frp_wipe_the_sd_card_and_map_the_esim_choice() {
        let wipe = AndroidWipe::for_lost_device(false);
        assert_eq!(
            wipe.wipe_data_flags.iter().copied().collect::<Vec<_>>(),
            [
                AndroidWipeFlag::PreserveResetProtectionData,
                AndroidWipeFlag::WipeExternalStorage,
                AndroidWipeFlag::WipeEsims
            ]
        );
        assert!(!wipe.keeps_esim_data_plan());
        let keep = AndroidWipe::for_lost_device(true);
        assert!(keep.keeps_esim_data_plan());
        assert!(!keep.wipe_data_flags.contains(&AndroidWipeFlag::WipeEsims));
    }

    #[test]
    fn the_request_repeats_wipe_data_flags_and_encodes_the_message() {
        let mut wipe = AndroidWipe::for_lost_device(true);
        wipe.wipe_reason_message = WipeReasonMessage::parse("紛失のため & 初期化").unwrap();
        let request = wipe.delete_request("LC00abc", "3a1b");
        assert_eq!(request.method, "DELETE");
        assert_eq!(request.path, "v1/enterprises/LC00abc/devices/3a1b");
        assert_eq!(
            request.path_and_query(),
            "v1/enterprises/LC00abc/devices/3a1b?wipeDataFlags=PRESERVE_RESET_PROTECTION_DATA\
             &wipeDataFlags=WIPE_EXTERNAL_STORAGE&wipeReasonMessage=%E7%B4%9B%E5%A4%B1%E3%81%AE\
             %E3%81%9F%E3%82%81%20%26%20%E5%88%9D%E6%9C%9F%E5%8C%96"
        );
        assert!(request
            .display()
            .starts_with("DELETE https://androidmanagement.googleapis.com/v1/enterprises/"));
    }

    #[test]
    fn no_flags_and_no_message_is_a_bare_delete() {
        let wipe = AndroidWipe {
            wipe_data_flags: BTreeSet::new(),
            wipe_reason_message: None,
        };
        assert_eq!(
            wipe.delete_request("e", "d").path_and_query(),
            "v1/enterprises/e/devices/d"
        );
    }

    #[test]
    fn a_reason_over_200_characters_is_refused_counting_characters_not_bytes() {
        let japanese_200 = "あ".repeat(200);
        assert!(WipeReasonMessage::parse(&japanese_200).unwrap().is_some());
        let error = WipeReasonMessage::parse(&"あ".repeat(201)).unwrap_err();
        assert_eq!(error.field(), super::super::CommandField::WipeReasonMessage);
        assert_eq!(
            error.message(Lang::Ja),
            "初期化の理由は200文字以内で入力してください。"
        );
        assert_eq!(
            error.message(Lang::En),
            "The wipe reason must be at most 200 characters."
        );
        assert_eq!(WipeReasonMessage::parse("  ").unwrap(), None);
        // The same rule holds when the options arrive as JSON.
        let json = format!(
            r#"{{"wipe_data_flags":["WIPE_ESIMS"],"wipe_reason_message":"{}"}}"#,
            "x".repeat(201)
        );
        assert!(serde_json::from_str::<AndroidWipe>(&json).is_err());
    }

    #[test]
    fn the_summary_lists_every_flag_both_ways() {
        let lines = AndroidWipe::for_lost_device(true).summary(Lang::En);
        assert_eq!(
            lines,
            [
                "Keep factory reset protection (FRP) after the wipe: yes",
                "Also wipe external storage such as SD cards: yes",
                "Remove eSIMs: no"
            ]
        );
        for flag in AndroidWipeFlag::ALL {
            assert_ne!(flag.description(Lang::Ja), flag.description(Lang::En));
        }
    }
}
