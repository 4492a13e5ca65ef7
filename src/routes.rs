//! Paths of the console's screens, for links and redirects. The route table itself is in
//! `App`; these are the same paths, named once.

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
