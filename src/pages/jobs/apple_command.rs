//! The command a job sends. For an iPhone or iPad, Apple's EraseDevice: the keys that matter
//! to an administrator (PreserveDataPlan, ReturnToService with its Wi-Fi profile) in words, and
//! the property list itself for whoever needs to check it; Android, Windows and Mac commands are
//! shown by [`super::platform_command`]. The portal masks secrets before they arrive.

use leptos::prelude::*;
use mdm_model::apple::{EraseDeviceCommand, WifiProfile};
use mdm_model::command::WipeCommand;
use mdm_model::job::JobDetail;

use super::command_key::CommandKey;
use super::platform_command::{AndroidKeys, MacKeys, WindowsKeys};

use crate::i18n::use_locale;

/// The Wi-Fi profile carried as `WiFiProfileData`.
#[component]
fn WifiProfileKeys(
    /// The profile (password already masked).
    profile: WifiProfile,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let yes_no = move |value: bool| if value { "true" } else { "false" };
    let name = profile.display_name.clone();
    view! {
        <div class="job-command__row">
            <dt><code>"WiFiProfileData"</code></dt>
            <dd data-testid="command-wifi">
                <p>{move || (t().command_wifi_profile)(&name)}</p>
                <dl class="job-command__nested">
                    <div><dt><code>"SSID_STR"</code></dt><dd data-testid="command-ssid">{profile.ssid.clone()}</dd></div>
                    <div>
                        <dt><code>"AutoJoin"</code></dt>
                        <dd>{yes_no(profile.auto_join)} " (" {move || t().command_auto_join} ")"</dd>
                    </div>
                    <div>
                        <dt><code>"HIDDEN_NETWORK"</code></dt>
                        <dd>{yes_no(profile.hidden_network)} " (" {move || t().command_hidden} ")"</dd>
                    </div>
                    <div>
                        <dt><code>"EncryptionType"</code></dt>
                        <dd>{profile.encryption_type.clone()} " (" {move || t().command_encryption} ")"</dd>
                    </div>
                    {profile.password.clone().map(|masked| view! {
                        <div>
                            <dt><code>"Password"</code></dt>
                            <dd data-testid="command-password">{masked} " (" {move || t().command_password} ")"</dd>
                        </div>
                    })}
                </dl>
            </dd>
        </div>
    }
}

/// The command's keys.
#[component]
fn CommandKeys(
    /// The command (secrets masked).
    command: EraseDeviceCommand,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let preserve = command.preserve_data_plan;
    let preserve_text = Signal::derive(move || match preserve {
        Some(true) => t().command_preserve_true.to_string(),
        Some(false) => t().command_preserve_false.to_string(),
        None => t().command_not_sent_key.to_string(),
    });
    let rts = command.return_to_service.clone();
    let rts_enabled = rts.as_ref().map(|r| r.enabled);
    let rts_text = Signal::derive(move || match rts_enabled {
        Some(true) => format!("Enabled: true ({})", t().command_rts_enabled),
        Some(false) => "Enabled: false".to_string(),
        None => t().command_not_sent_key.to_string(),
    });
    let uuid = command.command_uuid.clone();
    view! {
        <dl class="job-command__keys">
            <CommandKey key="RequestType" value=Signal::stored("EraseDevice".to_string()) test_id="command-request-type"/>
            <CommandKey key="CommandUUID" value=Signal::stored(uuid) test_id="command-uuid"/>
            <CommandKey key="PreserveDataPlan" value=preserve_text test_id="command-preserve"/>
            <CommandKey key="ReturnToService" value=rts_text test_id="command-rts"/>
            {rts.and_then(|r| r.wifi_profile).map(|profile| view! { <WifiProfileKeys profile=profile/> })}
        </dl>
    }
}

/// The command section of the job detail.
#[component]
pub fn CommandSection(
    /// The job and its command (none for IVI MDM jobs).
    #[prop(into)]
    detail: Signal<JobDetail>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().jobs;
    let p = move || locale.t().platform;
    let command = Memo::new(move |_| detail.with(|d| d.command.clone()));
    let text = Memo::new(move |_| detail.with(|d| d.command_text.clone()));
    let title = move || match command.get() {
        Some(WipeCommand::Android(_)) => p().command_android_title,
        Some(WipeCommand::Windows(_)) => p().command_windows_title,
        Some(WipeCommand::Mac(_)) => p().command_mac_title,
        Some(WipeCommand::Measure(c)) => c.name().label(locale.lang()),
        Some(WipeCommand::Apple(_)) | None => t().section_command,
    };
    let raw_label = move || match command.get() {
        Some(WipeCommand::Apple(_)) => t().command_plist,
        _ => p().command_raw,
    };
    view! {
        <section class="job-section" aria-labelledby="job-command-title" data-testid="job-command">
            <h3 class="job-section__title" id="job-command-title">{title}</h3>
            {move || match command.get() {
                Some(command) => {
                    let (intro, keys) = match command {
                        WipeCommand::Apple(c) => (t().command_intro, view! { <CommandKeys command=c/> }.into_any()),
                        WipeCommand::Mac(c) => (p().command_mac_intro, view! { <MacKeys command=c/> }.into_any()),
                        WipeCommand::Android(r) => (p().command_android_intro, view! { <AndroidKeys request=r/> }.into_any()),
                        WipeCommand::Windows(e) => (p().command_windows_intro, view! { <WindowsKeys exec=e/> }.into_any()),
                        // The wire text below is the whole command: no key table to add.
                        WipeCommand::Measure(_) => (p().command_measure_intro, ().into_any()),
                    };
                    view! {
                        <p class="job-section__lead">{intro}</p>
                        {keys}
                        {text.get().map(|raw| view! {
                            <details class="job-command__plist">
                                <summary>{raw_label}</summary>
                                <pre data-testid="command-plist"><code>{raw}</code></pre>
                            </details>
                        })}
                    }
                    .into_any()
                }
                None => view! { <p class="job-section__lead" data-testid="command-ivi">{move || t().command_ivi}</p> }
                    .into_any(),
            }}
        </section>
    }
}
