//! Who an audit entry is by, as a filter value: an administrator, or the portal itself.

use std::fmt;
use std::str::FromStr;

use crate::ids::AdministratorId;
use crate::job::AdministratorRef;
use crate::Lang;

/// The actor filter of the audit log: `system` (what the portal did by itself, such as a
/// timed-out job) or an administrator's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditActor {
    System,
    Administrator(AdministratorId),
}

/// The wire word of [`AuditActor::System`].
const SYSTEM: &str = "system";

impl AuditActor {
    /// The actor of an entry's `actor` field.
    pub fn of(actor: Option<&AdministratorRef>) -> AuditActor {
        match actor {
            Some(admin) => AuditActor::Administrator(admin.id),
            None => AuditActor::System,
        }
    }
}

impl fmt::Display for AuditActor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditActor::System => f.write_str(SYSTEM),
            AuditActor::Administrator(id) => write!(f, "{id}"),
        }
    }
}

impl FromStr for AuditActor {
    type Err = <AdministratorId as FromStr>::Err;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text == SYSTEM {
            return Ok(AuditActor::System);
        }
        text.parse().map(AuditActor::Administrator)
    }
}

/// The 実行者 column: the administrator's display name, or システム / System for the portal.
pub fn actor_label(actor: Option<&AdministratorRef>, lang: Lang) -> String {
    match (actor, lang) {
        (Some(admin), _) => admin.display_name.clone(),
        (None, Lang::Ja) => "システム".into(),
        (None, Lang::En) => "System".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_system_and_ids() {
        assert_eq!("system".parse(), Ok(AuditActor::System));
        assert_eq!(
            "7".parse(),
            Ok(AuditActor::Administrator(AdministratorId(7)))
        );
        assert!("someone".parse::<AuditActor>().is_err());
        assert_eq!(
            AuditActor::Administrator(AdministratorId(7)).to_string(),
            "7"
        );
        assert_eq!(AuditActor::System.to_string(), "system");
    }

    #[test]
    fn the_portal_is_named_system() {
        assert_eq!(actor_label(None, Lang::Ja), "システム");
        assert_eq!(actor_label(None, Lang::En), "System");
        let admin = AdministratorRef {
            id: AdministratorId(1),
            display_name: "情シス 佐藤".into(),
        };
        assert_eq!(actor_label(Some(&admin), Lang::En), "情シス 佐藤");
    }
}
