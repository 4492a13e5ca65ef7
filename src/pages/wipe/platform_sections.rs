//! The platform sections of 遠隔初期化設定: Android, Windows and Mac options, each shown only
//! when the selection holds devices of that platform, with the lost-device defaults.

use leptos::prelude::*;
use mdm_model::apple::macos::ObliterationBehavior;
use mdm_model::command::android::{AndroidWipeFlag, MAX_WIPE_REASON_CHARS};
use mdm_model::command::windows::WindowsWipeKind;
use mdm_model::command::{CommandField, CommandProblem};

use super::field_help::WipeFieldHelp;
use super::form::{PlatformsPresent, WipeForm};
use super::typed_field::{Typed, TypedField};
use crate::components::field::{Checkbox, FieldError};
use crate::i18n::use_locale;
use crate::pages::help::HelpTopic;

/// The element to focus for a problem of a platform section.
pub fn platform_target(problem: CommandProblem) -> &'static str {
    match problem.field() {
        CommandField::WipeReasonMessage => "wipe-android-reason",
        CommandField::Pin => "wipe-mac-pin",
        CommandField::WindowsWipeKind => "wipe-windows-kind",
        CommandField::MacErase => "wipe-mac-obliteration",
        CommandField::WipeDataFlags => "wipe-android-frp",
        // Measure commands never reach the wipe screen.
        CommandField::Measure | CommandField::Message => "wipe-android-frp",
    }
}

/// The messages of the problems that belong next to `field`.
fn messages_for(problems: Signal<Vec<CommandProblem>>, field: CommandField) -> Signal<Vec<String>> {
    let locale = use_locale();
    Signal::derive(move || {
        problems.with(|all| {
            all.iter()
                .filter(|p| p.field() == field)
                .map(|p| p.label(locale.lang()).to_string())
                .collect()
        })
    })
}

/// The frame of one platform's section: its title with the device count, what it is for with
/// a help link, then its fields.
#[component]
fn PlatformFieldset(
    /// `data-testid` (and, given, the `id` a problem focuses).
    test_id: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] lead: Signal<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <fieldset class="wipe-platform" data-testid=test_id id=id tabindex=id.map(|_| "-1")>
            <legend class="wipe-platform__title">{title}</legend>
            <p class="hint">
                {lead} " "
                <WipeFieldHelp topic=HelpTopic::Platforms label=|t| t.platform.help/>
            </p>
            {children()}
        </fieldset>
    }
}

/// The sections of the platforms in the selection.
#[component]
pub fn PlatformSections(
    form: RwSignal<WipeForm>,
    /// The platforms of the devices that get a job, from the preview.
    #[prop(into)]
    present: Signal<PlatformsPresent>,
    /// Problems to show next to their field (after an attempt, or the portal's refusal).
    #[prop(into)]
    problems: Signal<Vec<CommandProblem>>,
) -> impl IntoView {
    view! {
        <Show when=move || present.with(|p| p.android > 0)>
            <AndroidSection form=form present=present problems=problems/>
        </Show>
        <Show when=move || present.with(|p| p.windows > 0)>
            <WindowsSection form=form present=present/>
        </Show>
        <Show when=move || present.with(|p| p.macs > 0)>
            <MacSection form=form present=present problems=problems/>
        </Show>
    }
}

/// One Android wipe flag the administrator chooses, with what it does.
#[component]
fn AndroidFlag(form: RwSignal<WipeForm>, id: &'static str, flag: AndroidWipeFlag) -> impl IntoView {
    let locale = use_locale();
    let keep_frp = flag == AndroidWipeFlag::PreserveResetProtectionData;
    let checked = Signal::derive(move || {
        form.with(|f| {
            if keep_frp {
                f.platform.android_keep_frp
            } else {
                f.platform.android_wipe_external
            }
        })
    });
    let on_change = Callback::new(move |on| {
        form.update(|f| {
            if keep_frp {
                f.platform.android_keep_frp = on
            } else {
                f.platform.android_wipe_external = on
            }
        })
    });
    let hint = format!("{id}-hint");
    view! {
        <div class="wipe-field">
            <Checkbox id=id checked=checked on_change=on_change
                label=Signal::derive(move || flag.label(locale.lang()).to_string())
                described_by=hint.clone()/>
            <p class="hint wipe-field__hint" id=hint>{move || flag.description(locale.lang())}</p>
        </div>
    }
}

