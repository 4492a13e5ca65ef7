//! The console's side of the conversation with a host page that embeds it.
//!
//! The host talks to the console with DOM events on the mount element (the element marked
//! `data-mdm-console`); the console's events bubble from that element:
//!
//! | event | direction | `detail` | meaning |
//! |---|---|---|---|
//! | [`READY`] | console → host | — | the console listens; hand over a token now (bearer mode) |
//! | [`TOKEN`] | host → console | `{ token }` | a new bearer token (first one, or renewed) |
//! | [`TOKEN_EXPIRED`] | console → host | — | the portal refused the token: renew it |
//! | [`SIGNED_OUT`] | console → host | — | the administrator signed out in the console |
//! | [`SIGN_OUT`] | host → console | — | the host signed out: forget the token |
//!
//! A console on its own page has no host: every function here is then a no-op, and the console
//! owns the document (its title and `lang`).

use std::cell::RefCell;

use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The console listens for bearer tokens.
pub const READY: &str = "mdm-console:ready";
/// The host hands over a bearer token: `detail: { token: "…" }`.
pub const TOKEN: &str = "mdm-console:token";
/// The portal answered 401 to the current token.
pub const TOKEN_EXPIRED: &str = "mdm-console:token-expired";
/// The administrator chose sign-out in the console; the host takes over.
pub const SIGNED_OUT: &str = "mdm-console:signed-out";
/// The host signed its administrator out: the console forgets the token.
pub const SIGN_OUT: &str = "mdm-console:sign-out";

thread_local! {
    // One console per page; set once by `main` before the app renders.
    static MOUNT: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Remembers the host's mount element (embedded mode).
pub fn attach(mount: Element) {
    MOUNT.with(|m| *m.borrow_mut() = Some(mount));
}

/// Whether the console lives in a host page.
pub fn is_embedded() -> bool {
    MOUNT.with(|m| m.borrow().is_some())
}

/// Sets the page title, but only on the console's own page: a host's title is the host's.
pub fn set_document_title(title: &str) {
    if !is_embedded() {
        leptos::prelude::document().set_title(title);
    }
}

/// Dispatches the console event `name` (bubbling) on the mount element.
pub fn emit(name: &str) {
    MOUNT.with(|m| {
        if let Some(mount) = m.borrow().as_ref() {
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = mount.dispatch_event(&event);
            }
        }
    });
}

/// Calls `on_token` with every token the host hands over, for the life of the page.
pub fn listen_for_tokens(on_token: impl Fn(String) + 'static) {
    listen(TOKEN, move |event| {
        match event
            .dyn_ref::<CustomEvent>()
            .and_then(|e| token_of(&e.detail()))
        {
            Some(token) => on_token(token),
            None => web_sys::console::error_1(&JsValue::from_str(
                "mdm-console: the mdm-console:token event needs detail: { token: \"…\" }",
            )),
        }
    });
}

/// Calls `on_sign_out` whenever the host signs out.
pub fn listen_for_sign_out(on_sign_out: impl Fn() + 'static) {
    listen(SIGN_OUT, move |_| on_sign_out());
}

fn listen(name: &str, handler: impl Fn(web_sys::Event) + 'static) {
    MOUNT.with(|m| {
        let Some(mount) = m.borrow().clone() else {
            return;
        };
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let _ = mount.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        // The console lives as long as the page: the listener is never removed.
        listener.forget();
    });
}

fn token_of(detail: &JsValue) -> Option<String> {
    js_sys::Reflect::get(detail, &JsValue::from_str("token"))
        .ok()?
        .as_string()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}
