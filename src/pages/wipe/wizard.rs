//! The wipe screen's state and actions: the two tabs, the preview beside them, and OK. Pure
//! apart from the [`WipeBackend`] it is given, so it mounts in browser tests with a fake portal.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_model::command::CommandProblem;
use mdm_model::time::Zone;
use mdm_model::wifi::WifiSetting;
use mdm_model::wipe::{
    WipeField, WipeOptions, WipePreviewRequest, WipeRegistered, WipeRequest, WipeSelection,
};

use super::after_wipe_tab::AfterWipeTab;
use super::backend::WipeBackend;
use super::done::DonePanel;
use super::form::{blockers, FieldMessages, PlatformsPresent, PreviewState, WipeForm};
use super::keys::{new_key, KeyRing};
use super::platform_sections::platform_target;
use super::preview::{PreviewPanel, SummaryAnswer};
use super::settings_tab::SettingsTab;
use crate::api::ApiError;
use crate::components::field::FieldError;
use crate::components::tabs::{Tab, TabList, TabPanel};
use crate::i18n::use_locale;

const TABS: &str = "wipe";
const SETTINGS: &str = "settings";
const AFTER: &str = "after";

/// The tab holding a field (none for the selection, shown beside the tabs) and the element to
/// focus when the field needs attention.
fn target(field: WipeField) -> (Option<&'static str>, &'static str) {
    match field {
        WipeField::Selection => (None, "wipe-preview-title"),
        WipeField::ScheduleAt => (Some(SETTINGS), "wipe-schedule-at"),
        WipeField::WifiSettingId => (Some(AFTER), "wipe-wifi"),
        WipeField::Password => (Some(SETTINGS), "wipe-password"),
        WipeField::Agreed => (Some(SETTINGS), "wipe-agree"),
    }
}

