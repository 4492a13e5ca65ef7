//! Entry point of the console bundle: finds where to mount [`App`] and how it is configured.
//!
//! A host page marks its element with `data-mdm-console` (and the `data-*` settings of
//! [`mdm_console::config`]); the console's own page has `#mdm-console`; else the body.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use mdm_console::config::{ConsoleConfig, HostAttributes};
use mdm_console::{host, App};

/// The element of the console's own page.
const STANDALONE_ID: &str = "mdm-console";
/// The attribute a host page marks its mount element with.
const HOST_MARK: &str = "[data-mdm-console]";
/// The static first paint in the console's own `index.html`.
const BOOT_MARK: &str = "[data-mdm-boot]";

fn main() {
    console_error_panic_hook::set_once();
    let document = document();
    let host_element = document
        .query_selector(HOST_MARK)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(mount) = host_element {
        let attribute = |name: &str| mount.get_attribute(name);
        let (config, problems) = ConsoleConfig::from_host(&HostAttributes {
            base_path: attribute("data-base-path"),
            api_base: attribute("data-api-base"),
            locale: attribute("data-locale"),
            theme: attribute("data-theme"),
            auth: attribute("data-auth"),
        });
        for problem in problems {
            web_sys::console::error_1(&JsValue::from_str(&format!("mdm-console: {problem}")));
        }
        host::attach(mount.clone().into());
        leptos::mount::mount_to(mount, move || view! { <App config=config/> }).forget();
        return;
    }
    match document
        .get_element_by_id(STANDALONE_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(root) => {
            // The static first paint of index.html gives way to the console itself.
            if let Ok(Some(first_paint)) = root.query_selector(BOOT_MARK) {
                first_paint.remove();
            }
            leptos::mount::mount_to(root, || view! { <App/> }).forget()
        }
        None => leptos::mount::mount_to_body(|| view! { <App/> }),
    }
}
