//! 紛失時対策: the dialog listing what can be done about the selected devices. The portal offers
//! one measure today, 遠隔初期化; the list grows when it offers more.

use leptos::prelude::*;

use crate::components::Dialog;
use crate::i18n::use_locale;

/// A lost-device measure the console can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// 遠隔初期化.
    Wipe,
}

impl Measure {
    /// Every measure the portal offers.
    pub const ALL: [Measure; 1] = [Measure::Wipe];

    fn key(self) -> &'static str {
        match self {
            Measure::Wipe => "wipe",
        }
    }
}

/// The chooser: one radio button per measure, then 次へ.
#[component]
pub fn MeasuresDialog(
    /// Whether the dialog is open.
    #[prop(into)]
    open: Signal<bool>,
    /// How many devices are selected, for the lead sentence.
    #[prop(into)]
    count: Signal<u64>,
    /// Called when the dialog is dismissed.
    #[prop(into)]
    on_close: Callback<()>,
    /// Called with the chosen measure when 次へ is pressed.
    #[prop(into)]
    on_next: Callback<Measure>,
) -> impl IntoView {
    let locale = use_locale();
    let chosen = RwSignal::new(None::<Measure>);
    // Each opening starts with nothing chosen: the administrator picks deliberately.
    let close = Callback::new(move |_| {
        chosen.set(None);
        on_close.run(());
    });
    let next = move |_| {
        if let Some(measure) = chosen.get_untracked() {
            chosen.set(None);
            on_next.run(measure);
        }
    };
    let (name, description) = (
        move |measure: Measure| match measure {
            Measure::Wipe => locale.t().wipe.title,
        },
        move |measure: Measure| match measure {
            Measure::Wipe => locale.t().devices.measure_wipe_description,
        },
    );

    view! {
        <Dialog
            open=open
            on_close=close
            title=Signal::derive(move || locale.t().devices.measures_button.to_string())
            close_label=Signal::derive(move || locale.t().devices.close.to_string())
            test_id="measures-dialog"
        >
            <div class="dialog__body">
                <p class="dialog__lead">{move || (locale.t().devices.measures_lead)(count.get())}</p>
                <div class="measure-list" role="radiogroup" aria-label=move || locale.t().devices.measures_list_label>
                    {Measure::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(index, measure)| {
                            let id = format!("measure-{}", measure.key());
                            let (label_for, test_id) = (id.clone(), id.clone());
                            view! {
                                <label class="measure" class:measure--chosen=move || chosen.get() == Some(measure) for=label_for>
                                    <input
                                        type="radio"
                                        name="measure"
                                        id=id
                                        data-testid=test_id
                                        data-autofocus=(index == 0).then_some("")
                                        prop:checked=move || chosen.get() == Some(measure)
                                        on:change=move |_| chosen.set(Some(measure))
                                    />
                                    <span class="measure__text">
                                        <span class="measure__name">{move || name(measure)}</span>
                                        <span class="measure__description">{move || description(measure)}</span>
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <div class="dialog__footer">
                <Show when=move || chosen.get().is_none()>
                    <span class="hint" id="measures-next-reason" data-testid="measures-next-reason">
                        {move || locale.t().devices.measures_choose_hint}
                    </span>
                </Show>
                <button type="button" class="button" data-testid="measures-cancel" on:click=move |_| close.run(())>
                    {move || locale.t().devices.cancel}
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="measures-next"
                    disabled=move || chosen.get().is_none()
                    aria-describedby=move || chosen.get().is_none().then_some("measures-next-reason")
                    on:click=next
                >
                    {move || locale.t().devices.next}
                </button>
            </div>
        </Dialog>
    }
}
