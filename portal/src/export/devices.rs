//! The device table's export: every device matching the filter, in the table's sort order.

use std::collections::HashSet;

use axum::response::Response;
use mdm_model::{
    device::{devices_csv_header, devices_csv_rows, DeviceQuery},
    ids::GroupId,
    time::Zone,
    Lang,
};

use super::{stream_csv, CHUNK_ROWS};
use crate::{
    ids::TenantId,
    store::{devices, groups, Store},
};

/// The devices of `tenant_id` matching `query` (its page ignored) within `scope` (the groups
/// the filter covers, `None` for all), as CSV in `lang` with times in `zone`.
pub fn devices_csv(
    store: &Store,
    tenant_id: TenantId,
    query: DeviceQuery,
    scope: Option<HashSet<GroupId>>,
    lang: Lang,
    zone: Zone,
) -> Response {
    let header = devices_csv_header(lang, zone);
    stream_csv(store, "devices.csv", header, move |tx, sink| {
        let forest = groups::forest(tx, tenant_id)?;
        let ids = devices::ordered_ids(tx, tenant_id, &query, scope.as_ref())?;
        for chunk in ids.chunks(CHUNK_ROWS) {
            let rows = devices::in_order(tx, tenant_id, chunk)?;
            sink.send(devices_csv_rows(&rows, &forest, lang, zone))?;
        }
        Ok(())
    })
}
