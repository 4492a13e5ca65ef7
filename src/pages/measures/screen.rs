//! A measure's screen below its title: what will happen, the options, the password and
//! agreement, the per-device preview beside them, and OK. The state and its actions are
//! [`MeasureState`]; pure apart from the [`MeasureBackend`] it is given, so it mounts in browser
//! tests with a fake portal.

use leptos::prelude::*;
use mdm_model::measure::{Measure, MeasureRegistered};
use mdm_model::wipe::WipeSelection;

use super::backend::MeasureBackend;
use super::confirm::ConfirmFields;
use super::done::done_view;
use super::options_form::OptionsFields;
use super::preview::MeasurePreviewPanel;
use super::state::MeasureState;
use crate::components::field::FieldHelp;
use crate::components::focus_when_drawn;
use crate::i18n::use_locale;
use crate::pages::help::HelpTopic;

/// The whole screen of one measure.
#[component]
pub fn MeasureScreen(
    /// The measure (not the wipe, which has its own screen).
    measure: Measure,
    /// The devices it is for.
    selection: WipeSelection,
    /// How many they are (for the lead sentence; the preview has the portal's count).
    device_count: u64,
    /// The signed-in administrator's name, for the password hint.
    admin_name: String,
    /// The signed-in administrator's user name, for a password manager.
    #[prop(optional, into)]
    admin_login: String,
    /// The portal.
    backend: MeasureBackend,
    /// Where キャンセル and "back" go.
    back_href: String,
    /// Called once the portal has registered the jobs.
    #[prop(into)]
    on_registered: Callback<MeasureRegistered>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let state = MeasureState::start(measure, selection, backend.clone(), on_registered);
    let done = state.done;
    // Arriving from the 紛失時対策 dialog, focus starts on what is about to happen.
    let lead = NodeRef::<leptos::html::P>::new();
    focus_when_drawn(lead);
    let help = HelpTopic::of_measure(measure);
    view! {
        <Show when=move || done.with(Option::is_none) fallback=done_view(done, back_href.clone())>
            <p class="page-lead wipe__lead" data-testid="measure-lead" tabindex="-1" node_ref=lead>
                {move || (t().lead)(measure.label(locale.lang()), device_count)}
            </p>
            <p class="measure-screen__description" data-testid="measure-description">
                <span>{move || measure.description(locale.lang())}</span>
                <FieldHelp
                    href=help.href()
                    test_id=help.test_id()
                    text=Signal::derive(move || t().help_text.to_string())
                    label=Signal::derive(move || (t().help_label)(help.article().text(locale.lang()).title))
                />
            </p>
            <form class="wipe" novalidate data-testid="measure-form" on:submit=move |ev| { ev.prevent_default(); state.submit(); }>
                <div class="wipe__layout">
                    <section class="panel wipe__settings" aria-labelledby="measure-settings-title">
                        <OptionsFields state=state/>
                        <ConfirmFields state=state admin_name=admin_name.clone() admin_login=admin_login.clone()/>
                    </section>
                    <MeasurePreviewPanel state=state backend=backend.clone()/>
                </div>
                <ActionBar state=state back_href=back_href.clone()/>
            </form>
        </Show>
    }
}

/// What OK registers, what still keeps it disabled, キャンセル and OK.
#[component]
fn ActionBar(state: MeasureState, back_href: String) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().measures;
    let wipe = move || locale.t().wipe;
    let (measure, pending, blocked_by) = (state.measure, state.pending, state.blocked_by);
    // Red only where data goes for good; the other measures can be undone on the device.
    let ok_class = if measure == mdm_model::measure::Measure::RemoveCompanyData {
        "button button--danger"
    } else {
        "button button--primary"
    };
    let register_line = move || {
        state
            .registered_devices()
            .map(|count| (t().register_line)(measure.label(locale.lang()), count))
            .unwrap_or_default()
    };
    view! {
        <div class="wipe__actions" data-testid="measure-actions">
            <div class="wipe__actions-info">
                <p class="wipe__register-line" data-testid="measure-register-line">{register_line}</p>
                <ul class="wipe__reasons" id="measure-ok-reasons" data-testid="measure-ok-reasons">
                    {move || blocked_by.get().into_iter().map(|b| view! { <li>{b.message(t())}</li> }).collect_view()}
                </ul>
            </div>
            <a class="button" href=crate::routes::href(&back_href) data-testid="measure-cancel">{move || wipe().cancel}</a>
            <button
                type="submit"
                class=ok_class
                data-testid="measure-ok"
                disabled=move || pending.get() || !blocked_by.with(Vec::is_empty)
                aria-describedby="measure-ok-reasons"
            >
                {move || if pending.get() { wipe().registering } else { wipe().ok }}
            </button>
        </div>
    }
}
