//! Shared by the devices and wipe browser tests: mounting a view, finding and poking its
//! elements, and small factories for devices, groups, Wi-Fi settings and wipe plans.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::JsValue;
use mdm_console::i18n::{Locale, STORAGE_KEY};
use mdm_model::dep::DepProfile;
use mdm_model::device::{
    ActiveSyncAccount, Device, DeviceState, Enrollment, ManagementMethod, Os, OsVersion, Ownership,
};
use mdm_model::group::{GroupNode, GroupTree};
use mdm_model::ids::{DepProfileId, DeviceId, GroupId, WifiSettingId};
use mdm_model::wifi::{WifiSecurity, WifiSetting};
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

#[allow(unused_imports)]
pub use crate::wait::*;

/// A view mounted in its own element; unmounted and removed when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

/// Mounts `view` with the console's locale (`lang` remembered as the administrator's choice).
pub fn mount<V: IntoView + 'static>(lang: &str, view: impl FnOnce() -> V + 'static) -> Mounted {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang);
    }
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    root.set_class_name("mdm-console");
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        Locale::provide(None);
        view()
    });
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

impl Mounted {
    pub fn query(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|el| el.unchecked_into())
    }

    pub fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    pub fn try_find(&self, test_id: &str) -> Option<HtmlElement> {
        self.query(&format!("[data-testid='{test_id}']"))
    }

    pub fn find(&self, test_id: &str) -> HtmlElement {
        self.try_find(test_id)
            .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
    }

    pub fn exists(&self, test_id: &str) -> bool {
        self.try_find(test_id).is_some()
    }

    pub fn text(&self, test_id: &str) -> String {
        self.find(test_id)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    pub fn attr(&self, test_id: &str, name: &str) -> Option<String> {
        self.find(test_id).get_attribute(name)
    }

    pub fn input(&self, test_id: &str) -> HtmlInputElement {
        self.find(test_id).unchecked_into()
    }

    pub fn checked(&self, test_id: &str) -> bool {
        self.input(test_id).checked()
    }

    pub fn disabled(&self, test_id: &str) -> bool {
        self.find(test_id).has_attribute("disabled")
    }

    pub fn select(&self, test_id: &str) -> HtmlSelectElement {
        self.find(test_id).unchecked_into()
    }

    /// Clicks and lets the reactive system settle.
    pub async fn click(&self, test_id: &str) {
        self.find(test_id).click();
        settle().await;
    }

    /// Types a value into an input or a text area as a user would (an `input` event).
    pub async fn type_into(&self, test_id: &str, value: &str) {
        let field = self.find(test_id);
        web_sys::js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
        field
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        settle().await;
    }

    /// Picks an option of a select (a `change` event).
    pub async fn choose(&self, test_id: &str, value: &str) {
        let select = self.select(test_id);
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        settle().await;
    }

    /// Presses a key on an element.
    pub async fn key(&self, test_id: &str, key: &str) {
        press(&self.find(test_id), key, false).await;
    }

    /// The `data-testid` of the focused element, if it has one.
    pub fn focused(&self) -> Option<String> {
        document()
            .active_element()
            .and_then(|el| el.get_attribute("data-testid"))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Dispatches a keydown (bubbling, cancelable) on `target`.
pub async fn press(target: &HtmlElement, key: &str, shift: bool) {
    // Built through the JS constructor: the init dictionary's Rust binding is not compiled in.
    let init = js_sys::Object::new();
    for (name, value) in [
        ("key", JsValue::from_str(key)),
        ("bubbles", JsValue::TRUE),
        ("cancelable", JsValue::TRUE),
        ("shiftKey", JsValue::from_bool(shift)),
    ] {
        js_sys::Reflect::set(&init, &JsValue::from_str(name), &value).unwrap();
    }
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&window(), &JsValue::from_str("KeyboardEvent"))
            .unwrap()
            .unchecked_into();
    let args = js_sys::Array::of2(&JsValue::from_str("keydown"), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&constructor, &args)
        .unwrap()
        .unchecked_into();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// A company-owned, DEP-enrolled, online device of `os`, in group 2, with a DEP profile.
pub fn device(id: i64, os: Os) -> Device {
    let apple = os.is_apple_mobile();
    Device {
        id: DeviceId(id),
        name: format!("DEV-{id:04}"),
        group_id: GroupId(2),
        os,
        os_version: if apple {
            OsVersion::major_minor(17, 4)
        } else {
            OsVersion::major_minor(14, 0)
        },
        model: if apple {
            "iPhone 15".into()
        } else {
            "Pixel 8".into()
        },
        serial_number: format!("SN{id:08}"),
        phone_number: Some(format!("090-0000-{id:04}")),
        user_full_name: Some("山田 太郎".into()),
        employee_number: Some(format!("E{id:04}")),
        email: None,
        notes: None,
        tags: vec!["営業".into(), "東京".into(), "貸与".into()],
        ownership: Ownership::Company,
        enrollment: if apple {
            Enrollment::Dep
        } else {
            Enrollment::Standard
        },
        dep_profile_id: apple.then_some(DepProfileId(1)),
        management_method: match os {
            Os::Android => ManagementMethod::AndroidFullyManaged,
            Os::Windows => ManagementMethod::WindowsMdm,
            _ => ManagementMethod::AppleMdm,
        },
        esim: apple,
        activation_lock_enabled: apple.then_some(false),
        mac_security_chip: None,
        android_resource_name: (os == Os::Android)
            .then(|| format!("enterprises/LC00test/devices/{id:016x}")),
        supervised: apple,
        lost_mode: false,
        locked: false,
        state: DeviceState {
            powered_on: true,
            network_connected: true,
            mdm_profile_installed: true,
            activesync: None,
        },
        // 05:00 UTC is 14:00 in Tokyo.
        last_seen_at: at("2026-11-26T05:00:00Z"),
    }
}

/// A Hybrid iPhone (IVI MDM and Apple MDM at once).
pub fn hybrid(id: i64) -> Device {
    Device {
        management_method: ManagementMethod::Hybrid,
        state: DeviceState {
            activesync: Some(ActiveSyncAccount {
                mail: true,
                ..Default::default()
            }),
            ..device(id, Os::Ios).state
        },
        ..device(id, Os::Ios)
    }
}

/// A personal iPhone, which may not be wiped.
pub fn byod(id: i64) -> Device {
    Device {
        ownership: Ownership::Byod,
        enrollment: Enrollment::User,
        dep_profile_id: None,
        ..device(id, Os::Ios)
    }
}

/// Devices `ids` of `os`.
pub fn devices(ids: std::ops::RangeInclusive<i64>, os: Os) -> Vec<Device> {
    ids.map(|id| device(id, os)).collect()
}

fn node(id: i64, name: &str, count: u64, children: Vec<GroupNode>) -> GroupNode {
    let total = count + children.iter().map(|c| c.total_device_count).sum::<u64>();
    GroupNode {
        id: GroupId(id),
        name: name.into(),
        device_count: count,
        total_device_count: total,
        children,
    }
}

/// 本社 (営業部 (東京営業所), 開発部) and 未所属: 138 devices.
pub fn group_tree() -> GroupTree {
    GroupTree {
        roots: vec![
            node(
                1,
                "本社",
                3,
                vec![
                    node(2, "営業部", 80, vec![node(3, "東京営業所", 40, vec![])]),
                    node(4, "開発部", 12, vec![]),
                ],
            ),
            node(5, "未所属", 3, vec![]),
        ],
        total_devices: 138,
    }
}

/// A Wi-Fi setting; `auto_join` and `registered` decide whether the wipe screen may offer it.
pub fn wifi(id: i64, name: &str, auto_join: bool, registered: bool) -> WifiSetting {
    WifiSetting {
        id: WifiSettingId(id),
        name: name.into(),
        ssid: format!("NET-{id}"),
        security: WifiSecurity::Wpa2,
        auto_join,
        hidden: false,
        in_remote_settings: registered,
    }
}

/// The tenant's Wi-Fi settings: two usable for re-enrollment, two not.
pub fn wifi_settings() -> Vec<WifiSetting> {
    vec![
        wifi(1, "本社Wi-Fi", true, true),
        wifi(2, "ゲストWi-Fi", false, true),
        wifi(3, "大阪支店Wi-Fi", true, true),
        wifi(4, "検証用Wi-Fi", true, false),
    ]
}

/// DEP profile 1 skips the authentication screen; profile 2 does not (the user signs in).
pub fn dep_profile(id: i64) -> DepProfile {
    DepProfile {
        id: DepProfileId(id),
        name: format!("DEP {id}"),
        enrollment_group_id: GroupId(9),
        enrollment_group_name: "再登録端末".into(),
        skip_authentication_screen: id == 1,
        skipped_setup_panes: if id == 1 {
            mdm_model::dep::SETUP_ASSISTANT_PANES
                .iter()
                .map(|p| p.key.to_string())
                .collect()
        } else {
            vec!["Siri".into()]
        },
    }
}
