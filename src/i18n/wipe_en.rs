//! 遠隔初期化, in English.

use super::WipeText;

fn devices(count: u64) -> String {
    if count == 1 {
        "1 device".to_string()
    } else {
        format!("{count} devices")
    }
}

fn jobs(count: u64) -> String {
    if count == 1 {
        "1 job".to_string()
    } else {
        format!("{count} jobs")
    }
}

pub const EN: WipeText = WipeText {
    title: "Remote wipe",
    lead: |count| {
        format!("You are about to wipe {}. All data on them is erased and cannot be restored.", devices(count))
    },
    back: "Back to Devices",
    loading: "Loading settings…",
    load_error: "The Wi-Fi settings could not be loaded.",
    retry: "Try again",
    no_selection_title: "No devices selected",
    no_selection_body: "Select the devices to wipe in Devices, then choose Lost-device measures.",

    tabs_label: "Wipe options",
    tab_settings: "Wipe settings",
    tab_after: "After-wipe settings",

    delete_info: "Delete the device's general info and tags",
    delete_info_hint: |fields| {
        format!("When the job succeeds, these are deleted: {fields}. Untick to keep them.")
    },
    list_separator: ", ",
    schedule: "Schedule / Set a date and time",
    schedule_field: "Date and time",
    schedule_zone: |zone| format!("Entered in {zone} time."),
    schedule_echo: |at, zone| format!("Runs at {at} ({zone})."),
    schedule_off: "Without a schedule, the wipe runs as soon as each device can be reached.",
    schedule_blocked: "A Wi-Fi setting for re-enrollment is chosen, so no schedule can be set. To schedule, set the Wi-Fi setting back to \"None\" on the After-wipe settings tab.",
    password: "Password",
    password_hint: |name| format!("To confirm, enter the password of the signed-in administrator ({name})."),
    agree_statement: "A remote wipe erases all data on the devices and cannot be undone. Review the settings and agree.",
    agree: "I agree",

    after_lead: "These settings are optional.",
    wifi: "Wi-Fi setting",
    wifi_none: "None (no re-enrollment)",
    wifi_option: |name, ssid, security| format!("{name} ({ssid} / {security}, auto-join on)"),
    wifi_hint: "With a Wi-Fi setting, wiped devices join this network and enroll again by themselves.",
    wifi_offered: |hidden| match hidden {
        0 => "Showing the Wi-Fi settings registered in the remote settings feature set with auto-join on.".to_string(),
        1 => "Showing only the Wi-Fi settings registered in the remote settings feature set with auto-join on (1 other setting does not qualify).".to_string(),
        n => format!("Showing only the Wi-Fi settings registered in the remote settings feature set with auto-join on ({n} other settings do not qualify)."),
    },
    wifi_blocked: "Not available while a schedule is set. To use re-enrollment, untick \"Schedule / Set a date and time\" on the Wipe settings tab.",
    wifi_none_available: "No Wi-Fi setting can be used for re-enrollment.",
    esim: "Keep the eSIM data plan",
    esim_hint: "On devices with an eSIM, the data plan stays after the wipe.",

    help_text: "Help",
    help_delete_info: "Help: what is deleted (opens in a new tab)",
    help_schedule: "Help: scheduling (opens in a new tab)",
    help_wifi: "Help: Wi-Fi settings for re-enrollment (opens in a new tab)",
    help_hybrid: "Help: jobs of Hybrid devices (opens in a new tab)",
    help_reenrollment: "Help: which devices re-enroll automatically (opens in a new tab)",
    help_ivi_delay: "Help: when an IVI MDM wipe runs (opens in a new tab)",

    preview_title: "What will happen",
    preview_summary: |d, j| format!("{}, {}", devices(d), jobs(j)),
    preview_loading: "Checking what will happen…",
    preview_updating: "Updating…",
    preview_error: "What will happen could not be checked.",
    group_count: |d, j| format!("{}, {}", devices(d), jobs(j)),
    group_range: |first, last, total| format!("{first}–{last} of {total}"),
    group_previous: "Previous page",
    group_next: "Next page",
    hybrid_note: "Hybrid devices get two jobs, one by IVI MDM and one by Apple MDM. The first to succeed wins; the other is cancelled automatically.",
    skip_not_wipeable: |count| format!("Leave out the {} that cannot be wiped", devices(count)),

    jobs_line: |count, methods| {
        if count == 1 {
            format!("1 job: {methods}")
        } else {
            format!("{count} jobs: {methods}")
        }
    },
    no_jobs: "No job is registered.",
    open_jobs: |ids| format!("Open jobs: {ids}"),
    reenroll_into: |group| format!("Re-enrolls automatically into the group \"{group}\" after the wipe."),
    user_must_authenticate: "The user will need to authenticate on the device.",
    activation_lock_stops_reenrollment: "Activation Lock is on: after the wipe, the device stops at setup and will not finish re-enrollment on its own until the lock is turned off.",
    shown_panes: |panes| format!("Setup screens shown: {panes}"),
    only_if_apple: "Re-enrolls only if the Apple MDM job performs the wipe.",
    not_reenrolled: "Not eligible for re-enrollment:",

    ok: "OK",
    registering: "Registering…",
    cancel: "Cancel",
    register_line: |d, j| format!("Registers {} for {}.", jobs(j), devices(d)),
    blocker_not_agreed: "Tick \"I agree\" to enable OK.",
    blocker_preview: "OK is enabled once the check of what will happen is done.",
    blocker_preview_failed: "OK is not available: what will happen could not be checked.",
    blocker_not_wipeable: |count| {
        format!("The selection includes {} that cannot be wiped. Leave them out or change the selection.", devices(count))
    },
    blocker_open_wipes: |count| {
        format!("The selection includes {} with an open wipe job. Remove them from the selection in Devices.", devices(count))
    },
    blocker_nothing: "None of the selected devices can be wiped.",

    done_title: "Registration complete",
    done_body: |d, j| format!("Registered {} for {}.", jobs(j), devices(d)),
    done_skipped: |count| format!("Left out {} that cannot be wiped.", devices(count)),
    done_jobs_link: "View in Jobs",
    done_back: "Back to Devices",
    done_toast: |j| format!("Registered {}.", jobs(j)),
};
