//! A connection to either database, its prepared statements, rows and transactions.

use std::ops::Deref;

use super::{
    postgres::PgConnection,
    value::{FromSql, ToSqlOutput, ValueRef},
    Error, Params, Result,
};

/// Which SQL a connection speaks, for the few statements written twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// How a transaction starts. `Immediate` takes SQLite's write lock at once, so two writers
/// cannot both read and then collide on the upgrade; PostgreSQL needs no such hint (its writers
/// are serialised by the store, see `Store::blocking`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransactionBehavior {
    Deferred,
    Immediate,
}

/// One connection to the store's database.
pub enum Connection {
    Sqlite(rusqlite::Connection),
    Postgres(PgConnection),
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Connection({:?})", self.dialect())
    }
}

impl Connection {
    /// A private SQLite database in memory (unit tests).
    pub fn open_in_memory() -> Result<Connection> {
        Ok(Connection::Sqlite(rusqlite::Connection::open_in_memory()?))
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Connection::Sqlite(_) => Dialect::Sqlite,
            Connection::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Whether the server closed the connection (it restarted, the network broke): it must
    /// be opened again. A SQLite connection never breaks this way.
    pub fn is_broken(&self) -> bool {
        match self {
            Connection::Sqlite(_) => false,
            Connection::Postgres(conn) => conn.is_closed(),
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, online backup).
    pub fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Connection::Sqlite(conn) => Some(conn),
            Connection::Postgres(_) => None,
        }
    }

    /// A statement kept prepared for the next call with the same SQL.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        Ok(match self {
            Connection::Sqlite(conn) => Statement::SqliteCached(conn.prepare_cached(sql)?),
            Connection::Postgres(conn) => Statement::Postgres(conn, conn.prepare(sql)?),
        })
    }

    /// A statement for SQL built on the fly (filters), not worth keeping in SQLite's cache.
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        Ok(match self {
            Connection::Sqlite(conn) => Statement::Sqlite(conn.prepare(sql)?),
            Connection::Postgres(conn) => Statement::Postgres(conn, conn.prepare(sql)?),
        })
    }

    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        self.prepare(sql)?.execute(params)
    }

    pub fn query_row<T, P, F>(&self, sql: &str, params: P, f: F) -> Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> Result<T>,
    {
        self.prepare(sql)?.query_row(params, f)
    }

    /// Runs statements without parameters, separated by semicolons (migrations).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Connection::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Connection::Postgres(conn) => conn.batch_execute(sql),
        }
    }

    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        self.transaction_with_behavior(TransactionBehavior::Deferred)
    }

    pub fn transaction_with_behavior(
        &mut self,
        behavior: TransactionBehavior,
    ) -> Result<Transaction<'_>> {
        let begin = match (self.dialect(), behavior) {
            (Dialect::Sqlite, TransactionBehavior::Immediate) => "BEGIN IMMEDIATE",
            _ => "BEGIN",
        };
        Transaction::begin(self, begin)
    }

    /// A read-only transaction that sees the database as of its first read, however long it
    /// lasts (exports).
    pub fn snapshot_transaction(&mut self) -> Result<Transaction<'_>> {
        let begin = match self.dialect() {
            Dialect::Sqlite => "BEGIN",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        Transaction::begin(self, begin)
    }
}

/// A prepared statement.
pub enum Statement<'c> {
    SqliteCached(rusqlite::CachedStatement<'c>),
    Sqlite(rusqlite::Statement<'c>),
    Postgres(&'c PgConnection, tokio_postgres::Statement),
}

impl<'c> Statement<'c> {
    /// Runs the statement; the number of rows it changed.
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        let values = super::checked_values(&params)?;
        match self {
            Statement::Postgres(conn, statement) => conn.execute(statement, &values),
            sqlite => Ok(sqlite
                .sqlite()
                .execute(rusqlite::params_from_iter(&values))?),
        }
    }

    /// The first row, mapped; [`Error::QueryReturnedNoRows`] when there is none.
    pub fn query_row<T, P, F>(&mut self, params: P, f: F) -> Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> Result<T>,
    {
        match self.rows(params)? {
            RowsInner::Sqlite(mut rows) => match rows.next()? {
                Some(row) => f(&Row(RowInner::Sqlite(row))),
                None => Err(Error::QueryReturnedNoRows),
            },
            RowsInner::Postgres(mut rows) => match rows.next() {
                Some(row) => f(&Row(RowInner::Postgres(&row))),
                None => Err(Error::QueryReturnedNoRows),
            },
        }
    }

    /// Every row, mapped by `map` as it is read.
    pub fn query_map<T, P, F>(&mut self, params: P, map: F) -> Result<MappedRows<'_, F>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        let rows = self.rows(params)?;
        Ok(MappedRows { rows, map })
    }

    fn rows<P: Params>(&mut self, params: P) -> Result<RowsInner<'_>> {
        let values = super::checked_values(&params)?;
        Ok(match self {
            Statement::Postgres(conn, statement) => {
                RowsInner::Postgres(conn.query(statement, &values)?.into_iter())
            }
            sqlite => {
                RowsInner::Sqlite(sqlite.sqlite().query(rusqlite::params_from_iter(&values))?)
            }
        })
    }

    /// Whether the statement returns at least one row.
    pub fn exists<P: Params>(&mut self, params: P) -> Result<bool> {
        let mut rows = self.query_map(params, |_| Ok(()))?;
        rows.next().transpose().map(|first| first.is_some())
    }

    fn sqlite(&mut self) -> &mut rusqlite::Statement<'c> {
        match self {
            Statement::SqliteCached(cached) => cached,
            Statement::Sqlite(statement) => statement,
            Statement::Postgres(..) => unreachable!("a PostgreSQL statement asked for SQLite's"),
        }
    }
}

