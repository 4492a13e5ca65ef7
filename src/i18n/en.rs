//! English, the second language.

use super::Catalog;

fn document_title(page: &str) -> String {
    format!("{page} | MDM Admin Console")
}

fn error_with_reference(message: &str, id: &str) -> String {
    format!("{message} (Reference: {id})")
}

fn error_http(status: u16) -> String {
    format!("The portal gave an unexpected answer (HTTP {status}). Please try again later.")
}

fn job_detail_title(id: &str) -> String {
    format!("Job #{id}")
}

pub const EN: Catalog = Catalog {
    app_name: "MDM Admin Console",
    document_title,

    nav_label: "Main menu",
    nav_devices: "Devices",
    nav_jobs: "Jobs",
    nav_help: "Help",

    header_tenant_label: "Tenant",
    header_admin_label: "Signed in as",
    lang_switch_label: "Language",
    time_zone_label: "Time zone",
    time_zone_hint: "An IANA time zone name (e.g. Asia/Tokyo, America/New_York). Times are shown and entered in it.",
    time_zone_saved: |zone| format!("Time zone set to {zone}."),
    lang_ja: "日本語",
    lang_en: "English",
    lang_ja_code: "JA",
    lang_en_code: "EN",
    nav_open: "Open the menu",
    sign_out: "Sign out",
    signing_out: "Signing out…",
    signed_out: "You have signed out.",

    login_title: "Sign in",
    login_lead: "Enter the user name and password of your administrator account.",
    login_username: "User name",
    login_password: "Password",
    login_submit: "Sign in",
    login_submitting: "Signing in…",
    login_username_required: "Enter your user name.",
    login_password_required: "Enter your password.",

    session_checking: "Checking your session…",
    session_error_title: "The console could not start",
    session_retry: "Try again",
    host_sign_in_title: "Waiting for the portal's sign-in",
    host_sign_in_body: "Sign in to the portal on this page and the admin console appears here.",

    error_network: "Could not connect to the portal. Check your network connection and try again.",
    error_http,
    error_with_reference,
    error_decode: "Could not read the portal's answer. Please try again later.",

    devices_title: "Devices",
    jobs_title: "Jobs",
    job_detail_title,
    help_title: "Help",
    coming_title: "This screen is coming soon",
    coming_body: "It will be available in an upcoming release.",

    not_found_title: "Page not found",
    not_found_body: "The page you asked for does not exist or has moved.",
    not_found_back: "Back to Devices",

    toast_dismiss: "Dismiss",

    devices: &super::devices::EN,
    wipe: &super::wipe::EN,
    platform: &super::platform::EN,
    measures: &super::measures::EN,

    help: &super::help::HELP_EN,

    jobs: &super::jobs::EN,
    audit: &super::audit::EN,
    table: &super::table::EN,
};
