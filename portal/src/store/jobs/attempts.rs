//! The send attempts of a job: when, in which device conditions, and which command.

use crate::store::sql::{params, Connection};
use mdm_model::{
    ids::JobId,
    job::{ConditionsAt, SendAttempt, SentCommand},
};

use crate::store::{from_millis, Millis};

fn to_json<T: serde::Serialize>(value: &T) -> crate::store::sql::Result<String> {
    serde_json::to_string(value)
        .map_err(|e| crate::store::sql::Error::ToSqlConversionFailure(e.into()))
}

fn from_json<T: serde::de::DeserializeOwned>(
    index: usize,
    text: &str,
) -> crate::store::sql::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        crate::store::sql::Error::FromSqlConversionFailure(
            index,
            crate::store::sql::Type::Text,
            e.into(),
        )
    })
}

/// Counts one more send of the job's command and records it; returns its number (1 for the
/// first), the same number the command itself carries.
pub fn record_attempt(
    conn: &Connection,
    job: JobId,
    at: Millis,
    conditions: &ConditionsAt,
    command: Option<&SentCommand>,
) -> crate::store::sql::Result<u32> {
    // The job's counter numbers the attempt: one statement instead of a count and a MAX.
    let number: u32 = conn
        .prepare_cached("UPDATE jobs SET attempts = attempts + 1 WHERE id = ?1 RETURNING attempts")?
        .query_row([job.0], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO job_attempts (job_id, number, at, conditions, command_sha256, command) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        job.0,
        number,
        at,
        to_json(conditions)?,
        command.map(|c| c.sha256.as_str()),
        command.map(to_json).transpose()?,
    ])?;
    Ok(number)
}

/// A job's send attempts, oldest first.
pub fn attempts(conn: &Connection, job: JobId) -> crate::store::sql::Result<Vec<SendAttempt>> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, at, conditions, command FROM job_attempts WHERE job_id = ?1 ORDER BY number",
    )?;
    let rows = stmt.query_map([job.0], |r| {
        let conditions: String = r.get(2)?;
        let command: Option<String> = r.get(3)?;
        Ok(SendAttempt {
            number: r.get(0)?,
            at: from_millis(r.get(1)?),
            conditions: from_json(2, &conditions)?,
            command: command.map(|c| from_json(3, &c)).transpose()?,
        })
    })?;
    rows.collect()
}
