//! The sign-in page: owns the sign-in request and where to go afterwards.

mod form;

pub use form::{form_message, validate, LoginErrors, LoginField, LoginForm};

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;
use leptos_router::NavigateOptions;
use mdm_model::session::SignInRequest;

use crate::api::{Api, ApiError};
use crate::components::icons::{Icon, IconKind};
use crate::components::MainContent;
use crate::components::{LanguageSwitch, PageHeader};
use crate::i18n::use_locale;
use crate::routes;
use crate::session::use_session;

/// Sign-in screen. Once signed in, goes to the page asked for before (`?next=`), else 端末管理.
#[component]
pub fn LoginPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let session = use_session();
    let locale = use_locale();
    let query = use_query_map();

    let sign_in = Action::new_local(move |request: &SignInRequest| {
        let api = api.clone();
        let request = request.clone();
        async move {
            let info = api.sign_in(&request).await?;
            session.signed_in(info);
            Ok::<(), ApiError>(())
        }
    });
    let error = Signal::derive(move || sign_in.value().get().and_then(Result::err));
    let next = move || {
        routes::after_login(
            query
                .with_untracked(|q| q.get(routes::NEXT_PARAM))
                .as_deref(),
        )
    };

    view! {
        <Show
            when=move || session.administrator().is_none()
            fallback=move || view! { <Redirect path=next() options=NavigateOptions { replace: true, ..Default::default() }/> }
        >
            <div class="login-screen">
                <header class="login-screen__lang">
                    <LanguageSwitch/>
                </header>
                <MainContent class="login-card">
                    <div class="login-card__brand">
                        <Icon kind=IconKind::Shield/>
                        <span>{move || locale.t().app_name}</span>
                    </div>
                    <PageHeader title=Signal::derive(move || locale.t().login_title.to_string())/>
                    <p class="login-card__lead">{move || locale.t().login_lead}</p>
                    <LoginForm
                        on_submit=Callback::new(move |request| {
                            sign_in.dispatch_local(request);
                        })
                        pending=sign_in.pending()
                        error=error
                    />
                </MainContent>
            </div>
        </Show>
    }
}
