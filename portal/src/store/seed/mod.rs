//! The demo tenant written by `--seed` into an empty database: administrators, the group
//! tree, Wi-Fi settings, DEP profiles and a fleet of devices.

mod fleet;
mod fleet_catalog;
pub mod hostile;
mod names;
pub mod rng;

pub use fleet::{seed_fleet, FleetSpec, DEMO_CONTRACTED_ON};

use crate::ids::TenantId;
use crate::store::sql::Connection;
use chrono::{DateTime, Utc};
use mdm_model::Lang;

use super::admins::{self, NewAdmin};
use crate::{
    auth::{hash_password, HashCost},
    error::ApiError,
};

/// Name of the demo tenant.
pub const DEMO_TENANT: &str = "デモ株式会社";

/// The demo administrators: (user name, password, display name).
pub const DEMO_ADMINS: [(&str, &str, &str); 2] = [
    ("admin", "Demo#2026", "山田 太郎"),
    ("operator", "Operator#2026", "佐藤 花子"),
];

/// Writes the demo tenant, its administrators and its fleet when the database has no tenant
/// yet, all in one transaction. Returns the new tenant's id, or `None` when the database was
/// not empty.
pub fn seed_demo(
    conn: &mut Connection,
    cost: HashCost,
    fleet: FleetSpec,
    now: DateTime<Utc>,
) -> Result<Option<TenantId>, ApiError> {
    if admins::any_tenant(conn)? {
        return Ok(None);
    }
    // Hash before opening the transaction: hashing is the slow part.
    let hashes = DEMO_ADMINS
        .iter()
        .map(|(_, password, _)| hash_password(password, cost))
        .collect::<Result<Vec<_>, _>>()?;
    let tx = conn.transaction()?;
    let tenant_id = admins::insert_tenant(&tx, DEMO_TENANT, fleet.contracted_on)?;
    for ((username, _, display_name), hash) in DEMO_ADMINS.iter().zip(&hashes) {
        admins::insert_admin(
            &tx,
            &NewAdmin {
                tenant_id,
                username,
                display_name,
                password_hash: hash,
                time_zone: "Asia/Tokyo",
                lang: Lang::Ja,
            },
        )?;
    }
    seed_fleet(&tx, tenant_id, fleet, now)?;
    tx.commit()?;
    Ok(Some(tenant_id))
}
