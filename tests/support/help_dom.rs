//! Mounting help views for the browser tests: each in its own element, in a chosen language,
//! optionally at an address that is restored afterwards.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use mdm_console::api::Api;
use mdm_console::components::HelpLink;
use mdm_console::i18n::{Locale, STORAGE_KEY};
use mdm_console::pages::help::{HelpArticlePage, HelpIndexPage, HelpTopic};
use mdm_model::Lang;
use web_sys::HtmlElement;

/// A view mounted in its own element, in the language remembered from "last time"; with an
/// address, the browser is put there first and brought back afterwards.
pub struct Mounted {
    root: HtmlElement,
    back_to: Option<String>,
    // Parent of the view's own owner: cleaning it up removes the router's window listeners,
    // which dropping the mount handle alone leaves behind (they would take the next test's clicks).
    owner: Owner,
    _handle: Box<dyn std::any::Any>,
}

pub fn mount<V: IntoView + 'static>(lang: Lang, view: impl FnOnce() -> V + 'static) -> Mounted {
    let storage = window().local_storage().unwrap().unwrap();
    storage.set_item(STORAGE_KEY, lang.tag()).unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    root.set_class_name("mdm-console");
    document().body().unwrap().append_child(&root).unwrap();
    let owner = Owner::new();
    let handle = owner.with(|| {
        leptos::mount::mount_to(root.clone(), move || {
            let locale = Locale::provide(None);
            provide_context(Api::new("/api", Signal::derive(move || locale.lang())));
            view()
        })
    });
    Mounted {
        root,
        back_to: None,
        owner,
        _handle: Box::new(handle),
    }
}

/// The help routes as the app has them, plus a page standing in for the wipe wizard.
pub fn mount_routed(lang: Lang, address: &str) -> Mounted {
    let here = window().location().href().unwrap();
    go_to(address);
    let mut mounted = mount(lang, || {
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <Route path=path!("/wizard") view=|| view! { <HelpLink topic=HelpTopic::Schedule/> }/>
                    <Route path=path!("/help/:article") view=HelpArticlePage/>
                    <Route path=path!("/help") view=HelpIndexPage/>
                </Routes>
            </Router>
        }
    });
    mounted.back_to = Some(here);
    mounted
}

pub fn go_to(address: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(address))
        .unwrap();
}

impl Mounted {
    pub fn get(&self, test_id: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(&format!("[data-testid='{test_id}']"))
            .unwrap()
            .map(|el| el.unchecked_into())
    }

    pub fn find(&self, test_id: &str) -> HtmlElement {
        self.get(test_id)
            .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
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

    pub fn select(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.owner.cleanup();
        self.root.remove();
        if let Some(address) = &self.back_to {
            go_to(address);
        }
    }
}
