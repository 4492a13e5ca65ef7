//! The texts the `q` searches look in: the device table's, and the job list's (kept on devices
//! and on jobs alike).

use mdm_model::device::Device;

/// The job list's search text from a device's name, serial number and user (of the device
/// now, or of a job's snapshot).
pub(crate) fn job_search_words(name: &str, serial_number: &str, user: Option<&str>) -> String {
    [Some(name), Some(serial_number), user]
        .iter()
        .flatten()
        .map(|text| text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lower-cased text the `q` search looks in. Fields are joined by a newline, which no
/// search term contains, so a term never matches across two fields.
pub(crate) fn search_text(device: &Device) -> String {
    [
        Some(device.name.as_str()),
        Some(device.serial_number.as_str()),
        device.phone_number.as_deref(),
        device.user_full_name.as_deref(),
        device.employee_number.as_deref(),
    ]
    .iter()
    .flatten()
    .map(|text| text.to_lowercase())
    .collect::<Vec<_>>()
    .join("\n")
}

/// The digits of a text: what a phone number is searched by, whatever its punctuation.
pub(crate) fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}
