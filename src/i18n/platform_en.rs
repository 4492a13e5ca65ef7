//! Platform sections, in English.

use super::PlatformText;

pub const EN: PlatformText = PlatformText {
    android_title: |count| format!("Android ({count} {})", if count == 1 { "device" } else { "devices" }),
    windows_title: |count| format!("Windows ({count} {})", if count == 1 { "device" } else { "devices" }),
    mac_title: |count| format!("Mac ({count} {})", if count == 1 { "device" } else { "devices" }),
    android_lead: "Android Enterprise devices are wiped by deleting them through the Android Management API. On a personally owned device only the work profile is removed.",
    windows_lead: "Windows devices get a RemoteWipe CSP command over SyncML.",
    mac_lead: "Macs get Apple MDM's EraseDevice.",
    android_esim: |kept| {
        if kept {
            "Remove eSIMs (WIPE_ESIMS): no (\"Keep the eSIM data plan\" is on)".to_string()
        } else {
            "Remove eSIMs (WIPE_ESIMS): yes (\"Keep the eSIM data plan\" is off)".to_string()
        }
    },
    android_reason: "Wipe reason (shown to the user)",
    android_reason_hint: "Shown to the user of a personally owned device before its work profile is removed. Company-owned devices do not show it.",
    reason_count: |count, max| format!("{count} / {max} characters"),
    windows_kind: "Windows wipe method",
    windows_esim: "A Windows wipe has no setting to keep an eSIM data plan.",
    mac_obliteration: "Obliteration (ObliterationBehavior)",
    mac_obliteration_hint: "Sent to Macs with Apple silicon or the T2 chip (macOS 12 or later).",
    mac_pin: "PIN (6 characters)",
    mac_pin_hint: |count| {
        format!("{count} {} without Apple silicon or the T2 chip will be locked with this PIN after the erase. Keep a note of it.", if count == 1 { "Mac" } else { "Macs" })
    },
    mac_no_pin: "Every selected Mac has Apple silicon or the T2 chip, so no PIN is needed.",
    mac_esim: "A Mac has no setting to keep an eSIM data plan.",
    help: "Help: wiping each platform (opens in a new tab)",
    preview_commands: |commands| format!("Command sent: {commands}"),

    command_android_title: "Android Management API (device deletion)",
    command_android_intro: "The device deletion (enterprises.devices.delete) this job sends to the Android Management API. Once the device has run the wipe, it is gone from the enterprise's device list.",
    command_windows_title: "Windows MDM command (RemoteWipe CSP)",
    command_measure_intro: "The command this job sends to the device (on Android, to the Android Management API), shown below exactly as sent.",
    command_windows_intro: "The SyncML Exec this job sends to the device. The device answers with a SyncML status.",
    command_mac_title: "Apple MDM command (EraseDevice, Mac)",
    command_mac_intro: "The EraseDevice command this job sends to the Mac. The PIN is masked.",
    command_pin_masked: "set (masked)",
    command_not_sent_key: "not sent (this Mac does not use the key)",
    command_raw: "Show exactly what is sent",
};