/// Android: factory reset protection, external storage, WIPE_ESIMS from the eSIM switch, and
/// the reason shown on a personally owned device.
#[component]
fn AndroidSection(
    form: RwSignal<WipeForm>,
    present: Signal<PlatformsPresent>,
    problems: Signal<Vec<CommandProblem>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().platform;
    let reason_errors = messages_for(problems, CommandField::WipeReasonMessage);
    view! {
        <PlatformFieldset
            test_id="wipe-section-android"
            title=Signal::derive(move || (t().android_title)(present.with(|p| p.android)))
            lead=Signal::derive(move || t().android_lead)
        >
            <AndroidFlag form=form id="wipe-android-frp" flag=AndroidWipeFlag::PreserveResetProtectionData/>
            <AndroidFlag form=form id="wipe-android-external" flag=AndroidWipeFlag::WipeExternalStorage/>
            <p class="hint" data-testid="wipe-android-esim">
                {move || (t().android_esim)(form.with(|f| f.keep_esim_data_plan))}
            </p>
            <div class="field wipe-field">
                <label class="field__label" for="wipe-android-reason">{move || t().android_reason}</label>
                <textarea
                    id="wipe-android-reason"
                    class="field__input wipe-platform__reason"
                    rows="2"
                    data-testid="wipe-android-reason"
                    aria-invalid=move || reason_errors.with(|e| !e.is_empty()).to_string()
                    aria-describedby="wipe-android-reason-hint wipe-android-reason-count wipe-error-wipe_reason_message"
                    prop:value=move || form.with(|f| f.platform.android_reason.clone())
                    on:input=move |ev| form.update(|f| f.platform.android_reason = event_target_value(&ev))
                ></textarea>
                <p class="hint" id="wipe-android-reason-hint">{move || t().android_reason_hint}</p>
                <p class="hint" id="wipe-android-reason-count" data-testid="wipe-android-reason-count">
                    {move || (t().reason_count)(form.with(|f| f.platform.reason_length()), MAX_WIPE_REASON_CHARS)}
                </p>
                <FieldError id="wipe-error-wipe_reason_message" messages=reason_errors/>
            </div>
        </PlatformFieldset>
    }
}

/// Windows: the RemoteWipe node, doWipeProtected first chosen.
#[component]
fn WindowsSection(form: RwSignal<WipeForm>, present: Signal<PlatformsPresent>) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().platform;
    let choice = move |kind: WindowsWipeKind| {
        let id = format!("wipe-windows-{}", kind.as_str());
        let hint = format!("{id}-hint");
        view! {
            <div class="wipe-field wipe-platform__choice">
                <input type="radio" name="wipe-windows-kind" id=id.clone() value=kind.as_str()
                    data-testid=id.clone()
                    aria-describedby=hint.clone()
                    prop:checked=move || form.with(|f| f.platform.windows_kind == kind)
                    on:change=move |_| form.update(|f| f.platform.windows_kind = kind)/>
                <label for=id>{move || kind.label(locale.lang())}</label>
                <p class="hint wipe-field__hint" id=hint>{move || kind.description(locale.lang())}</p>
            </div>
        }
    };
    view! {
        <PlatformFieldset
            test_id="wipe-section-windows"
            id="wipe-windows-kind"
            title=Signal::derive(move || (t().windows_title)(present.with(|p| p.windows)))
            lead=Signal::derive(move || t().windows_lead)
        >
            <p class="field__label">{move || t().windows_kind}</p>
            {WindowsWipeKind::ALL.iter().map(|&kind| choice(kind)).collect_view()}
            <p class="hint">{move || t().windows_esim}</p>
        </PlatformFieldset>
    }
}

/// Mac: the obliteration behaviour, and the Find My PIN when a Mac in the selection takes one.
#[component]
fn MacSection(
    form: RwSignal<WipeForm>,
    present: Signal<PlatformsPresent>,
    problems: Signal<Vec<CommandProblem>>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().platform;
    let pin_errors = messages_for(problems, CommandField::Pin);
    view! {
        <PlatformFieldset
            test_id="wipe-section-mac"
            title=Signal::derive(move || (t().mac_title)(present.with(|p| p.macs)))
            lead=Signal::derive(move || t().mac_lead)
        >
            <div class="field wipe-field">
                <label class="field__label" for="wipe-mac-obliteration">{move || t().mac_obliteration}</label>
                <select
                    id="wipe-mac-obliteration"
                    class="field__input"
                    data-testid="wipe-mac-obliteration"
                    aria-describedby="wipe-mac-obliteration-hint"
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse::<ObliterationBehavior>() {
                            form.update(|f| f.platform.mac_obliteration = value);
                        }
                    }
                >
                    {ObliterationBehavior::ALL.iter().map(|&value| view! {
                        <option value=value.as_str() selected=move || form.with(|f| f.platform.mac_obliteration == value)>
                            {move || value.label(locale.lang())}
                        </option>
                    }).collect_view()}
                </select>
                <p class="hint" id="wipe-mac-obliteration-hint">{move || t().mac_obliteration_hint}</p>
            </div>
            <Show
                when=move || present.with(|p| p.macs_taking_pin > 0)
                fallback=move || view! { <p class="hint" data-testid="wipe-mac-no-pin">{move || t().mac_no_pin}</p> }
            >
                <TypedField
                    kind=Typed::Pin
                    form=form
                    label=Signal::derive(move || t().mac_pin.to_string())
                    hint=Signal::derive(move || (t().mac_pin_hint)(present.with(|p| p.macs_taking_pin)))
                    errors=pin_errors
                />
            </Show>
            <p class="hint">{move || t().mac_esim}</p>
        </PlatformFieldset>
    }
}
