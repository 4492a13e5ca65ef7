//! Strings of the 遠隔初期化 screen (both tabs, the per-device preview, registration), in both
//! languages.
//!
//! Rule messages, outcome names and reasons come from the model's vocabularies, so the console
//! and the portal say the same thing; only the screen's own words live here.

#[path = "wipe_en.rs"]
mod en;
#[path = "wipe_ja.rs"]
mod ja;

pub use en::EN;
pub use ja::JA;

/// All strings of the wipe screen of one language.
pub struct WipeText {
    /// 遠隔初期化: the page title and the measure's name in the 紛失時対策 chooser.
    pub title: &'static str,
    /// What will happen, under the title.
    pub lead: fn(u64) -> String,
    pub back: &'static str,
    pub loading: &'static str,
    pub load_error: &'static str,
    pub retry: &'static str,
    pub no_selection_title: &'static str,
    pub no_selection_body: &'static str,

    pub tabs_label: &'static str,
    pub tab_settings: &'static str,
    pub tab_after: &'static str,

    pub delete_info: &'static str,
    /// The fields cleared, joined by the caller.
    pub delete_info_hint: fn(&str) -> String,
    pub list_separator: &'static str,
    pub schedule: &'static str,
    pub schedule_field: &'static str,
    /// The time zone the date and time is entered in.
    pub schedule_zone: fn(&str) -> String,
    /// The entered time in the console's format, and the zone with its abbreviation at that
    /// time: "2027/03/14 09:00", "America/New_York, EDT".
    pub schedule_echo: fn(&str, &str) -> String,
    pub schedule_off: &'static str,
    pub schedule_blocked: &'static str,
    pub password: &'static str,
    pub password_hint: fn(&str) -> String,
    pub agree_statement: &'static str,
    pub agree: &'static str,

    pub after_lead: &'static str,
    pub wifi: &'static str,
    pub wifi_none: &'static str,
    /// An option of the Wi-Fi dropdown: name, SSID, security.
    pub wifi_option: fn(&str, &str, &str) -> String,
    pub wifi_hint: &'static str,
    /// Which settings are offered, and how many are not.
    pub wifi_offered: fn(usize) -> String,
    pub wifi_blocked: &'static str,
    pub wifi_none_available: &'static str,
    pub esim: &'static str,
    pub esim_hint: &'static str,

    pub help_text: &'static str,
    pub help_delete_info: &'static str,
    pub help_schedule: &'static str,
    pub help_wifi: &'static str,
    pub help_hybrid: &'static str,
    pub help_reenrollment: &'static str,
    pub help_ivi_delay: &'static str,

    pub preview_title: &'static str,
    /// "3台の端末、4件のジョブ".
    pub preview_summary: fn(u64, u64) -> String,
    pub preview_loading: &'static str,
    pub preview_updating: &'static str,
    pub preview_error: &'static str,
    pub group_count: fn(u64, u64) -> String,
    pub group_range: fn(u64, u64, u64) -> String,
    pub group_previous: &'static str,
    pub group_next: &'static str,
    pub hybrid_note: &'static str,
    pub skip_not_wipeable: fn(u64) -> String,

    /// "ジョブ2件: IVI MDM、Apple MDM".
    pub jobs_line: fn(usize, &str) -> String,
    pub no_jobs: &'static str,
    pub open_jobs: fn(&str) -> String,
    pub reenroll_into: fn(&str) -> String,
    pub user_must_authenticate: &'static str,
    /// A qualifying device with Activation Lock on: it will stop in Setup Assistant.
    pub activation_lock_stops_reenrollment: &'static str,
    pub shown_panes: fn(&str) -> String,
    pub only_if_apple: &'static str,
    pub not_reenrolled: &'static str,

    pub ok: &'static str,
    pub registering: &'static str,
    pub cancel: &'static str,
    pub register_line: fn(u64, u64) -> String,
    pub blocker_not_agreed: &'static str,
    pub blocker_preview: &'static str,
    pub blocker_preview_failed: &'static str,
    pub blocker_not_wipeable: fn(u64) -> String,
    pub blocker_open_wipes: fn(u64) -> String,
    pub blocker_nothing: &'static str,

    pub done_title: &'static str,
    pub done_body: fn(u64, u64) -> String,
    pub done_skipped: fn(u64) -> String,
    pub done_jobs_link: &'static str,
    pub done_back: &'static str,
    pub done_toast: fn(u64) -> String,
}
