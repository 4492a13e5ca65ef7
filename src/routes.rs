//! Paths of the console's screens, for links and redirects. The route table itself is in
//! `App`; these are the same paths, named once.
//!
//! The paths here are the console's own (`/jobs/42`). A host may mount the console under a base
//! path (`/portal/mdm`): the router adds it when navigating and matching, and [`href`] adds it to
//! every link the console renders; [`within`] takes it off an address from the location.

use std::cell::RefCell;

thread_local! {
    // One console per page: the base is set once by `App`, before anything renders.
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Sets the base path (`""` or `/portal/mdm`, no trailing slash) of every link from now on.
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.trim_end_matches('/').to_string());
}

/// The base path the console lives under (`""` at the site root).
pub fn base() -> String {
    BASE.with(|b| b.borrow().clone())
}

/// The address a link to the console path `path` must carry: the base, then the path.
pub fn href(path: &str) -> String {
    BASE.with(|b| join(&b.borrow(), path))
}

/// The console path of a location path (`/portal/mdm/jobs/42` → `/jobs/42`).
pub fn within(pathname: &str) -> String {
    BASE.with(|b| strip(&b.borrow(), pathname))
}

fn join(base: &str, path: &str) -> String {
    if base.is_empty() {
        path.to_string()
    } else if path == "/" || path.is_empty() {
        base.to_string()
    } else {
        format!("{base}{path}")
    }
}

fn strip(base: &str, pathname: &str) -> String {
    match pathname.strip_prefix(base) {
        Some(rest) if base.is_empty() => rest.to_string(),
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with(['/', '?', '#']) => rest.to_string(),
        _ => pathname.to_string(),
    }
}

pub const LOGIN: &str = "/login";
pub const DEVICES: &str = "/devices";
/// The wipe screen for the devices selected on 端末管理.
pub const WIPE: &str = "/devices/wipe";
pub const JOBS: &str = "/jobs";
pub const HELP: &str = "/help";

/// Query parameter carrying the page to return to after signing in.
pub const NEXT_PARAM: &str = "next";

/// The sign-in page, remembering `next` (path and query) to come back to.
pub fn login_returning_to(next: &str) -> String {
    // Already on sign-in (a sign-out racing the redirect): nothing to come back to.
    if next.is_empty() || next == "/" || next == DEVICES || next.starts_with(LOGIN) {
        return LOGIN.to_string();
    }
    format!("{LOGIN}?{NEXT_PARAM}={}", encode_component(next))
}

/// Where to go after signing in: `next` when it is a path of this console, else 端末管理.
///
/// Only same-site absolute paths are accepted, so a crafted link cannot send the administrator to
/// another site after sign-in (`//evil.example`, `https://…`, `/\evil`).
pub fn after_login(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.starts_with(LOGIN) =>
        {
            path.to_string()
        }
        _ => DEVICES.to_string(),
    }
}

/// Percent-encodes everything but unreserved characters, like encodeURIComponent: the sign-in
/// address then never looks like the page it returns to (a `/jobs` match must not hit it).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_base_path_and_locations_lose_it() {
        assert_eq!(join("", "/jobs/42"), "/jobs/42");
        assert_eq!(
            join("/portal/mdm", "/jobs/42?page=2"),
            "/portal/mdm/jobs/42?page=2"
        );
        assert_eq!(join("/portal/mdm", "/"), "/portal/mdm");
        assert_eq!(strip("/portal/mdm", "/portal/mdm/jobs/42"), "/jobs/42");
        assert_eq!(strip("/portal/mdm", "/portal/mdm"), "/");
        assert_eq!(strip("", "/jobs"), "/jobs");
        // Not under the base (a sibling path of the host): left as it is.
        assert_eq!(
            strip("/portal/mdm", "/portal/mdmx/jobs"),
            "/portal/mdmx/jobs"
        );
        set_base("/portal/mdm/");
        assert_eq!(base(), "/portal/mdm");
        assert_eq!(href(DEVICES), "/portal/mdm/devices");
        assert_eq!(within("/portal/mdm/help/x"), "/help/x");
        set_base("");
        assert_eq!(href(DEVICES), "/devices");
    }

    #[test]
    fn deep_links_survive_the_round_trip_through_sign_in() {
        assert_eq!(login_returning_to("/jobs/42"), "/login?next=%2Fjobs%2F42");
        assert_eq!(
            login_returning_to("/devices?q=a b&page=2"),
            "/login?next=%2Fdevices%3Fq%3Da%20b%26page%3D2"
        );
        assert_eq!(after_login(Some("/jobs/42")), "/jobs/42");
        assert_eq!(
            after_login(Some("/devices?q=a b&page=2")),
            "/devices?q=a b&page=2"
        );
    }

    #[test]
    fn the_default_landing_page_needs_no_next() {
        assert_eq!(login_returning_to("/"), "/login");
        assert_eq!(login_returning_to("/devices"), "/login");
        assert_eq!(
            login_returning_to("/login"),
            "/login",
            "signing out must not come back to sign-in"
        );
        assert_eq!(after_login(None), "/devices");
    }

    #[test]
    fn next_cannot_leave_the_console() {
        for hostile in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
            "/login",
        ] {
            assert_eq!(after_login(Some(hostile)), "/devices", "{hostile}");
        }
    }
}
