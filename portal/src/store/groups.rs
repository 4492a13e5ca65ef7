//! The group tree.

use crate::ids::TenantId;
use crate::store::sql::{params, Connection};
use mdm_model::{
    group::{Group, GroupForest},
    ids::GroupId,
};

use crate::error::ApiError;

/// Inserts a group and returns its id.
pub fn insert(
    conn: &Connection,
    tenant_id: TenantId,
    parent: Option<GroupId>,
    name: &str,
    position: i64,
) -> crate::store::sql::Result<GroupId> {
    let new_id: i64 = conn.prepare_cached(
        "INSERT INTO groups (tenant_id, parent_id, name, position) VALUES (?1, ?2, ?3, ?4) RETURNING id",
    )?
    .query_row(params![tenant_id, parent.map(|g| g.0), name, position], |r| r.get(0))?;
    Ok(GroupId(new_id))
}

/// The tenant's groups in display order.
pub fn all(conn: &Connection, tenant_id: TenantId) -> crate::store::sql::Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, parent_id, name FROM groups WHERE tenant_id = ?1 ORDER BY position, id",
    )?;
    let rows = stmt.query_map([tenant_id], |r| {
        Ok(Group {
            id: GroupId(r.get(0)?),
            parent_id: r.get::<_, Option<i64>>(1)?.map(GroupId),
            name: r.get(2)?,
        })
    })?;
    rows.collect()
}

/// The tenant's groups as a validated tree (the model checks ids, parents and cycles).
pub fn forest(conn: &Connection, tenant_id: TenantId) -> Result<GroupForest, ApiError> {
    GroupForest::new(all(conn, tenant_id)?).map_err(ApiError::internal)
}
