//! Fixture data for the benchmark: devices made from their id alone (bench/vanilla/main.js
//! makes the same ones with the same rules), the tenant's Wi-Fi settings, and a wipe backend
//! that plans with the model's own rules and answers in the next task, as the network would.

use chrono::{DateTime, Duration, Utc};
use mdm_console::pages::wipe::WipeBackend;
use mdm_model::dep::DepProfile;
use mdm_model::device::{
    Device, DeviceState, Enrollment, ManagementMethod, Os, OsVersion, Ownership,
};
use mdm_model::ids::{DepProfileId, DeviceId, GroupId, WifiSettingId, WipeId};
use mdm_model::paging::Page;
use mdm_model::wifi::{WifiSecurity, WifiSetting};
use mdm_model::wipe::{
    plan_device_wipe, PreviewSummary, WipePreview, WipePreviewRequest, WipeRegistered,
    WipeSelection,
};

/// Users cycle through these ten names (a tenth of the rows share each one).
pub const USERS: [&str; 10] = [
    "山田 太郎",
    "佐藤 花子",
    "鈴木 一郎",
    "高橋 美咲",
    "田中 健",
    "伊藤 さくら",
    "渡辺 翔",
    "中村 優子",
    "小林 大輔",
    "加藤 愛",
];
const TAGS: [&str; 5] = ["営業", "東京", "貸与", "大阪", "開発"];
const IPHONES: [&str; 3] = ["iPhone 15", "iPhone 14", "iPhone SE"];
const ANDROIDS: [&str; 3] = ["Pixel 8", "Galaxy S23", "AQUOS sense8"];

/// The search term of the filter operation: one of the ten users.
pub const FILTER_TERM: &str = "佐藤";

fn epoch() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-26T00:00:00Z")
        .expect("a valid instant")
        .with_timezone(&Utc)
}

/// Device `id`. Names are `DEV-00001`…, so ascending ids are ascending names.
pub fn device(id: i64) -> Device {
    let n = id as usize;
    let os = [Os::Ios, Os::Android, Os::IpadOs, Os::Android][n % 4];
    let apple = os.is_apple_mobile();
    Device {
        id: DeviceId(id),
        name: format!("DEV-{id:05}"),
        group_id: GroupId(1 + (id % 8)),
        os,
        os_version: if apple {
            OsVersion::major_minor(17, (id % 5) as u32)
        } else {
            OsVersion::major_minor(14, (id % 3) as u32)
        },
        model: match os {
            Os::Ios => IPHONES[n % 3].into(),
            Os::IpadOs => "iPad Air".into(),
            _ => ANDROIDS[n % 3].into(),
        },
        serial_number: format!("SN{id:08}"),
        phone_number: (id % 7 != 0)
            .then(|| format!("090-{:04}-{:04}", id / 10_000 % 10_000, id % 10_000)),
        user_full_name: (id % 11 != 0).then(|| USERS[n % 10].to_string()),
        employee_number: Some(format!("E{id:05}")),
        email: None,
        notes: None,
        tags: (0..n % 4).map(|j| TAGS[(n + j) % 5].to_string()).collect(),
        ownership: if id % 5 == 0 {
            Ownership::Byod
        } else {
            Ownership::Company
        },
        enrollment: if apple {
            Enrollment::Dep
        } else {
            Enrollment::Standard
        },
        dep_profile_id: apple.then_some(DepProfileId(1)),
        management_method: match (apple, id % 6 == 0, id % 5 == 0) {
            (true, true, _) => ManagementMethod::Hybrid,
            (true, false, _) => ManagementMethod::AppleMdm,
            (false, _, true) => ManagementMethod::AndroidWorkProfile,
            (false, _, false) => ManagementMethod::AndroidFullyManaged,
        },
        esim: apple,
        activation_lock_enabled: apple.then_some(false),
        mac_security_chip: None,
        android_resource_name: (!apple).then(|| format!("enterprises/LC00bench/devices/{id:016x}")),
        supervised: apple,
        lost_mode: id % 19 == 0,
        locked: false,
        state: DeviceState {
            powered_on: id % 13 != 0,
            network_connected: id % 3 != 0,
            mdm_profile_installed: id % 17 != 0,
            activesync: None,
        },
        last_seen_at: epoch() - Duration::minutes(id * 7),
    }
}

/// `count` devices from id `first` on.
pub fn devices(first: i64, count: usize) -> Vec<Device> {
    (first..first + count as i64).map(device).collect()
}

/// Two settings usable for re-enrollment, one not.
pub fn wifi_settings() -> Vec<WifiSetting> {
    [
        (1, "本社Wi-Fi", true, true),
        (2, "ゲストWi-Fi", false, true),
        (3, "大阪支店Wi-Fi", true, true),
    ]
    .into_iter()
    .map(|(id, name, auto_join, registered)| WifiSetting {
        id: WifiSettingId(id),
        name: name.into(),
        ssid: format!("NET-{id}"),
        security: WifiSecurity::Wpa2,
        auto_join,
        hidden: false,
        in_remote_settings: registered,
    })
    .collect()
}

fn dep_profile() -> DepProfile {
    DepProfile {
        id: DepProfileId(1),
        name: "DEP 1".into(),
        enrollment_group_id: GroupId(9),
        enrollment_group_name: "再登録端末".into(),
        skip_authentication_screen: true,
        skipped_setup_panes: vec!["Siri".into()],
    }
}

/// Resolves in the browser's next task, as a fetch answer does (it never comes in the task
/// that sent the request), without waiting for any time to pass.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The portal as the wipe screen sees it, answered from fixtures with the model's planning
/// rules in the next task and without waiting: the benchmark measures the console, not a
/// network.
pub fn fixture_backend() -> WipeBackend {
    WipeBackend::new(
        |request: WipePreviewRequest| {
            Box::pin(async move {
                next_task().await;
                let ids = match &request.selection {
                    WipeSelection::Devices { device_ids } => device_ids.clone(),
                    WipeSelection::Filter { .. } => Vec::new(),
                };
                let wifi = request.options.wifi_setting_id.is_some();
                let profile = dep_profile();
                let mut plans: Vec<_> = ids
                    .iter()
                    .map(|id| {
                        let d = device(id.0);
                        let p = d.dep_profile_id.map(|_| &profile);
                        plan_device_wipe(&d, p, wifi, Default::default(), Vec::new())
                    })
                    .collect();
                let summary = PreviewSummary::from_plans(&plans);
                plans.retain(|p| request.outcome.is_none_or(|o| p.outcome == o));
                let page = request.page_request();
                let total = plans.len() as u64;
                let items = plans
                    .into_iter()
                    .skip(page.offset() as usize)
                    .take(page.limit() as usize)
                    .collect();
                Ok(WipePreview {
                    summary,
                    devices: Page::new(items, total, page),
                })
            })
        },
        |request, _key| {
            Box::pin(async move {
                next_task().await;
                let count = match &request.selection {
                    WipeSelection::Devices { device_ids } => device_ids.len() as u64,
                    WipeSelection::Filter { .. } => 0,
                };
                Ok(WipeRegistered {
                    wipe_id: WipeId(1),
                    device_count: count,
                    job_count: count,
                    skipped_device_count: 0,
                    registered_at: epoch(),
                })
            })
        },
    )
}
