//! Browser tests of the job list's live refresh: it pauses while the tab is hidden and catches
//! up when it is shown again, and the page's visibility follows the document's.
#![cfg(target_arch = "wasm32")]

#[path = "support/jobs_dom.rs"]
mod dom;
#[path = "support/wait.rs"]
mod wait;

use std::time::Duration;

use dom::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;
use mdm_console::pages::jobs::{
    page_visibility, AutoRefresh, LiveState, LoadOutcome, RefreshPolicy,
};
use mdm_model::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Counts the refreshes of an [`AutoRefresh`] the test drives.
fn refresh_clock(
    visible: RwSignal<bool>,
    ticks: RwSignal<u32>,
) -> (Mounted, RwSignal<Option<AutoRefresh>>) {
    let slot = RwSignal::new(None);
    let policy = RefreshPolicy {
        first: Duration::from_millis(40),
        max: Duration::from_millis(40),
        max_after_error: Duration::from_millis(40),
    };
    let view = mount(Lang::Ja, move || {
        let live = AutoRefresh::new(policy, visible.into());
        Effect::new(move |first: Option<()>| {
            live.track();
            if first.is_some() {
                ticks.update(|n| *n += 1);
            }
        });
        slot.set(Some(live));
        view! { <span data-testid="live">{move || format!("{:?}", live.state())}</span> }
    });
    (view, slot)
}

#[wasm_bindgen_test]
async fn live_refresh_pauses_while_the_tab_is_hidden_and_catches_up_when_shown() {
    let visible = RwSignal::new(true);
    let ticks = RwSignal::new(0u32);
    let (view, slot) = refresh_clock(visible, ticks);
    let live = slot.get_untracked().expect("mounted");

    live.loaded(true, LoadOutcome::Changed);
    until("a refresh while a job is open", || {
        ticks.get_untracked() >= 1
    })
    .await;
    assert_eq!(view.text("live"), "Live");

    visible.set(false);
    leptos::task::tick().await;
    live.loaded(true, LoadOutcome::Unchanged);
    let before = ticks.get_untracked();
    // The planned refresh falls due while the tab is hidden: it must not run.
    until("the refresh timer to fire", || !live.planned()).await;
    settle().await;
    assert_eq!(ticks.get_untracked(), before, "no refresh while hidden");
    assert_eq!(live_state(&view), LiveState::Paused);

    visible.set(true);
    leptos::task::tick().await;
    assert_eq!(
        ticks.get_untracked(),
        before + 1,
        "one refresh as soon as the tab is shown"
    );

    // Nothing open any more: the clock stops, with nothing planned.
    live.loaded(false, LoadOutcome::Changed);
    let stopped = ticks.get_untracked();
    assert!(!live.planned(), "no refresh planned");
    settle().await;
    assert_eq!(ticks.get_untracked(), stopped);
    assert_eq!(live_state(&view), LiveState::Idle);
}

fn live_state(view: &Mounted) -> LiveState {
    match view.text("live").as_str() {
        "Live" => LiveState::Live,
        "Paused" => LiveState::Paused,
        _ => LiveState::Idle,
    }
}

#[wasm_bindgen_test]
async fn page_visibility_follows_the_document() {
    let seen = RwSignal::new(None::<Signal<bool>>);
    let _view = mount(Lang::Ja, move || {
        seen.set(Some(page_visibility()));
    });
    let visible = seen.get_untracked().expect("mounted");
    assert!(visible.get_untracked());
    let set_state = |state: &str| {
        let descriptor = js_sys::Object::new();
        js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::from_str(state)).unwrap();
        js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
        js_sys::Object::define_property(&document(), &"visibilityState".into(), &descriptor);
        // The browser fires it at the document, from where it bubbles to the window.
        window()
            .dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
            .unwrap();
    };
    set_state("hidden");
    assert!(!visible.get_untracked());
    set_state("visible");
    assert!(visible.get_untracked());
    js_sys::Reflect::delete_property(&document(), &"visibilityState".into()).unwrap();
}
