//! Browser tests of the signed-in frame: side nav, header, language switch, and the screens shown
//! around the pages (coming soon, 404, portal unreachable).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_console::api::ApiError;
use mdm_console::components::{
    AppHeader, Area, ComingSoon, SessionErrorPanel, SideNav, TimeZoneChoice,
};
use mdm_console::i18n::{Locale, STORAGE_KEY};
use mdm_console::pages::not_found::NotFoundPage;
use mdm_model::time::Zone;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A view mounted in its own element, with the language the administrator chose last time.
struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

fn mount<V: IntoView + 'static>(
    remembered_lang: Option<&str>,
    view: impl FnOnce() -> V + 'static,
) -> Mounted {
    let storage = window().local_storage().unwrap().unwrap();
    match remembered_lang {
        Some(tag) => storage.set_item(STORAGE_KEY, tag).unwrap(),
        None => storage.remove_item(STORAGE_KEY).unwrap(),
    }
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
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
    fn find(&self, test_id: &str) -> HtmlElement {
        self.root
            .query_selector(&format!("[data-testid='{test_id}']"))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
            .unchecked_into()
    }

    fn text(&self, test_id: &str) -> String {
        self.find(test_id)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    fn attr(&self, test_id: &str, name: &str) -> Option<String> {
        self.find(test_id).get_attribute(name)
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn shell_frame() -> impl IntoView {
    view! {
        <SideNav active=Signal::stored(Some(Area::Jobs))/>
        <AppHeader
            tenant="デモ株式会社"
            admin_name="山田 太郎"
            on_sign_out=Callback::new(|_| ())
            signing_out=Signal::stored(false)
        />
    }
}

fn nav_labels(shell: &Mounted) -> [String; 4] {
    [
        shell.text("nav-devices"),
        shell.text("nav-jobs"),
        shell.text("nav-audit"),
        shell.text("nav-help"),
    ]
}

#[wasm_bindgen_test]
fn nav_is_in_japanese_by_default() {
    let shell = mount(None, shell_frame);
    assert_eq!(
        nav_labels(&shell),
        ["端末管理", "ジョブ管理", "監査ログ", "ヘルプ"]
    );
    assert_eq!(
        shell.attr("nav-jobs", "aria-current").as_deref(),
        Some("page")
    );
    assert_eq!(shell.attr("nav-devices", "aria-current"), None);
    assert_eq!(
        shell.attr("nav-devices", "href").as_deref(),
        Some("/devices")
    );
    assert_eq!(shell.text("sign-out"), "サインアウト");
    assert_eq!(
        shell.attr("lang-ja", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        shell.attr("lang-en", "aria-pressed").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
fn nav_is_in_english_when_english_was_chosen_before() {
    let shell = mount(Some("en"), shell_frame);
    assert_eq!(nav_labels(&shell), ["Devices", "Jobs", "Audit log", "Help"]);
    assert_eq!(shell.text("sign-out"), "Sign out");
    assert_eq!(
        shell.attr("lang-en", "aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn language_switch_relabels_and_is_remembered() {
    let shell = mount(None, shell_frame);
    let storage = window().local_storage().unwrap().unwrap();

    shell.find("lang-en").click();
    leptos::task::tick().await;
    assert_eq!(nav_labels(&shell), ["Devices", "Jobs", "Audit log", "Help"]);
    assert_eq!(shell.text("sign-out"), "Sign out");
    assert_eq!(
        shell.attr("lang-en", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        shell.attr("lang-ja", "aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        storage.get_item(STORAGE_KEY).unwrap().as_deref(),
        Some("en")
    );
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );

    shell.find("lang-ja").click();
    leptos::task::tick().await;
    assert_eq!(
        nav_labels(&shell),
        ["端末管理", "ジョブ管理", "監査ログ", "ヘルプ"]
    );
    assert_eq!(
        storage.get_item(STORAGE_KEY).unwrap().as_deref(),
        Some("ja")
    );
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ja")
    );
}

#[wasm_bindgen_test]
async fn header_names_tenant_and_administrator_and_signs_out() {
    let clicks = RwSignal::new(0);
    let shell = mount(None, move || {
        view! {
            <AppHeader
                tenant="デモ株式会社"
                admin_name="山田 太郎"
                on_sign_out=Callback::new(move |_| clicks.update(|n| *n += 1))
                signing_out=Signal::stored(false)
            />
        }
    });
    assert_eq!(shell.text("header-tenant"), "デモ株式会社");
    assert_eq!(shell.text("header-admin-name"), "山田 太郎");
    shell.find("sign-out").click();
    leptos::task::tick().await;
    assert_eq!(clicks.get_untracked(), 1);
}

/// Types into the header's time zone field and commits it, as a browser does on Enter.
async fn choose_zone(shell: &Mounted, name: &str) {
    let input: web_sys::HtmlInputElement = shell.find("time-zone-input").unchecked_into();
    input.set_value(name);
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn the_header_takes_a_known_time_zone_and_refuses_an_unknown_one() {
    let zone = RwSignal::new(Zone::JAPAN);
    let chosen = RwSignal::new(Vec::<Zone>::new());
    let shell = mount(None, move || {
        let choice = TimeZoneChoice {
            zone: zone.into(),
            saving: Signal::stored(false),
            refusal: Signal::stored(None),
            on_choose: Callback::new(move |z| chosen.update(|all| all.push(z))),
        };
        view! {
            <AppHeader
                tenant="デモ株式会社"
                admin_name="山田 太郎"
                on_sign_out=Callback::new(|_| ())
                signing_out=Signal::stored(false)
                time_zone=choice
            />
        }
    });
    // The value is a property, set right after the first render.
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = shell.find("time-zone-input").unchecked_into();
    assert_eq!(input.value(), "Asia/Tokyo", "Japan time by default");
    assert!(shell.find("time-zone-error").has_attribute("hidden"));

    choose_zone(&shell, "America/NewYork").await;
    assert_eq!(
        shell.text("time-zone-error"),
        "タイムゾーン名が正しくありません。Asia/Tokyo や America/New_York のようなIANAのタイムゾーン名を指定してください。"
    );
    assert_eq!(
        shell.attr("time-zone-input", "aria-invalid").as_deref(),
        Some("true")
    );
    assert!(
        chosen.get_untracked().is_empty(),
        "nothing asked of the portal"
    );

    choose_zone(&shell, " America/New_York ").await;
    let new_york = Zone::parse("America/New_York").unwrap();
    assert_eq!(chosen.get_untracked(), [new_york]);
    assert!(shell.find("time-zone-error").has_attribute("hidden"));
    // The session's zone, once saved, is what the field shows.
    zone.set(new_york);
    leptos::task::tick().await;
    assert_eq!(input.value(), "America/New_York");
}

#[wasm_bindgen_test]
fn unfinished_areas_say_so_without_naming_internals() {
    let shell = mount(None, || view! { <ComingSoon/> });
    assert_eq!(
        shell
            .find("coming-soon")
            .query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "この画面は準備中です"
    );
}

#[wasm_bindgen_test]
fn unknown_addresses_get_a_404_with_a_title() {
    let shell = mount(None, || view! { <NotFoundPage/> });
    assert_eq!(shell.text("page-title"), "ページが見つかりません");
    assert!(shell
        .find("not-found")
        .query_selector("a[href='/devices']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn an_unreachable_portal_is_explained_with_a_retry() {
    let retries = RwSignal::new(0);
    let shell = mount(Some("en"), move || {
        view! {
            <SessionErrorPanel
                error=ApiError::Network("TypeError: Failed to fetch".into())
                on_retry=Callback::new(move |_| retries.update(|n| *n += 1))
            />
        }
    });
    assert!(shell
        .text("session-error")
        .contains("Could not connect to the portal."));
    shell.find("session-retry").click();
    leptos::task::tick().await;
    assert_eq!(retries.get_untracked(), 1);
}
