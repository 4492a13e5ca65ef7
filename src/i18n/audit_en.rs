//! Audit log, in English.

use super::AuditText;

pub const EN: AuditText = AuditText {
    title: "Audit log",
    lead: "Who did what, when, to which devices and jobs. What the portal did by itself is recorded too.",
    times_in_zone: |zone| format!("Times are in your time zone ({zone})."),

    filters_label: "Filter the audit log",
    actor_label: "Administrator",
    actor_all: "All administrators",
    system: "System",
    action_label: "Action",
    action_all: "All actions",
    device_label: "Device ID",
    device_placeholder: "e.g. 12",
    from_label: "From",
    to_label: "To",
    apply: "Apply",
    clear: "Clear filters",
    inverted_range: "The end date must not be before the start date.",
    device_not_a_number: "Enter the device ID as a number.",

    table_label: "Audit log entries",
    col_at: "Time",
    col_actor: "Administrator",
    col_action: "Action",
    col_subject: "Subject",
    col_details: "Details",

    loading: "Loading the audit log…",
    empty_title: "Nothing recorded yet",
    empty_hint: "Sign-ins, wipe registrations and other actions are recorded here.",
    no_match_hint: "No entries match. Try other filters.",

    csv_file_prefix: "audit-log",

};
