//! The device table with its selection bar, mounted alone with the page, selection and sort in
//! signals a test drives.

// Each test file reads the fields it needs.
#![allow(dead_code)]

use leptos::prelude::*;
use mdm_console::device_selection::Selection;
use mdm_console::pages::devices::{DeviceTable, SelectionBar};
use mdm_model::device::{Device, DeviceFilter, DeviceSortKey, Os};
use mdm_model::paging::SortOrder;
use mdm_model::time::Zone;

use super::fleet::{mount, Mounted};

/// The list part of the screen, with the page, selection and sort in signals the test drives.
pub struct List {
    pub view: Mounted,
    pub rows: RwSignal<Vec<Device>>,
    pub selection: RwSignal<Selection>,
    pub sorted_by: RwSignal<Vec<DeviceSortKey>>,
    pub measures: RwSignal<u32>,
}

pub fn list(total: u64, first_page: Vec<Device>) -> List {
    let rows = RwSignal::new(first_page);
    let selection = RwSignal::new(Selection::default());
    let sorted_by = RwSignal::new(Vec::new());
    let measures = RwSignal::new(0);
    let view = mount("ja", move || {
        let page_ids =
            Signal::derive(move || rows.with(|r| r.iter().map(|d| d.id).collect::<Vec<_>>()));
        view! {
            <SelectionBar
                selection=selection
                page_ids=page_ids
                total=Signal::stored(total)
                filter=Signal::stored(DeviceFilter { os: Some(Os::Ios), ..Default::default() })
                dropped=Signal::stored(false)
                on_measures=Callback::new(move |_| measures.update(|n| *n += 1))
            />
            <DeviceTable
                rows=rows
                notice=Signal::stored(None)
                sort=Signal::stored((DeviceSortKey::Name, SortOrder::Asc))
                on_sort=Callback::new(move |key| sorted_by.update(|keys| keys.push(key)))
                selection=selection
                zone=Zone::JAPAN
            />
        }
    });
    List {
        view,
        rows,
        selection,
        sorted_by,
        measures,
    }
}
