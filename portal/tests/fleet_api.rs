//! Groups, devices, Wi-Fi settings and DEP profiles.

mod common;

use axum::http::StatusCode;
use common::{TestApp, TEST_FLEET};
use mdm_model::{
    dep::DepProfile,
    device::{Device, DeviceStatus, ManagementMethod, Os, Ownership},
    group::{GroupNode, GroupTree},
    paging::{ItemList, Page},
    wifi::WifiSetting,
    ErrorCode,
};

async fn devices(app: &mut TestApp, query: &str) -> Page<Device> {
    let response = app.get(&format!("/api/devices?{query}")).await;
    assert_eq!(
        response.status,
        StatusCode::OK,
        "{query}: {}",
        response.text()
    );
    serde_json::from_slice(&response.body).unwrap()
}

fn find<'a>(nodes: &'a [GroupNode], name: &str) -> Option<&'a GroupNode> {
    nodes.iter().find_map(|n| {
        if n.name == name {
            Some(n)
        } else {
            find(&n.children, name)
        }
    })
}

#[tokio::test]
async fn group_tree_counts_cover_the_whole_fleet() {
    let mut app = TestApp::signed_in().await;
    let tree: GroupTree = serde_json::from_value(app.get("/api/groups").await.json()).unwrap();
    assert_eq!(tree.total_devices, TEST_FLEET.devices as u64);
    let head_office = find(&tree.roots, "本社").expect("本社");
    let sales = find(&tree.roots, "営業本部").expect("営業本部");
    let east = find(&tree.roots, "東日本営業部").unwrap();
    let west = find(&tree.roots, "西日本営業部").unwrap();
    assert_eq!(
        sales.total_device_count,
        sales.device_count + east.total_device_count + west.total_device_count
    );
    assert!(head_office.total_device_count > sales.total_device_count);
    assert!(count_groups(&tree.roots) >= 15);
}

fn count_groups(nodes: &[GroupNode]) -> usize {
    nodes.iter().map(|n| 1 + count_groups(&n.children)).sum()
}

#[tokio::test]
async fn the_seeded_fleet_has_every_kind_of_device() {
    let mut app = TestApp::signed_in().await;
    let page = devices(&mut app, "per_page=500").await;
    assert_eq!(page.total, TEST_FLEET.devices as u64);
    let all = page.items;
    for os in Os::ALL {
        assert!(all.iter().any(|d| d.os == *os), "no {os}");
    }
    for status in DeviceStatus::ALL {
        assert!(all.iter().any(|d| d.status() == *status), "no {status}");
    }
    for method in ManagementMethod::ALL {
        assert!(
            all.iter().any(|d| d.management_method == *method),
            "no {method}"
        );
    }
    assert!(all.iter().any(|d| d.ownership == Ownership::Byod));
    assert!(all.iter().any(|d| d.esim));
    assert!(
        all.iter().any(|d| d.os_version.major == 15)
            && all.iter().any(|d| d.os_version.major == 18)
    );
}

#[tokio::test]
async fn paging_sorting_and_totals() {
    let mut app = TestApp::signed_in().await;
    let first = devices(&mut app, "per_page=25&sort=name").await;
    assert_eq!(first.items.len(), 25);
    assert_eq!(
        (first.page, first.per_page, first.total),
        (1, 25, TEST_FLEET.devices as u64)
    );
    let names: Vec<&str> = first.items.iter().map(|d| d.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);

    let desc = devices(&mut app, "per_page=25&sort=name&order=desc").await;
    assert!(desc.items[0].name > first.items[0].name);

    let last_page = (TEST_FLEET.devices as u32).div_ceil(25);
    let last = devices(&mut app, &format!("per_page=25&page={last_page}")).await;
    assert!(!last.items.is_empty() && last.items.len() <= 25);

    let by_seen = devices(&mut app, "sort=last_seen&order=desc").await;
    assert!(by_seen
        .items
        .windows(2)
        .all(|w| w[0].last_seen_at >= w[1].last_seen_at));
}

#[tokio::test]
async fn out_of_range_paging_and_bad_parameters_are_400s_naming_the_parameter() {
    let mut app = TestApp::signed_in().await;
    for (query, field) in [
        ("per_page=501", "per_page"),
        ("per_page=0", "per_page"),
        ("page=0", "page"),
        ("page=999", "page"),
        ("page=abc", "page"),
        ("sort=colour", "sort"),
        ("order=up", "order"),
        ("os=symbian", "os"),
        ("group=999999", "group"),
    ] {
        let response = app.get(&format!("/api/devices?{query}")).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{query}");
        let error = response.error();
        assert_eq!(error.code, ErrorCode::InvalidParameter, "{query}");
        assert_eq!(error.field.as_deref(), Some(field), "{query}");
    }
}

