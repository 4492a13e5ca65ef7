//! The command of an Android, Windows or Mac job in the job detail: its keys in words, and
//! the request, SyncML or property list exactly as it goes out (secrets masked by the portal).

use leptos::prelude::*;
use mdm_model::apple::macos::MacEraseDeviceCommand;
use mdm_model::command::android::{AndroidDeleteRequest, AndroidWipeFlag};
use mdm_model::command::windows::RemoteWipeExec;

use super::command_key::CommandKey;
use crate::i18n::use_locale;

/// The keys of an Android device deletion: the method and path, each flag with its meaning,
/// and the reason message.
#[component]
pub fn AndroidKeys(request: AndroidDeleteRequest) -> impl IntoView {
    let locale = use_locale();
    let target = format!("{} {}", request.method, request.path);
    let rows = request
        .query
        .iter()
        .map(|(name, value)| {
            let meaning = value
                .parse::<AndroidWipeFlag>()
                .ok()
                .filter(|_| name == "wipeDataFlags");
            let value = value.clone();
            let shown = move || match meaning {
                Some(flag) => format!("{value} ({})", flag.label(locale.lang())),
                None => value.clone(),
            };
            view! {
                <div class="job-command__row">
                    <dt><code>{name.clone()}</code></dt>
                    <dd data-testid="command-query">{shown}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <dl class="job-command__keys">
            <CommandKey key="HTTP" value=Signal::stored(target) test_id="command-http"/>
            {rows}
        </dl>
    }
}

/// The keys of a Windows `Exec`.
#[component]
pub fn WindowsKeys(exec: RemoteWipeExec) -> impl IntoView {
    let locale = use_locale();
    let kind = exec.kind;
    view! {
        <dl class="job-command__keys">
            <CommandKey key="CmdID" value=Signal::stored(exec.cmd_id.to_string()) test_id="command-cmd-id"/>
            <CommandKey key="LocURI" value=Signal::stored(kind.loc_uri()) test_id="command-loc-uri"/>
            <div class="job-command__row">
                <dt>{move || locale.t().platform.windows_kind}</dt>
                <dd data-testid="command-windows-kind">{move || kind.label(locale.lang())}</dd>
            </div>
        </dl>
    }
}

/// The keys of a Mac's EraseDevice.
#[component]
pub fn MacKeys(command: MacEraseDeviceCommand) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().platform;
    let behavior = command.obliteration_behavior;
    let has_pin = command.pin.is_some();
    view! {
        <dl class="job-command__keys">
            <CommandKey key="RequestType" value=Signal::stored("EraseDevice".to_string()) test_id="command-request-type"/>
            <CommandKey key="CommandUUID" value=Signal::stored(command.command_uuid.clone()) test_id="command-uuid"/>
            <div class="job-command__row">
                <dt><code>"ObliterationBehavior"</code></dt>
                <dd data-testid="command-obliteration">{move || match behavior {
                    Some(value) => format!("{} ({})", value.as_str(), value.label(locale.lang())),
                    None => t().command_not_sent_key.to_string(),
                }}</dd>
            </div>
            <div class="job-command__row">
                <dt><code>"PIN"</code></dt>
                <dd data-testid="command-pin">{move || if has_pin { t().command_pin_masked } else { t().command_not_sent_key }}</dd>
            </div>
        </dl>
    }
}
