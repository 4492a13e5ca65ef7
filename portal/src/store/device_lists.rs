//! What a device list reads and what a device update changes, in the column groups of
//! [`crate::cache::device_deps`], so the list cache retires only the lists a change can move.

use crate::store::sql::{Connection, OptionalExtension, Value};
use mdm_model::device::{Device, DeviceQuery, DeviceSortKey};

use super::to_millis;
use crate::{
    cache::{device_deps, Deps},
    ids::TenantId,
};

/// The list-relevant column groups an update of `device` changes, with its tenant: one look
/// at the stored row, so a device coming online retires only the lists that read its status
/// and last-seen time. (The job list reads the jobs' own snapshots, never the device row.)
pub(super) fn changed_columns(
    conn: &Connection,
    device: &Device,
) -> crate::store::sql::Result<Option<(TenantId, Deps)>> {
    conn.prepare_cached(
        "SELECT tenant_id, group_id, status, last_seen_at, user_full_name, phone_number, \
         employee_number, tags_sort, search_text, lost_mode, locked FROM devices WHERE id = ?1",
    )?
    .query_row([device.id.0], |r| {
        let differs = |index: usize, now: Value| -> crate::store::sql::Result<bool> {
            Ok(r.get::<_, Value>(index)? != now)
        };
        let text = |t: Option<&str>| t.map_or(Value::Null, |t| Value::Text(t.to_string()));
        let mut deps: Deps = 0;
        let columns: [(usize, Value, Deps); 10] = [
            (1, Value::Integer(device.group_id.0), device_deps::GROUP),
            (
                2,
                text(Some(device.state.status().as_str())),
                device_deps::STATUS,
            ),
            (
                3,
                Value::Integer(to_millis(device.last_seen_at)),
                device_deps::LAST_SEEN,
            ),
            (4, text(device.user_full_name.as_deref()), device_deps::USER),
            (5, text(device.phone_number.as_deref()), device_deps::PHONE),
            (
                6,
                text(device.employee_number.as_deref()),
                device_deps::EMPLOYEE,
            ),
            (7, text(Some(&device.tags.join(" "))), device_deps::TAGS),
            (
                8,
                text(Some(&super::search_text::search_text(device))),
                device_deps::SEARCH,
            ),
            (
                9,
                Value::Integer(device.lost_mode.into()),
                device_deps::MARKS,
            ),
            (10, Value::Integer(device.locked.into()), device_deps::MARKS),
        ];
        for (index, now, dep) in columns {
            if differs(index, now)? {
                deps |= dep;
            }
        }
        Ok((r.get(0)?, deps))
    })
    .optional()
}

/// The column groups a device list reads: its filter's and its sort's.
pub fn list_deps(query: &DeviceQuery) -> Deps {
    let filter = &query.filter;
    let mut deps = device_deps::ROWS;
    if filter.group.is_some() {
        deps |= device_deps::GROUP;
    }
    if filter.status.is_some() {
        deps |= device_deps::STATUS;
    }
    if filter.mark.is_some() {
        deps |= device_deps::MARKS;
    }
    if filter.q.as_deref().is_some_and(|q| !q.trim().is_empty()) {
        deps |= device_deps::SEARCH | device_deps::PHONE;
    }
    deps | match query.sort {
        DeviceSortKey::User => device_deps::USER,
        DeviceSortKey::PhoneNumber => device_deps::PHONE,
        DeviceSortKey::Status => device_deps::STATUS,
        DeviceSortKey::LastSeen => device_deps::LAST_SEEN,
        DeviceSortKey::Tags => device_deps::TAGS,
        DeviceSortKey::EmployeeNumber => device_deps::EMPLOYEE,
        // Columns set at enrollment and never updated: only added or removed rows matter.
        DeviceSortKey::Name
        | DeviceSortKey::Os
        | DeviceSortKey::Model
        | DeviceSortKey::Method
        | DeviceSortKey::Ownership
        | DeviceSortKey::SerialNumber => device_deps::ROWS,
    }
}
