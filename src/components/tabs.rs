//! Tabs after the WAI-ARIA pattern: a `tablist` of `tab` buttons (arrow keys, Home and End move
//! between them) and one `tabpanel` per tab.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// One tab of a [`TabList`].
#[derive(Clone)]
pub struct Tab {
    /// Stable key of the tab; also names its panel.
    pub key: &'static str,
    /// The tab's label, in the current language.
    pub label: Signal<String>,
}

fn tab_id(id: &str, key: &str) -> String {
    format!("{id}-tab-{key}")
}

fn panel_id(id: &str, key: &str) -> String {
    format!("{id}-panel-{key}")
}

/// The row of tabs. The active tab is the only one in the Tab order; arrow keys move to and
/// activate the neighbouring tab.
#[component]
pub fn TabList(
    /// Prefix of the element ids, unique on the page: tabs are `{id}-tab-{key}`, panels
    /// `{id}-panel-{key}`.
    id: &'static str,
    /// Accessible name of the tab list.
    #[prop(into)]
    label: Signal<String>,
    /// The tabs, in order.
    tabs: Vec<Tab>,
    /// Key of the active tab.
    #[prop(into)]
    active: Signal<&'static str>,
    /// Called with the key of the tab the administrator activates.
    #[prop(into)]
    on_select: Callback<&'static str>,
) -> impl IntoView {
    let keys: Vec<&'static str> = tabs.iter().map(|tab| tab.key).collect();
    let on_keydown = move |event: KeyboardEvent| {
        let current = keys.iter().position(|key| *key == active.get_untracked());
        let last = keys.len().saturating_sub(1);
        let next = match (event.key().as_str(), current) {
            ("ArrowRight", Some(i)) => Some(if i >= last { 0 } else { i + 1 }),
            ("ArrowLeft", Some(i)) => Some(if i == 0 { last } else { i - 1 }),
            ("Home", _) => Some(0),
            ("End", _) => Some(last),
            _ => None,
        };
        if let Some(key) = next.and_then(|i| keys.get(i).copied()) {
            event.prevent_default();
            on_select.run(key);
            if let Some(tab) = document()
                .get_element_by_id(&tab_id(id, key))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok())
            {
                let _ = tab.focus();
            }
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=label on:keydown=on_keydown>
            {tabs
                .into_iter()
                .map(|tab| {
                    let key = tab.key;
                    let selected = move || active.get() == key;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tabs__tab"
                            id=tab_id(id, key)
                            data-testid=format!("tab-{key}")
                            aria-controls=panel_id(id, key)
                            aria-selected=move || selected().to_string()
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| on_select.run(key)
                        >
                            {tab.label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The panel of one tab. Inactive panels stay in the page, hidden, so what was entered in them
/// is kept.
#[component]
pub fn TabPanel(
    /// The same prefix as the [`TabList`]'s `id`.
    id: &'static str,
    /// Key of the tab this panel belongs to.
    key: &'static str,
    /// Key of the active tab.
    #[prop(into)]
    active: Signal<&'static str>,
    /// The panel's content.
    children: Children,
) -> impl IntoView {
    view! {
        <div
            class="tabs__panel"
            role="tabpanel"
            id=panel_id(id, key)
            data-testid=format!("tabpanel-{key}")
            aria-labelledby=tab_id(id, key)
            tabindex="0"
            hidden=move || active.get() != key
        >
            {children()}
        </div>
    }
}
