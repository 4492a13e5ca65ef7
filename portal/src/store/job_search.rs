//! The text the job list's `q` search looks in, kept on devices and on jobs alike.

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
