//! Light or dark: the console follows the system (`prefers-color-scheme`) unless the
//! administrator picks one with the switch in the header (kept per browser in `localStorage`)
//! or the host page forces one (`data-theme` on its mount element, see `config.rs`).
//!
//! The choice is the console root's `data-theme` attribute; the stylesheets' colours are
//! `light-dark()` pairs resolved by the root's `color-scheme` (base.css), so there is one set of
//! colour tokens, and the browser's own controls and scrollbars follow too.

use leptos::prelude::*;

/// Where the switch's choice is kept.
pub const THEME_STORAGE_KEY: &str = "mdm-console.theme";

/// The administrator's (or host's) choice of theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Whatever the operating system is set to.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value of `data-theme` and of the stored choice.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// Reads a stored or host value (`light`, `Dark`…); anything else is not one.
    pub fn parse(text: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL
            .into_iter()
            .find(|choice| choice.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// The console's theme, provided once by the app root.
#[derive(Clone, Copy)]
pub struct Theme {
    choice: RwSignal<ThemeChoice>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl Theme {
    /// The host's choice if it made one, else the one kept in this browser, else the system's.
    pub fn provide(host_choice: Option<ThemeChoice>) -> Theme {
        let stored = || {
            storage()?
                .get_item(THEME_STORAGE_KEY)
                .ok()
                .flatten()
                .as_deref()
                .and_then(ThemeChoice::parse)
        };
        let theme = Theme {
            choice: RwSignal::new(host_choice.or_else(stored).unwrap_or_default()),
        };
        provide_context(theme);
        theme
    }

    /// The current choice (tracked).
    pub fn choice(&self) -> ThemeChoice {
        self.choice.get()
    }

    /// Switches, and keeps the choice for this browser.
    pub fn set(&self, choice: ThemeChoice) {
        self.choice.set(choice);
        if let Some(storage) = storage() {
            // A refused write only means the choice is not remembered.
            let _ = storage.set_item(THEME_STORAGE_KEY, choice.as_str());
        }
    }
}

/// The console's theme, or one following the stored choice where none is provided (a view
/// mounted alone).
pub fn use_theme() -> Theme {
    use_context::<Theme>().unwrap_or_else(|| Theme::provide(None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_back_from_their_names() {
        for choice in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(choice.as_str()), Some(choice));
        }
        assert_eq!(ThemeChoice::parse(" Dark "), Some(ThemeChoice::Dark));
        assert_eq!(ThemeChoice::parse("sepia"), None);
    }
}
