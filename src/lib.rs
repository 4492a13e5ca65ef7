//! The lost-device remote wipe console: a Leptos app the portal serves, or a host page embeds.
//!
//! [`App`] is the whole console: it provides the app-wide contexts and holds the route table.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod session;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::Api;
use crate::components::{ToastHost, Toasts};
use crate::i18n::Locale;
use crate::pages::devices::{DeviceSelection, DevicesPage};
use crate::pages::help::{HelpArticlePage, HelpIndexPage};
use crate::pages::jobs::{JobDetailPage, JobsPage};
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::shell::{SessionGate, Shell};
use crate::pages::wipe::WipePage;
use crate::session::Session;

/// What a host can change about the console. The defaults fit the console served by the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleConfig {
    /// Base URL of the portal API, without a trailing slash.
    pub api_base: String,
}

impl Default for ConsoleConfig {
    fn default() -> Self {
        ConsoleConfig {
            api_base: api::DEFAULT_BASE.to_string(),
        }
    }
}

/// The console: contexts (locale, API client, session, notices) and every route.
#[component]
pub fn App(
    /// Where the API lives; see [`ConsoleConfig`].
    #[prop(optional)]
    config: ConsoleConfig,
) -> impl IntoView {
    let locale = Locale::provide();
    let api = Api::new(config.api_base, Signal::derive(move || locale.lang()));
    provide_context(api.clone());
    Session::provide(api);
    Toasts::provide();
    DeviceSelection::provide();

    view! {
        // Every style hangs off this class, so the console can live inside a host page.
        <div class="mdm-console" lang=move || locale.lang().tag()>
            <Router>
                <SessionGate>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/login") view=LoginPage/>
                        <ParentRoute path=path!("") view=Shell>
                            <Route path=path!("") view=|| view! { <Redirect path=routes::DEVICES/> }/>
                            <Route path=path!("/devices") view=DevicesPage/>
                            <Route path=path!("/devices/wipe") view=WipePage/>
                            // The list stays mounted (scroll, refresh) while a job is open beside it.
                            <ParentRoute path=path!("/jobs") view=JobsPage>
                                <Route path=path!("/:id") view=JobDetailPage/>
                                <Route path=path!("") view=|| ()/>
                            </ParentRoute>
                            <Route path=path!("/help/:article") view=HelpArticlePage/>
                            <Route path=path!("/help") view=HelpIndexPage/>
                            // Unknown addresses get the 404 inside the frame, after sign-in.
                            <Route path=path!("/*any") view=NotFoundPage/>
                        </ParentRoute>
                    </Routes>
                </SessionGate>
            </Router>
            <ToastHost/>
        </div>
    }
}
