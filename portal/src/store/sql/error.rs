//! What can go wrong talking to either database, in one type the store's functions return.

use super::value::{FromSqlError, Type};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", describe_postgres(.0))]
    Postgres(#[from] tokio_postgres::Error),
    /// A row was expected and there was none (see [`super::OptionalExtension`]).
    #[error("the query returned no rows")]
    QueryReturnedNoRows,
    #[error("column {0} ({1}) could not be read: {2}")]
    FromSqlConversionFailure(usize, Type, Box<dyn std::error::Error + Send + Sync>),
    #[error("a parameter could not be bound: {0}")]
    ToSqlConversionFailure(Box<dyn std::error::Error + Send + Sync>),
    /// Text with a NUL character, which PostgreSQL cannot store; refused on SQLite too, so
    /// the API answers the same on both.
    #[error("text with a NUL character cannot be stored")]
    NulInText,
    /// The task serving a connection failed (it panicked or its runtime stopped).
    #[error("the database connection's task failed: {0}")]
    Task(String),
}

impl Error {
    /// Whether a constraint refused the write (a unique index, a foreign key, a CHECK): the
    /// database, not the code before it, decided the race.
    pub fn is_constraint_violation(&self) -> bool {
        match self {
            Error::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => {
                failure.code == rusqlite::ErrorCode::ConstraintViolation
            }
            // SQLSTATE class 23: integrity constraint violation.
            Error::Postgres(error) => error
                .code()
                .is_some_and(|code| code.code().starts_with("23")),
            _ => false,
        }
    }

    /// Whether the database could not be reached or went away (a request then answers 503
    /// and may be retried; nothing was written).
    pub fn is_unavailable(&self) -> bool {
        match self {
            Error::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => matches!(
                failure.code,
                rusqlite::ErrorCode::DatabaseBusy
                    | rusqlite::ErrorCode::DatabaseLocked
                    | rusqlite::ErrorCode::CannotOpen
            ),
            Error::Postgres(error) => match error.as_db_error() {
                // Class 08: connection exception; 57P: the server is shutting down.
                Some(db) => ["08", "57P"]
                    .iter()
                    .any(|class| db.code().code().starts_with(class)),
                None => {
                    error.is_closed()
                        || std::error::Error::source(error)
                            .is_some_and(|source| source.is::<std::io::Error>())
                }
            },
            _ => false,
        }
    }

    pub(super) fn from_sql(index: usize, kind: Type, error: FromSqlError) -> Error {
        Error::FromSqlConversionFailure(index, kind, Box::new(error))
    }
}

/// The server's own message and SQLSTATE where there is one (the driver's Display says only
/// "db error").
fn describe_postgres(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("PostgreSQL {}: {}", db.code().code(), db.message()),
        None => error.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
