//! What a host page decides about the console, read from the element it mounts the console in.
//!
//! A host marks the element with `data-mdm-console` and may add:
//!
//! | attribute | meaning | default |
//! |---|---|---|
//! | `data-base-path` | where the console's addresses start (`/portal/mdm`) | the site root |
//! | `data-api-base` | the portal API (`/api`, `https://mdm.example/api`) | `/api` |
//! | `data-locale` | `ja` or `en` | the user's choice, else the browser's |
//! | `data-auth` | `cookie` (the portal's session, same site) or `bearer` (a token the host hands over) | `cookie` |
//! | `data-theme` | `system`, `light` or `dark`: forces the theme over the administrator's switch | the administrator's choice, else the system's |
//!
//! The parsing is plain Rust, tested natively; a bad value is reported and replaced by the safe
//! default, so a typo never leaves a blank page.

use mdm_model::Lang;

use crate::theme::ThemeChoice;

/// Where the API lives when the console is served by the portal itself.
pub const DEFAULT_API_BASE: &str = "/api";

/// How the console proves who is signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// The portal's HttpOnly session cookie; the console shows its own sign-in page.
    #[default]
    Cookie,
    /// `Authorization: Bearer …` with a token the host hands over and renews; no cookies.
    Bearer,
}

/// What a host can change about the console. The defaults fit the console served by the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleConfig {
    /// Base URL of the portal API, without a trailing slash.
    pub api_base: String,
    /// Path the console's addresses start with, without a trailing slash (`""` at the root).
    pub base_path: String,
    /// The language the host chose; `None` lets the administrator choose.
    pub locale: Option<Lang>,
    pub auth: AuthMode,
    /// Mounted in a host page's element rather than on the console's own page.
    pub embedded: bool,
    /// The theme the host chose; `None` lets the administrator choose.
    pub theme: Option<ThemeChoice>,
}

impl Default for ConsoleConfig {
    fn default() -> Self {
        ConsoleConfig {
            api_base: DEFAULT_API_BASE.to_string(),
            base_path: String::new(),
            locale: None,
            auth: AuthMode::Cookie,
            embedded: false,
            theme: None,
        }
    }
}

/// The raw `data-*` values of the host's mount element (`None`: attribute absent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostAttributes {
    pub base_path: Option<String>,
    pub api_base: Option<String>,
    pub locale: Option<String>,
    pub auth: Option<String>,
    pub theme: Option<String>,
}

/// A value the host got wrong, with what the console uses instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigProblem {
    #[error("data-base-path=\"{0}\" must be a path such as /portal/mdm; the site root is used")]
    BasePath(String),
    #[error("data-api-base=\"{0}\" must be a path such as /api or an http(s) URL; /api is used")]
    ApiBase(String),
    #[error("data-locale=\"{0}\" must be ja or en; the administrator's choice is used")]
    Locale(String),
    #[error("data-auth=\"{0}\" must be cookie or bearer; cookie is used")]
    Auth(String),
    #[error(
        "data-theme=\"{0}\" must be system, light or dark; the administrator's choice is used"
    )]
    Theme(String),
}

impl ConsoleConfig {
    /// The configuration of a console mounted in a host's element, and what was wrong in it.
    pub fn from_host(attributes: &HostAttributes) -> (ConsoleConfig, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let mut config = ConsoleConfig {
            embedded: true,
            ..ConsoleConfig::default()
        };
        if let Some(raw) = &attributes.base_path {
            match base_path(raw) {
                Some(path) => config.base_path = path,
                None => problems.push(ConfigProblem::BasePath(raw.clone())),
            }
        }
        if let Some(raw) = &attributes.api_base {
            match api_base(raw) {
                Some(base) => config.api_base = base,
                None => problems.push(ConfigProblem::ApiBase(raw.clone())),
            }
        }
        if let Some(raw) = attributes
            .locale
            .as_deref()
            .filter(|v| !v.trim().is_empty())
        {
            match locale(raw) {
                Some(lang) => config.locale = Some(lang),
                None => problems.push(ConfigProblem::Locale(raw.to_string())),
            }
        }
        if let Some(raw) = attributes.auth.as_deref().filter(|v| !v.trim().is_empty()) {
            match raw.trim().to_ascii_lowercase().as_str() {
                "cookie" => config.auth = AuthMode::Cookie,
                "bearer" => config.auth = AuthMode::Bearer,
                _ => problems.push(ConfigProblem::Auth(raw.to_string())),
            }
        }
        if let Some(raw) = attributes.theme.as_deref().filter(|v| !v.trim().is_empty()) {
            match ThemeChoice::parse(raw) {
                Some(theme) => config.theme = Some(theme),
                None => problems.push(ConfigProblem::Theme(raw.to_string())),
            }
        }
        (config, problems)
    }
}

