//! Devices: rows to and from the model's [`Device`], the table query (filter, search, sort,
//! page) and the updates the engine and the simulator make.

use crate::ids::TenantId;
use std::collections::HashSet;

use crate::store::sql::{params, params_from_iter, Connection, Row};
use mdm_model::{
    device::{check_management_method, Device, DeviceFilter, DeviceQuery, DeviceState},
    ids::{DepProfileId, DeviceId, GroupId},
};

use super::{
    device_filter_sql::{order_by, where_clause},
    from_millis, parse_col, parse_opt_col,
    search_text::{digits, job_search_words, search_text},
    to_millis,
};

use crate::cache::{device_deps, Table};

const COLUMNS: &str = "id, group_id, name, os, os_version, model, serial_number, phone_number, \
    user_full_name, employee_number, email, notes, tags, ownership, enrollment, dep_profile_id, \
    management_method, esim, powered_on, network_connected, mdm_profile_installed, activesync, \
    last_seen_at, activation_lock_enabled, mac_security_chip, android_resource_name, supervised, \
    lost_mode, locked";

fn from_row(row: &Row<'_>) -> crate::store::sql::Result<Device> {
    let tags: String = row.get(12)?;
    let activesync: Option<String> = row.get(21)?;
    Ok(Device {
        id: DeviceId(row.get(0)?),
        group_id: GroupId(row.get(1)?),
        name: row.get(2)?,
        os: parse_col(row, 3)?,
        os_version: parse_col(row, 4)?,
        model: row.get(5)?,
        serial_number: row.get(6)?,
        phone_number: row.get(7)?,
        user_full_name: row.get(8)?,
        employee_number: row.get(9)?,
        email: row.get(10)?,
        notes: row.get(11)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        ownership: parse_col(row, 13)?,
        enrollment: parse_col(row, 14)?,
        dep_profile_id: row.get::<_, Option<i64>>(15)?.map(DepProfileId),
        management_method: parse_col(row, 16)?,
        esim: row.get(17)?,
        activation_lock_enabled: row.get(23)?,
        mac_security_chip: parse_opt_col(row, 24)?,
        android_resource_name: row.get(25)?,
        supervised: row.get(26)?,
        lost_mode: row.get(27)?,
        locked: row.get(28)?,
        state: DeviceState {
            powered_on: row.get(18)?,
            network_connected: row.get(19)?,
            mdm_profile_installed: row.get(20)?,
            activesync: activesync.and_then(|json| serde_json::from_str(&json).ok()),
        },
        last_seen_at: from_millis(row.get(22)?),
    })
}

/// The lower-cased text the job list's `q` search looks in (name, serial, user).
fn job_search_text(device: &Device) -> String {
    job_search_words(
        &device.name,
        &device.serial_number,
        device.user_full_name.as_deref(),
    )
}

fn version_key(device: &Device) -> i64 {
    let v = device.os_version;
    i64::from(v.major) * 1_000_000
        + i64::from(v.minor.min(999)) * 1_000
        + i64::from(v.patch.min(999))
}

/// A device whose management method does not fit its platform, ownership or tenant.
#[derive(Debug, thiserror::Error)]
#[error("device {name}: {problem} ({method} on {os})")]
pub struct MethodRefused {
    pub name: String,
    pub os: mdm_model::device::Os,
    pub method: mdm_model::device::ManagementMethod,
    pub problem: mdm_model::device::MethodProblem,
}

/// Inserts a device (its `id` is ignored) and returns the new id. A device whose method breaks
/// the model's rule (IVI MDM on Android, Hybrid in a tenant contracted from December 2018...)
/// is refused and nothing is written.
pub fn insert(
    conn: &Connection,
    tenant_id: TenantId,
    device: &Device,
) -> crate::store::sql::Result<DeviceId> {
    let contracted_on = super::admins::contracted_on(conn, tenant_id)?;
    check_management_method(
        device.os,
        device.ownership,
        device.management_method,
        contracted_on,
    )
    .map_err(|problem| {
        crate::store::sql::Error::ToSqlConversionFailure(Box::new(MethodRefused {
            name: device.name.clone(),
            os: device.os,
            method: device.management_method,
            problem,
        }))
    })?;
    crate::cache::record(Table::Devices, tenant_id, device_deps::ROWS);
    let tags = serde_json::to_string(&device.tags).unwrap_or_else(|_| "[]".into());
    let activesync = device
        .state
        .activesync
        .map(|a| serde_json::to_string(&a).unwrap_or_default());
    let new_id: i64 = conn.prepare_cached(
        "INSERT INTO devices (tenant_id, group_id, name, os, os_version, os_version_key, model, \
         serial_number, phone_number, user_full_name, employee_number, email, notes, tags, tags_sort, \
         ownership, enrollment, dep_profile_id, management_method, esim, powered_on, network_connected, \
         mdm_profile_installed, activesync, status, last_seen_at, search_text, phone_digits, job_search_text, \
         activation_lock_enabled, mac_security_chip, android_resource_name, supervised, lost_mode, locked) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, \
         ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35) RETURNING id",
    )?
    .query_row(params![
        tenant_id,
        device.group_id.0,
        device.name,
        device.os.as_str(),
        device.os_version.to_string(),
        version_key(device),
        device.model,
        device.serial_number,
        device.phone_number,
        device.user_full_name,
        device.employee_number,
        device.email,
        device.notes,
        tags,
        device.tags.join(" "),
        device.ownership.as_str(),
        device.enrollment.as_str(),
        device.dep_profile_id.map(|id| id.0),
        device.management_method.as_str(),
        device.esim,
        device.state.powered_on,
        device.state.network_connected,
        device.state.mdm_profile_installed,
        activesync,
        device.state.status().as_str(),
        to_millis(device.last_seen_at),
        search_text(device),
        device.phone_number.as_deref().map(digits).unwrap_or_default(),
        job_search_text(device),
        device.activation_lock_enabled,
        device.mac_security_chip.map(|chip| chip.as_str()),
        device.android_resource_name,
        device.supervised,
        device.lost_mode,
        device.locked,
    ], |r| r.get(0))?;
    Ok(DeviceId(new_id))
}