fn focus_later(id: &'static str) {
    // After the tab switch has been drawn (a timer: animation frames pause in background tabs).
    set_timeout(
        move || {
            if let Some(element) = document()
                .get_element_by_id(id)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

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
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let form = RwSignal::new(WipeForm::initial(now, zone));
    let tab = RwSignal::new(SETTINGS);
    let attempted = RwSignal::new(false);
    let refusal = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<WipeRegistered>);
    let keys = StoredValue::new(KeyRing::default());
    let chosen = StoredValue::new(selection);
    let all_wifi = StoredValue::new(wifi_settings.clone());

    // Outcomes depend on the selection and the Wi-Fi setting only; the time is checked at OK.
    let preview_request = Memo::new(move |_| WipePreviewRequest {
        selection: chosen.get_value(),
        options: form.with(|f| WipeOptions {
            schedule_at: None,
            ..f.options(zone)
        }),
        outcome: None,
        page: 1,
        per_page: 1,
    });
    let summary: LocalResource<SummaryAnswer> = {
        let backend = backend.clone();
        LocalResource::new(move || {
            let (backend, asked) = (backend.clone(), preview_request.get());
            async move {
                let answer = backend.preview(asked.clone()).await;
                (asked, answer)
            }
        })
    };
    let preview_state = Memo::new(move |_| match summary.get() {
        Some((asked, Ok(preview))) if asked == preview_request.get() => {
            PreviewState::Ready(preview.summary.totals)
        }
        Some((asked, Err(_))) if asked == preview_request.get() => PreviewState::Failed,
        _ => PreviewState::Loading,
    });

    // The platforms of the last answered preview: a section stays while a new preview loads.
    let present = RwSignal::new(PlatformsPresent::default());
    Effect::new(move || {
        if let PreviewState::Ready(totals) = preview_state.get() {
            present.set(PlatformsPresent::of(&totals));
        }
    });
    let check = Memo::new(move |_| {
        let present = present.get();
        form.with(|f| {
            all_wifi.with_value(|wifi| {
                chosen.with_value(|s| f.check(s, Utc::now(), zone, wifi, present))
            })
        })
    });
    // A reason that is too long shows as it is typed; the PIN once OK was tried.
    let platform_problems = Memo::new(move |_| {
        let problems = check.with(|c| c.platform.clone());
        if attempted.get() {
            problems
        } else {
            problems
                .into_iter()
                .filter(|p| *p == CommandProblem::ReasonMessageTooLong)
                .collect()
        }
    });
    let messages = Memo::new(move |_| {
        let mut messages = FieldMessages::from_check(&check.get(), attempted.get(), locale.lang());
        if let Some(error) = refusal.get() {
            messages.extend(FieldMessages::from_refusal(&error, locale.lang()));
        }
        messages
    });
    let blocked_by = Memo::new(move |_| form.with(|f| blockers(f, preview_state.get())));
    // A changed form is a new request: the last refusal no longer applies.
    Effect::watch(
        move || form.track(),
        move |_, _, _| refusal.set(None),
        false,
    );

    let register = {
        let backend = backend.clone();
        Action::new_local(move |(request, key): &(WipeRequest, String)| {
            let (backend, request, key) = (backend.clone(), request.clone(), key.clone());
            async move { backend.register(request, key).await }
        })
    };
    let pending = register.pending();
    let focus_field = move |field: WipeField| {
        let (on_tab, id) = target(field);
        if let Some(key) = on_tab {
            tab.set(key);
        }
        focus_later(id);
    };
    Effect::new(move || match register.value().get() {
        Some(Ok(registered)) => {
            done.set(Some(registered.clone()));
            on_registered.run(registered);
        }
        Some(Err(error)) => {
            if let Some(field) = FieldMessages::from_refusal(&error, locale.lang_untracked())
                .fields
                .first()
            {
                focus_field(field.0);
            }
            refusal.set(Some(error));
        }
        None => {}
    });

    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        attempted.set(true);
        let now = Utc::now();
        let present = present.get_untracked();
        let check = form.with_untracked(|f| {
            all_wifi.with_value(|wifi| chosen.with_value(|s| f.check(s, now, zone, wifi, present)))
        });
        if let Some(&field) = check.fields().first() {
            focus_field(field);
            return;
        }
        if let Some(&problem) = check.platform.first() {
            tab.set(SETTINGS);
            focus_later(platform_target(problem));
            return;
        }
        if !blocked_by.get_untracked().is_empty() {
            return;
        }
        let request = form.with_untracked(|f| chosen.with_value(|s| f.request(s, zone, present)));
        let key = keys
            .try_update_value(|ring| ring.key_for(&request, new_key))
            .unwrap_or_else(new_key);
        register.dispatch_local((request, key));
    };
    let general = Signal::derive(move || messages.with(|m| m.general.clone()));
    let register_line = move || match preview_state.get() {
        // Only the devices that get jobs: the others are refused or left out.
        PreviewState::Ready(totals) => (t().register_line)(totals.wipeable_devices, totals.jobs),
        _ => String::new(),
    };
    let tabs = vec![
        Tab {
            key: SETTINGS,
            label: Signal::derive(move || t().tab_settings.to_string()),
        },
        Tab {
            key: AFTER,
            label: Signal::derive(move || t().tab_after.to_string()),
        },
    ];
    let back = back_href.clone();
    // Arriving from the 紛失時対策 dialog, focus starts on what is about to happen; Tab goes on
    // to the tabs.
    let lead = NodeRef::<leptos::html::P>::new();
    Effect::new(move || {
        if let Some(lead) = lead.get() {
            let _ = lead.focus();
        }
    });
    // Read by the tab panels, which are built anew if the screen is.
    let admin_name = StoredValue::new(admin_name);
    let admin_login = StoredValue::new(admin_login);
    let wifi_for_tab = StoredValue::new(wifi_settings);

    view! {
        <Show
            when=move || done.with(Option::is_none)
            fallback=move || {
                let back = back.clone();
                done.get().map(move |registered| view! { <DonePanel registered=registered back_href=back/> })
            }
        >
            <p class="page-lead wipe__lead" data-testid="wipe-lead" tabindex="-1" node_ref=lead>
                {move || (t().lead)(device_count)}
            </p>
            <form class="wipe" novalidate data-testid="wipe-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <div class="wipe__layout">
                    <section class="panel wipe__settings">
                        <TabList
                            id=TABS
                            label=Signal::derive(move || t().tabs_label.to_string())
                            tabs=tabs.clone()
                            active=tab
                            on_select=Callback::new(move |key| tab.set(key))
                        />
                        <TabPanel id=TABS key=SETTINGS active=tab>
                            <SettingsTab form=form messages=messages zone=zone now=now admin_name=admin_name.get_value() admin_login=admin_login.get_value()
                                present=present platform_problems=platform_problems/>
                        </TabPanel>
                        <TabPanel id=TABS key=AFTER active=tab>
                            <AfterWipeTab form=form wifi_settings=wifi_for_tab.get_value() messages=messages/>
                        </TabPanel>
                    </section>
                    <PreviewPanel
                        request=preview_request
                        summary=Signal::derive(move || summary.get())
                        on_retry=Callback::new(move |_| summary.refetch())
                        backend=backend.clone()
                        form=form
                        messages=messages
                    />
                </div>
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
            </form>
        </Show>
    }
}
