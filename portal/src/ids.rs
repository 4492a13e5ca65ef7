//! Identifiers the portal keeps to itself. A tenant is one customer company: every row of the
//! fleet belongs to one and no request may reach another's, so its id is a type of its own that
//! cannot be mixed up with a device, job or administrator id (those are the model's, shared with
//! the console).

/// A tenant's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TenantId(pub i64);

impl std::fmt::Display for TenantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
