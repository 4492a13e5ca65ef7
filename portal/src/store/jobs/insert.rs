//! Writing new jobs. A registration's thousands of jobs go in multi-row INSERTs: on
//! PostgreSQL a 10,000-device wipe is a few dozen statements rather than tens of thousands of
//! round trips (which, under load, each wait for the CPU). On SQLite the statements are kept
//! small (64 rows), so the two or three sizes a registration uses compile once and stay in
//! the statement cache: compiling statements of thousands of parameters for each call was
//! slower than one row at a time (1.0 s against 7 s for a 2,000-device wipe under load), and
//! 64-row statements halve the one-row time (650 ms to 300 ms for 11,000 jobs).

use mdm_model::{
    ids::JobId,
    job::{JobKind, JobMethod, JobStatus, StatusReason},
};

use super::{bit, job_search_text, NewJob};
use crate::store::sql::{self, Connection, ToSql, Value};

/// Jobs per INSERT on PostgreSQL: 26 parameters each stays well under its 65,535.
const JOBS_PER_INSERT: usize = 500;

/// Jobs per INSERT on SQLite (26 parameters each, 1,664 in all).
const SQLITE_JOBS_PER_INSERT: usize = 64;

/// The parameters of one job row; `?7` (registered at) and `?13` (due at) fill several columns.
const JOB_PARAMS: usize = 26;

const INSERT_JOBS: &str = "INSERT INTO jobs (id, tenant_id, wipe_id, device_id, method, status, \
    status_reason, status_changed_at, entry_id, pair_job_id, rts_group_id, rts_group_name, \
    rts_user_must_authenticate, registered_at, due_at, next_check_at, ivi_ready_at, updated_at, \
    entry_updated_at, registered_by, scheduled_at, device_name, status_mask, method_mask, \
    device_snapshot, job_search_text, rts_dep_profile_name, rts_activation_lock, \
    platform_options, kind, measure_options) VALUES ";

/// Inserts the jobs of one device (one, or a Hybrid pair listed IVI MDM first) with their
/// first history entries, under ids from [`super::next_job_id`]. The unique index on open jobs
/// makes this fail with a constraint error if the device already has an open job of a method.
pub fn insert_entry(conn: &Connection, first_id: i64, jobs: &[NewJob]) -> sql::Result<Vec<JobId>> {
    Ok(insert_entries(conn, first_id, &[jobs])?
        .pop()
        .unwrap_or_default())
}

/// [`insert_entry`] for many devices at once, ids given in order from `first_id`: each
/// device's jobs, in the order given. The entry columns (status and method masks, the pair) are
/// computed here rather than refreshed afterwards.
pub fn insert_entries(
    conn: &Connection,
    first_id: i64,
    entries: &[&[NewJob]],
) -> sql::Result<Vec<Vec<JobId>>> {
    let mut ids = Vec::with_capacity(entries.len());
    let mut next = first_id;
    for jobs in entries {
        ids.push((next..next + jobs.len() as i64).collect::<Vec<_>>());
        next += jobs.len() as i64;
    }
    for (tenant, _) in entries
        .iter()
        .filter_map(|jobs| jobs.first())
        .map(|j| (j.tenant_id, ()))
    {
        crate::cache::record(
            crate::cache::Table::Jobs,
            tenant,
            crate::cache::job_deps::ROWS,
        );
    }
    // A pair never straddles two statements: each row names its partner, which must exist
    // when the statement ends.
    let per_insert = match conn.dialect() {
        sql::Dialect::Sqlite => SQLITE_JOBS_PER_INSERT,
        sql::Dialect::Postgres => JOBS_PER_INSERT,
    };
    let mut start = 0;
    while start < entries.len() {
        let mut end = start;
        let mut rows = 0;
        while end < entries.len() && (rows == 0 || rows + entries[end].len() <= per_insert) {
            rows += entries[end].len();
            end += 1;
        }
        insert_chunk(conn, &entries[start..end], &ids[start..end], rows)?;
        start = end;
    }
    Ok(ids
        .into_iter()
        .map(|entry| entry.into_iter().map(JobId).collect())
        .collect())
}

