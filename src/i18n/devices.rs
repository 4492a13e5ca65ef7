//! Strings of 端末管理 (group tree, device table, selection, the 紛失時対策 chooser), in both
//! languages.
//!
//! OS, ownership, method, status and column labels come from the model's vocabularies; only the
//! screen's own words live here. `JA` and `EN` are struct literals, so a missing string does not
//! compile.

#[path = "devices_en.rs"]
mod en;
#[path = "devices_ja.rs"]
mod ja;

pub use en::EN;
pub use ja::JA;

/// All strings of the devices screen of one language.
pub struct DevicesText {
    /// One sentence under the title: what the screen is for.
    pub lead: &'static str,

    pub groups_heading: &'static str,
    /// The tree entry above the groups: every device of the tenant.
    pub all_devices: &'static str,
    /// "120台": a device count next to a group.
    pub device_count: fn(u64) -> String,
    /// Accessible name of a tree entry: group name and device count, starting with the visible
    /// text (name, then count) so speech input can say what is seen.
    pub group_item_label: fn(&str, u64) -> String,
    pub groups_loading: &'static str,
    pub groups_error: &'static str,

    pub filters_label: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_submit: &'static str,
    pub filter_any: &'static str,
    pub clear_filters: &'static str,

    pub table_label: &'static str,
    /// The start of the export's file name.
    pub csv_file_prefix: &'static str,
    /// Header of the status / last-seen column, read before its two sort buttons.
    pub status_column: &'static str,
    pub select_page: &'static str,
    pub select_device: fn(&str) -> String,
    pub no_value: &'static str,
    /// "最終接続 2026/11/26 14:30".
    pub last_seen: fn(&str) -> String,
    pub more_tags: fn(usize) -> String,
    pub loading: &'static str,
    pub empty_title: &'static str,
    pub empty_hint: &'static str,
    pub empty_filtered_hint: &'static str,
    pub retry: &'static str,

    pub selected_count: fn(u64) -> String,
    pub nothing_selected: &'static str,
    pub clear_selection: &'static str,
    pub page_selected: fn(usize) -> String,
    pub select_all_matching: fn(u64) -> String,
    pub all_matching_selected: fn(u64) -> String,
    /// Why a filter change dropped an "every device matching" selection.
    pub matching_selection_dropped: &'static str,

    pub measures_button: &'static str,
    pub measures_disabled_reason: &'static str,
    pub measures_lead: fn(u64) -> String,
    pub measures_list_label: &'static str,
    pub measures_choose_hint: &'static str,
    pub next: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
}
