//! 遠隔初期化後の設定: the Wi-Fi setting for automatic re-enrollment and keeping the eSIM data
//! plan. Both optional.

use leptos::prelude::*;
use mdm_model::ids::WifiSettingId;
use mdm_model::wifi::{offered_for_reenrollment, WifiSetting};
use mdm_model::wipe::WipeField;

use super::field_help::WipeFieldHelp;
use super::form::{FieldMessages, WipeForm};
use super::settings_tab::field_messages;
use crate::components::field::{Checkbox, FieldError};
use crate::i18n::{isolated, use_locale};
use crate::pages::help::HelpTopic;

/// The second tab of the wipe screen.
#[component]
pub fn AfterWipeTab(
    /// What was entered.
    form: RwSignal<WipeForm>,
    /// All of the tenant's Wi-Fi settings; the dropdown offers those the model allows.
    wifi_settings: Vec<WifiSetting>,
    /// Messages to show next to the fields.
    #[prop(into)]
    messages: Signal<FieldMessages>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().wipe;
    let offered: Vec<WifiSetting> = offered_for_reenrollment(&wifi_settings)
        .into_iter()
        .cloned()
        .collect();
    let not_offered = wifi_settings.len() - offered.len();
    let none_offered = offered.is_empty();
    let blocked = Signal::derive(move || form.with(WipeForm::wifi_blocked));
    let wifi_errors = field_messages(messages, WipeField::WifiSettingId);
    let described_by = move || {
        let mut ids = vec!["wipe-wifi-hint", "wipe-error-wifi_setting_id"];
        if blocked.get() {
            ids.insert(0, "wipe-wifi-blocked");
        }
        ids.join(" ")
    };

    view! {
        <div class="wipe-fields">
            <p class="hint">
                {move || t().after_lead}
                " "
                <WipeFieldHelp topic=HelpTopic::Reenrollment label=|t| t.wipe.help_reenrollment/>
            </p>
            <div class="field wipe-field">
                <div class="wipe-field__row">
                    <label class="field__label" for="wipe-wifi">{move || t().wifi}</label>
                    <WipeFieldHelp topic=HelpTopic::Wifi label=|t| t.wipe.help_wifi/>
                </div>
                <Show when=move || blocked.get()>
                    <p class="notice" id="wipe-wifi-blocked" data-testid="wipe-wifi-blocked">{move || t().wifi_blocked}</p>
                </Show>
                <select
                    id="wipe-wifi"
                    class="field__input wipe-field__select"
                    data-testid="wipe-wifi"
                    disabled=move || blocked.get()
                    aria-invalid=move || wifi_errors.with(|e| !e.is_empty()).to_string()
                    aria-describedby=described_by
                    prop:value=move || form.with(|f| f.wifi_setting_id.map(|id| id.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse::<WifiSettingId>().ok();
                        form.update(|f| f.wifi_setting_id = chosen);
                    }
                >
                    <option value="">{move || t().wifi_none}</option>
                    {offered
                        .into_iter()
                        .map(|setting| {
                            let WifiSetting { id, name, ssid, security, .. } = setting;
                            view! {
                                <option value=id.to_string()>
                                    {move || (t().wifi_option)(&isolated(&name), &isolated(&ssid), security.label(locale.lang()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <div class="hint" id="wipe-wifi-hint">
                    <p>{move || t().wifi_hint}</p>
                    <p data-testid="wipe-wifi-offered">
                        {move || if none_offered { t().wifi_none_available.to_string() } else { (t().wifi_offered)(not_offered) }}
                    </p>
                </div>
                <FieldError id="wipe-error-wifi_setting_id" messages=wifi_errors/>
            </div>

            <div class="wipe-field">
                <Checkbox
                    id="wipe-esim"
                    checked=Signal::derive(move || form.with(|f| f.keep_esim_data_plan))
                    on_change=Callback::new(move |on| form.update(|f| f.keep_esim_data_plan = on))
                    label=Signal::derive(move || t().esim.to_string())
                    described_by="wipe-esim-hint".to_string()
                />
                <p class="hint wipe-field__hint" id="wipe-esim-hint">{move || t().esim_hint}</p>
            </div>
        </div>
    }
}
