//! The wipe screen's state and actions, apart from its views: what was entered, the preview
//! asked for and its answer, the model's verdict, what keeps OK disabled, and registering. A
//! plain struct of signals, so the views only read it and call [`WipeState::submit`].

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mdm_model::command::CommandProblem;
use mdm_model::ids::AdministratorId;
use mdm_model::time::Zone;
use mdm_model::wifi::WifiSetting;
use mdm_model::wipe::{
    PreviewTotals, WipeField, WipeOptions, WipePreviewRequest, WipeRegistered, WipeRequest,
    WipeSelection,
};

use super::backend::WipeBackend;
use super::form::{blockers, Blocker, FieldMessages, PlatformsPresent, PreviewState, WipeForm};
use super::kept_form::{forget_form, keep_form, kept_form};
use super::platform_sections::platform_target;
use super::preview::SummaryAnswer;
use crate::api::ApiError;
use crate::components::answered::answered;
use crate::components::focus_later;
use crate::components::registering::{follow_registration, Registering};
use crate::i18n::use_locale;
use crate::idempotency::{new_key, KeyRing};

/// The wizard's two tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WipeTab {
    Settings,
    After,
}

impl WipeTab {
    /// The tab's key in the tab list and its panel's id.
    pub fn key(self) -> &'static str {
        match self {
            WipeTab::Settings => "settings",
            WipeTab::After => "after",
        }
    }
}

/// The tab holding a field (none for the selection, shown beside the tabs) and the element to
/// focus when the field needs attention.
fn target(field: WipeField) -> (Option<WipeTab>, &'static str) {
    match field {
        WipeField::Selection => (None, "wipe-preview-title"),
        WipeField::ScheduleAt => (Some(WipeTab::Settings), "wipe-schedule-at"),
        WipeField::WifiSettingId => (Some(WipeTab::After), "wipe-wifi"),
        WipeField::Password => (Some(WipeTab::Settings), "wipe-password"),
        WipeField::Agreed => (Some(WipeTab::Settings), "wipe-agree"),
    }
}

/// The model's verdict on the form and the messages it places: next to each field (schedule
/// problems at once, the rest once OK was tried; the portal's refusal too), and the platform
/// sections' problems (a reason that is too long as it is typed, the PIN once OK was tried).
fn checks(
    form: RwSignal<WipeForm>,
    present: RwSignal<PlatformsPresent>,
    attempted: RwSignal<bool>,
    refusal: RwSignal<Option<ApiError>>,
    chosen: StoredValue<WipeSelection>,
    all_wifi: StoredValue<Vec<WifiSetting>>,
    zone: Zone,
) -> (Memo<FieldMessages>, Memo<Vec<CommandProblem>>) {
    let locale = use_locale();
    let check = Memo::new(move |_| {
        let present = present.get();
        form.with(|f| {
            all_wifi.with_value(|wifi| {
                chosen.with_value(|s| f.check(s, Utc::now(), zone, wifi, present))
            })
        })
    });
    let messages = Memo::new(move |_| {
        let mut messages = FieldMessages::from_check(&check.get(), attempted.get(), locale.lang());
        if let Some(error) = refusal.get() {
            messages.extend(FieldMessages::from_refusal(&error, locale.lang()));
        }
        messages
    });
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
    (messages, platform_problems)
}

/// Everything the wipe screen holds.
#[derive(Clone, Copy)]
pub struct WipeState {
    pub form: RwSignal<WipeForm>,
    /// The tab shown, by key (the tab list speaks keys).
    pub tab: RwSignal<&'static str>,
    /// The portal's answer once it registered the jobs.
    pub done: RwSignal<Option<WipeRegistered>>,
    pub preview_request: Memo<WipePreviewRequest>,
    pub summary: LocalResource<SummaryAnswer>,
    pub preview_state: Memo<PreviewState>,
    /// The platforms of the last answered preview: a section stays while a new preview loads.
    pub present: RwSignal<PlatformsPresent>,
    pub messages: Memo<FieldMessages>,
    pub platform_problems: Memo<Vec<CommandProblem>>,
    pub blocked_by: Memo<Vec<Blocker>>,
    pub pending: Memo<bool>,
    attempted: RwSignal<bool>,
    refusal: RwSignal<Option<ApiError>>,
    chosen: StoredValue<WipeSelection>,
    all_wifi: StoredValue<Vec<WifiSetting>>,
    keys: StoredValue<KeyRing>,
    zone: Zone,
    register: Action<(WipeRequest, String), Result<WipeRegistered, ApiError>>,
}

