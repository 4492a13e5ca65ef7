//! Strings of the 紛失時対策 other than the wipe: the counts of the chooser, a measure's screen
//! (options, preview, password, agreement, registration), the locations of a device in lost
//! mode, the device table's marks and filter, and the wipe screen's lost-mode notice.
//!
//! Measure names and descriptions, field names, option problems, reasons a measure does not
//! apply and mark names are the model's vocabularies; only the screens' own words live here.

#[path = "measures_en.rs"]
mod en;
#[path = "measures_ja.rs"]
mod ja;

pub use en::EN;
pub use ja::JA;

/// All strings of the measure screens of one language.
pub struct MeasuresText {
    // The chooser's counts.
    pub counts_loading: &'static str,
    pub counts_error: &'static str,
    /// "3台中2台に適用": applicable of selected.
    pub applies_to: fn(u64, u64) -> String,
    /// Why the rest are left out: "対象外 1台: …".
    pub left_out_because: fn(u64, &str) -> String,

    // A measure's screen.
    /// "選択した3台の端末に「遠隔ロック」を実行します。".
    pub lead: fn(&str, u64) -> String,
    pub back: &'static str,
    pub no_selection_title: &'static str,
    pub no_selection_body: &'static str,
    pub unknown_measure_title: &'static str,
    pub unknown_measure_body: &'static str,
    pub options_title: &'static str,
    pub no_options: &'static str,
    pub help_text: &'static str,
    /// Accessible name of the help link: the article's title, and that a new tab opens.
    pub help_label: fn(&str) -> String,
    pub lock_message_hint: &'static str,
    pub lock_phone_hint: &'static str,
    pub pin_hint: &'static str,
    pub lost_mode_hint: &'static str,
    pub lost_message_hint: &'static str,
    pub footnote_hint: &'static str,
    pub reason_hint: &'static str,
    /// "12 / 200文字".
    pub char_count: fn(usize, usize) -> String,
    pub password_required: &'static str,
    /// The sentence above 同意する: what the measure does to the device's user.
    pub agree_statement: fn(&str) -> String,
    pub not_agreed: &'static str,

    // The preview.
    pub preview_title: &'static str,
    pub preview_loading: &'static str,
    pub preview_error: &'static str,
    /// "2台に登録・1台は対象外".
    pub preview_summary: fn(u64, u64) -> String,
    pub group_registered: &'static str,
    pub group_left_out: &'static str,
    pub group_count: fn(u64) -> String,
    /// "Apple MDM方式で送信します".
    pub channel_line: fn(&str) -> String,
    /// The device's open jobs of the same measure: "実行待ちのジョブがあります: #12".
    pub open_jobs: fn(&str) -> String,
    pub skip_not_applicable: fn(u64) -> String,

    // OK and what keeps it disabled.
    pub register_line: fn(&str, u64) -> String,
    pub blocker_preview: &'static str,
    pub blocker_preview_failed: &'static str,
    pub blocker_left_out: fn(u64) -> String,
    pub blocker_nothing: &'static str,

    // After OK.
    pub done_title: &'static str,
    /// "2台の端末に、遠隔ロックのジョブを2件登録しました。".
    pub done_body: fn(&str, u64, u64) -> String,
    pub done_skipped: fn(u64) -> String,
    pub done_jobs_link: &'static str,
    pub done_back: &'static str,
    pub done_toast: fn(&str, u64) -> String,

    // Locations.
    pub location_title: &'static str,
    pub latitude: &'static str,
    pub longitude: &'static str,
    pub accuracy: &'static str,
    /// "±12 m".
    pub accuracy_value: fn(f64) -> String,
    pub located_at: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub open_map: &'static str,
    pub open_map_label: &'static str,
    pub locations_button: &'static str,
    /// Accessible name of a row's button: "DEV-0001の位置情報".
    pub locations_button_label: fn(&str) -> String,
    /// The history dialog's title: "DEV-0001の位置情報".
    pub locations_title: fn(&str) -> String,
    pub locations_loading: &'static str,
    pub locations_error: &'static str,
    pub locations_empty: &'static str,
    pub locations_newer: &'static str,
    pub locations_older: &'static str,
    /// "1〜10件 / 23件".
    pub locations_range: fn(u64, u64, u64) -> String,

    // The device table and the wipe screen.
    pub filter_mark: &'static str,
    /// The wipe screen's notice: devices in lost mode leave it when they are wiped.
    pub wipe_ends_lost_mode: fn(u64) -> String,
}
