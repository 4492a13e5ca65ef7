//! Hostile data for browser tests (`--seed-hostile`): a group of devices whose names, notes,
//! tags and owners, and Wi-Fi settings whose names and SSIDs, carry markup, script, bidi
//! controls and very long unbroken strings. They are data like any other: stored as given,
//! they must be shown as text, keep the layout whole and never run.

use crate::ids::TenantId;
use crate::store::sql::Connection;
use chrono::{DateTime, Duration, Utc};
use mdm_model::{
    device::{
        ActiveSyncAccount, Device, DeviceState, Enrollment, ManagementMethod, Os, OsVersion,
        Ownership,
    },
    ids::DeviceId,
    wifi::WifiSecurity,
};

use crate::store::{
    catalog::{self, NewWifi},
    devices, groups,
};

/// A script element: run, it would set `window.__pwned`.
pub const SCRIPT: &str = "<script>window.__pwned=1</script>";
/// An image whose error handler would set `window.__pwned`.
pub const IMG: &str = "<img src=x onerror=window.__pwned=1>";
/// Breaks out of a quoted attribute into an SVG whose load handler would run.
pub const SVG: &str = "\"><svg onload=window.__pwned=1>";
/// A right-to-left override and mark around Japanese text: shown raw, they flip what follows.
pub const RTL: &str = "\u{202E}gpj.exe 山田の端末\u{200F}";

/// 320 characters without a space, which a table cell cannot break on its own.
pub fn long_ascii() -> String {
    format!("LONG{}", "W".repeat(316))
}

/// 300 Japanese characters without a space.
pub fn long_japanese() -> String {
    "長い備考".repeat(75)
}

/// The name of the group holding the hostile devices.
pub const GROUP: &str = "<b>検証</b><img src=x onerror=window.__pwned=1>";

/// The Wi-Fi settings added: (name, SSID).
pub fn wifi() -> Vec<(String, String)> {
    vec![
        (SCRIPT.to_string(), SVG.to_string()),
        (format!("{RTL}Wi-Fi"), format!("{IMG}{}", "S".repeat(300))),
    ]
}

/// What makes one device hostile: its name, notes, tags and owner.
type Profile = (String, Option<String>, Vec<String>, Option<String>);

/// The hostile devices.
fn profiles() -> Vec<Profile> {
    vec![
        (
            SCRIPT.to_string(),
            Some(IMG.to_string()),
            vec![SVG.to_string(), RTL.to_string()],
            Some(format!("{SVG}山田 太郎")),
        ),
        (
            IMG.to_string(),
            Some(SCRIPT.to_string()),
            vec![SCRIPT.to_string()],
            Some(RTL.to_string()),
        ),
        (
            SVG.to_string(),
            Some(RTL.to_string()),
            vec![IMG.to_string()],
            Some(SCRIPT.to_string()),
        ),
        (
            RTL.to_string(),
            Some(SVG.to_string()),
            vec![long_ascii()],
            Some(IMG.to_string()),
        ),
        (
            long_ascii(),
            Some(long_japanese()),
            vec![long_japanese(), long_ascii()],
            Some(long_ascii()),
        ),
    ]
}

/// One hostile device: a company iPhone on DEP managed by Hybrid MDM, online, so it can be
/// wiped, gets a pair of jobs and may be re-enrolled over Wi-Fi.
fn device(
    group_id: mdm_model::ids::GroupId,
    number: usize,
    (name, notes, tags, owner): Profile,
    now: DateTime<Utc>,
) -> Device {
    Device {
        id: DeviceId(0),
        name,
        group_id,
        os: Os::Ios,
        os_version: OsVersion::major_minor(18, 1),
        model: "iPhone 15".to_string(),
        serial_number: format!("HOSTILE{number:05}"),
        phone_number: Some(format!("090-0000-{number:04}")),
        user_full_name: owner,
        employee_number: Some(format!("H{number:06}")),
        email: Some(format!("hostile{number}@demo.example.co.jp")),
        notes,
        tags,
        ownership: Ownership::Company,
        enrollment: Enrollment::Dep,
        dep_profile_id: None,
        management_method: ManagementMethod::Hybrid,
        esim: false,
        mac_security_chip: None,
        android_resource_name: None,
        activation_lock_enabled: Some(false),
        supervised: true,
        lost_mode: false,
        locked: false,
        state: DeviceState {
            powered_on: true,
            network_connected: true,
            mdm_profile_installed: true,
            activesync: Some(ActiveSyncAccount {
                mail: true,
                ..ActiveSyncAccount::default()
            }),
        },
        last_seen_at: now - Duration::minutes(number as i64),
    }
}

/// Adds the hostile group, devices and Wi-Fi settings to a tenant.
pub fn seed_hostile(
    conn: &Connection,
    tenant_id: TenantId,
    now: DateTime<Utc>,
) -> crate::store::sql::Result<()> {
    let group = groups::insert(conn, tenant_id, None, GROUP, 100)?;
    for (number, profile) in profiles().into_iter().enumerate() {
        devices::insert(conn, tenant_id, &device(group, number + 1, profile, now))?;
    }
    for (name, ssid) in wifi() {
        let new = NewWifi {
            name: &name,
            ssid: &ssid,
            security: WifiSecurity::Wpa2,
            password: Some("hostile-passphrase"),
            auto_join: true,
            hidden: false,
            in_remote_settings: true,
        };
        catalog::insert_wifi(conn, tenant_id, &new)?;
    }
    Ok(())
}
