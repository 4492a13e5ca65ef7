//! Full-screen states shown before any page can be: waiting for the portal, or the portal missing.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::icons::{Icon, IconKind};
use crate::i18n::use_locale;

/// Shown while the session check is on its way.
#[component]
pub fn LoadingPanel() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="status-screen" data-testid="session-loading" role="status" aria-live="polite">
            <div class="spinner" aria-hidden="true"></div>
            <p class="status-screen__text">{move || locale.t().session_checking}</p>
        </div>
    }
}

/// Shown instead of the console's own sign-in when the host page signs in (bearer mode): the
/// console waits for the host's token.
#[component]
pub fn HostSignInPanel() -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="status-screen">
            <section class="panel" data-testid="waiting-for-host" role="status">
                <div class="panel__heading">
                    <Icon kind=IconKind::User/>
                    <h1 class="panel__title">{move || locale.t().host_sign_in_title}</h1>
                </div>
                <p class="panel__text">{move || locale.t().host_sign_in_body}</p>
            </section>
        </div>
    }
}

/// Shown when the portal cannot be asked who is signed in: what happened, and a retry button.
#[component]
pub fn SessionErrorPanel(
    /// What went wrong.
    error: ApiError,
    /// Called when the administrator asks to try again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="status-screen">
            <section class="panel panel--alert" data-testid="session-error" role="alert">
                <div class="panel__heading">
                    <Icon kind=IconKind::Alert/>
                    <h1 class="panel__title">{move || locale.t().session_error_title}</h1>
                </div>
                <p class="panel__text">{move || error.message(locale.lang())}</p>
                <div class="panel__actions">
                    <button
                        type="button"
                        class="button button--primary"
                        data-testid="session-retry"
                        on:click=move |_| on_retry.run(())
                    >
                        {move || locale.t().session_retry}
                    </button>
                </div>
            </section>
        </div>
    }
}
