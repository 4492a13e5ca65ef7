//! Tenants and administrator accounts.

use crate::ids::TenantId;
use crate::store::sql::{params, Connection, OptionalExtension, Row};
use chrono::NaiveDate;
use mdm_model::ids::AdministratorId;
use mdm_model::{session::Administrator, time::Zone, Lang};

/// An administrator with the stored password hash (never leaves the portal).
#[derive(Debug, Clone)]
pub struct AdminRecord {
    pub admin: Administrator,
    pub tenant_id: TenantId,
    pub password_hash: String,
}

const SELECT: &str = "SELECT a.id, a.username, a.display_name, t.name, a.time_zone, a.lang, \
     a.tenant_id, a.password_hash FROM administrators a JOIN tenants t ON t.id = a.tenant_id";

fn from_row(row: &Row<'_>) -> crate::store::sql::Result<AdminRecord> {
    let lang: String = row.get(5)?;
    let zone: String = row.get(4)?;
    // Only checked names are written (migration default, seed, the time-zone route); a name the
    // zone database does not know is a damaged row, not a reason to show another zone's times.
    let time_zone = Zone::parse(&zone).map_err(|e| {
        crate::store::sql::Error::FromSqlConversionFailure(
            4,
            crate::store::sql::Type::Text,
            Box::new(e),
        )
    })?;
    Ok(AdminRecord {
        admin: Administrator {
            id: row.get(0)?,
            username: row.get(1)?,
            display_name: row.get(2)?,
            tenant_name: row.get(3)?,
            time_zone,
            lang: Lang::from_tag(&lang).unwrap_or_default(),
        },
        tenant_id: row.get(6)?,
        password_hash: row.get(7)?,
    })
}

/// The administrator with this exact user name.
pub fn by_username(
    conn: &Connection,
    username: &str,
) -> crate::store::sql::Result<Option<AdminRecord>> {
    conn.prepare_cached(&format!("{SELECT} WHERE a.username = ?1"))?
        .query_row([username], from_row)
        .optional()
}

/// The administrator with this id.
pub fn by_id(
    conn: &Connection,
    id: AdministratorId,
) -> crate::store::sql::Result<Option<AdminRecord>> {
    conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

/// Whether any tenant exists (the seeder only fills an empty database).
pub fn any_tenant(conn: &Connection) -> crate::store::sql::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM tenants)", [], |r| r.get(0))
}

/// Creates a tenant contracted on `contracted_on` and returns its id.
pub fn insert_tenant(
    conn: &Connection,
    name: &str,
    contracted_on: NaiveDate,
) -> crate::store::sql::Result<TenantId> {
    let new_id: i64 = conn.query_row(
        "INSERT INTO tenants (name, contracted_on) VALUES (?1, ?2) RETURNING id",
        crate::store::sql::params![name, contracted_on.to_string()],
        |r| r.get(0),
    )?;
    Ok(TenantId(new_id))
}

/// The day the tenant's contract started (decides whether it may have IVI MDM devices).
pub fn contracted_on(
    conn: &Connection,
    tenant_id: TenantId,
) -> crate::store::sql::Result<NaiveDate> {
    conn.prepare_cached("SELECT contracted_on FROM tenants WHERE id = ?1")?
        .query_row([tenant_id], |r| super::parse_col(r, 0))
}

/// New administrator account fields.
pub struct NewAdmin<'a> {
    pub tenant_id: TenantId,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub time_zone: &'a str,
    pub lang: Lang,
}

/// Creates an administrator and returns its id.
pub fn insert_admin(conn: &Connection, new: &NewAdmin<'_>) -> crate::store::sql::Result<i64> {
    let new_id: i64 = conn.query_row(
        "INSERT INTO administrators (tenant_id, username, display_name, password_hash, time_zone, lang) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        params![new.tenant_id, new.username, new.display_name, new.password_hash, new.time_zone, new.lang.tag()], |r| r.get(0))?;
    Ok(new_id)
}

/// Sets the administrator's time zone; returns whether the account exists.
pub fn set_time_zone(
    conn: &Connection,
    admin_id: AdministratorId,
    zone: Zone,
) -> crate::store::sql::Result<bool> {
    let changed = conn.execute(
        "UPDATE administrators SET time_zone = ?2 WHERE id = ?1",
        params![admin_id, zone.name()],
    )?;
    Ok(changed == 1)
}
