//! Browser test: the device table with hostile data (markup, script, bidi controls, very long
//! strings in names, owners and tags) shows every value as exactly that text, with the full
//! value in the tooltip, and nothing from it becomes an element or runs.
#![cfg(target_arch = "wasm32")]

#[path = "support/fleet.rs"]
mod fleet;
#[path = "support/wait.rs"]
mod wait;

use fleet::*;
use leptos::prelude::*;
use mdm_console::device_selection::Selection;
use mdm_console::pages::devices::DeviceTable;
use mdm_model::device::{Device, DeviceSortKey, Os};
use mdm_model::paging::SortOrder;
use mdm_model::time::Zone;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=window.__pwned=1>";
const SVG: &str = "\"><svg onload=window.__pwned=1>";
const RTL: &str = "\u{202E}gpj.exe 山田の端末\u{200F}";

fn long() -> String {
    format!("LONG{}", "W".repeat(316))
}

fn hostile(id: i64, name: &str, owner: &str, tags: &[&str]) -> Device {
    Device {
        name: name.to_string(),
        user_full_name: Some(owner.to_string()),
        notes: Some(IMG.to_string()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..device(id, Os::Ios)
    }
}

fn fixture() -> Vec<Device> {
    let long = long();
    vec![
        hostile(1, SCRIPT, IMG, &[SVG, RTL]),
        hostile(2, IMG, RTL, &[SCRIPT]),
        hostile(3, SVG, SCRIPT, &[IMG]),
        hostile(4, RTL, SVG, &[&long]),
        hostile(5, &long, &long, &[&long, RTL]),
    ]
}

fn pwned() -> bool {
    js_sys::Reflect::has(&window(), &"__pwned".into()).unwrap_or(false)
}

#[wasm_bindgen_test]
async fn hostile_values_are_shown_as_their_exact_text() {
    let rows = fixture();
    let expected = rows.clone();
    let table = mount("ja", move || {
        view! {
            <DeviceTable
                rows=RwSignal::new(rows)
                notice=Signal::stored(None)
                sort=Signal::stored((DeviceSortKey::Name, SortOrder::Asc))
                on_sort=Callback::new(|_| {})
                selection=RwSignal::new(Selection::default())
                zone=Zone::JAPAN
            />
        }
    });
    settle().await;

    for device in &expected {
        let row = format!("[data-testid='device-row-{}']", device.id.0);
        let name = table.query(&format!("{row} .col-name .cell-text")).unwrap();
        assert_eq!(name.text_content().unwrap(), device.name);
        assert_eq!(
            name.get_attribute("title").unwrap(),
            device.name,
            "the full name in the tooltip"
        );
        let owner = table.query(&format!("{row} .col-user .cell-text")).unwrap();
        assert_eq!(
            owner.text_content().as_deref(),
            device.user_full_name.as_deref()
        );
        let tags: Vec<String> = table
            .all(&format!("{row} .tag:not(.tag--more)"))
            .iter()
            .map(|t| t.text_content().unwrap_or_default())
            .collect();
        assert_eq!(
            tags,
            device.tags.iter().take(2).cloned().collect::<Vec<_>>()
        );
        let cell = table.query(&format!("{row} .col-tags")).unwrap();
        assert_eq!(cell.get_attribute("title").unwrap(), device.tags.join(", "));
    }
    // Only the table's own elements: nothing parsed out of the values.
    for selector in ["script", "img", "svg[onload]", "[onerror]", "[onload]"] {
        assert!(
            table.all(selector).is_empty(),
            "{selector} inside the table"
        );
    }
    assert!(!pwned(), "nothing ran");
}
