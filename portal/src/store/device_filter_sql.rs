//! The SQL of the device table's query: the WHERE clause of a filter (group scope, the
//! filter's columns, search terms) and the ORDER BY of a sort, shared by the paged list and
//! the "every matching device" selection of a wipe.

use std::collections::HashSet;

use mdm_model::{
    device::{search_terms, DeviceFilter, DeviceMark, DeviceSortKey},
    ids::GroupId,
    paging::SortOrder,
};

use super::search_text::digits;
use crate::ids::TenantId;
use crate::store::sql::Value;

/// Escapes `%`, `_` and the escape character itself for a `LIKE … ESCAPE '\'` pattern.
fn like_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The WHERE clause and its parameters for a filter. `scope` is the set of groups the
/// filter's group covers (already resolved against the tree).
pub(super) fn where_clause(
    tenant_id: TenantId,
    filter: &DeviceFilter,
    scope: Option<&HashSet<GroupId>>,
) -> (String, Vec<Value>) {
    let mut clause = String::from("tenant_id = ?");
    let mut values: Vec<Value> = vec![Value::Integer(tenant_id.0)];
    if let Some(scope) = scope {
        // Group ids are integers from the tree, never text from the request: safe to inline.
        let list = scope
            .iter()
            .map(|g| g.0.to_string())
            .collect::<Vec<_>>()
            .join(",");
        clause.push_str(&format!(" AND group_id IN ({list})"));
    }
    let mut text = |column: &str, value: Option<&'static str>| {
        if let Some(value) = value {
            clause.push_str(&format!(" AND {column} = ?"));
            values.push(Value::Text(value.to_string()));
        }
    };
    text("os", filter.os.map(|v| v.as_str()));
    text("ownership", filter.ownership.map(|v| v.as_str()));
    text("management_method", filter.method.map(|v| v.as_str()));
    text("status", filter.status.map(|v| v.as_str()));
    if let Some(mark) = filter.mark {
        // A column name from the vocabulary, never text from the request.
        clause.push_str(match mark {
            DeviceMark::LostMode => " AND lost_mode = 1",
            DeviceMark::Locked => " AND locked = 1",
        });
    }
    for term in filter.q.as_deref().map(search_terms).unwrap_or_default() {
        // The same phone rule as the model's search: a term of digits and phone punctuation
        // also matches the phone number's digits.
        let term_digits = digits(&term);
        let phone_like = !term_digits.is_empty()
            && term
                .chars()
                .all(|c| c.is_ascii_digit() || "-+() ".contains(c));
        if phone_like {
            clause.push_str(
                " AND (search_text LIKE ? ESCAPE '\\' OR phone_digits LIKE ? ESCAPE '\\')",
            );
            values.push(Value::Text(like_pattern(&term)));
            values.push(Value::Text(like_pattern(&term_digits)));
        } else {
            clause.push_str(" AND search_text LIKE ? ESCAPE '\\'");
            values.push(Value::Text(like_pattern(&term)));
        }
    }
    (clause, values)
}

pub(super) fn order_by(sort: DeviceSortKey, order: SortOrder) -> String {
    let dir = match order {
        SortOrder::Asc => "ASC",
        SortOrder::Desc => "DESC",
    };
    let columns: &[&str] = match sort {
        DeviceSortKey::Name => &["name"],
        DeviceSortKey::Os => &["os", "os_version_key"],
        DeviceSortKey::Model => &["model"],
        DeviceSortKey::User => &["user_full_name"],
        DeviceSortKey::PhoneNumber => &["phone_number"],
        DeviceSortKey::Method => &["management_method"],
        DeviceSortKey::Ownership => &["ownership"],
        DeviceSortKey::Status => &["status"],
        DeviceSortKey::LastSeen => &["last_seen_at"],
        DeviceSortKey::Tags => &["tags_sort"],
        DeviceSortKey::SerialNumber => &["serial_number"],
        DeviceSortKey::EmployeeNumber => &["employee_number"],
    };
    // The id breaks ties, so paging is stable.
    columns
        .iter()
        .chain(&["id"])
        .map(|c| format!("{c} {dir}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern("a%b_c\\"), "%a\\%b\\_c\\\\%");
    }
}
