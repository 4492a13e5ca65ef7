//! Reading jobs: one job, its history, and the job list (a Hybrid pair is one entry).

use crate::ids::TenantId;
use crate::store::sql::{params, params_from_iter, Connection, OptionalExtension, Row, Value};
use mdm_model::{
    command::PlatformWipeOptions,
    ids::{AdministratorId, GroupId, JobId, WifiSettingId, WipeId},
    job::{
        AdministratorRef, Job, JobListEntry, JobMethod, JobOptions, JobQuery, JobSortKey,
        JobStatus, ReenrollmentOutcome, ReturnToServicePlan, StatusChange, WifiSettingRef,
    },
    measure::MeasureOptions,
    paging::SortOrder,
};

use super::bit;
use crate::store::{from_millis, parse_col};

/// Everything a job shows comes from the job and its wipe as registered (migration 11): no
/// join on the device or the Wi-Fi setting, whose rows may have changed since.
const JOB_SELECT: &str = "SELECT j.id, j.wipe_id, j.method, j.status, j.status_reason, j.status_changed_at, \
    j.pair_job_id, j.registered_at, j.rts_group_id, j.rts_group_name, j.rts_user_must_authenticate, \
    w.delete_general_info, w.scheduled_at, w.keep_esim_data_plan, w.wifi_setting_id, w.wifi_name, w.wifi_ssid, \
    a.id, a.display_name, j.device_snapshot, j.rts_dep_profile_name, j.entry_id, j.rts_activation_lock, \
    j.reenrollment_status, j.reenrollment_since, j.reenrollment_deadline, j.reenrollment_reason, \
    j.platform_options, j.kind, j.measure_options \
    FROM jobs j JOIN wipes w ON w.id = j.wipe_id \
    JOIN administrators a ON a.id = w.registered_by";

/// The column holding the list entry id.
const ENTRY_COLUMN: usize = 21;

/// A JSON column read into a model type (`None` when NULL).
fn json_col<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    index: usize,
) -> crate::store::sql::Result<Option<T>> {
    match row.get::<_, Option<String>>(index)? {
        Some(json) => serde_json::from_str(&json).map(Some).map_err(|e| {
            crate::store::sql::Error::FromSqlConversionFailure(
                index,
                crate::store::sql::Type::Text,
                e.into(),
            )
        }),
        None => Ok(None),
    }
}

fn job_from_row(row: &Row<'_>) -> crate::store::sql::Result<Job> {
    let rts_group: Option<i64> = row.get(8)?;
    let wifi_id: Option<i64> = row.get(14)?;
    Ok(Job {
        id: JobId(row.get(0)?),
        wipe_id: WipeId(row.get(1)?),
        kind: parse_col(row, 28)?,
        method: parse_col(row, 2)?,
        status: parse_col(row, 3)?,
        status_reason: parse_col(row, 4)?,
        status_changed_at: from_millis(row.get(5)?),
        pair_job_id: row.get::<_, Option<i64>>(6)?.map(JobId),
        registered_at: from_millis(row.get(7)?),
        options: JobOptions {
            delete_general_info: row.get(11)?,
            scheduled_at: row.get::<_, Option<i64>>(12)?.map(from_millis),
            keep_esim_data_plan: row.get(13)?,
            wifi_setting: match wifi_id {
                Some(id) => Some(WifiSettingRef {
                    id: WifiSettingId(id),
                    name: row.get::<_, Option<String>>(15)?.unwrap_or_default(),
                    ssid: row.get::<_, Option<String>>(16)?.unwrap_or_default(),
                }),
                None => None,
            },
            return_to_service: match rts_group {
                Some(group) => Some(ReturnToServicePlan {
                    enrollment_group_id: GroupId(group),
                    enrollment_group_name: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
                    user_must_authenticate: row.get::<_, Option<bool>>(10)?.unwrap_or(false),
                    dep_profile_name: row.get(20)?,
                    activation_lock_enabled: row.get(22)?,
                }),
                None => None,
            },
            // Answers never carry a PIN back; the engine reads the real options with
            // [`command_options`].
            platform: json_col::<PlatformWipeOptions>(row, 27)?.map(|p| p.masked()),
            measure: json_col::<MeasureOptions>(row, 29)?.map(|m| m.masked()),
        },
        registered_by: AdministratorRef {
            id: AdministratorId(row.get(17)?),
            display_name: row.get(18)?,
        },
        device: {
            let json: String = row.get(19)?;
            serde_json::from_str(&json).map_err(|e| {
                crate::store::sql::Error::FromSqlConversionFailure(
                    19,
                    crate::store::sql::Type::Text,
                    e.into(),
                )
            })?
        },
        reenrollment: reenrollment_from_row(row)?,
    })
}

