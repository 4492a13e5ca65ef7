//! The screens of the lost-device measures other than the wipe (遠隔ロック, 紛失モード, 位置情報,
//! サウンド, 企業データの削除), one route per measure on a shared frame in the wipe wizard's shape:
//! options, per-device preview, password, 同意する, OK. This page gathers what the screen needs
//! (the selection made on 端末管理, the administrator) and hands it the real portal.

pub mod backend;
pub mod confirm;
pub mod done;
pub mod form;
pub mod keys;
pub mod locations;
pub mod lost_mode_notice;
pub mod mac_probe;
pub mod options_form;
pub mod plan_item;
pub mod preview;
pub mod screen;
pub mod state;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use mdm_model::measure::{Measure, MeasureRegistered};

use crate::api::Api;
use crate::components::{use_toasts, PageHeader, ToastKind};
use crate::device_selection::{replaced, selection_for_screen, use_device_selection, Selection};
use crate::i18n::use_locale;
use crate::routes;
use crate::session::use_session;

pub use backend::MeasureBackend;
pub use screen::MeasureScreen;

/// `/devices/measures/:measure`: the screen of one measure for the devices selected on 端末管理,
/// which come through the app-wide selection exactly as they do to the wipe screen.
#[component]
pub fn MeasurePage() -> impl IntoView {
    let locale = use_locale();
    let api = expect_context::<Api>();
    let toasts = use_toasts();
    let devices = use_device_selection();
    let params = use_params_map();
    let session = use_session();
    let admin = untrack(move || session.administrator());
    // The wipe has its own screen; any other word in the address is no measure.
    let measure = Memo::new(move |_| {
        params
            .with(|p| p.get("measure"))
            .and_then(|m| m.parse::<Measure>().ok())
            .filter(|m| *m != Measure::Wipe)
    });
    let path = measure
        .get_untracked()
        .map_or_else(|| routes::MEASURES.to_string(), routes::measure);
    // Taken once, as the wipe screen takes it (a reload brings it back from the tab or the
    // address): after OK the selection is cleared, and this screen keeps showing the result.
    let chosen = selection_for_screen(devices, admin.as_ref().map(|a| a.id), &path);
    let back_href = devices.origin.get_untracked();
    let admin_login = admin
        .as_ref()
        .map(|a| a.username.clone())
        .unwrap_or_default();
    let admin_name = admin.map(|a| a.display_name).unwrap_or_default();
    let navigate = use_navigate();
    let on_registered = Callback::new(move |registered: MeasureRegistered| {
        devices.selection.set(Selection::default());
        // Done: a reload must not offer the same devices again from the address.
        navigate(&path, replaced());
        let name = registered.measure.label(locale.lang_untracked());
        toasts.show(
            ToastKind::Success,
            (locale.t_untracked().measures.done_toast)(name, registered.job_count),
        );
    });
    let t = move || locale.t().measures;
    let title = move || match measure.get() {
        Some(m) => m.label(locale.lang()).to_string(),
        None => t().unknown_measure_title.to_string(),
    };
    let body = move || {
        let back = back_href.clone();
        let panel = |title: fn(&crate::i18n::MeasuresText) -> &'static str,
                     text: fn(&crate::i18n::MeasuresText) -> &'static str,
                     back: String| {
            view! {
                <section class="panel panel--empty" data-testid="measure-no-selection">
                    <h2 class="panel__title">{move || title(t())}</h2>
                    <p class="panel__text">{move || text(t())}</p>
                    <div class="panel__actions">
                        <a class="button button--primary" href=routes::href(&back)>{move || t().back}</a>
                    </div>
                </section>
            }
            .into_any()
        };
        let Some(measure) = measure.get() else {
            return panel(
                |t| t.unknown_measure_title,
                |t| t.unknown_measure_body,
                back,
            );
        };
        let Some(selection) = chosen.to_wipe_selection() else {
            return panel(|t| t.no_selection_title, |t| t.no_selection_body, back);
        };
        view! {
            <MeasureScreen
                measure=measure
                selection=selection
                device_count=chosen.count()
                admin_name=admin_name.clone()
                admin_login=admin_login.clone()
                backend=MeasureBackend::from_api(api.clone())
                back_href=back
                on_registered=on_registered
            />
        }
        .into_any()
    };
    let back = devices.origin.get_untracked();
    view! {
        <PageHeader title=Signal::derive(title)/>
        <a class="back-link" href=routes::href(&back) data-testid="measure-back">
            <span aria-hidden="true">"← "</span>
            {move || t().back}
        </a>
        {body}
    }
}