/// Rows read one at a time (SQLite) or as received (PostgreSQL), each mapped.
pub struct MappedRows<'s, F> {
    rows: RowsInner<'s>,
    map: F,
}

enum RowsInner<'s> {
    Sqlite(rusqlite::Rows<'s>),
    Postgres(std::vec::IntoIter<tokio_postgres::Row>),
}

impl<T, F: FnMut(&Row<'_>) -> Result<T>> Iterator for MappedRows<'_, F> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match &mut self.rows {
            RowsInner::Sqlite(rows) => match rows.next() {
                Ok(Some(row)) => Some((self.map)(&Row(RowInner::Sqlite(row)))),
                Ok(None) => None,
                Err(error) => Some(Err(error.into())),
            },
            RowsInner::Postgres(rows) => rows
                .next()
                .map(|row| (self.map)(&Row(RowInner::Postgres(&row)))),
        }
    }
}

/// One row of a result.
pub struct Row<'r>(RowInner<'r>);

enum RowInner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r tokio_postgres::Row),
}

/// A column position.
pub trait RowIndex {
    fn index(self) -> usize;
}

impl RowIndex for usize {
    fn index(self) -> usize {
        self
    }
}

impl Row<'_> {
    /// Column `index` as a `T`.
    pub fn get<I: RowIndex, T: FromSql>(&self, index: I) -> Result<T> {
        let index = index.index();
        match &self.0 {
            RowInner::Sqlite(row) => {
                let value = from_rusqlite(row.get_ref(index)?);
                T::column_result(value).map_err(|e| Error::from_sql(index, value.kind(), e))
            }
            RowInner::Postgres(row) => {
                let owned = super::postgres::column(row, index)?;
                let value = owned.as_ref();
                T::column_result(value).map_err(|e| Error::from_sql(index, value.kind(), e))
            }
        }
    }
}

fn from_rusqlite(value: rusqlite::types::ValueRef<'_>) -> ValueRef<'_> {
    use rusqlite::types::ValueRef as Sqlite;
    match value {
        Sqlite::Null => ValueRef::Null,
        Sqlite::Integer(i) => ValueRef::Integer(i),
        Sqlite::Real(f) => ValueRef::Real(f),
        // SQLite does not check that TEXT is UTF-8; the portal only ever writes UTF-8, so
        // anything else reads as a blob and fails the conversion to a string with a message.
        Sqlite::Text(t) => std::str::from_utf8(t).map_or(ValueRef::Blob(t), ValueRef::Text),
        Sqlite::Blob(b) => ValueRef::Blob(b),
    }
}

impl rusqlite::ToSql for ToSqlOutput<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput as Out, ValueRef as Sqlite};
        Ok(Out::Borrowed(match self.value() {
            ValueRef::Null => Sqlite::Null,
            ValueRef::Integer(i) => Sqlite::Integer(i),
            ValueRef::Real(f) => Sqlite::Real(f),
            ValueRef::Text(t) => Sqlite::Text(t.as_bytes()),
            ValueRef::Blob(b) => Sqlite::Blob(b),
        }))
    }
}

/// An open transaction: committed by [`Transaction::commit`], rolled back when dropped
/// without it (an error or a panic on the way leaves nothing half-written).
pub struct Transaction<'c> {
    conn: &'c Connection,
    open: bool,
}

impl<'c> Transaction<'c> {
    fn begin(conn: &'c mut Connection, begin: &str) -> Result<Transaction<'c>> {
        conn.execute_batch(begin)?;
        Ok(Transaction { conn, open: true })
    }

    pub fn commit(mut self) -> Result<()> {
        self.open = false;
        self.conn.execute_batch("COMMIT")
    }

    pub fn rollback(mut self) -> Result<()> {
        self.open = false;
        self.conn.execute_batch("ROLLBACK")
    }
}

impl Deref for Transaction<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing to do with a failure here: the connection ends the transaction when it
            // closes, and the next BEGIN on it would say so.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}