/// The re-enrollment outcome columns (23–26), set once a Return-to-Service erase succeeded.
fn reenrollment_from_row(row: &Row<'_>) -> crate::store::sql::Result<Option<ReenrollmentOutcome>> {
    if row.get::<_, Option<String>>(23)?.is_none() {
        return Ok(None);
    }
    Ok(Some(ReenrollmentOutcome {
        status: parse_col(row, 23)?,
        since: from_millis(row.get(24)?),
        deadline: from_millis(row.get(25)?),
        likely_reason: match row.get::<_, Option<String>>(26)? {
            Some(_) => Some(parse_col(row, 26)?),
            None => None,
        },
    }))
}

/// One job of the tenant.
pub fn get(
    conn: &Connection,
    tenant_id: TenantId,
    id: JobId,
) -> crate::store::sql::Result<Option<Job>> {
    conn.prepare_cached(&format!(
        "{JOB_SELECT} WHERE j.tenant_id = ?1 AND j.id = ?2"
    ))?
    .query_row(params![tenant_id, id.0], job_from_row)
    .optional()
}

/// A job's status history, oldest first.
pub fn history(conn: &Connection, id: JobId) -> crate::store::sql::Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, reason, at FROM job_events WHERE job_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        Ok(StatusChange {
            status: parse_col(r, 0)?,
            reason: parse_col(r, 1)?,
            at: from_millis(r.get(2)?),
        })
    })?;
    rows.collect()
}

/// The FROM and WHERE of the list entries `e` matching a query. An entry matches when either
/// of its jobs does: the entry row carries both jobs' statuses and methods as bit masks, and
/// the fields a pair shares, so only the devices table is joined, for a text search.
fn from_where(tenant_id: TenantId, query: &JobQuery) -> (String, Vec<Value>) {
    let mut sql = String::from("FROM jobs e");
    let terms = query
        .q
        .as_deref()
        .map(mdm_model::device::search_terms)
        .unwrap_or_default();
    sql.push_str(" WHERE e.tenant_id = ? AND e.id = e.entry_id");
    let mut values = vec![Value::Integer(tenant_id.0)];
    let mut int = |clause: &str, value: Option<i64>| {
        if let Some(value) = value {
            sql.push_str(clause);
            values.push(Value::Integer(value));
        }
    };
    int(
        " AND (e.status_mask & ?) != 0",
        query.status.map(|s| bit(JobStatus::ALL, &s)),
    );
    int(
        " AND (e.method_mask & ?) != 0",
        query.method.map(|m| bit(JobMethod::ALL, &m)),
    );
    int(" AND e.device_id = ?", query.device.map(|d| d.0));
    int(" AND e.registered_by = ?", query.registrant.map(|r| r.0));
    int(
        " AND e.registered_at >= ?",
        query.from.map(|t| t.timestamp_millis()),
    );
    int(
        " AND e.registered_at < ?",
        query.to.map(|t| t.timestamp_millis()),
    );
    int(" AND e.wipe_id = ?", query.wipe.map(|w| w.0));
    if let Some(kind) = query.kind {
        // Both jobs of a Hybrid pair are wipes: the entry's row tells its kind.
        sql.push_str(" AND e.kind = ?");
        values.push(Value::Text(kind.as_str().into()));
    }
    for term in terms {
        // The snapshot's text: a job is found by the owner it was registered for.
        sql.push_str(" AND e.job_search_text LIKE ? ESCAPE '\\'");
        let escaped: String = term
            .chars()
            .flat_map(|c| {
                if matches!(c, '%' | '_' | '\\') {
                    vec!['\\', c]
                } else {
                    vec![c]
                }
            })
            .collect();
        values.push(Value::Text(format!("%{escaped}%")));
    }
    (sql, values)
}