#[tokio::test]
async fn filters_and_search() {
    let mut app = TestApp::signed_in().await;
    let ios = devices(&mut app, "os=ios&per_page=500").await;
    assert!(ios.total > 0 && ios.items.iter().all(|d| d.os == Os::Ios));

    let hybrid_company = devices(&mut app, "method=hybrid&ownership=company&per_page=500").await;
    assert!(hybrid_company.total > 0);
    assert!(hybrid_company
        .items
        .iter()
        .all(|d| d.management_method == ManagementMethod::Hybrid
            && d.ownership == Ownership::Company));

    let off = devices(&mut app, "status=powered_off&per_page=500").await;
    assert!(off.total > 0 && off.items.iter().all(|d| !d.state.powered_on));

    // Search by a serial number (case-insensitive) finds exactly that device.
    let target = ios.items[3].clone();
    let found = devices(
        &mut app,
        &format!("q={}", target.serial_number.to_lowercase()),
    )
    .await;
    assert_eq!(
        found.items.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![target.id]
    );

    // A phone number typed without hyphens still matches.
    let phone = ios
        .items
        .iter()
        .find_map(|d| d.phone_number.clone())
        .unwrap();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let found = devices(&mut app, &format!("q={digits}")).await;
    assert!(found
        .items
        .iter()
        .any(|d| d.phone_number.as_deref() == Some(phone.as_str())));

    // Wildcards in the search text are literal.
    assert_eq!(devices(&mut app, "q=%25").await.total, 0);
}

#[tokio::test]
async fn group_filter_with_and_without_subgroups() {
    let mut app = TestApp::signed_in().await;
    let tree: GroupTree = app
        .get("/api/groups")
        .await
        .json()
        .pipe(serde_json::from_value::<_>)
        .unwrap();
    let sales = find(&tree.roots, "営業本部").unwrap();
    let with = devices(&mut app, &format!("group={}", sales.id)).await;
    assert_eq!(with.total, sales.total_device_count);
    let without = devices(&mut app, &format!("group={}&subgroups=false", sales.id)).await;
    assert_eq!(without.total, sales.device_count);
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}

#[tokio::test]
async fn wifi_settings_filter_on_auto_join() {
    let mut app = TestApp::signed_in().await;
    let all: ItemList<WifiSetting> = app
        .get("/api/wifi-settings")
        .await
        .json()
        .pipe(serde_json::from_value::<_>)
        .unwrap();
    let auto: ItemList<WifiSetting> = app
        .get("/api/wifi-settings?auto_join=true")
        .await
        .json()
        .pipe(serde_json::from_value::<_>)
        .unwrap();
    assert!(all.items.len() > auto.items.len());
    assert!(!auto.items.is_empty() && auto.items.iter().all(|w| w.auto_join));
    // The network password is never part of the answer.
    assert!(!app
        .get("/api/wifi-settings")
        .await
        .text()
        .contains("passphrase"));

    let bad = app.get("/api/wifi-settings?auto_join=yes").await;
    assert_eq!(bad.error().field.as_deref(), Some("auto_join"));
}

#[tokio::test]
async fn dep_profiles_name_their_enrollment_group() {
    let mut app = TestApp::signed_in().await;
    let profiles: ItemList<DepProfile> = app
        .get("/api/dep-profiles")
        .await
        .json()
        .pipe(serde_json::from_value::<_>)
        .unwrap();
    assert!(profiles.items.len() >= 2);
    assert!(profiles.items.iter().any(|p| p.skip_authentication_screen));
    assert!(profiles.items.iter().any(|p| !p.skip_authentication_screen));
    assert!(profiles
        .items
        .iter()
        .all(|p| !p.enrollment_group_name.is_empty()));
}

#[tokio::test]
async fn the_same_seed_number_gives_the_same_fleet() {
    let mut a = TestApp::signed_in().await;
    let mut b = TestApp::signed_in().await;
    let first = devices(&mut a, "per_page=100").await;
    let second = devices(&mut b, "per_page=100").await;
    assert_eq!(first.items, second.items);
}
