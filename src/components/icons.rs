//! The console's line icons (shell and help pages), inline so they need no extra request and
//! follow the text colour.

use leptos::prelude::*;

/// Which icon to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconKind {
    Shield,
    Devices,
    Jobs,
    Help,
    Building,
    User,
    SignOut,
    Alert,
    Clock,
    Close,
    /// The header's button that opens the side navigation on a narrow console.
    Menu,
    // Help pages.
    Printer,
    ThumbUp,
    ThumbDown,
    Article,
}

impl IconKind {
    fn paths(self) -> &'static [&'static str] {
        match self {
            IconKind::Shield => &[
                "M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3z",
                "M9 12l2 2 4-4",
            ],
            IconKind::Devices => &[
                "M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z",
                "M11 18h2",
            ],
            IconKind::Jobs => &[
                "M9 5h10", "M9 12h10", "M9 19h10", "M4 5h1", "M4 12h1", "M4 19h1",
            ],
            IconKind::Help => &[
                "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z",
                "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14",
                "M12 17h.01",
            ],
            IconKind::Building => &[
                "M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16",
                "M15 10h4a1 1 0 0 1 1 1v10",
                "M3 21h18",
                "M8 8h3",
                "M8 12h3",
                "M8 16h3",
            ],
            IconKind::User => &[
                "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
                "M4 21a8 8 0 0 1 16 0",
            ],
            IconKind::SignOut => &[
                "M15 4h3a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-3",
                "M10 16l-4-4 4-4",
                "M6 12h10",
            ],
            IconKind::Alert => &["M12 3l9.5 17h-19L12 3z", "M12 10v4", "M12 17h.01"],
            IconKind::Clock => &["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 7v5l3 2"],
            IconKind::Close => &["M6 6l12 12", "M18 6L6 18"],
            IconKind::Menu => &["M4 6h16", "M4 12h16", "M4 18h16"],
            IconKind::Printer => &[
                "M7 9V3h10v6",
                "M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2",
                "M7 14h10v7H7z",
            ],
            IconKind::ThumbUp => &[
                "M7 11v9H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3z",
                "M7 11l4-8a2 2 0 0 1 2 2v4h5.5a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.3 20H7",
            ],
            IconKind::ThumbDown => &[
                "M17 13V4h3a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-3z",
                "M17 13l-4 8a2 2 0 0 1-2-2v-4H5.5a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.7 4H17",
            ],
            IconKind::Article => &[
                "M6 3h9l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z",
                "M14 3v5h5",
                "M8 13h8",
                "M8 17h6",
            ],
        }
    }
}

/// A 24×24 stroke icon, hidden from screen readers (the text next to it says the same).
#[component]
pub fn Icon(
    /// The icon to draw.
    kind: IconKind,
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
            {kind.paths().iter().map(|d| view! { <path d=*d/> }).collect_view()}
        </svg>
    }
}
