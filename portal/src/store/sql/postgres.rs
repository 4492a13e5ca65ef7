//! The PostgreSQL side of [`super::Connection`], on tokio-postgres.
//!
//! The store's functions are synchronous and run on tokio's blocking pool (see `Store::call`).
//! Each connection's socket is driven by a task on a small runtime of the store's own
//! ([`PgRuntime`]); a store function waits for its query's answer with a plain executor, which
//! works on any thread, inside the application's runtime or not.

use std::{cell::RefCell, collections::HashMap, error::Error as StdError, sync::Arc};

use bytes::{BufMut, BytesMut};
use tokio_postgres::types::{to_sql_checked, FromSql as PgFromSql, IsNull, ToSql as PgToSql, Type};

use super::{
    value::{ToSqlOutput, Value, ValueRef},
    Connection, Error, Result,
};

/// Statements one connection keeps prepared; past this the cache starts again (SQL built for
/// filters varies, and a server-side statement costs memory on both ends).
const STATEMENT_CACHE: usize = 512;

/// The runtime that drives every PostgreSQL connection of a store.
pub struct PgRuntime(Option<tokio::runtime::Runtime>);

impl Drop for PgRuntime {
    fn drop(&mut self) {
        // The last store may be dropped inside the application's runtime, where waiting for
        // this one to stop is not allowed; its tasks only serve sockets that are closing.
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

impl PgRuntime {
    fn handle(&self) -> &tokio::runtime::Runtime {
        self.0.as_ref().expect("the runtime lives until dropped")
    }
}

impl PgRuntime {
    pub fn new() -> Result<Arc<PgRuntime>, std::io::Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("postgres-io")
            .enable_all()
            .build()?;
        Ok(Arc::new(PgRuntime(Some(runtime))))
    }
}

/// Opens a connection to `url` (`postgres://user@host:port/database`).
pub fn connect_postgres(url: &str, runtime: &Arc<PgRuntime>) -> Result<Connection> {
    let url = url.to_string();
    let connecting = runtime.handle().spawn(async move {
        let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await?;
        // The socket is served until the client is dropped or the server goes away; a
        // broken connection shows up as an error on the next query.
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::warn!(%error, "PostgreSQL connection ended");
            }
        });
        Ok::<_, tokio_postgres::Error>(client)
    });
    let client =
        futures_executor::block_on(connecting).map_err(|e| Error::Task(e.to_string()))??;
    Ok(Connection::Postgres(PgConnection {
        client,
        statements: RefCell::default(),
        _runtime: runtime.clone(),
    }))
}

/// One PostgreSQL session.
pub struct PgConnection {
    client: tokio_postgres::Client,
    statements: RefCell<HashMap<String, tokio_postgres::Statement>>,
    _runtime: Arc<PgRuntime>,
}

impl PgConnection {
    pub(super) fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    pub(super) fn prepare(&self, sql: &str) -> Result<tokio_postgres::Statement> {
        if let Some(statement) = self.statements.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = futures_executor::block_on(self.client.prepare(&numbered(sql)))?;
        let mut statements = self.statements.borrow_mut();
        if statements.len() >= STATEMENT_CACHE {
            statements.clear();
        }
        statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    pub(super) fn execute(
        &self,
        statement: &tokio_postgres::Statement,
        values: &[ToSqlOutput<'_>],
    ) -> Result<usize> {
        let params = bind(values);
        let changed = futures_executor::block_on(self.client.execute(statement, &refs(&params)))?;
        Ok(changed as usize)
    }

    pub(super) fn query(
        &self,
        statement: &tokio_postgres::Statement,
        values: &[ToSqlOutput<'_>],
    ) -> Result<Vec<tokio_postgres::Row>> {
        let params = bind(values);
        Ok(futures_executor::block_on(
            self.client.query(statement, &refs(&params)),
        )?)
    }

    pub(super) fn batch_execute(&self, sql: &str) -> Result<()> {
        Ok(futures_executor::block_on(self.client.batch_execute(sql))?)
    }
}

fn bind<'a>(values: &'a [ToSqlOutput<'a>]) -> Vec<Param<'a>> {
    values.iter().map(|v| Param(v.value())).collect()
}

fn refs<'a>(params: &'a [Param<'a>]) -> Vec<&'a (dyn PgToSql + Sync)> {
    params.iter().map(|p| p as &(dyn PgToSql + Sync)).collect()
}

/// SQLite's `?N` and `?` parameters as PostgreSQL's `$N` (outside string literals).
pub(super) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let (mut in_literal, mut next) = (false, 0u32);
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_literal = !in_literal;
        }
        if c != '?' || in_literal {
            out.push(c);
            continue;
        }
        let mut digits = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(d);
        }
        match digits.parse::<u32>() {
            Ok(n) => next = next.max(n),
            Err(_) => {
                next += 1;
                digits = next.to_string();
            }
        }
        out.push('$');
        out.push_str(&digits);
    }
    out
}

/// A parameter, bound as whatever type PostgreSQL inferred for its place, the way SQLite
/// takes any value anywhere: an integer into BIGINT, INTEGER, SMALLINT or a 0/1 flag.
#[derive(Debug)]
struct Param<'a>(ValueRef<'a>);

