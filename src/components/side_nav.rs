//! The fixed left navigation: one entry per area of the console.

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::i18n::{use_locale, Catalog};
use crate::routes;

/// The top-level areas of the console, in side-nav order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Devices,
    Jobs,
    Audit,
    Help,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Devices, Area::Jobs, Area::Audit, Area::Help];

    /// The area's landing path.
    pub fn href(self) -> &'static str {
        match self {
            Area::Devices => routes::DEVICES,
            Area::Jobs => routes::JOBS,
            Area::Audit => routes::AUDIT,
            Area::Help => routes::HELP,
        }
    }

    /// The area a path belongs to (`/jobs/42` is in ジョブ管理), if any.
    pub fn of_path(path: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|area| {
            let base = area.href();
            path == base
                || path
                    .strip_prefix(base)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// The side-nav label.
    pub fn label(self, t: &Catalog) -> &'static str {
        match self {
            Area::Devices => t.nav_devices,
            Area::Jobs => t.nav_jobs,
            Area::Audit => t.audit.title,
            Area::Help => t.nav_help,
        }
    }

    fn test_id(self) -> &'static str {
        match self {
            Area::Devices => "nav-devices",
            Area::Jobs => "nav-jobs",
            Area::Audit => "nav-audit",
            Area::Help => "nav-help",
        }
    }

    fn icon(self) -> IconKind {
        match self {
            Area::Devices => IconKind::Devices,
            Area::Jobs => IconKind::Jobs,
            Area::Audit => IconKind::Article,
            Area::Help => IconKind::Help,
        }
    }
}

/// The element id of the side navigation, named by the header's menu button.
pub const SIDE_NAV_ID: &str = "side-nav";

/// The side navigation. Plain links: the router picks up clicks on them, and the view mounts in
/// tests without one. On a narrow console it is a drawer: hidden until `open`, closed again by
/// Esc or by following a link (the stylesheet decides when it is a drawer, the props what it shows).
#[component]
pub fn SideNav(
    /// The area being shown, highlighted and announced as the current page.
    #[prop(into)]
    active: Signal<Option<Area>>,
    /// Whether the drawer is open (only matters while the console is narrow).
    #[prop(optional, into)]
    open: Signal<bool>,
    /// Called when the drawer should close (Esc inside it).
    #[prop(optional, into)]
    on_close: Option<Callback<()>>,
) -> impl IntoView {
    let locale = use_locale();
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            if let Some(close) = on_close {
                event.prevent_default();
                close.run(());
            }
        }
    };
    view! {
        <nav
            class="side-nav"
            class:side-nav--open=move || open.get()
            id=SIDE_NAV_ID
            data-testid="side-nav"
            aria-label=move || locale.t().nav_label
            on:keydown=on_keydown
        >
            <div class="side-nav__brand">
                <Icon kind=IconKind::Shield/>
                <span>{move || locale.t().app_name}</span>
            </div>
            <ul class="side-nav__list">
                {Area::ALL
                    .into_iter()
                    .map(|area| {
                        let current = move || (active.get() == Some(area)).then_some("page");
                        view! {
                            <li>
                                <a
                                    class="side-nav__link"
                                    href=routes::href(area.href())
                                    data-testid=area.test_id()
                                    aria-current=current
                                >
                                    <Icon kind=area.icon()/>
                                    <span>{move || area.label(locale.t())}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_their_area() {
        assert_eq!(Area::of_path("/devices"), Some(Area::Devices));
        assert_eq!(Area::of_path("/jobs/42"), Some(Area::Jobs));
        assert_eq!(Area::of_path("/help/remote-wipe"), Some(Area::Help));
        assert_eq!(Area::of_path("/audit"), Some(Area::Audit));
        assert_eq!(Area::of_path("/jobsearch"), None);
        assert_eq!(Area::of_path("/nowhere"), None);
    }
}
