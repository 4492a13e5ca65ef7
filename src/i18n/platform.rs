//! Strings of the wipe screen's platform sections (Android, Windows, Mac), in both languages.
//! Flag, method and option names come from the model's vocabularies.

#[path = "platform_en.rs"]
mod en;
#[path = "platform_ja.rs"]
mod ja;

pub use en::EN;
pub use ja::JA;

/// All strings of the platform sections of one language.
pub struct PlatformText {
    /// "Android(3台)".
    pub android_title: fn(u64) -> String,
    pub windows_title: fn(u64) -> String,
    pub mac_title: fn(u64) -> String,
    /// What the section is for, under its title.
    pub android_lead: &'static str,
    pub windows_lead: &'static str,
    pub mac_lead: &'static str,
    /// How "keep the eSIM data plan" becomes WIPE_ESIMS (true: kept).
    pub android_esim: fn(bool) -> String,
    pub android_reason: &'static str,
    pub android_reason_hint: &'static str,
    /// "12 / 200文字".
    pub reason_count: fn(usize, usize) -> String,
    pub windows_kind: &'static str,
    pub windows_esim: &'static str,
    pub mac_obliteration: &'static str,
    pub mac_obliteration_hint: &'static str,
    pub mac_pin: &'static str,
    /// How many Macs need the PIN.
    pub mac_pin_hint: fn(u64) -> String,
    pub mac_no_pin: &'static str,
    pub mac_esim: &'static str,
    pub help: &'static str,
    /// The command each device will get, in the per-device preview.
    pub preview_commands: fn(&str) -> String,

    /// The job detail's command section for each platform other than iPhone and iPad.
    pub command_android_title: &'static str,
    pub command_android_intro: &'static str,
    pub command_windows_title: &'static str,
    pub command_windows_intro: &'static str,
    /// The lead of a lost-device measure's command (lock, lost mode, location...).
    pub command_measure_intro: &'static str,
    pub command_mac_title: &'static str,
    pub command_mac_intro: &'static str,
    pub command_pin_masked: &'static str,
    pub command_not_sent_key: &'static str,
    /// The disclosure holding the command exactly as it goes on the wire.
    pub command_raw: &'static str,
}