impl WipeState {
    /// The screen as it opens for `selection`, talking to `backend`. With `kept_for`, what is
    /// entered is kept for that administrator in the tab and brought back by a reload.
    pub fn start(
        selection: WipeSelection,
        wifi_settings: Vec<WifiSetting>,
        zone: Zone,
        now: DateTime<Utc>,
        backend: WipeBackend,
        on_registered: Callback<WipeRegistered>,
        kept_for: Option<AdministratorId>,
    ) -> WipeState {
        let initial = kept_for
            .and_then(|admin| kept_form(admin, &selection))
            .unwrap_or_else(|| WipeForm::initial(now, zone));
        let form = RwSignal::new(initial);
        let chosen = StoredValue::new(selection);
        if let Some(admin) = kept_for {
            Effect::new(move || form.with(|f| chosen.with_value(|s| keep_form(admin, s, f))));
        }
        // Outcomes depend on the selection, the Wi-Fi setting and the Windows method only; the
        // time is checked at OK.
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
            answered(preview_request, move |asked| backend.preview(asked))
        };
        let preview_state = Memo::new(move |_| match summary.get() {
            Some((asked, Ok(preview))) if asked == preview_request.get() => {
                PreviewState::Ready(preview.summary.totals)
            }
            Some((asked, Err(_))) if asked == preview_request.get() => PreviewState::Failed,
            _ => PreviewState::Loading,
        });
        let present = RwSignal::new(PlatformsPresent::default());
        Effect::new(move || {
            if let PreviewState::Ready(totals) = preview_state.get() {
                present.set(PlatformsPresent::of(&totals));
            }
        });
        let register = Action::new_local(move |(request, key): &(WipeRequest, String)| {
            let (backend, request, key) = (backend.clone(), request.clone(), key.clone());
            async move { backend.register(request, key).await }
        });
        let attempted = RwSignal::new(false);
        let refusal = RwSignal::new(None::<ApiError>);
        let all_wifi = StoredValue::new(wifi_settings);
        let (messages, platform_problems) =
            checks(form, present, attempted, refusal, chosen, all_wifi, zone);
        let state = WipeState {
            form,
            tab: RwSignal::new(WipeTab::Settings.key()),
            done: RwSignal::new(None),
            preview_request,
            summary,
            preview_state,
            present,
            messages,
            platform_problems,
            blocked_by: Memo::new(move |_| form.with(|f| blockers(f, preview_state.get()))),
            pending: register.pending(),
            attempted,
            refusal,
            chosen,
            all_wifi,
            keys: StoredValue::new(KeyRing::default()),
            zone,
            register,
        };
        state.follow_registration(on_registered);
        state
    }

    /// The portal's answer: the done panel, or the refusal placed next to its field.
    fn follow_registration(self, on_registered: Callback<WipeRegistered>) {
        let locale = use_locale();
        let on_done = move |registered: WipeRegistered| {
            // Registered: a reload shows a fresh form, not the choices of what is done.
            forget_form();
            self.done.set(Some(registered.clone()));
            on_registered.run(registered);
        };
        let on_refused = move |error: &ApiError| {
            let placed = FieldMessages::from_refusal(error, locale.lang_untracked());
            if let Some(field) = placed.first_field() {
                self.focus_field(field);
            }
        };
        let screen = Registering {
            form: self.form,
            register: self.register,
            refusal: self.refusal,
        };
        follow_registration(screen, on_done, on_refused);
    }

    /// Shows the tab holding `field` and moves the focus to it.
    pub fn focus_field(&self, field: WipeField) {
        let (on_tab, id) = target(field);
        if let Some(tab) = on_tab {
            self.tab.set(tab.key());
        }
        focus_later(id);
    }

    /// OK: the model's verdict first (focus on the first field to fix), then what the preview
    /// says, then the registration with an idempotency key kept for the same request.
    pub fn submit(&self) {
        if self.pending.get_untracked() {
            return;
        }
        self.attempted.set(true);
        let (zone, present) = (self.zone, self.present.get_untracked());
        let check = self.form.with_untracked(|f| {
            self.all_wifi.with_value(|wifi| {
                self.chosen
                    .with_value(|s| f.check(s, Utc::now(), zone, wifi, present))
            })
        });
        if let Some(&field) = check.fields().first() {
            self.focus_field(field);
            return;
        }
        if let Some(&problem) = check.platform.first() {
            self.tab.set(WipeTab::Settings.key());
            focus_later(platform_target(problem));
            return;
        }
        if !self.blocked_by.get_untracked().is_empty() {
            return;
        }
        let request = self
            .form
            .with_untracked(|f| self.chosen.with_value(|s| f.request(s, zone, present)));
        let key = self
            .keys
            .try_update_value(|ring| ring.key_for(&request, new_key))
            .unwrap_or_else(new_key);
        self.register.dispatch_local((request, key));
    }

    /// The devices and jobs OK registers, once the preview answered.
    pub fn totals(&self) -> Option<PreviewTotals> {
        match self.preview_state.get() {
            PreviewState::Ready(totals) => Some(totals),
            _ => None,
        }
    }
}
