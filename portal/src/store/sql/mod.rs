//! The store's one way of talking to a database, SQLite or PostgreSQL. The store's functions
//! are written once against this module: a [`Connection`] prepares statements, binds
//! [`ToSql`] parameters and reads [`FromSql`] columns by position, whichever database is
//! behind it. Its shape follows rusqlite's (prepared statements, `params!`, `optional()`),
//! which the store was first written against, so the SQL and its call sites stayed as they
//! were. SQL is written in the subset both databases share; `?N` parameters are renumbered
//! for PostgreSQL, and the few statements that must differ ask [`Connection::dialect`].

mod connection;
mod error;
mod postgres;
mod value;

pub use connection::{
    Connection, Dialect, MappedRows, Row, RowIndex, Statement, Transaction, TransactionBehavior,
};
pub use error::{Error, Result};
pub use postgres::{connect_postgres, PgRuntime};
pub use value::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Type, Value, ValueRef};

/// Parameters of one statement, in order.
pub trait Params {
    fn values(&self) -> Result<Vec<ToSqlOutput<'_>>>;
}

/// The parameters' values, refusing text with a NUL character (see [`Error::NulInText`]).
pub(crate) fn checked_values<P: Params>(params: &P) -> Result<Vec<ToSqlOutput<'_>>> {
    let values = params.values()?;
    let nul = values
        .iter()
        .any(|v| matches!(v.value(), ValueRef::Text(text) if text.contains('\0')));
    if nul {
        return Err(Error::NulInText);
    }
    Ok(values)
}

impl Params for &[&dyn ToSql] {
    fn values(&self) -> Result<Vec<ToSqlOutput<'_>>> {
        self.iter().map(|p| p.to_sql()).collect()
    }
}

impl Params for [&dyn ToSql; 0] {
    fn values(&self) -> Result<Vec<ToSqlOutput<'_>>> {
        Ok(Vec::new())
    }
}

macro_rules! array_params {
    ($($n:literal),*) => {$(
        impl<T: ToSql> Params for [T; $n] {
            fn values(&self) -> Result<Vec<ToSqlOutput<'_>>> {
                self.iter().map(|p| p.to_sql()).collect()
            }
        }
    )*};
}

array_params!(1, 2, 3, 4, 5, 6, 7, 8);

/// Parameters from an iterator (a filter's values, a batch of ids).
pub struct ParamsFromIter(std::result::Result<Vec<Value>, String>);

impl Params for ParamsFromIter {
    fn values(&self) -> Result<Vec<ToSqlOutput<'_>>> {
        match &self.0 {
            Ok(values) => Ok(values
                .iter()
                .map(|v| ToSqlOutput::Borrowed(v.as_ref()))
                .collect()),
            Err(message) => Err(Error::ToSqlConversionFailure(message.clone().into())),
        }
    }
}

/// Binds every item of `items`, in order.
pub fn params_from_iter<I>(items: I) -> ParamsFromIter
where
    I: IntoIterator,
    I::Item: ToSql,
{
    // Made owned at once: the items may borrow from the iterator being consumed.
    ParamsFromIter(
        items
            .into_iter()
            .map(|item| to_value(&item).map_err(|error| error.to_string()))
            .collect(),
    )
}

/// A parameter as an owned value (lists of parameters built ahead of their statement).
pub fn to_value<T: ToSql + ?Sized>(value: &T) -> Result<Value> {
    Ok(match value.to_sql()? {
        ToSqlOutput::Owned(value) => value,
        ToSqlOutput::Borrowed(value) => match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(t.to_string()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        },
    })
}

/// Owned values bind as they are, without another copy.
impl Params for Vec<Value> {
    fn values(&self) -> Result<Vec<ToSqlOutput<'_>>> {
        Ok(self
            .iter()
            .map(|v| ToSqlOutput::Borrowed(v.as_ref()))
            .collect())
    }
}

/// A statement's parameters: `params![a, b]`.
#[macro_export]
macro_rules! sql_params {
    () => {
        &[] as &[&dyn $crate::store::sql::ToSql]
    };
    ($($param:expr),+ $(,)?) => {
        &[$(&$param as &dyn $crate::store::sql::ToSql),+] as &[&dyn $crate::store::sql::ToSql]
    };
}

pub use crate::sql_params as params;

/// `query_row(…).optional()`: no row is `None`, not an error.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(Error::QueryReturnedNoRows) => Ok(None),
            Err(error) => Err(error),
        }
    }
}
