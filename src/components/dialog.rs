//! A modal dialog: labelled by its title, traps focus while open, closes with Esc, and gives
//! focus back to whatever had it before.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::components::icons::{Icon, IconKind};

/// What can take focus inside a dialog, in document order.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A modal dialog drawn over the page while `open` is true.
///
/// The first element marked `data-autofocus` (else the first focusable one) gets focus when it
/// opens; Tab and Shift+Tab stay inside; Esc, the close button and a click on the backdrop call
/// `on_close`. Closing gives focus back to the element that had it before.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown.
    #[prop(into)]
    open: Signal<bool>,
    /// Called when the administrator dismisses the dialog (Esc, close button, backdrop).
    #[prop(into)]
    on_close: Callback<()>,
    /// The dialog's heading; also its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// Accessible name of the close button ("閉じる").
    #[prop(into)]
    close_label: Signal<String>,
    /// `data-testid` of the dialog element.
    #[prop(default = "dialog")]
    test_id: &'static str,
    /// Body and footer of the dialog.
    children: ChildrenFn,
) -> impl IntoView {
    let title_id = format!("dialog-title-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    view! {
        <Show when=move || open.get()>
            <DialogSurface
                on_close=on_close
                title=title
                close_label=close_label
                title_id=title_id.clone()
                test_id=test_id
                children=children.clone()
            />
        </Show>
    }
}

/// The open dialog; mounted only while open, so its setup and cleanup follow opening and closing.
#[component]
fn DialogSurface(
    on_close: Callback<()>,
    title: Signal<String>,
    close_label: Signal<String>,
    title_id: String,
    test_id: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    // Remember who had focus, to give it back on close (the button that opened the dialog).
    let previous = StoredValue::new_local(document().active_element());
    on_cleanup(move || {
        if let Some(Some(element)) = previous.try_get_value() {
            if let Ok(element) = element.dyn_into::<HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
    let surface = NodeRef::<Div>::new();
    Effect::new(move || {
        if let Some(surface) = surface.get() {
            let first = surface
                .query_selector("[data-autofocus]")
                .ok()
                .flatten()
                .or_else(|| focusables(&surface).into_iter().next());
            match first.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
                Some(element) => {
                    let _ = element.focus();
                }
                None => {
                    let _ = surface.focus();
                }
            }
        }
    });

    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            event.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            if let Some(surface) = surface.get_untracked() {
                trap_tab(&surface, &event);
            }
        }
        _ => {}
    };

    let labelled_by = title_id.clone();
    view! {
        <div class="dialog-backdrop" on:click=move |_| on_close.run(())></div>
        <div
            class="dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            tabindex="-1"
            data-testid=test_id
            node_ref=surface
            on:keydown=on_keydown
        >
            <div class="dialog__header">
                <h2 class="dialog__title" id=title_id>{title}</h2>
                <button
                    type="button"
                    class="dialog__close"
                    aria-label=close_label
                    data-testid="dialog-close"
                    on:click=move |_| on_close.run(())
                >
                    <Icon kind=IconKind::Close/>
                </button>
            </div>
            {children()}
        </div>
    }
}

fn focusables(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        // Hidden elements (a closed tab panel, say) cannot take focus.
        .filter(|el| {
            el.dyn_ref::<HtmlElement>()
                .is_some_and(|el| el.offset_parent().is_some())
        })
        .collect()
}

// Keeps Tab and Shift+Tab cycling through the dialog's own controls.
fn trap_tab(surface: &HtmlElement, event: &KeyboardEvent) {
    let items = focusables(surface);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        event.prevent_default();
        return;
    };
    let active = document().active_element();
    let on = |el: &Element| active.as_ref() == Some(el);
    let outside = !items.iter().any(on);
    let target = if event.shift_key() && (on(first) || outside) {
        Some(last)
    } else if !event.shift_key() && (on(last) || outside) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = target.and_then(|el| el.dyn_ref::<HtmlElement>()) {
        event.prevent_default();
        let _ = target.focus();
    }
}
