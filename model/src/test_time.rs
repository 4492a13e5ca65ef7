//! Times written as RFC 3339 text in the model's tests.

use chrono::{DateTime, Utc};

/// The instant `text` (RFC 3339) names.
pub(crate) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}