type BoxError = Box<dyn StdError + Sync + Send>;

impl PgToSql for Param<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match (self.0, ty) {
            (ValueRef::Null, _) => return Ok(IsNull::Yes),
            (ValueRef::Integer(i), &Type::INT8) => out.put_i64(i),
            (ValueRef::Integer(i), &Type::INT4) => out.put_i32(i32::try_from(i)?),
            (ValueRef::Integer(i), &Type::INT2) => out.put_i16(i16::try_from(i)?),
            (ValueRef::Integer(i), &Type::BOOL) => out.put_u8(u8::from(i != 0)),
            (ValueRef::Integer(i), &Type::FLOAT8) => out.put_f64(i as f64),
            (ValueRef::Integer(i), &Type::TEXT | &Type::VARCHAR) => {
                out.put_slice(i.to_string().as_bytes())
            }
            (ValueRef::Real(f), &Type::FLOAT8) => out.put_f64(f),
            (ValueRef::Real(f), &Type::FLOAT4) => out.put_f32(f as f32),
            (ValueRef::Text(t), &Type::JSONB) => {
                out.put_u8(1);
                out.put_slice(t.as_bytes());
            }
            (
                ValueRef::Text(t),
                &Type::TEXT
                | &Type::VARCHAR
                | &Type::BPCHAR
                | &Type::NAME
                | &Type::JSON
                | &Type::UNKNOWN,
            ) => out.put_slice(t.as_bytes()),
            (ValueRef::Blob(b), &Type::BYTEA) => out.put_slice(b),
            (value, ty) => {
                return Err(format!("a {} value cannot be bound as {ty}", value.kind()).into())
            }
        }
        Ok(IsNull::No)
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// A column of any type, read as one of the five storage classes.
struct Column(Value);

impl<'a> PgFromSql<'a> for Column {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Column, BoxError> {
        Ok(Column(match *ty {
            Type::BOOL => Value::Integer(i64::from(bool::from_sql(ty, raw)?)),
            Type::INT2 => Value::Integer(i16::from_sql(ty, raw)?.into()),
            Type::INT4 => Value::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT8 => Value::Integer(i64::from_sql(ty, raw)?),
            Type::OID => Value::Integer(u32::from_sql(ty, raw)?.into()),
            Type::FLOAT4 => Value::Real(f32::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::NUMERIC => numeric(raw)?,
            Type::JSONB => {
                Value::Text(std::str::from_utf8(raw.get(1..).unwrap_or_default())?.into())
            }
            Type::BYTEA => Value::Blob(raw.to_vec()),
            _ => Value::Text(std::str::from_utf8(raw)?.to_string()),
        }))
    }

    fn from_sql_null(_: &Type) -> Result<Column, BoxError> {
        Ok(Column(Value::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// Column `index` of a PostgreSQL row.
pub(super) fn column(row: &tokio_postgres::Row, index: usize) -> Result<Value> {
    Ok(row.try_get::<_, Column>(index)?.0)
}

/// A NUMERIC (what SUM of a BIGINT column gives) as an integer when it has no fraction, else
/// a real. The binary form: digit count, weight, sign, scale, then base-10000 digits.
fn numeric(raw: &[u8]) -> Result<Value, BoxError> {
    let word = |at: usize| -> Result<i16, BoxError> {
        let bytes = raw
            .get(at..at + 2)
            .ok_or("a NUMERIC shorter than its header")?;
        Ok(i16::from_be_bytes([bytes[0], bytes[1]]))
    };
    let (digits, weight, sign, scale) = (word(0)?, word(2)?, word(4)? as u16, word(6)?);
    if sign == 0xC000 {
        return Err("NaN is not a number the portal stores".into());
    }
    let mut value = 0f64;
    for index in 0..digits {
        let digit = f64::from(word(8 + 2 * index as usize)?);
        value += digit * 10_000f64.powi(i32::from(weight) - i32::from(index));
    }
    if sign == 0x4000 {
        value = -value;
    }
    Ok(if scale == 0 && value.abs() < 9.0e18 {
        Value::Integer(value as i64)
    } else {
        Value::Real(value)
    })
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn parameters_are_numbered_outside_literals() {
        assert_eq!(numbered("SELECT ?1, ?2, ?1"), "SELECT $1, $2, $1");
        assert_eq!(numbered("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert_eq!(numbered("x = '?' AND y = ?"), "x = '?' AND y = $1");
        assert_eq!(
            numbered("LIKE ?3 ESCAPE '\\' AND z = ?4"),
            "LIKE $3 ESCAPE '\\' AND z = $4"
        );
    }
}