fn order_by(sort: JobSortKey, order: SortOrder) -> String {
    let dir = match order {
        SortOrder::Asc => "ASC",
        SortOrder::Desc => "DESC",
    };
    let column = match sort {
        JobSortKey::RegisteredAt => "e.registered_at",
        JobSortKey::Id => "e.id",
        JobSortKey::Status => "e.status",
        JobSortKey::Method => "e.method",
        JobSortKey::Device => "e.device_name",
        // Administrators are few: a correlated lookup of the name is cheap.
        JobSortKey::Registrant => {
            "(SELECT a.display_name FROM administrators a WHERE a.id = e.registered_by)"
        }
        JobSortKey::ScheduledAt => "e.scheduled_at",
        JobSortKey::UpdatedAt => "e.entry_updated_at",
    };
    format!("{column} {dir}, e.id {dir}")
}

/// The ids of every matching list entry in the query's order, from the entry indexes.
pub fn ordered_entry_ids(
    conn: &Connection,
    tenant_id: TenantId,
    query: &JobQuery,
) -> crate::store::sql::Result<Vec<i64>> {
    let (from_where, values) = from_where(tenant_id, query);
    let sql = format!(
        "SELECT e.id {from_where} ORDER BY {}",
        order_by(query.sort, query.order)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt.query_map(params_from_iter(values), |r| r.get(0))?;
    ids.collect()
}

/// The list entries with these ids, in the given order, each a job or a Hybrid pair.
pub fn entries(
    conn: &Connection,
    entry_ids: &[i64],
) -> crate::store::sql::Result<Vec<JobListEntry>> {
    let mut by_entry: std::collections::HashMap<i64, Vec<Job>> = std::collections::HashMap::new();
    // One statement per chunk rather than one per entry.
    for chunk in entry_ids.chunks(500) {
        let placeholders = vec!["?"; chunk.len()].join(",");
        let sql = format!("{JOB_SELECT} WHERE j.entry_id IN ({placeholders}) ORDER BY j.id");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(chunk.iter()), |row| {
            Ok((row.get::<_, i64>(ENTRY_COLUMN)?, job_from_row(row)?))
        })?;
        for row in rows {
            let (entry, job) = row?;
            by_entry.entry(entry).or_default().push(job);
        }
    }
    Ok(entry_ids
        .iter()
        .filter_map(|id| {
            let mut jobs = by_entry.remove(id)?;
            match (jobs.pop(), jobs.pop()) {
                (Some(b), Some(a)) => Some(JobListEntry::pair(a, b)),
                (Some(job), None) => Some(JobListEntry::single(job)),
                _ => None,
            }
        })
        .collect())
}

/// A job's platform and measure options with their secrets (a Mac's PIN): what its command is
/// built from, never shown.
pub fn command_options(
    conn: &Connection,
    id: JobId,
) -> crate::store::sql::Result<(Option<PlatformWipeOptions>, Option<MeasureOptions>)> {
    conn.prepare_cached("SELECT platform_options, measure_options FROM jobs WHERE id = ?1")?
        .query_row([id.0], |row| Ok((json_col(row, 0)?, json_col(row, 1)?)))
}