/// The ids of every matching device in the query's order, from the indexes alone (they cover
/// the filter and sort columns).
pub fn ordered_ids(
    conn: &Connection,
    tenant_id: TenantId,
    query: &DeviceQuery,
    scope: Option<&HashSet<GroupId>>,
) -> crate::store::sql::Result<Vec<i64>> {
    let (clause, values) = where_clause(tenant_id, &query.filter, scope);
    let sql = format!(
        "SELECT id FROM devices WHERE {clause} ORDER BY {}",
        order_by(query.sort, query.order)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt.query_map(params_from_iter(values), |r| r.get(0))?;
    ids.collect()
}

/// The devices with these ids, in the given order.
pub fn in_order(
    conn: &Connection,
    tenant_id: TenantId,
    ids: &[i64],
) -> crate::store::sql::Result<Vec<Device>> {
    let ids: Vec<DeviceId> = ids.iter().copied().map(DeviceId).collect();
    let mut rows: std::collections::HashMap<DeviceId, Device> = by_ids(conn, tenant_id, &ids)?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    Ok(ids.iter().filter_map(|id| rows.remove(id)).collect())
}

/// Every matching device (a wipe "of all devices matching"), by id.
pub fn matching(
    conn: &Connection,
    tenant_id: TenantId,
    filter: &DeviceFilter,
    scope: Option<&HashSet<GroupId>>,
) -> crate::store::sql::Result<Vec<Device>> {
    let (clause, values) = where_clause(tenant_id, filter, scope);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM devices WHERE {clause} ORDER BY id"
    ))?;
    let rows = stmt.query_map(params_from_iter(values), from_row)?;
    rows.collect()
}

/// The tenant's devices with these ids, in id order; unknown ids are simply absent.
pub fn by_ids(
    conn: &Connection,
    tenant_id: TenantId,
    ids: &[DeviceId],
) -> crate::store::sql::Result<Vec<Device>> {
    let mut devices = Vec::with_capacity(ids.len());
    // Chunks keep each statement under SQLite's parameter limit.
    for chunk in ids.chunks(500) {
        let placeholders = vec!["?"; chunk.len()].join(",");
        let sql = format!("SELECT {COLUMNS} FROM devices WHERE tenant_id = ? AND id IN ({placeholders}) ORDER BY id");
        let mut stmt = conn.prepare_cached(&sql)?;
        let values = std::iter::once(tenant_id.0).chain(chunk.iter().map(|id| id.0));
        let rows = stmt.query_map(params_from_iter(values), from_row)?;
        for row in rows {
            devices.push(row?);
        }
    }
    devices.sort_by_key(|d| d.id);
    Ok(devices)
}

/// One device of the tenant.
pub fn get(
    conn: &Connection,
    tenant_id: TenantId,
    id: DeviceId,
) -> crate::store::sql::Result<Option<Device>> {
    Ok(by_ids(conn, tenant_id, &[id])?.into_iter().next())
}

/// Number of devices directly in each group of the tenant.
pub fn counts_by_group(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<Vec<(GroupId, u64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT group_id, COUNT(*) FROM devices WHERE tenant_id = ?1 GROUP BY group_id",
    )?;
    let rows = stmt.query_map([tenant_id], |r| {
        Ok((GroupId(r.get(0)?), r.get::<_, i64>(1)?.max(0) as u64))
    })?;
    rows.collect()
}

/// Writes back everything of a device that can change after enrollment: group, personal
/// fields, tags and state.
pub fn update(conn: &Connection, device: &Device) -> crate::store::sql::Result<()> {
    // A device no longer stored is not updated: nothing to record.
    let Some((tenant_id, changed)) = super::device_lists::changed_columns(conn, device)? else {
        return Ok(());
    };
    crate::cache::record(Table::Devices, tenant_id, changed);
    let tags = serde_json::to_string(&device.tags).unwrap_or_else(|_| "[]".into());
    let activesync = device
        .state
        .activesync
        .map(|a| serde_json::to_string(&a).unwrap_or_default());
    conn.prepare_cached(
        "UPDATE devices SET group_id = ?2, phone_number = ?3, user_full_name = ?4, employee_number = ?5, \
         email = ?6, notes = ?7, tags = ?8, tags_sort = ?9, powered_on = ?10, network_connected = ?11, \
         mdm_profile_installed = ?12, activesync = ?13, status = ?14, last_seen_at = ?15, \
         search_text = ?16, phone_digits = ?17, job_search_text = ?18, activation_lock_enabled = ?19, \
         android_resource_name = ?20, lost_mode = ?21, locked = ?22 WHERE id = ?1",
    )?
    .execute(params![
        device.id.0,
        device.group_id.0,
        device.phone_number,
        device.user_full_name,
        device.employee_number,
        device.email,
        device.notes,
        tags,
        device.tags.join(" "),
        device.state.powered_on,
        device.state.network_connected,
        device.state.mdm_profile_installed,
        activesync,
        device.state.status().as_str(),
        to_millis(device.last_seen_at),
        search_text(device),
        device.phone_number.as_deref().map(digits).unwrap_or_default(),
        job_search_text(device),
        device.activation_lock_enabled,
        device.android_resource_name,
        device.lost_mode,
        device.locked,
    ])?;
    Ok(())
}
