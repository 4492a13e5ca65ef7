//! Mounting views alone and reading them back through `data-testid`, for the job screens' browser
//! tests.
// Shared by several test files; each uses only part of it.
#![allow(dead_code)]

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use mdm_console::i18n::{Locale, STORAGE_KEY};
use mdm_model::Lang;
use web_sys::HtmlElement;

#[allow(unused_imports)]
pub use crate::wait::*;

/// A view mounted in its own element, in the given language.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

/// Mounts `view` in a fresh element, with `lang` as the remembered language.
pub fn mount<V: IntoView + 'static>(lang: Lang, view: impl FnOnce() -> V + 'static) -> Mounted {
    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item(STORAGE_KEY, lang.tag()).unwrap();
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
    pub fn all(&self, test_id: &str) -> Vec<HtmlElement> {
        within(&self.root, test_id)
    }

    pub fn find(&self, test_id: &str) -> HtmlElement {
        self.maybe(test_id)
            .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
    }

    pub fn maybe(&self, test_id: &str) -> Option<HtmlElement> {
        self.all(test_id).into_iter().next()
    }

    pub fn text(&self, test_id: &str) -> String {
        text_of(&self.find(test_id))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// The element's text, whitespace collapsed.
pub fn text_of(el: &HtmlElement) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every element under `el` with this `data-testid`, in document order.
pub fn within(el: &HtmlElement, test_id: &str) -> Vec<HtmlElement> {
    // `querySelectorAll` through JS: the console enables no `NodeList` binding just for tests.
    let query = js_sys::Reflect::get(el, &"querySelectorAll".into()).unwrap();
    let list = js_sys::Function::from(query)
        .call1(
            el,
            &JsValue::from_str(&format!("[data-testid='{test_id}']")),
        )
        .unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|node| node.unchecked_into())
        .collect()
}