/// `/portal/mdm/` → `/portal/mdm`; `/` or empty → `""`. Only a plain same-site path is taken.
fn base_path(raw: &str) -> Option<String> {
    let path = raw.trim();
    if path.is_empty() || path == "/" {
        return Some(String::new());
    }
    let plain = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains(['?', '#', '\\', ' ', '%'])
        && !path
            .split('/')
            .any(|segment| segment == "." || segment == "..");
    plain.then(|| path.trim_end_matches('/').to_string())
}

/// `/api/` → `/api`; `https://mdm.example/api` is kept. Anything else (a relative path, a
/// `javascript:` URL) is refused.
fn api_base(raw: &str) -> Option<String> {
    let base = raw.trim().trim_end_matches('/');
    let same_site = base.starts_with('/') && !base.starts_with("//");
    let absolute = ["https://", "http://"].iter().any(|scheme| {
        base.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            && base.len() > scheme.len()
    });
    let clean = !base.contains(['?', '#', ' ', '\\']);
    ((same_site || absolute) && clean).then(|| base.to_string())
}

/// `ja`, `ja-JP`, `EN` … → the language; anything else is not one of ours.
fn locale(raw: &str) -> Option<Lang> {
    let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "ja" => Some(Lang::Ja),
        "en" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(base: &str, api: &str, locale: &str, auth: &str) -> HostAttributes {
        HostAttributes {
            base_path: Some(base.into()),
            api_base: Some(api.into()),
            locale: Some(locale.into()),
            auth: Some(auth.into()),
            theme: None,
        }
    }

    #[test]
    fn a_full_host_configuration_is_taken_as_given() {
        let (config, problems) =
            ConsoleConfig::from_host(&host("/portal/mdm/", "/api/", "ja", "bearer"));
        assert_eq!(problems, []);
        assert_eq!(
            config,
            ConsoleConfig {
                api_base: "/api".into(),
                base_path: "/portal/mdm".into(),
                locale: Some(Lang::Ja),
                auth: AuthMode::Bearer,
                embedded: true,
                theme: None,
            }
        );
    }

    #[test]
    fn missing_attributes_keep_the_standalone_defaults() {
        let (config, problems) = ConsoleConfig::from_host(&HostAttributes::default());
        assert_eq!(problems, []);
        assert_eq!(
            config,
            ConsoleConfig {
                embedded: true,
                ..ConsoleConfig::default()
            }
        );
        assert_eq!(ConsoleConfig::default().auth, AuthMode::Cookie);
        assert_eq!(ConsoleConfig::default().base_path, "");
    }

    #[test]
    fn accepted_spellings() {
        assert_eq!(base_path("/"), Some(String::new()));
        assert_eq!(base_path(" /a/b// "), Some("/a/b".into()));
        assert_eq!(
            api_base("https://mdm.example/api/"),
            Some("https://mdm.example/api".into())
        );
        assert_eq!(locale("en-US"), Some(Lang::En));
        assert_eq!(locale("JA_jp"), Some(Lang::Ja));
        let (config, _) = ConsoleConfig::from_host(&host("/x", "/api", "", " Cookie "));
        assert_eq!((config.locale, config.auth), (None, AuthMode::Cookie));
    }

    #[test]
    fn bad_values_are_reported_and_replaced_by_safe_defaults() {
        let (config, problems) =
            ConsoleConfig::from_host(&host("portal/mdm", "javascript:alert(1)", "fr", "basic"));
        assert_eq!(config.base_path, "");
        assert_eq!(config.api_base, "/api");
        assert_eq!(config.locale, None);
        assert_eq!(config.auth, AuthMode::Cookie);
        assert_eq!(problems.len(), 4);
        assert!(problems[0]
            .to_string()
            .contains("data-base-path=\"portal/mdm\""));
        for hostile in ["//evil.example", "/a/../b", "/a?b", "/a#b", "/a b", "/a%2f"] {
            assert_eq!(base_path(hostile), None, "{hostile}");
        }
        for hostile in [
            "api",
            "//evil.example/api",
            "https://",
            "ftp://x/api",
            "/api?x=1",
        ] {
            assert_eq!(api_base(hostile), None, "{hostile}");
        }
    }
}
