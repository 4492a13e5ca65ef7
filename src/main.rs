//! Entry point of the console bundle: mounts [`App`] on the page's mount element.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_console::App;

/// The element the console fills; the page may be a host portal's, so never the whole body.
const MOUNT_ID: &str = "mdm-console";

fn main() {
    console_error_panic_hook::set_once();
    match document()
        .get_element_by_id(MOUNT_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(root) => leptos::mount::mount_to(root, || view! { <App/> }).forget(),
        None => leptos::mount::mount_to_body(|| view! { <App/> }),
    }
}
