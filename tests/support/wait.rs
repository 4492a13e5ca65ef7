//! Waiting in browser tests for what a user would see, never for a length of time: reactive
//! ticks, turns of the event loop, animation frames, and conditions with a generous bound.
#![allow(dead_code)]

use leptos::prelude::*;

/// One turn of the browser's event loop: timers already due (the console's zero-delay ones,
/// a fake portal's answers) run before this resolves. Not a length of time.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The next animation frame (the help pages scroll to a section in one).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets effects, resources and zero-delay timers run: reactive ticks around a few event-loop
/// turns, however fast or slow the machine.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        next_turn().await;
    }
    leptos::task::tick().await;
}

/// Waits until `done` holds, looking after every event-loop turn; a generous bound (ten
/// seconds of a busy machine) turns a condition that never comes into a failure.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    let give_up = js_sys::Date::now() + 10_000.0;
    while !done() {
        if js_sys::Date::now() > give_up {
            panic!("timed out waiting for {what}");
        }
        next_turn().await;
        leptos::task::tick().await;
    }
}
