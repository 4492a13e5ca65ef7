//! The wipe screen's views: the two tabs, the preview beside them, and OK. The state and its
//! actions are [`WipeState`]; pure apart from the [`WipeBackend`] it is given, so it mounts in
//! browser tests with a fake portal.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mdm_model::ids::AdministratorId;
use mdm_model::time::Zone;
use mdm_model::wifi::WifiSetting;
use mdm_model::wipe::{WipeRegistered, WipeSelection};

use super::after_wipe_tab::AfterWipeTab;
use super::backend::WipeBackend;
use super::done::done_view;
use super::preview::PreviewPanel;
use super::settings_tab::SettingsTab;
use super::wizard_state::{WipeState, WipeTab};
use crate::components::field::FieldError;
use crate::components::focus_when_drawn;
use crate::components::tabs::{Tab, TabList, TabPanel};
use crate::i18n::{use_locale, WipeText};

const TABS: &str = "wipe";

/// The whole wipe screen below its title.
#[component]
pub fn WipeWizard(
    /// The devices to wipe.
    selection: WipeSelection,
    /// How many they are (for the lead sentence; the preview has the portal's count).
    device_count: u64,
    /// All of the tenant's Wi-Fi settings.
    wifi_settings: Vec<WifiSetting>,
    /// The administrator's time zone.
    zone: Zone,
    /// When the screen opened (the proposed schedule is computed from it).
    now: DateTime<Utc>,
    /// The signed-in administrator's name, for the password hint.
    admin_name: String,
    /// The signed-in administrator's user name, for a password manager.
    #[prop(optional, into)]
    admin_login: String,
    /// The portal.
    backend: WipeBackend,
    /// Where キャンセル and "back" go.
    back_href: String,
    /// Called once the portal has registered the jobs.
    #[prop(into)]
    on_registered: Callback<WipeRegistered>,
    /// The signed-in administrator, for whom the tab keeps the choices across a reload;
    /// without one nothing is kept.
    #[prop(default = None)]
    kept_for: Option<AdministratorId>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let state = WipeState::start(
        selection,
        wifi_settings.clone(),
        zone,
        now,
        backend.clone(),
        on_registered,
        kept_for,
    );
    let done = state.done;
    // Arriving from the 紛失時対策 dialog, focus starts on what is about to happen; Tab goes on
    // to the tabs.
    let lead = NodeRef::<leptos::html::P>::new();
    focus_when_drawn(lead);
    // Read by the tab panels, which are built anew if the screen is.
    let admin = StoredValue::new((admin_name, admin_login));
    let wifi_settings = StoredValue::new(wifi_settings);

    view! {
        <Show when=move || done.with(Option::is_none) fallback=done_view(done, back_href.clone())>
            <p class="page-lead wipe__lead" data-testid="wipe-lead" tabindex="-1" node_ref=lead>
                {move || (t().lead)(device_count)}
            </p>
            <form class="wipe" novalidate data-testid="wipe-form" on:submit=move |ev| { ev.prevent_default(); state.submit(); }>
                <div class="wipe__layout">
                    <WipeTabs state=state zone=zone now=now admin=admin.get_value() wifi_settings=wifi_settings.get_value()/>
                    <PreviewPanel
                        request=state.preview_request
                        summary=Signal::derive(move || state.summary.get())
                        on_retry=Callback::new(move |_| state.summary.refetch())
                        backend=backend.clone()
                        form=state.form
                        messages=state.messages
                    />
                </div>
                <WipeActions state=state back_href=back_href.clone()/>
            </form>
        </Show>
    }
}

/// The two tabs: 遠隔初期化設定 and 遠隔初期化後の設定.
#[component]
fn WipeTabs(
    /// The screen's state.
    state: WipeState,
    /// The administrator's time zone.
    zone: Zone,
    /// When the screen opened.
    now: DateTime<Utc>,
    /// The administrator's name and user name.
    admin: (String, String),
    /// All of the tenant's Wi-Fi settings.
    wifi_settings: Vec<WifiSetting>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let tab = |key: WipeTab, label: fn(&'static WipeText) -> &'static str| Tab {
        key: key.key(),
        label: Signal::derive(move || label(t()).to_string()),
    };
    let tabs = vec![
        tab(WipeTab::Settings, |t| t.tab_settings),
        tab(WipeTab::After, |t| t.tab_after),
    ];
    let (admin_name, admin_login) = admin;
    let WipeState {
        form,
        tab: active,
        messages,
        present,
        platform_problems,
        ..
    } = state;
    view! {
        <section class="panel wipe__settings">
            <TabList
                id=TABS
                label=Signal::derive(move || t().tabs_label.to_string())
                tabs=tabs
                active=active
                on_select=Callback::new(move |key| active.set(key))
            />
            <TabPanel id=TABS key=WipeTab::Settings.key() active=active>
                <SettingsTab form=form messages=messages zone=zone now=now admin_name=admin_name admin_login=admin_login
                    present=present platform_problems=platform_problems/>
            </TabPanel>
            <TabPanel id=TABS key=WipeTab::After.key() active=active>
                <AfterWipeTab form=form wifi_settings=wifi_settings messages=messages/>
            </TabPanel>
        </section>
    }
}

/// What OK registers, what still stops it, キャンセル and OK.
#[component]
fn WipeActions(
    /// The screen's state.
    state: WipeState,
    /// Where キャンセル goes.
    back_href: String,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let WipeState {
        messages,
        blocked_by,
        pending,
        ..
    } = state;
    let general = Signal::derive(move || messages.with(|m| m.general.clone()));
    let register_line = move || {
        // Only the devices that get jobs: the others are refused or left out.
        state
            .totals()
            .map(|totals| (t().register_line)(totals.wipeable_devices, totals.jobs))
            .unwrap_or_default()
    };
    view! {
        <div class="wipe__actions" data-testid="wipe-actions">
            <div class="wipe__actions-info">
                <p class="wipe__register-line" data-testid="register-line">{register_line}</p>
                <FieldError id="wipe-error-general" messages=general/>
                <ul class="wipe__reasons" id="wipe-ok-reasons" data-testid="ok-reasons">
                    {move || blocked_by.get().into_iter().map(|b| view! { <li>{b.message(t())}</li> }).collect_view()}
                </ul>
            </div>
            <a class="button" href=crate::routes::href(&back_href) data-testid="wipe-cancel">{move || t().cancel}</a>
            <button
                type="submit"
                class="button button--danger"
                data-testid="wipe-ok"
                disabled=move || pending.get() || !blocked_by.with(Vec::is_empty)
                aria-describedby="wipe-ok-reasons"
            >
                {move || if pending.get() { t().registering } else { t().ok }}
            </button>
        </div>
    }
}
