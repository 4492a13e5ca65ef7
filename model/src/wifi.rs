//! Wi-Fi settings (WLAN設定) of the remote-settings feature set, and which of them the after-wipe
//! tab may offer for automatic re-enrollment.

use serde::{Deserialize, Serialize};

use crate::ids::WifiSettingId;
use crate::query::{QueryParamError, QueryReader, QueryWriter};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Security of the network; maps one to one onto Apple's `EncryptionType`.
    pub enum WifiSecurity {
        Open = "none", ja: "なし", en: "None";
        Wep = "wep", ja: "WEP", en: "WEP";
        Wpa = "wpa", ja: "WPA", en: "WPA";
        Wpa2 = "wpa2", ja: "WPA2", en: "WPA2";
        Wpa3 = "wpa3", ja: "WPA3", en: "WPA3";
        Any = "any", ja: "自動", en: "Any (automatic)";
    }
}

impl WifiSecurity {
    /// The value of Apple's `EncryptionType` key (com.apple.wifi.managed).
    pub fn apple_encryption_type(self) -> &'static str {
        match self {
            WifiSecurity::Open => "None",
            WifiSecurity::Wep => "WEP",
            WifiSecurity::Wpa => "WPA",
            WifiSecurity::Wpa2 => "WPA2",
            WifiSecurity::Wpa3 => "WPA3",
            WifiSecurity::Any => "Any",
        }
    }
}

/// A Wi-Fi setting as `GET /api/wifi-settings` lists it. The network password is never part of
/// the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WifiSetting {
    pub id: WifiSettingId,
    /// The administrator's name for the setting.
    pub name: String,
    pub ssid: String,
    pub security: WifiSecurity,
    /// 自動接続: the device joins the network without the user tapping it.
    pub auto_join: bool,
    /// The network does not broadcast its SSID.
    pub hidden: bool,
    /// Registered in the remote-settings feature set (only those can be pushed to a device).
    pub in_remote_settings: bool,
}

impl WifiSetting {
    /// Whether the after-wipe tab may offer this setting: a wiped device can only re-enroll
    /// unattended through a network it joins by itself, pushed by the remote-settings feature.
    pub fn usable_for_reenrollment(&self) -> bool {
        self.in_remote_settings && self.auto_join
    }
}

/// The settings the Wi-Fi dropdown offers, in the given order.
pub fn offered_for_reenrollment(settings: &[WifiSetting]) -> Vec<&WifiSetting> {
    settings
        .iter()
        .filter(|setting| setting.usable_for_reenrollment())
        .collect()
}

/// `GET /api/wifi-settings` parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WifiSettingQuery {
    /// `auto_join=true|false`: only settings with auto-join on / off.
    pub auto_join: Option<bool>,
    /// `registered=true|false`: only settings (not) registered in the remote-settings feature set.
    pub registered: Option<bool>,
}

impl WifiSettingQuery {
    /// What the after-wipe dropdown asks for.
    pub const FOR_REENROLLMENT: WifiSettingQuery = WifiSettingQuery {
        auto_join: Some(true),
        registered: Some(true),
    };

    pub fn from_query(reader: &QueryReader<'_>) -> Result<Self, QueryParamError> {
        Ok(WifiSettingQuery {
            auto_join: reader.parse("auto_join")?,
            registered: reader.parse("registered")?,
        })
    }

    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        QueryWriter::new()
            .opt("auto_join", self.auto_join)
            .opt("registered", self.registered)
            .into_pairs()
    }

    pub fn matches(&self, setting: &WifiSetting) -> bool {
        self.auto_join.is_none_or(|on| setting.auto_join == on)
            && self
                .registered
                .is_none_or(|registered| setting.in_remote_settings == registered)
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A registered WPA2 setting with auto-join on.
    pub fn office_wifi(id: i64) -> WifiSetting {
        WifiSetting {
            id: WifiSettingId(id),
            name: format!("本社Wi-Fi {id}"),
            ssid: format!("CORP-{id}"),
            security: WifiSecurity::Wpa2,
            auto_join: true,
            hidden: false,
            in_remote_settings: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::office_wifi;
    use super::*;

    #[test]
    fn only_registered_auto_join_settings_are_offered() {
        let settings = vec![
            office_wifi(1),
            WifiSetting {
                auto_join: false,
                ..office_wifi(2)
            },
            WifiSetting {
                in_remote_settings: false,
                ..office_wifi(3)
            },
            office_wifi(4),
        ];
        let offered: Vec<WifiSettingId> = offered_for_reenrollment(&settings)
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(offered, [WifiSettingId(1), WifiSettingId(4)]);
        let by_query: Vec<WifiSettingId> = settings
            .iter()
            .filter(|s| WifiSettingQuery::FOR_REENROLLMENT.matches(s))
            .map(|s| s.id)
            .collect();
        assert_eq!(by_query, offered);
    }

    #[test]
    fn query_round_trips() {
        let query = WifiSettingQuery {
            auto_join: Some(true),
            registered: None,
        };
        let pairs = query.to_query_pairs();
        assert_eq!(pairs, vec![("auto_join", "true".to_string())]);
        let reader = QueryReader::new(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(WifiSettingQuery::from_query(&reader), Ok(query));
        assert!(WifiSettingQuery::from_query(&QueryReader::new([("auto_join", "yes")])).is_err());
    }

    #[test]
    fn encryption_types_are_apples_values() {
        let apple = ["WEP", "WPA", "WPA2", "WPA3", "Any", "None"];
        for security in WifiSecurity::ALL {
            assert!(apple.contains(&security.apple_encryption_type()));
        }
    }
}
