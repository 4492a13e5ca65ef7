//! The catalog the demo devices refer to: the group tree, the Wi-Fi settings and the DEP
//! profiles.

use crate::ids::TenantId;
use crate::store::sql::Connection;
use mdm_model::{
    dep::SETUP_ASSISTANT_PANES,
    ids::{DepProfileId, GroupId},
    wifi::WifiSecurity,
};

use crate::store::{
    catalog::{self, NewWifi},
    groups,
};

/// The group tree: (name, index of the parent in this list).
const GROUPS: &[(&str, Option<usize>)] = &[
    ("本社", None),
    ("営業本部", Some(0)),
    ("東日本営業部", Some(1)),
    ("西日本営業部", Some(1)),
    ("開発本部", Some(0)),
    ("第一開発部", Some(4)),
    ("第二開発部", Some(4)),
    ("管理本部", Some(0)),
    ("人事部", Some(7)),
    ("経理部", Some(7)),
    ("情報システム部", Some(7)),
    ("支店", None),
    ("大阪支店", Some(11)),
    ("名古屋支店", Some(11)),
    ("福岡支店", Some(11)),
    ("再登録端末", None),
];

/// Groups devices are spread over (leaves and a few parents), with weights.
pub(super) const DEVICE_GROUPS: &[(usize, u32)] = &[
    (0, 2),
    (2, 14),
    (3, 12),
    (5, 10),
    (6, 9),
    (8, 5),
    (9, 5),
    (10, 6),
    (12, 10),
    (13, 8),
    (14, 7),
    (15, 1),
];

/// The ids created for the catalog the devices refer to.
pub(super) struct Catalog {
    pub groups: Vec<GroupId>,
    pub dep_profiles: Vec<DepProfileId>,
}

pub(super) fn seed_catalog(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<Catalog> {
    let mut ids: Vec<GroupId> = Vec::with_capacity(GROUPS.len());
    for (position, (name, parent)) in GROUPS.iter().enumerate() {
        let parent = parent.map(|index| ids[index]);
        ids.push(groups::insert(
            conn,
            tenant_id,
            parent,
            name,
            position as i64,
        )?);
    }
    let wifi = [
        (
            "本社Wi-Fi",
            "CORP-HQ",
            WifiSecurity::Wpa2,
            true,
            false,
            true,
        ),
        (
            "本社Wi-Fi (WPA3)",
            "CORP-HQ-6E",
            WifiSecurity::Wpa3,
            true,
            false,
            true,
        ),
        (
            "大阪支店Wi-Fi",
            "CORP-OSAKA",
            WifiSecurity::Wpa2,
            true,
            false,
            true,
        ),
        (
            "ゲストWi-Fi",
            "GUEST",
            WifiSecurity::Wpa2,
            false,
            false,
            true,
        ),
        ("倉庫Wi-Fi", "WH-NET", WifiSecurity::Wpa2, false, true, true),
        (
            "検証用Wi-Fi",
            "LAB-TEST",
            WifiSecurity::Wpa2,
            true,
            false,
            false,
        ),
    ];
    for (name, ssid, security, auto_join, hidden, in_remote_settings) in wifi {
        let password = format!("{ssid}-passphrase-2026");
        let new = NewWifi {
            name,
            ssid,
            security,
            password: Some(&password),
            auto_join,
            hidden,
            in_remote_settings,
        };
        catalog::insert_wifi(conn, tenant_id, &new)?;
    }
    let all_panes: Vec<&str> = SETUP_ASSISTANT_PANES.iter().map(|p| p.key).collect();
    let some_panes: Vec<&str> = all_panes
        .iter()
        .copied()
        .filter(|k| !matches!(*k, "Passcode" | "Biometric" | "Location"))
        .collect();
    let dep_profiles = vec![
        catalog::insert_dep_profile(
            conn,
            tenant_id,
            "標準DEPプロファイル",
            ids[15],
            true,
            &all_panes,
        )?,
        catalog::insert_dep_profile(
            conn,
            tenant_id,
            "営業部DEPプロファイル",
            ids[2],
            true,
            &some_panes,
        )?,
        catalog::insert_dep_profile(
            conn,
            tenant_id,
            "認証ありDEPプロファイル",
            ids[10],
            false,
            &some_panes,
        )?,
    ];
    Ok(Catalog {
        groups: ids,
        dep_profiles,
    })
}
