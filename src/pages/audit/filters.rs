//! The audit log's filter bar: administrator, action, device and period. Choosing in a select
//! or a date applies at once; the device id applies with the button or Enter.

use leptos::prelude::*;
use mdm_model::audit::{AuditAction, AuditQuery};
use mdm_model::job::AdministratorRef;
use mdm_model::time::Zone;

use super::form::{FilterForm, FormProblem};
use super::url::is_filtered;
use crate::i18n::use_locale;

/// The filter form; `on_apply` gets the filters chosen (page 1).
#[component]
pub fn AuditFilters(
    /// The filters shown (from the address).
    #[prop(into)]
    query: Signal<AuditQuery>,
    /// The administrator's time zone: the dates are its days.
    #[prop(into)]
    zone: Signal<Zone>,
    /// The administrators the actor select offers.
    #[prop(into)]
    actors: Signal<Vec<AdministratorRef>>,
    /// Called with the filters to show.
    on_apply: Callback<AuditQuery>,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().audit;
    let shown = move || FilterForm::of(&query.get(), zone.get());
    let form = RwSignal::new(untrack(shown));
    let problem = RwSignal::new(None::<FormProblem>);
    // The address is the truth: back and forward put the fields in step with it.
    Effect::watch(
        shown,
        move |fields, _, _| {
            form.set(fields.clone());
            problem.set(None);
        },
        false,
    );
    let apply = move || match form.get_untracked().to_query(zone.get_untracked()) {
        Ok(next) => {
            problem.set(None);
            on_apply.run(next);
        }
        Err(why) => problem.set(Some(why)),
    };
    let field = move |pick: fn(&mut FilterForm) -> &mut String, applies: bool| {
        move |ev: web_sys::Event| {
            form.update(|f| *pick(f) = event_target_value(&ev));
            if applies {
                apply();
            }
        }
    };
    let message = move || match problem.get()? {
        FormProblem::InvertedRange => Some(t().inverted_range),
        FormProblem::DeviceNotANumber => Some(t().device_not_a_number),
    };

    view! {
        <form
            class="job-filters audit-filters"
            role="search"
            aria-label=move || t().filters_label
            data-testid="audit-filters"
            on:submit=move |ev| {
                ev.prevent_default();
                apply();
            }
        >
            <div class="job-filters__row">
                <label class="field">
                    <span class="field__label">{move || t().actor_label}</span>
                    <select class="field__input" data-testid="audit-filter-actor" prop:value=move || form.with(|f| f.actor.clone()) on:change=field(|f| &mut f.actor, true)>
                        <option value="">{move || t().actor_all}</option>
                        <option value="system" selected=move || form.with(|f| f.actor == "system")>{move || t().system}</option>
                        <For each=move || actors.get() key=|a| a.id let(admin)>
                            <option value=admin.id.to_string() selected=move || form.with(|f| f.actor == admin.id.to_string())>
                                {admin.display_name.clone()}
                            </option>
                        </For>
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().action_label}</span>
                    <select class="field__input" data-testid="audit-filter-action" prop:value=move || form.with(|f| f.action.clone()) on:change=field(|f| &mut f.action, true)>
                        <option value="">{move || t().action_all}</option>
                        {AuditAction::ALL.iter().map(|a| {
                            let a = *a;
                            view! {
                                <option value=a.as_str() selected=move || form.with(|f| f.action == a.as_str())>
                                    {move || a.label(locale.lang())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().device_label}</span>
                    <input type="text" inputmode="numeric" class="field__input" data-testid="audit-filter-device" autocomplete="off"
                        placeholder=move || t().device_placeholder
                        aria-invalid=move || (problem.get() == Some(FormProblem::DeviceNotANumber)).to_string()
                        prop:value=move || form.with(|f| f.device.clone())
                        on:input=field(|f| &mut f.device, false)/>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().from_label}</span>
                    <input type="date" class="field__input" data-testid="audit-filter-from" prop:value=move || form.with(|f| f.from.clone()) on:change=field(|f| &mut f.from, true)/>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().to_label}</span>
                    <input type="date" class="field__input" data-testid="audit-filter-to" prop:value=move || form.with(|f| f.to.clone()) on:change=field(|f| &mut f.to, true)/>
                </label>
                <div class="job-filters__buttons">
                    <button type="submit" class="button button--primary" data-testid="audit-filter-submit">{move || t().apply}</button>
                    <Show when=move || query.with(is_filtered)>
                        <button type="button" class="button button--quiet" data-testid="audit-filter-clear"
                            on:click=move |_| on_apply.run(AuditQuery::default())>
                            {move || t().clear}
                        </button>
                    </Show>
                </div>
            </div>
            {move || message().map(|text| view! { <p class="field__error" role="alert" data-testid="audit-filter-error">{text}</p> })}
        </form>
    }
}
