//! 遠隔初期化: the wipe screen. This page gathers what the wizard needs (the selection made on
//! 端末管理, the Wi-Fi settings, the administrator's time zone) and hands it the real portal.

pub mod after_wipe_tab;
pub mod backend;
pub mod done;
pub mod eligibility;
pub mod field_help;
pub mod form;
pub mod kept_form;
pub mod keys;
pub mod platform_form;
pub mod platform_sections;
pub mod preview;
pub mod settings_tab;
pub mod typed_field;
pub mod wizard;
pub mod wizard_state;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use mdm_model::wifi::WifiSettingQuery;

use crate::api::Api;
use crate::components::{use_toasts, PageHeader, ToastKind};
use crate::device_selection::{replaced, selection_for_screen, use_device_selection, Selection};
use crate::i18n::use_locale;
use crate::pages::measures::lost_mode_notice::LostModeNotice;
use crate::session::use_session;

pub use backend::WipeBackend;
pub use wizard::WipeWizard;

/// The wipe screen for the devices selected on 端末管理.
#[component]
pub fn WipePage() -> impl IntoView {
    let locale = use_locale();
    let api = expect_context::<Api>();
    let toasts = use_toasts();
    let devices = use_device_selection();
    let session = use_session();
    let admin = untrack(move || session.administrator());
    // Taken once: after OK the selection is cleared, and this screen keeps showing the result.
    let chosen = selection_for_screen(devices, admin.as_ref().map(|a| a.id), crate::routes::WIPE);
    let back_href = devices.origin.get_untracked();
    let kept_for = admin.as_ref().map(|a| a.id);
    // The zone as the screen opens: a change made meanwhile applies the next time it opens, so
    // the time being entered never changes meaning under the administrator's hands.
    let zone = admin.as_ref().map(|a| a.time_zone).unwrap_or_default();
    let admin_login = admin
        .as_ref()
        .map(|a| a.username.clone())
        .unwrap_or_default();
    let admin_name = admin.map(|a| a.display_name).unwrap_or_default();

    let wifi = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            // All of them: the dropdown offers those the model allows, and validation needs the rest.
            async move { api.wifi_settings(&WifiSettingQuery::default()).await }
        })
    };
    let navigate = use_navigate();
    let on_registered = Callback::new(move |registered: mdm_model::wipe::WipeRegistered| {
        devices.selection.set(Selection::default());
        // Done: a reload must not offer the same devices again from the address.
        navigate(crate::routes::WIPE, replaced());
        toasts.show(
            ToastKind::Success,
            (locale.t_untracked().wipe.done_toast)(registered.job_count),
        );
    });

    // Only the loading of the Wi-Fi settings rebuilds the screen: a language switch must not
    // throw away what was entered, so every text below follows the language on its own.
    let t = move || locale.t().wipe;
    let lost_mode = chosen
        .to_wipe_selection()
        .map(|selection| view! { <LostModeNotice selection=selection/> });
    let body = move || {
        let Some(selection) = chosen.to_wipe_selection() else {
            return view! {
                <section class="panel panel--empty" data-testid="wipe-no-selection">
                    <h2 class="panel__title">{move || t().no_selection_title}</h2>
                    <p class="panel__text">{move || t().no_selection_body}</p>
                    <div class="panel__actions">
                        <a class="button button--primary" href=crate::routes::href(&back_href)>{move || t().back}</a>
                    </div>
                </section>
            }
            .into_any();
        };
        match wifi.get() {
            None => view! { <p class="hint" role="status" data-testid="wipe-loading">{move || t().loading}</p> }.into_any(),
            Some(Err(error)) => view! {
                <section class="panel inline-error" role="alert" data-testid="wipe-load-error">
                    <p>{move || t().load_error}</p>
                    <p class="hint">{move || error.message(locale.lang())}</p>
                    <button type="button" class="button" on:click=move |_| wifi.refetch()>{move || t().retry}</button>
                </section>
            }
            .into_any(),
            Some(Ok(settings)) => view! {
                <WipeWizard
                    selection=selection
                    device_count=chosen.count()
                    wifi_settings=settings
                    zone=zone
                    now=Utc::now()
                    admin_name=admin_name.clone()
                    admin_login=admin_login.clone()
                    backend=WipeBackend::from_api(api.clone())
                    back_href=back_href.clone()
                    on_registered=on_registered
                    kept_for=kept_for
                />
            }
            .into_any(),
        }
    };

    view! {
        <PageHeader title=Signal::derive(move || locale.t().wipe.title.to_string())/>
        <a class="back-link" href=crate::routes::href(&devices.origin.get_untracked()) data-testid="wipe-back">
            <span aria-hidden="true">"← "</span>
            {move || locale.t().wipe.back}
        </a>
        {lost_mode}
        {body}
    }
}
