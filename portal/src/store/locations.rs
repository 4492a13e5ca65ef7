//! Where devices in lost mode said they were (`device_locations`), newest first when read.

use crate::store::sql::{params, Connection, Row};
use mdm_model::{
    ids::{DeviceId, JobId},
    measure::DeviceLocationFix,
    paging::{Page, PageRequest},
};

use super::{from_millis, to_millis};
use crate::ids::TenantId;

/// Keeps one location answer.
pub fn insert(
    conn: &Connection,
    tenant_id: TenantId,
    device: DeviceId,
    fix: &DeviceLocationFix,
) -> crate::store::sql::Result<()> {
    conn.prepare_cached(
        "INSERT INTO device_locations (tenant_id, device_id, job_id, latitude, longitude, \
         horizontal_accuracy_m, located_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        tenant_id,
        device.0,
        fix.job_id.map(|j| j.0),
        fix.latitude,
        fix.longitude,
        fix.horizontal_accuracy_m,
        to_millis(fix.located_at),
    ])?;
    Ok(())
}

fn from_row(row: &Row<'_>) -> crate::store::sql::Result<DeviceLocationFix> {
    Ok(DeviceLocationFix {
        latitude: row.get(0)?,
        longitude: row.get(1)?,
        horizontal_accuracy_m: row.get(2)?,
        located_at: from_millis(row.get(3)?),
        job_id: row.get::<_, Option<i64>>(4)?.map(JobId),
    })
}

const SELECT: &str =
    "SELECT latitude, longitude, horizontal_accuracy_m, located_at, job_id FROM device_locations";

/// One page of a device's locations, newest first.
pub fn of_device(
    conn: &Connection,
    tenant_id: TenantId,
    device: DeviceId,
    page: PageRequest,
) -> crate::store::sql::Result<Page<DeviceLocationFix>> {
    let total: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM device_locations WHERE tenant_id = ?1 AND device_id = ?2",
        )?
        .query_row(params![tenant_id, device.0], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE tenant_id = ?1 AND device_id = ?2 \
             ORDER BY located_at DESC, id DESC LIMIT ?3 OFFSET ?4"
        ))?
        .query_map(
            params![
                tenant_id,
                device.0,
                page.limit() as i64,
                page.offset() as i64
            ],
            from_row,
        )?
        .collect::<crate::store::sql::Result<Vec<_>>>()?;
    Ok(Page::new(items, total as u64, page))
}

/// The location a location request's job got back, if it did.
pub fn of_job(
    conn: &Connection,
    job: JobId,
) -> crate::store::sql::Result<Option<DeviceLocationFix>> {
    use crate::store::sql::OptionalExtension;
    conn.prepare_cached(&format!(
        "{SELECT} WHERE job_id = ?1 ORDER BY id DESC LIMIT 1"
    ))?
    .query_row([job.0], from_row)
    .optional()
}
