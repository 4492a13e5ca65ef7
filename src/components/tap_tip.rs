//! Tooltips for fingers: a touch screen has no hover, so tapping text that carries a `title`
//! shows that title in a small bubble under it until the next tap. Mouse clicks are left alone
//! (the browser's own tooltip serves them), and so are controls, whose tap does their own work.

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};

/// What a tap can land on that acts by itself: no bubble for these.
const CONTROLS: &str =
    "a, button, input, select, textarea, label, summary, [role='treeitem'], [role='tab']";

/// An open bubble: its text and where it stands (CSS pixels of the window).
#[derive(Debug, Clone, PartialEq)]
struct Tip {
    text: String,
    left: f64,
    top: f64,
}

/// The bubble's width at most, to keep it inside the window.
const MAX_WIDTH: f64 = 320.0;

fn tip_for(target: &Element, window_width: f64) -> Option<Tip> {
    if target.closest(CONTROLS).ok().flatten().is_some() {
        return None;
    }
    let holder = target.closest("[title]").ok().flatten()?;
    // Only the console's own text: a host page's titles are the host's business.
    holder.closest(".mdm-console").ok().flatten()?;
    let text = holder.get_attribute("title")?.trim().to_string();
    if text.is_empty() {
        return None;
    }
    let rect = holder.get_bounding_client_rect();
    let left = rect.left().clamp(
        8.0,
        (window_width - MAX_WIDTH.min(window_width - 16.0) - 8.0).max(8.0),
    );
    Some(Tip {
        text,
        left,
        top: rect.bottom() + 6.0,
    })
}

/// Listens for taps on titled text anywhere in the console and shows the bubble.
#[component]
pub fn TapTips() -> impl IntoView {
    let tip = RwSignal::new(None::<Tip>);
    let listener = window_event_listener(ev::click, move |event| {
        let touch = event
            .dyn_ref::<PointerEvent>()
            .is_some_and(|e| e.pointer_type() == "touch");
        let next = if touch {
            let width = window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .unwrap_or(360.0);
            event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|target| tip_for(&target, width))
        } else {
            None
        };
        // Any tap closes the open bubble; a tap on titled text opens its own.
        if tip.get_untracked() != next {
            tip.set(next);
        }
    });
    // Scrolling moves the text away from the bubble: close it.
    let scroll = window_event_listener(ev::scroll, move |_| {
        if tip.get_untracked().is_some() {
            tip.set(None);
        }
    });
    on_cleanup(move || {
        listener.remove();
        scroll.remove();
    });

    move || {
        tip.get().map(|tip| {
            view! {
                // Custom properties set through the CSSOM: a `style` attribute would need
                // 'unsafe-inline'.
                <div
                    class="tap-tip"
                    role="status"
                    data-testid="tap-tip"
                    style=("--tap-tip-left", format!("{}px", tip.left.round()))
                    style=("--tap-tip-top", format!("{}px", tip.top.round()))
                >
                    {tip.text}
                </div>
            }
        })
    }
}
