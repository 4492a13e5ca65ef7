//! Which database the portal runs on, as `--database-url` names it. SQLite (`sqlite://FILE`) is
//! the embedded default; PostgreSQL (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`) lets
//! several instances share one database. The URL is read before anything opens, so one the
//! portal cannot use is refused at start with what to do instead, never half-opened.

use std::{fmt, path::PathBuf, str::FromStr};

/// A database the portal can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file: `sqlite://data/portal.sqlite3` (relative to the working folder) or
    /// `sqlite:///var/lib/mdm/portal.sqlite3` (absolute).
    Sqlite(PathBuf),
    /// A PostgreSQL database, as libpq's URL form names it (checked when parsed).
    Postgres(String),
}

/// Why a `--database-url` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrlError {
    /// No `scheme://` at all.
    NotAUrl,
    /// `sqlite://` without a file.
    NoFile,
    /// A `postgres://` URL that does not parse (the reason from the driver).
    BadPostgresUrl(String),
    /// A scheme the portal does not know.
    UnknownScheme(String),
}

impl fmt::Display for DatabaseUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrlError::NotAUrl => {
                write!(
                    f,
                    "expected a database URL such as sqlite://data/portal.sqlite3"
                )
            }
            DatabaseUrlError::NoFile => write!(
                f,
                "sqlite:// needs a file: sqlite://data/portal.sqlite3 (relative) or \
                 sqlite:///var/lib/mdm/portal.sqlite3 (absolute)"
            ),
            DatabaseUrlError::BadPostgresUrl(reason) => write!(
                f,
                "not a PostgreSQL URL ({reason}): expected \
                 postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
            ),
            DatabaseUrlError::UnknownScheme(scheme) => write!(
                f,
                "unknown database URL scheme {scheme:?}: the portal runs on sqlite://FILE \
                 or postgres://USER@HOST/DATABASE"
            ),
        }
    }
}

impl std::error::Error for DatabaseUrlError {}

impl FromStr for DatabaseUrl {
    type Err = DatabaseUrlError;

    fn from_str(text: &str) -> Result<DatabaseUrl, DatabaseUrlError> {
        let (scheme, rest) = text
            .trim()
            .split_once("://")
            .ok_or(DatabaseUrlError::NotAUrl)?;
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" if rest.is_empty() || rest.ends_with('/') => Err(DatabaseUrlError::NoFile),
            "sqlite" => Ok(DatabaseUrl::Sqlite(PathBuf::from(rest))),
            "postgres" | "postgresql" => match text.trim().parse::<tokio_postgres::Config>() {
                Ok(_) => Ok(DatabaseUrl::Postgres(text.trim().to_string())),
                Err(error) => Err(DatabaseUrlError::BadPostgresUrl(error.to_string())),
            },
            _ if scheme.is_empty() => Err(DatabaseUrlError::NotAUrl),
            _ => Err(DatabaseUrlError::UnknownScheme(scheme.to_string())),
        }
    }
}

impl DatabaseUrl {
    /// The URL of a SQLite file.
    pub fn sqlite(path: impl Into<PathBuf>) -> DatabaseUrl {
        DatabaseUrl::Sqlite(path.into())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => f.write_str(&redacted(url)),
        }
    }
}

/// `url` without its password, for logs and messages.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{scheme}://{name}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_files_relative_and_absolute() {
        assert_eq!(
            "sqlite://data/portal.sqlite3".parse(),
            Ok(DatabaseUrl::sqlite("data/portal.sqlite3"))
        );
        assert_eq!(
            "SQLITE:///var/lib/mdm/portal.sqlite3".parse(),
            Ok(DatabaseUrl::sqlite("/var/lib/mdm/portal.sqlite3"))
        );
        assert_eq!(
            DatabaseUrl::sqlite("data/p.sqlite3").to_string(),
            "sqlite://data/p.sqlite3"
        );
    }

    #[test]
    fn postgres_urls_are_kept_and_shown_without_their_password() {
        let url: DatabaseUrl = "postgres://mdm:s3cret@db.internal:5433/mdm"
            .parse()
            .unwrap();
        assert_eq!(
            url,
            DatabaseUrl::Postgres("postgres://mdm:s3cret@db.internal:5433/mdm".into())
        );
        assert_eq!(url.to_string(), "postgres://mdm:***@db.internal:5433/mdm");
        assert!("postgresql://mdm@db.internal/mdm"
            .parse::<DatabaseUrl>()
            .is_ok());
    }

    #[test]
    fn what_cannot_be_opened_is_refused_with_what_to_do() {
        let refused = |text: &str| text.parse::<DatabaseUrl>().unwrap_err();
        assert_eq!(refused("data/portal.sqlite3"), DatabaseUrlError::NotAUrl);
        assert_eq!(refused("://x"), DatabaseUrlError::NotAUrl);
        assert_eq!(refused("sqlite://"), DatabaseUrlError::NoFile);
        assert_eq!(refused("sqlite://data/"), DatabaseUrlError::NoFile);
        assert!(matches!(
            refused("postgres://mdm@db.internal:notaport/mdm"),
            DatabaseUrlError::BadPostgresUrl(_)
        ));
        let mysql = refused("mysql://root@localhost/mdm");
        assert_eq!(mysql, DatabaseUrlError::UnknownScheme("mysql".into()));
        assert!(mysql.to_string().contains("\"mysql\""), "{mysql}");
    }
}
