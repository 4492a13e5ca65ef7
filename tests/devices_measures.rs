//! Browser tests of 端末管理's 紛失時対策 button and dialog: the button waits for a selection and
//! says why, and the dialog is modal, keyboard friendly and leads to the wipe.
#![cfg(target_arch = "wasm32")]

#[path = "support/device_list.rs"]
mod device_list;
#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;

use device_list::list;
use fleet::*;
use leptos::prelude::*;
use mdm_console::pages::devices::MeasuresDialog;
use mdm_model::device::Os;
use mdm_model::measure::{measure_counts, Measure, MeasureCounts};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_measures_button_waits_for_a_selection_and_says_why() {
    let list = list(10, devices(1..=10, Os::Android));
    let t = &list.view;
    assert!(t.disabled("measures-button"));
    assert_eq!(t.text("measures-button"), "紛失時対策");
    assert_eq!(t.text("measures-reason"), "端末を選択すると実行できます。");
    assert_eq!(
        t.attr("measures-button", "aria-describedby").as_deref(),
        Some("measures-reason")
    );
    t.click("select-device-7").await;
    assert!(!t.disabled("measures-button"));
    assert!(!t.exists("measures-reason"));
    t.click("measures-button").await;
    assert_eq!(list.measures.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_measures_dialog_is_modal_keyboard_friendly_and_leads_to_the_wipe() {
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<Measure>::new());
    let fleet = devices(1..=3, Os::Ios);
    let counts = MeasureCounts {
        device_count: 3,
        measures: measure_counts(fleet.iter()),
    };
    let view = mount("ja", move || {
        view! {
            <button data-testid="opener" on:click=move |_| open.set(true)>"open"</button>
            <MeasuresDialog
                open=open
                count=Signal::stored(3)
                counts=Signal::stored(Some(Ok(counts)))
                on_retry=Callback::new(|_| ())
                on_close=Callback::new(move |_| open.set(false))
                on_next=Callback::new(move |m| { chosen.update(|all| all.push(m)); open.set(false); })
            />
        }
    });
    view.find("opener").focus().unwrap();
    view.click("opener").await;
    let dialog = view.find("measures-dialog");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        document()
            .get_element_by_id(&title_id)
            .unwrap()
            .text_content()
            .unwrap(),
        "紛失時対策"
    );
    assert!(view.text("measures-dialog").contains("選択した3台の端末"));
    assert_eq!(
        view.focused().as_deref(),
        Some("measure-lock"),
        "focus starts on the first measure"
    );
    assert!(dialog.text_content().unwrap().contains("遠隔初期化"));

    // 次へ waits for a choice.
    assert!(view.disabled("measures-next"));
    assert_eq!(view.text("measures-next"), "次へ");
    // Tab from the last control wraps to the first: focus stays in the dialog.
    view.find("measures-cancel").focus().unwrap();
    press(&view.find("measures-cancel"), "Tab", false).await;
    assert_eq!(view.focused().as_deref(), Some("dialog-close"));
    press(&view.find("dialog-close"), "Tab", true).await;
    assert_eq!(view.focused().as_deref(), Some("measures-cancel"));

    // Esc closes and gives focus back to the opener.
    view.key("measures-dialog", "Escape").await;
    assert!(!view.exists("measures-dialog"));
    assert_eq!(view.focused().as_deref(), Some("opener"));

    view.click("opener").await;
    view.click("measure-wipe").await;
    assert!(!view.disabled("measures-next"));
    view.click("measures-next").await;
    assert_eq!(chosen.get_untracked(), [Measure::Wipe]);
}
