//! 端末管理, in English.

use mdm_model::count::format_count;

use super::DevicesText;

pub const EN: DevicesText = DevicesText {
    lead: "Pick a group, find the lost device, select it and take a measure.",

    groups_heading: "Groups",
    all_devices: "All devices",
    device_count: format_count,
    group_item_label: |name, count| {
        if count == 1 {
            format!("{name} 1 device")
        } else {
            format!("{name} {} devices", format_count(count))
        }
    },
    groups_loading: "Loading groups…",
    groups_error: "The groups could not be loaded.",

    filters_label: "Filter devices",
    search_label: "Keywords",
    search_placeholder: "Name, serial number, phone, user or employee number",
    search_submit: "Search",
    filter_any: "All",
    clear_filters: "Clear filters",

    table_label: "Devices",
    csv_file_prefix: "devices",
    status_column: "Status / last seen",
    select_page: "Select every device on this page",
    select_device: |name| format!("Select {name}"),
    no_value: "—",
    last_seen: |at| format!("Last seen {at}"),
    more_tags: |count| format!("+{count} more"),
    loading: "Loading devices…",
    empty_title: "No devices",
    empty_hint: "No devices are registered in this group.",
    empty_filtered_hint: "No device matches. Try other keywords or filters.",
    retry: "Reload",

    selected_count: |count| {
        if count == 1 {
            "1 device selected".to_string()
        } else {
            format!("{} devices selected", format_count(count))
        }
    },
    nothing_selected: "No devices selected",
    clear_selection: "Clear selection",
    page_selected: |count| format!("All {count} devices on this page are selected."),
    select_all_matching: |total| format!("Select all {} devices matching", format_count(total)),
    all_matching_selected: |total| {
        format!("All {} devices matching are selected.", format_count(total))
    },
    matching_selection_dropped:
        "The filters changed, so the selection of every matching device was cleared.",

    measures_button: "Lost-device measures",
    measures_disabled_reason: "Select devices to use this.",
    measures_lead: |count| {
        if count == 1 {
            "Choose the measure to take on the selected device.".to_string()
        } else {
            format!(
                "Choose the measure to take on the {} selected devices.",
                format_count(count)
            )
        }
    },
    measures_list_label: "Lost-device measures",
    measures_choose_hint: "Choose a measure to continue.",
    next: "Next",
    cancel: "Cancel",
    close: "Close",
};
