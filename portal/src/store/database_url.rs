//! Which database the portal runs on, as `--database-url` names it. SQLite (`sqlite://FILE`) is
//! the embedded default; the scheme is read first, so a database this build cannot open is
//! refused at start with what to do instead, never half-opened.

use std::{fmt, path::PathBuf, str::FromStr};

/// A database the portal can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file: `sqlite://data/portal.sqlite3` (relative to the working folder) or
    /// `sqlite:///var/lib/mdm/portal.sqlite3` (absolute).
    Sqlite(PathBuf),
}

/// Why a `--database-url` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrlError {
    /// No `scheme://` at all.
    NotAUrl,
    /// `sqlite://` without a file.
    NoFile,
    /// PostgreSQL, which this build does not include yet.
    PostgresNotBuiltIn,
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
            DatabaseUrlError::PostgresNotBuiltIn => write!(
                f,
                "this build of the portal cannot run on PostgreSQL yet; use \
                 sqlite://FILE (see \"Databases\" in portal/README.md)"
            ),
            DatabaseUrlError::UnknownScheme(scheme) => write!(
                f,
                "unknown database URL scheme {scheme:?}: the portal runs on sqlite://FILE"
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
            "postgres" | "postgresql" => Err(DatabaseUrlError::PostgresNotBuiltIn),
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
        }
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
    fn what_cannot_be_opened_is_refused_with_what_to_do() {
        let refused = |text: &str| text.parse::<DatabaseUrl>().unwrap_err();
        assert_eq!(refused("data/portal.sqlite3"), DatabaseUrlError::NotAUrl);
        assert_eq!(refused("://x"), DatabaseUrlError::NotAUrl);
        assert_eq!(refused("sqlite://"), DatabaseUrlError::NoFile);
        assert_eq!(refused("sqlite://data/"), DatabaseUrlError::NoFile);
        assert_eq!(
            refused("postgres://mdm@db.internal/mdm"),
            DatabaseUrlError::PostgresNotBuiltIn
        );
        assert_eq!(
            refused("postgresql://mdm@db.internal/mdm"),
            DatabaseUrlError::PostgresNotBuiltIn
        );
        let mysql = refused("mysql://root@localhost/mdm");
        assert_eq!(mysql, DatabaseUrlError::UnknownScheme("mysql".into()));
        assert!(mysql.to_string().contains("\"mysql\""), "{mysql}");
    }
}
