//! Strings of 監査ログ (the audit log), in both languages. Action labels and the words of each
//! event come from the model; only the screen's own words live here.

#[path = "audit_en.rs"]
mod en;
#[path = "audit_ja.rs"]
mod ja;

pub use en::EN;
pub use ja::JA;

/// All strings of the audit log screen of one language.
pub struct AuditText {
    /// The side-nav entry and the screen's title.
    pub title: &'static str,
    /// One sentence under the title: what the screen is for.
    pub lead: &'static str,
    /// Which zone the times are in: "Asia/Tokyo".
    pub times_in_zone: fn(&str) -> String,

    pub filters_label: &'static str,
    pub actor_label: &'static str,
    pub actor_all: &'static str,
    /// The portal itself as the actor (jobs it timed out or cancelled by itself).
    pub system: &'static str,
    pub action_label: &'static str,
    pub action_all: &'static str,
    pub device_label: &'static str,
    pub device_placeholder: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub apply: &'static str,
    pub clear: &'static str,
    pub inverted_range: &'static str,
    pub device_not_a_number: &'static str,

    pub table_label: &'static str,
    pub col_at: &'static str,
    pub col_actor: &'static str,
    pub col_action: &'static str,
    pub col_subject: &'static str,
    pub col_details: &'static str,

    pub loading: &'static str,
    pub empty_title: &'static str,
    pub empty_hint: &'static str,
    pub no_match_hint: &'static str,

    pub csv_file_prefix: &'static str,
}
