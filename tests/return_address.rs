//! Browser test of the return address after sign-in (`/login?next=…`): every hostile value,
//! raw and in its percent-encoded forms, resolved by the browser itself, stays on the console.
//! Guards the open redirect where `next=%2F%0A%2Fevil.example%2F` passed the textual check and
//! the browser, which drops the line feed, then read `//evil.example/`.
#![cfg(target_arch = "wasm32")]

use mdm_console::routes::{after_login, href, set_base, DEVICES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &[&str] = &[
    "/\n/evil.example/",
    "/\t/evil.example/",
    "/\r\\evil.example/",
    "/\n\\evil.example",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "\t//evil.example",
    " /\\evil.example",
    "https://evil.example/",
    "HTTPS:evil.example",
    "javascript:alert(document.domain)",
    "java\nscript:alert(1)",
    "/../../../outside",
    "/%2e%2e/%2E%2E/outside",
];

/// The value as the query string carries it, encoded once and twice (a link in a mail may be
/// encoded again by whoever forwards it), as `use_query_map` then hands it over decoded once.
fn spellings(raw: &str) -> Vec<String> {
    let once = js_sys::encode_uri_component(raw).as_string().unwrap();
    let twice = js_sys::encode_uri_component(&once).as_string().unwrap();
    vec![raw.to_string(), once, twice]
}

/// Navigates the test page to the console address the router would go to and reports where
/// the browser ended up. `pushState` throws for another origin, so reaching the end at all
/// means the address stayed on this site.
fn navigate(console_path: &str) -> web_sys::Location {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href(console_path)))
        .unwrap_or_else(|e| panic!("{console_path:?} left the origin: {e:?}"));
    window.location()
}

fn check_all_stay_on_console(base: &str) {
    set_base(base);
    let window = web_sys::window().unwrap();
    let start = window.location().href().unwrap();
    let origin = window.location().origin().unwrap();
    let mut checked = 0;
    for raw in HOSTILE {
        for value in spellings(raw) {
            let target = after_login(Some(&value));
            let location = navigate(&target);
            assert_eq!(
                location.origin().unwrap(),
                origin,
                "{value:?} -> {target:?}"
            );
            let pathname = location.pathname().unwrap();
            assert!(
                base.is_empty() || pathname.starts_with(&format!("{base}/")),
                "{value:?} -> {target:?} left the base path: {pathname}"
            );
            checked += 1;
        }
        // The raw values are the ones that must fall back to the devices page outright.
        assert_eq!(after_login(Some(raw)), DEVICES, "{raw:?}");
    }
    assert_eq!(checked, HOSTILE.len() * 3);
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start))
        .unwrap();
    set_base("");
}

#[wasm_bindgen_test]
fn hostile_return_addresses_stay_on_the_console_at_the_site_root() {
    check_all_stay_on_console("");
}

#[wasm_bindgen_test]
fn hostile_return_addresses_stay_under_an_embedding_base_path() {
    check_all_stay_on_console("/portal/mdm");
}

#[wasm_bindgen_test]
fn an_ordinary_deep_link_still_returns_to_its_page() {
    set_base("/portal/mdm");
    assert_eq!(
        after_login(Some("/jobs/42?tab=audit#attempts")),
        "/jobs/42?tab=audit#attempts"
    );
    set_base("");
    assert_eq!(
        after_login(Some("/devices?q=a b&page=2")),
        "/devices?q=a b&page=2"
    );
}
