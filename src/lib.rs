//! The lost-device remote wipe console: a Leptos app the portal serves, or a host page embeds.
//!
//! [`App`] is the whole console: it provides the app-wide contexts and holds the route table.

pub mod api;
pub mod components;
pub mod config;
pub mod device_selection;
pub mod host;
pub mod i18n;
pub mod idempotency;
pub mod pages;
pub mod routes;
pub mod session;
pub mod tab_storage;
pub mod theme;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::Api;
use crate::components::{Now, TapTips, ToastHost, Toasts};
use crate::device_selection::DeviceSelection;
use crate::i18n::Locale;
use crate::pages::audit::AuditPage;
use crate::pages::devices::DevicesPage;
use crate::pages::help::{HelpArticlePage, HelpIndexPage};
use crate::pages::jobs::{JobDetailPage, JobsPage};
use crate::pages::measures::MeasurePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::shell::{SessionGate, Shell, SignInRoute};
use crate::pages::wipe::WipePage;
use crate::session::{Session, SessionState};
use crate::theme::Theme;

pub use crate::config::{AuthMode, ConsoleConfig};

/// The console: contexts (locale, API client, session, notices) and every route.
#[component]
pub fn App(
    /// Where the API lives, the base path, language and authentication; see [`ConsoleConfig`].
    #[prop(optional)]
    config: ConsoleConfig,
) -> impl IntoView {
    routes::set_base(&config.base_path);
    let locale = Locale::provide(config.locale);
    let api =
        Api::new(config.api_base, Signal::derive(move || locale.lang())).with_auth(config.auth);
    provide_context(api.clone());
    let session = Session::provide(api.clone());
    Toasts::provide();
    Now::provide();
    let theme = Theme::provide(config.theme);
    DeviceSelection::provide();
    if config.auth == AuthMode::Bearer {
        bearer_handover(api, session);
    }
    let base = config.base_path;

    view! {
        // Every style hangs off this class, so the console can live inside a host page.
        <div class="mdm-console" lang=move || locale.lang().tag() data-theme=move || theme.choice().as_str()>
            <Router base=base>
                <SessionGate>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/login") view=SignInRoute/>
                        <ParentRoute path=path!("") view=Shell>
                            <Route path=path!("") view=|| view! { <Redirect path=routes::DEVICES/> }/>
                            <Route path=path!("/devices") view=DevicesPage/>
                            <Route path=path!("/devices/wipe") view=WipePage/>
                            <Route path=path!("/devices/measures/:measure") view=MeasurePage/>
                            // The list stays mounted (scroll, refresh) while a job is open beside it.
                            <ParentRoute path=path!("/jobs") view=JobsPage>
                                <Route path=path!("/:id") view=JobDetailPage/>
                                <Route path=path!("") view=|| ()/>
                            </ParentRoute>
                            <Route path=path!("/audit") view=AuditPage/>
                            <Route path=path!("/help/:article") view=HelpArticlePage/>
                            <Route path=path!("/help") view=HelpIndexPage/>
                            // Unknown addresses get the 404 inside the frame, after sign-in.
                            <Route path=path!("/*any") view=NotFoundPage/>
                        </ParentRoute>
                    </Routes>
                </SessionGate>
            </Router>
            <ToastHost/>
            <TapTips/>
        </div>
    }
}

/// Bearer mode: takes the host's tokens, and tells the host when one is needed.
fn bearer_handover(api: Api, session: Session) {
    let receiver = api.clone();
    host::listen_for_tokens(move |token| {
        let first = receiver.bearer().is_none();
        receiver.set_bearer(token);
        // A renewal while signed in swaps the token silently; otherwise ask who this is.
        if first || session.administrator_untracked().is_none() {
            session.retry();
        }
    });
    let forgetter = api.clone();
    host::listen_for_sign_out(move || {
        forgetter.forget_bearer();
        session.signed_out();
    });
    // A token the portal refuses (expired, revoked) is reported once, so the host can renew it.
    let reported = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        if session.state() == SessionState::SignedOut {
            if let Some(token) = api.bearer() {
                if reported.get_value().as_ref() != Some(&token) {
                    reported.set_value(Some(token));
                    host::emit(host::TOKEN_EXPIRED);
                }
            }
        }
    });
    host::emit(host::READY);
}
