//! DEP profiles (DEPプロファイル) and the Setup Assistant panes they can skip.

use serde::{Deserialize, Serialize};

use crate::ids::{DepProfileId, GroupId};
use crate::Lang;

/// An Automated Device Enrollment profile, as `GET /api/dep-profiles` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepProfile {
    pub id: DepProfileId,
    pub name: String,
    /// 登録先グループ: the group a device (re-)enrolled with this profile lands in.
    pub enrollment_group_id: GroupId,
    pub enrollment_group_name: String,
    /// MDM登録時に認証画面を表示しない.
    pub skip_authentication_screen: bool,
    /// Apple's `skip_setup_items` keys (for example `Siri`, `Passcode`).
    pub skipped_setup_panes: Vec<String>,
}

/// A Setup Assistant pane of iOS / iPadOS, named by Apple's skip key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetupPane {
    /// Apple's `skip_setup_items` key.
    pub key: &'static str,
    ja: &'static str,
    en: &'static str,
}

impl SetupPane {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

const fn pane(key: &'static str, ja: &'static str, en: &'static str) -> SetupPane {
    SetupPane { key, ja, en }
}

/// The iOS / iPadOS Setup Assistant panes a DEP profile can skip, in the order the device shows
/// them.
pub const SETUP_ASSISTANT_PANES: &[SetupPane] = &[
    pane("Welcome", "ようこそ", "Welcome"),
    pane("TapToSetup", "クイックスタート", "Quick Start"),
    pane("Keyboard", "キーボード", "Keyboard"),
    pane("SIMSetup", "モバイル通信の設定", "Cellular setup"),
    pane("Passcode", "パスコード", "Passcode"),
    pane("Biometric", "Face ID / Touch ID", "Face ID / Touch ID"),
    pane("Restore", "Appとデータ", "Apps & Data"),
    pane("Android", "Androidから移行", "Move from Android"),
    pane("AppleID", "Apple Account", "Apple Account"),
    pane("TOS", "利用規約", "Terms and Conditions"),
    pane("Location", "位置情報サービス", "Location Services"),
    pane(
        "SoftwareUpdate",
        "ソフトウェア・アップデート",
        "Software Update",
    ),
    pane("Siri", "Siri", "Siri"),
    pane("ScreenTime", "スクリーンタイム", "Screen Time"),
    pane("Diagnostics", "解析", "Analytics"),
    pane("Privacy", "データとプライバシー", "Data & Privacy"),
    pane("Payment", "Apple Pay", "Apple Pay"),
    pane(
        "iMessageAndFaceTime",
        "iMessageとFaceTime",
        "iMessage and FaceTime",
    ),
    pane("DisplayTone", "True Tone", "True Tone"),
    pane("Appearance", "外観モード", "Appearance"),
    pane("Zoom", "拡大表示", "Display Zoom"),
];

impl DepProfile {
    /// The panes a user sees when the device re-enrolls with this profile and must authenticate
    /// (the only case in which Return to Service shows any pane): those the profile does not skip.
    pub fn panes_shown_on_authentication(&self) -> Vec<&'static SetupPane> {
        SETUP_ASSISTANT_PANES
            .iter()
            .filter(|pane| {
                !self
                    .skipped_setup_panes
                    .iter()
                    .any(|skipped| skipped == pane.key)
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A profile that skips the authentication screen and every pane, enrolling into group 10.
    pub fn silent_profile(id: i64) -> DepProfile {
        DepProfile {
            id: DepProfileId(id),
            name: format!("標準DEP {id}"),
            enrollment_group_id: GroupId(10),
            enrollment_group_name: "再登録端末".to_string(),
            skip_authentication_screen: true,
            skipped_setup_panes: SETUP_ASSISTANT_PANES
                .iter()
                .map(|p| p.key.to_string())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::silent_profile;
    use super::*;

    #[test]
    fn shown_panes_are_those_not_skipped_in_device_order() {
        let mut profile = silent_profile(1);
        assert!(profile.panes_shown_on_authentication().is_empty());
        profile
            .skipped_setup_panes
            .retain(|key| key != "Siri" && key != "Passcode");
        let shown: Vec<&str> = profile
            .panes_shown_on_authentication()
            .iter()
            .map(|p| p.key)
            .collect();
        assert_eq!(shown, ["Passcode", "Siri"]);
    }

    #[test]
    fn pane_keys_are_unique_and_labelled() {
        let mut keys: Vec<&str> = SETUP_ASSISTANT_PANES.iter().map(|p| p.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), SETUP_ASSISTANT_PANES.len());
        assert!(SETUP_ASSISTANT_PANES
            .iter()
            .all(|p| !p.label(Lang::Ja).is_empty() && !p.label(Lang::En).is_empty()));
    }
}
