//! The tenant's Wi-Fi settings and DEP profiles (short lists, read whole).

use crate::ids::TenantId;
use crate::store::sql::{params, Connection, OptionalExtension, Row};
use mdm_model::{
    dep::DepProfile,
    ids::{DepProfileId, GroupId, WifiSettingId},
    wifi::{WifiSecurity, WifiSetting},
};

use super::parse_col;

fn wifi_from_row(row: &Row<'_>) -> crate::store::sql::Result<WifiSetting> {
    Ok(WifiSetting {
        id: WifiSettingId(row.get(0)?),
        name: row.get(1)?,
        ssid: row.get(2)?,
        security: parse_col(row, 3)?,
        auto_join: row.get(4)?,
        hidden: row.get(5)?,
        in_remote_settings: row.get(6)?,
    })
}

const WIFI_COLUMNS: &str = "id, name, ssid, security, auto_join, hidden, in_remote_settings";

/// Every Wi-Fi setting of the tenant, by id.
pub fn wifi_settings(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<Vec<WifiSetting>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {WIFI_COLUMNS} FROM wifi_settings WHERE tenant_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([tenant_id], wifi_from_row)?;
    rows.collect()
}

/// One Wi-Fi setting with its network password (for the profile sent to the device).
pub fn wifi_setting(
    conn: &Connection,
    tenant_id: TenantId,
    id: WifiSettingId,
) -> crate::store::sql::Result<Option<(WifiSetting, Option<String>)>> {
    conn.prepare_cached(&format!(
        "SELECT {WIFI_COLUMNS}, password FROM wifi_settings WHERE tenant_id = ?1 AND id = ?2"
    ))?
    .query_row(params![tenant_id, id.0], |row| {
        Ok((wifi_from_row(row)?, row.get(7)?))
    })
    .optional()
}

/// New Wi-Fi setting fields.
pub struct NewWifi<'a> {
    pub name: &'a str,
    pub ssid: &'a str,
    pub security: WifiSecurity,
    pub password: Option<&'a str>,
    pub auto_join: bool,
    pub hidden: bool,
    pub in_remote_settings: bool,
}

/// Inserts a Wi-Fi setting.
pub fn insert_wifi(
    conn: &Connection,
    tenant_id: TenantId,
    new: &NewWifi<'_>,
) -> crate::store::sql::Result<WifiSettingId> {
    let new_id: i64 = conn.query_row(
        "INSERT INTO wifi_settings (tenant_id, name, ssid, security, password, auto_join, hidden, in_remote_settings) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        params![tenant_id, new.name, new.ssid, new.security.as_str(), new.password, new.auto_join, new.hidden, new.in_remote_settings], |r| r.get(0))?;
    Ok(WifiSettingId(new_id))
}

fn dep_from_row(row: &Row<'_>) -> crate::store::sql::Result<DepProfile> {
    let panes: String = row.get(5)?;
    Ok(DepProfile {
        id: DepProfileId(row.get(0)?),
        name: row.get(1)?,
        enrollment_group_id: GroupId(row.get(2)?),
        enrollment_group_name: row.get(3)?,
        skip_authentication_screen: row.get(4)?,
        skipped_setup_panes: serde_json::from_str(&panes).unwrap_or_default(),
    })
}

const DEP_SELECT: &str =
    "SELECT p.id, p.name, p.enrollment_group_id, g.name, p.skip_authentication_screen, \
     p.skipped_setup_panes FROM dep_profiles p JOIN groups g ON g.id = p.enrollment_group_id";

/// Every DEP profile of the tenant, by id.
pub fn dep_profiles(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<Vec<DepProfile>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{DEP_SELECT} WHERE p.tenant_id = ?1 ORDER BY p.id"
    ))?;
    let rows = stmt.query_map([tenant_id], dep_from_row)?;
    rows.collect()
}

/// Inserts a DEP profile.
pub fn insert_dep_profile(
    conn: &Connection,
    tenant_id: TenantId,
    name: &str,
    enrollment_group: GroupId,
    skip_authentication_screen: bool,
    skipped_setup_panes: &[&str],
) -> crate::store::sql::Result<DepProfileId> {
    let panes = serde_json::to_string(skipped_setup_panes).unwrap_or_else(|_| "[]".into());
    let new_id: i64 = conn.query_row(
        "INSERT INTO dep_profiles (tenant_id, name, enrollment_group_id, skip_authentication_screen, skipped_setup_panes) \
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![tenant_id, name, enrollment_group.0, skip_authentication_screen, panes], |r| r.get(0))?;
    Ok(DepProfileId(new_id))
}
