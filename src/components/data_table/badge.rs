//! Status badges: a dot of colour and the status in words.

use leptos::prelude::*;

/// The colour family of a [`Badge`]; the text always says the same in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Positive,
    Neutral,
    Caution,
    Negative,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Positive => "badge badge--positive",
            Tone::Neutral => "badge badge--neutral",
            Tone::Caution => "badge badge--caution",
            Tone::Negative => "badge badge--negative",
        }
    }
}

/// A small status label with a coloured dot: colour and text together.
#[component]
pub fn Badge(
    /// Colour family.
    tone: Tone,
    /// The status in words.
    #[prop(into)]
    text: Signal<String>,
    /// `data-testid` of the badge.
    #[prop(optional)]
    test_id: Option<String>,
) -> impl IntoView {
    view! {
        <span class=tone.class() data-testid=test_id>
            <span class="badge__dot" aria-hidden="true"></span>
            {text}
        </span>
    }
}
