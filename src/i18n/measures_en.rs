//! 紛失時対策 (other than the wipe), in English.

use mdm_model::count::format_count;

use super::MeasuresText;

fn devices(count: u64) -> String {
    match count {
        1 => "1 device".to_string(),
        n => format!("{} devices", format_count(n)),
    }
}

fn jobs(count: u64) -> String {
    match count {
        1 => "1 job".to_string(),
        n => format!("{} jobs", format_count(n)),
    }
}

pub const EN: MeasuresText = MeasuresText {
    counts_loading: "Checking which devices each measure applies to…",
    counts_error: "Could not find out which devices each measure applies to.",
    applies_to: |applicable, total| {
        format!(
            "Applies to {} of {}",
            format_count(applicable),
            devices(total)
        )
    },
    left_out_because: |count, reason| format!("{} left out: {reason}", devices(count)),

    lead: |measure, count| format!("{measure} for the {} you selected.", devices(count)),
    back: "Back to devices",
    no_selection_title: "No devices selected",
    no_selection_body: "Select devices on the Devices screen, then choose Lost-device measures.",
    unknown_measure_title: "No such measure",
    unknown_measure_body: "The address is not right. Start from Lost-device measures on the Devices screen.",
    options_title: "Settings",
    no_options: "This measure has nothing to enter.",
    help_text: "Help",
    help_label: |title| format!("Help: {title} (opens in a new tab)"),
    lock_message_hint: "Shown on the lock screen of iPhone, iPad and Mac (up to 200 characters).",
    lock_phone_hint: "A contact shown on the lock screen (on a Mac, Apple silicon only).",
    pin_hint: "The six-character Find My PIN of a Mac. Sent to Macs only and never shown again.",
    lost_mode_hint: "Enter a message, a phone number, or both.",
    lost_message_hint: "Shown on the screen while the device is in lost mode (up to 200 characters).",
    footnote_hint: "On iPhone and iPad, shown instead of the unlock prompt at the bottom of the screen (up to 200 characters).",
    reason_hint: "Shown to the owner of a personal Android device before the work profile is removed (up to 200 characters).",
    char_count: |used, max| format!("{used} / {max} characters"),
    password_required: "Enter your password.",
    agree_statement: |measure| {
        format!("{measure} affects what the device's user sees or the data on the device. Check the details, then agree.")
    },
    not_agreed: "Tick I agree to enable OK.",

    preview_title: "What will happen",
    preview_loading: "Checking what will happen…",
    preview_error: "Could not check what will happen.",
    preview_summary: |registered, left_out| match left_out {
        0 => format!("Jobs for {}", devices(registered)),
        _ => format!(
            "Jobs for {}, {} left out",
            devices(registered),
            format_count(left_out)
        ),
    },
    group_registered: "Devices that get a job",
    group_left_out: "Devices left out",
    group_count: devices,
    channel_line: |method| format!("Sent through {method}."),
    open_jobs: |ids| format!("A job of this measure is still open: {ids}"),
    skip_not_applicable: |count| format!("Leave out the {} it does not apply to", devices(count)),

    register_line: |measure, count| format!("Registers {measure} jobs for {}.", devices(count)),
    blocker_preview: "OK is enabled once the check of what will happen is done.",
    blocker_preview_failed: "OK is disabled: what will happen could not be checked.",
    blocker_left_out: |count| {
        format!(
            "The measure does not apply to {} of the selection. Leave them out, or change the selection.",
            devices(count)
        )
    },
    blocker_nothing: "The measure applies to none of the selected devices.",

    done_title: "Registered",
    done_body: |measure, device_count, job_count| {
        format!(
            "Registered {} of {measure} for {}.",
            jobs(job_count),
            devices(device_count)
        )
    },
    done_skipped: |count| format!("Left out {} the measure does not apply to.", devices(count)),
    done_jobs_link: "View in Jobs",
    done_back: "Back to devices",
    done_toast: |measure, job_count| format!("Registered {} of {measure}.", jobs(job_count)),

    location_title: "Location",
    latitude: "Latitude",
    longitude: "Longitude",
    accuracy: "Accuracy",
    accuracy_value: |metres| format!("±{metres:.0} m"),
    located_at: "Located at",
    copy: "Copy coordinates",
    copied: "Coordinates copied.",
    copy_failed: "Could not copy. Select the coordinates and copy them.",
    open_map: "Open in a map",
    open_map_label: "Open in a map (OpenStreetMap, opens in a new tab)",
    locations_button: "Locations",
    locations_button_label: |name| format!("Locations of {name}"),
    locations_title: |name| format!("Locations of {name}"),
    locations_loading: "Loading locations…",
    locations_error: "Could not load the locations.",
    locations_empty: "No location yet. Ask an iPhone or iPad with Get location; Android reports its location by itself in lost mode.",
    locations_newer: "Newer",
    locations_older: "Older",
    locations_range: |first, last, total| {
        format!(
            "{}–{} of {}",
            format_count(first),
            format_count(last),
            format_count(total)
        )
    },

    filter_mark: "Measure state",
    wipe_ends_lost_mode: |count| {
        let (subject, verb) = if count == 1 {
            ("1 of the selected devices".to_string(), "is")
        } else {
            (format!("{} of the selected devices", format_count(count)), "are")
        };
        format!("{subject} {verb} in lost mode. Lost mode ends when the wipe runs.")
    },
};
