//! 遠隔初期化設定: delete general info and tags, the schedule, the administrator's password and
//! 同意する.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mdm_model::command::CommandProblem;
use mdm_model::device::GeneralInfoField;
use mdm_model::time::Zone;
use mdm_model::time::{format_datetime, to_datetime_local};
use mdm_model::wipe::{WipeField, MAX_SCHEDULE_AHEAD};

use super::field_help::WipeFieldHelp;
use super::form::{FieldMessages, PlatformsPresent, WipeForm};
use super::platform_sections::PlatformSections;
use super::typed_field::{Typed, TypedField};
use crate::components::field::{Checkbox, FieldError};
use crate::i18n::use_locale;
use crate::pages::help::HelpTopic;

/// The messages next to `field`.
pub fn field_messages(messages: Signal<FieldMessages>, field: WipeField) -> Signal<Vec<String>> {
    Signal::derive(move || messages.with(|m| m.for_field(field)))
}

/// The first tab of the wipe screen.
#[component]
pub fn SettingsTab(
    /// What was entered.
    form: RwSignal<WipeForm>,
    /// Messages to show next to the fields.
    #[prop(into)]
    messages: Signal<FieldMessages>,
    /// The administrator's time zone, in which the date and time is entered; shown next to
    /// the field with its abbreviation at the entered time (EST or EDT either side of a change).
    zone: Zone,
    /// When the screen opened: bounds of the date-time picker.
    now: DateTime<Utc>,
    /// The signed-in administrator, whose password is asked for.
    admin_name: String,
    /// The administrator's user name (for a password manager).
    #[prop(optional, into)]
    admin_login: String,
    /// The platforms of the devices that get a job: which platform sections show.
    #[prop(optional, into)]
    present: Signal<PlatformsPresent>,
    /// Problems of the platform sections to show.
    #[prop(optional, into)]
    platform_problems: Signal<Vec<CommandProblem>>,
) -> impl IntoView {
    view! {
        <div class="wipe-fields">
            <DeleteInfoField form=form/>
            <ScheduleField form=form messages=messages zone=zone now=now/>
            <PlatformSections form=form present=present problems=platform_problems/>
            <PasswordField form=form messages=messages admin_name=admin_name admin_login=admin_login/>
            <AgreementField form=form messages=messages/>
        </div>
    }
}

/// 端末の一般情報・端末タグ情報を削除する, with the fields it clears.
#[component]
fn DeleteInfoField(
    /// What was entered.
    form: RwSignal<WipeForm>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let cleared_fields = move || {
        let lang = locale.lang();
        let names: Vec<&str> = GeneralInfoField::ALL
            .iter()
            .map(|f| f.label(lang))
            .collect();
        (t().delete_info_hint)(&names.join(t().list_separator))
    };
    view! {
        <div class="wipe-field">
            <div class="wipe-field__row">
                <Checkbox
                    id="wipe-delete-info"
                    checked=Signal::derive(move || form.with(|f| f.delete_general_info))
                    on_change=Callback::new(move |on| form.update(|f| f.delete_general_info = on))
                    label=Signal::derive(move || t().delete_info.to_string())
                    described_by="wipe-delete-info-hint".to_string()
                />
                <WipeFieldHelp topic=HelpTopic::DeleteInfo label=|t| t.wipe.help_delete_info/>
            </div>
            <p class="hint wipe-field__hint" id="wipe-delete-info-hint">{cleared_fields}</p>
        </div>
    }
}

