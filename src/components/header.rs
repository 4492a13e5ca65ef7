//! The slim header above every signed-in screen.

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::components::language_switch::LanguageSwitch;
use crate::components::side_nav::SIDE_NAV_ID;
use crate::components::theme_switch::ThemeSwitch;
use crate::components::time_zone_field::{TimeZoneChoice, TimeZoneField};
use crate::i18n::use_locale;

/// The id of the menu button, so the drawer can give focus back to it when it closes.
pub const MENU_BUTTON_ID: &str = "side-nav-menu";

/// Tenant, signed-in administrator, time zone, language switch and sign-out; on a narrow console also the
/// button that opens the side navigation (the stylesheet shows it only there).
#[component]
pub fn AppHeader(
    /// The tenant (customer company) the administrator belongs to.
    #[prop(into)]
    tenant: String,
    /// The administrator's display name.
    #[prop(into)]
    admin_name: String,
    /// Called when the administrator clicks sign-out.
    #[prop(into)]
    on_sign_out: Callback<()>,
    /// True while the sign-out request is on its way; the button is disabled meanwhile.
    #[prop(into)]
    signing_out: Signal<bool>,
    /// Called by the menu button; without it there is no menu button.
    #[prop(optional, into)]
    on_menu: Option<Callback<()>>,
    /// Whether the side navigation drawer is open (the menu button's state).
    #[prop(optional, into)]
    menu_open: Signal<bool>,
    /// The administrator's time zone and where a new choice goes; without it, no field.
    #[prop(optional)]
    time_zone: Option<TimeZoneChoice>,
) -> impl IntoView {
    let locale = use_locale();
    let menu = on_menu.map(|on_menu| {
        view! {
            <button
                type="button"
                class="app-header__menu"
                id=MENU_BUTTON_ID
                data-testid="nav-menu"
                aria-controls=SIDE_NAV_ID
                aria-expanded=move || menu_open.get().to_string()
                aria-label=move || locale.t().nav_open
                on:click=move |_| on_menu.run(())
            >
                <Icon kind=IconKind::Menu/>
            </button>
        }
    });
    view! {
        <header class="app-header">
            {menu}
            // One block for who is signed in where: side by side on a wide console, two short
            // lines on a narrow one.
            <div class="app-header__who">
                <div class="app-header__tenant" title=move || locale.t().header_tenant_label>
                    <Icon kind=IconKind::Building/>
                    <span class="visually-hidden">{move || locale.t().header_tenant_label}</span>
                    <span data-testid="header-tenant">{tenant}</span>
                </div>
                <div class="app-header__admin" title=move || locale.t().header_admin_label>
                    <Icon kind=IconKind::User/>
                    <span class="visually-hidden">{move || locale.t().header_admin_label}</span>
                    <span data-testid="header-admin-name">{admin_name}</span>
                </div>
            </div>
            <div class="app-header__tools">
                {time_zone.map(|choice| view! { <TimeZoneField choice=choice/> })}
                <ThemeSwitch/>
                <LanguageSwitch/>
                <button
                    type="button"
                    class="button button--quiet app-header__sign-out"
                    data-testid="sign-out"
                    disabled=move || signing_out.get()
                    on:click=move |_| on_sign_out.run(())
                >
                    <Icon kind=IconKind::SignOut/>
                    <span class="app-header__sign-out-text">
                        {move || {
                            let t = locale.t();
                            if signing_out.get() { t.signing_out } else { t.sign_out }
                        }}
                    </span>
                </button>
            </div>
        </header>
    }
}
