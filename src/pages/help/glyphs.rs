//! The help pages' own line icons, drawn like the shell's (`.icon`, 24×24, current colour).

use leptos::prelude::*;

/// Which help icon to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Printer,
    ThumbUp,
    ThumbDown,
    Article,
}

impl Glyph {
    fn paths(self) -> &'static [&'static str] {
        match self {
            Glyph::Printer => &[
                "M7 9V3h10v6",
                "M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2",
                "M7 14h10v7H7z",
            ],
            Glyph::ThumbUp => &[
                "M7 11v9H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3z",
                "M7 11l4-8a2 2 0 0 1 2 2v4h5.5a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.3 20H7",
            ],
            Glyph::ThumbDown => &[
                "M17 13V4h3a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-3z",
                "M17 13l-4 8a2 2 0 0 1-2-2v-4H5.5a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.7 4H17",
            ],
            Glyph::Article => &[
                "M6 3h9l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z",
                "M14 3v5h5",
                "M8 13h8",
                "M8 17h6",
            ],
        }
    }
}

/// A decorative icon; the text beside it says the same, so screen readers skip it.
#[component]
pub fn GlyphIcon(
    /// The icon to draw.
    glyph: Glyph,
) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
        >
            {glyph.paths().iter().map(|d| view! { <path d=*d/> }).collect_view()}
        </svg>
    }
}
