//! The frame around the pages: the session gate in front of everything, and the signed-in layout
//! (side nav, header, content) around every area.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use mdm_model::ErrorCode;

use crate::api::{Api, ApiError};
use crate::components::header::MENU_BUTTON_ID;
use crate::components::side_nav::SIDE_NAV_ID;
use crate::components::use_toasts;
use crate::components::MainContent;
use crate::components::{
    AppHeader, Area, HostSignInPanel, LoadingPanel, SessionErrorPanel, SideNav, ToastKind,
};
use crate::config::AuthMode;
use crate::host;
use crate::i18n::use_locale;
use crate::routes;
use crate::session::{use_session, SessionState};

#[derive(Debug, Clone, PartialEq)]
enum Gate {
    Checking,
    Unreachable(ApiError),
    Ready,
}

/// Holds the pages back until the portal has said who is signed in; shows a clear error with a
/// retry button when it cannot be reached, so the screen is never blank.
#[component]
pub fn SessionGate(
    /// The routes, rendered once the session is known.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    // Signing in or out keeps the gate open: only the check itself closes it.
    let gate = Memo::new(move |_| match session.state() {
        SessionState::Checking => Gate::Checking,
        SessionState::Unreachable(error) => Gate::Unreachable(error),
        SessionState::SignedIn(_) | SessionState::SignedOut => Gate::Ready,
    });
    move || {
        match gate.get() {
        Gate::Checking => view! { <LoadingPanel/> }.into_any(),
        Gate::Unreachable(error) => {
            view! { <SessionErrorPanel error=error on_retry=Callback::new(move |_| session.retry())/> }.into_any()
        }
        Gate::Ready => children().into_any(),
    }
    }
}

/// The signed-in frame of every area. Nobody signed in: off to sign-in, remembering this page.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let host_signs_in = expect_context::<Api>().auth() == AuthMode::Bearer;
    // Who is signed in, without their settings: choosing another time zone must not rebuild the
    // page (and lose what is being entered); the pages follow the zone on their own.
    let signed_in = Memo::new(move |_| {
        session
            .administrator()
            .map(|admin| (admin.id, admin.tenant_name, admin.display_name))
    });
    move || match signed_in.get() {
        Some((_, tenant, admin_name)) => {
            view! { <SignedInLayout tenant=tenant admin_name=admin_name/> }.into_any()
        }
        // The address stays: once the host's token arrives, this very page appears.
        None if host_signs_in => view! { <HostSignInPanel/> }.into_any(),
        None => {
            let search = location.search.get_untracked();
            let hash = location.hash.get_untracked();
            let mut here = routes::within(&location.pathname.get_untracked());
            if !search.is_empty() {
                here = format!("{here}?{search}");
            }
            // The section too (`/help/reenrollment#observed`): signing in lands on it.
            if !hash.is_empty() {
                here = format!("{here}#{}", hash.trim_start_matches('#'));
            }
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            view! { <Redirect path=routes::login_returning_to(&here) options=options/> }.into_any()
        }
    }
}

/// The console's own sign-in page, or, when the host signs in (bearer mode), a note that the
/// console waits for the host.
#[component]
pub fn SignInRoute() -> impl IntoView {
    let api = expect_context::<Api>();
    match api.auth() {
        AuthMode::Bearer => view! { <HostSignInPanel/> }.into_any(),
        AuthMode::Cookie => view! { <crate::pages::login::LoginPage/> }.into_any(),
    }
}

/// Side nav, header and the current page.
#[component]
fn SignedInLayout(
    /// The signed-in administrator's tenant.
    tenant: String,
    /// The signed-in administrator's name.
    admin_name: String,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let locale = use_locale();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let location = use_location();

    let sign_out = Action::new_local(move |_: &()| {
        let api = api.clone();
        let navigate = navigate.clone();
        async move {
            match api.sign_out().await {
                // Already signed out elsewhere: the outcome the administrator asked for.
                Ok(())
                | Err(ApiError::Api {
                    body:
                        mdm_model::ApiErrorBody {
                            code: ErrorCode::Unauthenticated,
                            ..
                        },
                    ..
                }) => {
                    if api.auth() == AuthMode::Bearer {
                        // The host signed in, so the host decides what comes next.
                        host::emit(host::SIGNED_OUT);
                    } else {
                        // Leave first, so the login page is not told to come back here.
                        navigate(routes::LOGIN, NavigateOptions::default());
                    }
                    session.signed_out();
                    toasts.show(ToastKind::Success, locale.t_untracked().signed_out);
                }
                Err(error) => toasts.show(ToastKind::Error, error.message(locale.lang_untracked())),
            }
        }
    });
    let time_zone = crate::pages::time_zone::time_zone_choice();
    let active = Memo::new(move |_| Area::of_path(&routes::within(&location.pathname.get())));
    let drawer = NavDrawer::new();
    // Following a link (or the back button) closes the drawer.
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| drawer.close(false),
        false,
    );

    view! {
        <div class="shell">
            <SideNav active=active open=drawer.open on_close=Callback::new(move |_| drawer.close(true))/>
            <Show when=move || drawer.open.get()>
                <div class="nav-backdrop" data-testid="nav-backdrop" on:click=move |_| drawer.close(true)></div>
            </Show>
            <div class="shell__main">
                <AppHeader
                    tenant=tenant
                    admin_name=admin_name
                    on_sign_out=Callback::new(move |_| {
                        sign_out.dispatch_local(());
                    })
                    signing_out=sign_out.pending()
                    on_menu=Callback::new(move |_| drawer.toggle())
                    menu_open=drawer.open
                    time_zone=time_zone
                />
                <MainContent class="shell__content">
                    <Outlet/>
                </MainContent>
            </div>
        </div>
    }
}

/// The side navigation as a drawer on a narrow console: opened by the header's menu button,
/// closed by Esc, the backdrop or a followed link. Focus goes into the drawer when it opens and
/// back to the menu button when the administrator closes it.
#[derive(Clone, Copy)]
struct NavDrawer {
    open: RwSignal<bool>,
}

impl NavDrawer {
    fn new() -> NavDrawer {
        NavDrawer {
            open: RwSignal::new(false),
        }
    }

    fn toggle(self) {
        if self.open.get_untracked() {
            self.close(true);
        } else {
            self.open.set(true);
            // The current area's link, else the first one.
            focus_later(&[
                format!("#{SIDE_NAV_ID} [aria-current='page']"),
                format!("#{SIDE_NAV_ID} a"),
            ]);
        }
    }

    /// Closes the drawer; `refocus` gives focus back to the menu button (not after a link, whose
    /// page takes focus itself).
    fn close(self, refocus: bool) {
        if self.open.get_untracked() {
            self.open.set(false);
            if refocus {
                focus_later(&[format!("#{MENU_BUTTON_ID}")]);
            }
        }
    }
}

/// Focuses the element the first of `selectors` that matches finds, once the current update has
/// been drawn (a frame later: the drawer must be visible to take focus).
fn focus_later(selectors: &[String]) {
    let selectors = selectors.to_vec();
    request_animation_frame(move || {
        if let Some(element) = selectors
            .iter()
            .find_map(|selector| document().query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
