//! The demo fleet: a group tree, Wi-Fi settings, DEP profiles and a realistic mix of
//! devices, all reproducible from a seed number.

use crate::ids::TenantId;
use crate::store::sql::Connection;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mdm_model::{
    device::{
        ivi_mdm_available, ActiveSyncAccount, Device, DeviceState, Enrollment, ManagementMethod,
        Os, OsVersion, Ownership,
    },
    ids::DeviceId,
};

use super::{
    fleet_catalog::{seed_catalog, Catalog, DEVICE_GROUPS},
    names::*,
    rng::SeedRng,
};
use crate::store::devices;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct FleetSpec {
    pub devices: usize,
    pub seed: u64,
    /// The tenant's contract date: before December 2018 its fleet has IVI MDM and Hybrid
    /// iPhones and iPads; from then on, Apple MDM only.
    pub contracted_on: NaiveDate,
}

/// The demo tenant's contract date: before the IVI MDM cut-off, so it keeps its Hybrid devices.
pub const DEMO_CONTRACTED_ON: NaiveDate = match NaiveDate::from_ymd_opt(2016, 4, 1) {
    Some(day) => day,
    None => panic!("a real day"),
};

impl Default for FleetSpec {
    fn default() -> Self {
        FleetSpec {
            devices: 500,
            seed: 2026,
            contracted_on: DEMO_CONTRACTED_ON,
        }
    }
}

fn serial(rng: &mut SeedRng) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    (0..12).map(|_| char::from(*rng.pick(CHARS))).collect()
}

fn apple_version(rng: &mut SeedRng, min_major: u32) -> OsVersion {
    let majors: Vec<(u32, u32)> = [(15, 10), (16, 20), (17, 35), (18, 35)]
        .into_iter()
        .filter(|(major, _)| *major >= min_major)
        .collect();
    let major = if majors.is_empty() {
        18
    } else {
        *rng.weighted(&majors)
    };
    let minor = rng.below(match major {
        15 => 8,
        16 => 7,
        17 => 7,
        _ => 4,
    }) as u32;
    if rng.chance(0.4) {
        OsVersion::new(major, minor, 1 + rng.below(3) as u32)
    } else {
        OsVersion::major_minor(major, minor)
    }
}

