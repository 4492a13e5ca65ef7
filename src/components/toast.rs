//! Short notices in the corner ("signed out", "job registered"), app-wide.

use std::time::Duration;

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
struct Toast {
    id: u64,
    kind: ToastKind,
    text: String,
}

/// The app-wide notice queue, provided by the app root.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    /// Creates the queue and provides it as context.
    pub fn provide() -> Toasts {
        let toasts = Toasts {
            items: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    /// Shows `text` for a few seconds (errors a little longer, they take longer to read).
    pub fn show(&self, kind: ToastKind, text: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast {
                id,
                kind,
                text: text.into(),
            })
        });
        let stay = match kind {
            ToastKind::Success => Duration::from_secs(4),
            ToastKind::Error => Duration::from_secs(8),
        };
        let this = *self;
        set_timeout(move || this.dismiss(id), stay);
    }

    fn dismiss(&self, id: u64) {
        // The app may be gone when the timer fires (tests unmount); nothing to do then.
        self.items
            .try_update(|items| items.retain(|toast| toast.id != id));
    }
}

/// The app-wide [`Toasts`]; panics outside the console's root.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Renders the queued notices.
#[component]
pub fn ToastHost() -> impl IntoView {
    let toasts = use_toasts();
    let locale = use_locale();
    view! {
        <div class="toast-host" aria-live="polite">
            <For each=move || toasts.items.get() key=|toast| toast.id let(toast)>
                <div
                    class="toast"
                    class:toast--error=toast.kind == ToastKind::Error
                    role=if toast.kind == ToastKind::Error { "alert" } else { "status" }
                    data-testid="toast"
                >
                    <span class="toast__text">{toast.text}</span>
                    <button
                        type="button"
                        class="toast__close"
                        aria-label=move || locale.t().toast_dismiss
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        <Icon kind=IconKind::Close/>
                    </button>
                </div>
            </For>
        </div>
    }
}