fn insert_chunk(
    conn: &Connection,
    entries: &[&[NewJob]],
    ids: &[Vec<i64>],
    rows: usize,
) -> sql::Result<()> {
    if rows == 0 {
        return Ok(());
    }
    // SQLite checks a reference to a row not written yet by searching the table for rows
    // that name each new row (pair_job_id has no index): a Hybrid pair's first job is written
    // without its partner and linked once both exist. PostgreSQL checks at the statement's end.
    let link_after = conn.dialect() == sql::Dialect::Sqlite;
    let mut links = Vec::new();
    let mut values = Vec::with_capacity(rows * JOB_PARAMS);
    let mut events = Vec::with_capacity(rows * 4);
    for (jobs, ids) in entries.iter().zip(ids) {
        let status_mask = jobs
            .iter()
            .fold(0, |mask, j| mask | bit(JobStatus::ALL, &j.status));
        let method_mask = jobs
            .iter()
            .fold(0, |mask, j| mask | bit(JobMethod::ALL, &j.method));
        for (index, new) in jobs.iter().enumerate() {
            let partner = match ids.len() {
                2 if index == 0 && link_after => {
                    links.push((ids[0], ids[1]));
                    None
                }
                2 => Some(ids[1 - index]),
                _ => None,
            };
            let masks = if index == 0 {
                (status_mask, method_mask)
            } else {
                (0, 0)
            };
            values.extend(job_row(new, ids[index], ids[0], partner, masks)?);
            events.extend([
                Value::Integer(ids[index]),
                Value::Integer(new.registered_at),
                Value::Text(new.status.as_str().into()),
                Value::Text(StatusReason::Registered.as_str().into()),
            ]);
        }
    }
    let built = statements(rows);
    let (insert_jobs, insert_events) = &*built;
    conn.prepare_cached(insert_jobs)?.execute(values)?;
    conn.prepare_cached(insert_events)?.execute(events)?;
    for (first, second) in links {
        conn.prepare_cached("UPDATE jobs SET pair_job_id = ?2 WHERE id = ?1")?
            .execute([first, second])?;
    }
    Ok(())
}

/// The two INSERTs for `rows` jobs, built once per size and thread (a registration on SQLite
/// asks for the one- and two-row forms thousands of times).
fn statements(rows: usize) -> std::rc::Rc<(String, String)> {
    thread_local! {
        static BUILT: std::cell::RefCell<std::collections::HashMap<usize, std::rc::Rc<(String, String)>>> =
            Default::default();
    }
    BUILT.with(|built| {
        built
            .borrow_mut()
            .entry(rows)
            .or_insert_with(|| {
                let jobs: Vec<String> =
                    (0..rows).map(|row| job_row_sql(row * JOB_PARAMS)).collect();
                let events: Vec<String> = (0..rows)
                    .map(|row| {
                        let p = row * 4;
                        format!("(?{}, ?{}, ?{}, ?{})", p + 1, p + 2, p + 3, p + 4)
                    })
                    .collect();
                std::rc::Rc::new((
                    format!("{INSERT_JOBS}{}", jobs.join(", ")),
                    format!(
                        "INSERT INTO job_events (job_id, at, status, reason) VALUES {}",
                        events.join(", ")
                    ),
                ))
            })
            .clone()
    })
}

/// One row's placeholders, numbered from `offset + 1`.
fn job_row_sql(offset: usize) -> String {
    let p = |n: usize| format!("?{}", offset + n);
    let (registered, due) = (p(7), p(13));
    let mut columns: Vec<String> = (1..=6).map(p).collect();
    columns.push("'registered'".into());
    columns.push(registered.clone());
    columns.extend((8..=12).map(p));
    columns.extend([
        registered.clone(),
        due.clone(),
        due,
        p(14),
        registered.clone(),
        registered,
    ]);
    columns.extend((15..=26).map(p));
    format!("({})", columns.join(", "))
}

fn json<T: serde::Serialize>(value: &T) -> sql::Result<String> {
    serde_json::to_string(value).map_err(|e| sql::Error::ToSqlConversionFailure(e.into()))
}

/// The 26 parameters of one job (see [`job_row_sql`]).
fn job_row(
    new: &NewJob,
    id: i64,
    entry: i64,
    partner: Option<i64>,
    (status_mask, method_mask): (i64, i64),
) -> sql::Result<Vec<Value>> {
    let rts = new.return_to_service.as_ref();
    let platform = new.platform.as_ref().map(json).transpose()?;
    let measure = new.measure.as_ref().map(json).transpose()?;
    let kind = new
        .measure
        .as_ref()
        .map_or(JobKind::Wipe, |m| JobKind::of(m.measure()));
    let params: [&dyn ToSql; JOB_PARAMS] = [
        &id,
        &new.tenant_id,
        &new.wipe_id.0,
        &new.device.id.0,
        &new.method.as_str(),
        &new.status.as_str(),
        &new.registered_at,
        &entry,
        &partner,
        &rts.map(|p| p.enrollment_group_id.0),
        &rts.map(|p| p.enrollment_group_name.as_str()),
        &rts.map(|p| p.user_must_authenticate),
        &new.due_at,
        &new.ivi_ready_at,
        &new.registered_by,
        &new.scheduled_at,
        &new.device.name,
        &status_mask,
        &method_mask,
        &json(&new.device)?,
        &job_search_text(&new.device),
        &rts.and_then(|p| p.dep_profile_name.as_deref()),
        &rts.is_some_and(|p| p.activation_lock_enabled),
        &platform,
        &kind.as_str(),
        &measure,
    ];
    params.into_iter().map(sql::to_value).collect()
}