/// One generated device (id left 0; the store assigns it).
fn device(
    rng: &mut SeedRng,
    spec: &FleetSpec,
    number: usize,
    catalog: &Catalog,
    now: DateTime<Utc>,
) -> Device {
    let os = *rng.weighted(&[
        (Os::Ios, 50),
        (Os::IpadOs, 18),
        (Os::Android, 17),
        (Os::Windows, 8),
        (Os::MacOs, 7),
    ]);
    let mut mac_security_chip = None;
    let (model, os_version, esim, prefix) = match os {
        Os::Ios => {
            let (model, min, esim) = *rng.pick(IPHONE_MODELS);
            (
                model,
                apple_version(rng, min),
                esim && rng.chance(0.6),
                "IPH",
            )
        }
        Os::IpadOs => {
            let (model, min, esim) = *rng.pick(IPAD_MODELS);
            (
                model,
                apple_version(rng, min),
                esim && rng.chance(0.3),
                "IPD",
            )
        }
        Os::Android => {
            let major = 12 + rng.below(4) as u32;
            (
                *rng.pick(ANDROID_MODELS),
                OsVersion::major_minor(major, 0),
                rng.chance(0.2),
                "AND",
            )
        }
        Os::Windows => {
            let build = *rng.pick(&[19045, 22631, 26100]);
            (
                *rng.pick(WINDOWS_MODELS),
                OsVersion::new(10, 0, build),
                false,
                "WIN",
            )
        }
        Os::MacOs => {
            let (model, chip, oldest, newest) = *rng.pick(MAC_MODELS);
            mac_security_chip = Some(chip);
            let major = oldest + rng.below(u64::from(newest - oldest + 1)) as u32;
            (
                model,
                OsVersion::major_minor(major, rng.below(6) as u32),
                false,
                "MAC",
            )
        }
    };
    let apple = os.is_apple();
    let ownership = if rng.chance(0.08) {
        Ownership::Byod
    } else {
        Ownership::Company
    };
    let enrollment = match (apple, ownership) {
        (true, Ownership::Byod) if rng.chance(0.6) => Enrollment::User,
        (true, Ownership::Company) if rng.chance(0.7) => Enrollment::Dep,
        _ => Enrollment::Standard,
    };
    let dep_profile_id = (enrollment == Enrollment::Dep && rng.chance(0.9))
        .then(|| *rng.pick(&catalog.dep_profiles));
    let ivi = ivi_mdm_available(spec.contracted_on);
    let management_method = match (os, ownership) {
        (Os::Android, Ownership::Byod) => ManagementMethod::AndroidWorkProfile,
        (Os::Android, Ownership::Company) => ManagementMethod::AndroidFullyManaged,
        (Os::Windows, _) => ManagementMethod::WindowsMdm,
        (Os::Ios | Os::IpadOs, Ownership::Company) if ivi && rng.chance(0.15) => {
            ManagementMethod::Hybrid
        }
        (Os::Ios | Os::IpadOs, Ownership::Company) if ivi && rng.chance(0.05) => {
            ManagementMethod::IviMdm
        }
        _ => ManagementMethod::AppleMdm,
    };
    let android_resource_name = (os == Os::Android).then(|| {
        format!(
            "enterprises/{}/devices/{:016x}",
            enterprise_id(spec.seed),
            rng.below(u64::MAX)
        )
    });
    let activesync = matches!(
        management_method,
        ManagementMethod::Hybrid | ManagementMethod::IviMdm
    )
    .then(|| {
        if rng.chance(0.15) {
            ActiveSyncAccount::default()
        } else {
            ActiveSyncAccount {
                mail: true,
                contacts: rng.chance(0.8),
                calendar: rng.chance(0.8),
                reminders: rng.chance(0.3),
                notes: false,
            }
        }
    });
    let roll = rng.below(100);
    let state = DeviceState {
        powered_on: !(70..77).contains(&roll),
        network_connected: !(77..85).contains(&roll),
        mdm_profile_installed: !(85..88).contains(&roll),
        activesync,
    };
    let idle_minutes = match state.status() {
        mdm_model::device::DeviceStatus::Online => rng.below(30),
        _ => 60 + rng.below(60 * 24 * 14),
    };
    let (family, family_romaji) = *rng.pick(FAMILY_NAMES);
    let (given, given_romaji) = *rng.pick(GIVEN_NAMES);
    let shared = rng.chance(0.05);
    let phone = (os == Os::Ios || os == Os::Android || (os == Os::IpadOs && esim)).then(|| {
        format!(
            "0{}0-{:04}-{:04}",
            *rng.pick(&[7, 8, 9]),
            rng.below(10_000),
            rng.below(10_000)
        )
    });
    let tag_count = rng.below(3) as usize;
    let mut tags: Vec<String> = Vec::with_capacity(tag_count);
    for _ in 0..tag_count {
        let tag = rng.pick(TAGS).to_string();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Device {
        id: DeviceId(0),
        name: format!("{prefix}-{number:06}"),
        group_id: catalog.groups[*rng.weighted(DEVICE_GROUPS)],
        os,
        os_version,
        model: model.to_string(),
        serial_number: serial(rng),
        phone_number: phone,
        user_full_name: (!shared).then(|| format!("{family} {given}")),
        employee_number: (!shared).then(|| format!("E{:06}", 100_000 + number)),
        email: (!shared)
            .then(|| format!("{given_romaji}.{family_romaji}{number}@demo.example.co.jp")),
        notes: rng.chance(0.1).then(|| rng.pick(NOTES).to_string()),
        tags,
        ownership,
        enrollment,
        dep_profile_id,
        management_method,
        esim,
        activation_lock_enabled: apple.then(|| activation_lock(spec.seed, number)),
        mac_security_chip,
        android_resource_name,
        // DEP-enrolled iPhones and iPads are supervised; nothing else in the fleet is.
        supervised: enrollment == Enrollment::Dep && os.is_apple_mobile(),
        lost_mode: false,
        locked: false,
        state,
        last_seen_at: now - Duration::minutes(idle_minutes as i64),
    }
}

/// The tenant's enterprise in Android Enterprise, named the way Google names them (`LC` and
/// an opaque code).
fn enterprise_id(seed: u64) -> String {
    format!("LC{:08x}", SeedRng::new(seed).below(u64::from(u32::MAX)))
}

/// Whether an Apple device reports Activation Lock on: about one in ten (a user who turned on
/// Find My with their own Apple ID). Drawn from a stream of its own per device so the rest of
/// the fleet stays what a given seed has always produced.
fn activation_lock(seed: u64, number: usize) -> bool {
    SeedRng::new(seed ^ (number as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).chance(0.1)
}

/// Writes the catalog and `spec.devices` devices for a tenant. The caller owns the
/// transaction (one transaction and cached statements make 100,000 devices take seconds).
pub fn seed_fleet(
    conn: &Connection,
    tenant_id: TenantId,
    spec: FleetSpec,
    now: DateTime<Utc>,
) -> crate::store::sql::Result<()> {
    let catalog = seed_catalog(conn, tenant_id)?;
    let mut rng = SeedRng::new(spec.seed);
    for number in 1..=spec.devices {
        let device = device(&mut rng, &spec, number, &catalog, now);
        devices::insert(conn, tenant_id, &device)?;
    }
    Ok(())
}
