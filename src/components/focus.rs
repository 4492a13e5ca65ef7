//! Moving the keyboard focus where the administrator's attention should go: a heading or lead
//! as it appears (screen readers announce it), the field to fix after OK.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses `node`'s element once it is drawn.
pub fn focus_when_drawn<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move || {
        if let Some(element) = node.get() {
            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// Focuses the element with `id` once what is being drawn now is on the screen (messages
/// placed, a tab shown). A timer, not an animation frame: frames pause in background tabs.
pub fn focus_later(id: &'static str) {
    set_timeout(
        move || {
            if let Some(element) = document()
                .get_element_by_id(id)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}
