//! The slim header above every signed-in screen.

use leptos::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::components::language_switch::LanguageSwitch;
use crate::i18n::use_locale;

/// Tenant, signed-in administrator, language switch and sign-out.
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
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <header class="app-header">
            <div class="app-header__tenant" title=move || locale.t().header_tenant_label>
                <Icon kind=IconKind::Building/>
                <span class="visually-hidden">{move || locale.t().header_tenant_label}</span>
                <span data-testid="header-tenant">{tenant}</span>
            </div>
            <div class="app-header__tools">
                <div class="app-header__admin" title=move || locale.t().header_admin_label>
                    <Icon kind=IconKind::User/>
                    <span class="visually-hidden">{move || locale.t().header_admin_label}</span>
                    <span data-testid="header-admin-name">{admin_name}</span>
                </div>
                <LanguageSwitch/>
                <button
                    type="button"
                    class="button button--quiet"
                    data-testid="sign-out"
                    disabled=move || signing_out.get()
                    on:click=move |_| on_sign_out.run(())
                >
                    <Icon kind=IconKind::SignOut/>
                    <span>
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