/// スケジュール: the box, the date and time in the administrator's zone, and the echo that says
/// the entered time the console's way.
#[component]
fn ScheduleField(
    /// What was entered.
    form: RwSignal<WipeForm>,
    /// Messages next to the fields.
    messages: Signal<FieldMessages>,
    /// The administrator's time zone.
    zone: Zone,
    /// When the screen opened: bounds of the picker.
    now: DateTime<Utc>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let errors = field_messages(messages, WipeField::ScheduleAt);
    let blocked = Signal::derive(move || form.with(WipeForm::schedule_blocked));
    let echo = move || match form.with(|f| f.schedule_enabled.then(|| f.schedule_at(zone))) {
        None => t().schedule_off.to_string(),
        Some(Ok(Some(at))) => (t().schedule_echo)(&format_datetime(at, zone), &zone.label_at(at)),
        Some(_) => (t().schedule_zone)(zone.name()),
    };
    view! {
        <div class="wipe-field">
            <div class="wipe-field__row">
                <Checkbox
                    id="wipe-schedule"
                    checked=Signal::derive(move || form.with(|f| f.schedule_enabled))
                    on_change=Callback::new(move |on| form.update(|f| f.schedule_enabled = on))
                    label=Signal::derive(move || t().schedule.to_string())
                    disabled=blocked
                    described_by=Signal::derive(move || if blocked.get() { "wipe-schedule-blocked".to_string() } else { String::new() })
                />
                <WipeFieldHelp topic=HelpTopic::Schedule label=|t| t.wipe.help_schedule/>
            </div>
            <Show when=move || blocked.get()>
                <p class="notice" id="wipe-schedule-blocked" data-testid="wipe-schedule-blocked">
                    {move || t().schedule_blocked}
                </p>
            </Show>
            <div class="field wipe-field__nested">
                <label class="field__label" for="wipe-schedule-at">{move || t().schedule_field}</label>
                <input
                    id="wipe-schedule-at"
                    class="field__input wipe-field__datetime"
                    type="datetime-local"
                    data-testid="wipe-schedule-at"
                    min=to_datetime_local(now, zone)
                    max=to_datetime_local(now + MAX_SCHEDULE_AHEAD, zone)
                    disabled=move || form.with(|f| !f.schedule_enabled || f.schedule_blocked())
                    aria-invalid=move || errors.with(|e| !e.is_empty()).to_string()
                    aria-describedby="wipe-schedule-zone wipe-error-schedule_at"
                    prop:value=move || form.with(|f| f.schedule_text.clone())
                    on:input=move |ev| form.update(|f| f.schedule_text = event_target_value(&ev))
                />
                // The picker draws dates the browser's way; this line says it the console's way.
                <p class="hint" id="wipe-schedule-zone" data-testid="wipe-schedule-echo">{echo}</p>
                <FieldError id="wipe-error-schedule_at" messages=errors/>
            </div>
        </div>
    }
}

/// The signed-in administrator's password, which confirms the wipe.
#[component]
fn PasswordField(
    /// What was entered.
    form: RwSignal<WipeForm>,
    /// Messages next to the fields.
    messages: Signal<FieldMessages>,
    /// Whose password it is.
    admin_name: String,
    /// Their user name, for a password manager.
    admin_login: String,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    view! {
        <TypedField
            kind=Typed::Password
            form=form
            label=Signal::derive(move || t().password.to_string())
            hint=Signal::derive(move || (t().password_hint)(&admin_name))
            errors=field_messages(messages, WipeField::Password)
        >
            // Whose password this is, for a password manager (hidden: the administrator
            // does not type it); it fills the field below with the signed-in account's.
            <input class="wipe-field__account" type="text" name="username" autocomplete="username" value=admin_login.clone() readonly tabindex="-1"/>
        </TypedField>
    }
}

/// 同意する, under the statement it agrees to.
#[component]
fn AgreementField(
    /// What was entered.
    form: RwSignal<WipeForm>,
    /// Messages next to the fields.
    messages: Signal<FieldMessages>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let errors = field_messages(messages, WipeField::Agreed);
    view! {
        <div class="wipe-field wipe-agreement">
            <p class="wipe-agreement__statement" id="wipe-agree-statement">{move || t().agree_statement}</p>
            <Checkbox
                id="wipe-agree"
                checked=Signal::derive(move || form.with(|f| f.agreed))
                on_change=Callback::new(move |on| form.update(|f| f.agreed = on))
                label=Signal::derive(move || t().agree.to_string())
                described_by="wipe-agree-statement wipe-error-agreed".to_string()
                invalid=Signal::derive(move || errors.with(|e| !e.is_empty()))
            />
            <FieldError id="wipe-error-agreed" messages=errors/>
        </div>
    }
}
