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
/// The screens of the other lost-device measures, one per measure: `/devices/measures/lock`.
pub const MEASURES: &str = "/devices/measures";
pub const JOBS: &str = "/jobs";
/// 監査ログ: who did what, filters in the query.
pub const AUDIT: &str = "/audit";
pub const HELP: &str = "/help";

/// The screen of `measure` for the devices selected on 端末管理; the wipe has its own.
pub fn measure(measure: mdm_model::measure::Measure) -> String {
    match measure {
        mdm_model::measure::Measure::Wipe => WIPE.to_string(),
        other => format!("{MEASURES}/{}", other.as_str()),
    }
}

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
/// `next` is read the way the browser's URL parser will read it before it is accepted: tab,
/// CR and LF vanish anywhere, controls and spaces at the ends are dropped, and `\` is a `/`.
/// So `/%0A/evil.example`, `/\tevil.example` and `/\\evil` are the `//evil` they become, and
/// refused; dot segments (`/..`, `/%2e%2e`) would climb out of the base path and are refused
/// too. In the browser the result is also resolved by the browser itself and kept only when
/// it stays on this origin under the console's base path.
pub fn after_login(next: Option<&str>) -> String {
    next.and_then(console_path)
        .filter(|path| !path.starts_with(LOGIN) && stays_on_console(path))
        .unwrap_or_else(|| DEVICES.to_string())
}

/// `next` as the browser will read it, when that is an absolute path on this site.
fn console_path(next: &str) -> Option<String> {
    let read: String = next
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let path = read.split(['?', '#']).next().unwrap_or_default();
    let dot_segment = |segment: &str| {
        let plain = segment.to_ascii_lowercase().replace("%2e", ".");
        plain == "." || plain == ".."
    };
    let acceptable = read.starts_with('/')
        && !read.starts_with("//")
        && !path.split('/').any(dot_segment)
        && !read.chars().any(char::is_control);
    acceptable.then_some(read)
}

/// Whether the browser resolves the console path `path` to this origin, under the base path.
#[cfg(target_arch = "wasm32")]
fn stays_on_console(path: &str) -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let (Ok(origin), Ok(here)) = (location.origin(), location.href()) else {
        return false;
    };
    let base = base();
    web_sys::Url::new_with_base(&href(path), &here).is_ok_and(|url| {
        let pathname = url.pathname();
        url.origin() == origin
            && (base.is_empty() || pathname == base || pathname.starts_with(&format!("{base}/")))
    })
}

/// Outside a browser (native tests) only the textual checks of [`console_path`] apply.
#[cfg(not(target_arch = "wasm32"))]
fn stays_on_console(_path: &str) -> bool {
    true
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

/// `?a=1&b=2` from name/value pairs, both percent-encoded like `encodeURIComponent`; empty
/// for none. Every list screen writes its state into the address with it.
pub fn query_string<N: AsRef<str>>(pairs: &[(N, String)]) -> String {
    let joined: Vec<String> = pairs
        .iter()
        .map(|(name, value)| {
            format!(
                "{}={}",
                encode_component(name.as_ref()),
                encode_component(value)
            )
        })
        .collect();
    if joined.is_empty() {
        String::new()
    } else {
        format!("?{}", joined.join("&"))
    }
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
    fn return_addresses_that_leave_the_console_go_to_the_devices_page() {
        for hostile in [
            "//evil.example/",
            "/\\evil.example",
            "/\n/evil.example/",
            "/\t/evil.example/",
            "/\r\\evil.example/",
            "\\\\evil.example",
            " //evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/../../outside",
            "/jobs/%2e%2e/%2E%2E/outside",
            "/\u{0}x",
            "",
        ] {
            assert_eq!(after_login(Some(hostile)), DEVICES, "{hostile:?}");
        }
        // Read as the browser reads them: the harmless forms stay on the console.
        assert_eq!(after_login(Some("/jobs/4\t2")), "/jobs/42");
        assert_eq!(after_login(Some("/help\\wipe")), "/help/wipe");
        assert_eq!(
            after_login(Some("/%0A/evil.example/")),
            "/%0A/evil.example/"
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
