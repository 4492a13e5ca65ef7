//! The browser security headers every response carries: a strict Content-Security-Policy (no
//! inline script or style, no `eval`), framing limited to the configured host origins, and the
//! usual companions (nosniff, referrer, permissions, opener isolation, HSTS behind HTTPS).
//!
//! The policy is built once at start from the settings; [`apply`] adds it to each response
//! without overriding a header a handler chose on purpose.

use axum::{
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue},
    middleware::Next,
    response::Response,
};

/// A host origin the console may be framed by, such as `https://intranet.example.co.jp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin(String);

/// Why a `--frame-ancestors` value is not an origin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OriginError {
    #[error("{0:?} is not an origin: it must start with https:// or http://")]
    Scheme(String),
    #[error("{0:?} is not an origin: it names no host")]
    NoHost(String),
    #[error(
        "{0:?} is not an origin: remove the path, query or fragment (only scheme://host[:port])"
    )]
    HasPath(String),
    #[error("{0:?} is not an origin: user names, wildcards, spaces and quotes are not allowed")]
    BadCharacter(String),
    #[error("{0:?} is not an origin: the port must be a number from 1 to 65535")]
    BadPort(String),
}

impl Origin {
    /// Checks `text` is exactly `scheme://host[:port]` (a trailing `/` is dropped) and returns it
    /// lower-cased, so it can go into a policy unquoted and cannot add a directive.
    pub fn parse(text: &str) -> Result<Origin, OriginError> {
        let fail = |make: fn(String) -> OriginError| Err(make(text.to_string()));
        let lower = text.trim().to_ascii_lowercase();
        let Some((scheme, rest)) = lower.split_once("://") else {
            return fail(OriginError::Scheme);
        };
        if scheme != "https" && scheme != "http" {
            return fail(OriginError::Scheme);
        }
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#']) {
            return fail(OriginError::HasPath);
        }
        let allowed =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
        if !authority.chars().all(allowed) {
            return fail(OriginError::BadCharacter);
        }
        // The port follows the last colon outside an IPv6 literal's brackets.
        let (host, port) = match authority.rfind(':') {
            Some(i) if !authority[i..].contains(']') => {
                (&authority[..i], Some(&authority[i + 1..]))
            }
            _ => (authority, None),
        };
        if host.is_empty() || host.starts_with('.') || host.starts_with('-') {
            return fail(OriginError::NoHost);
        }
        if let Some(port) = port {
            if !port.parse::<u16>().is_ok_and(|p| p > 0) || port.starts_with('0') {
                return fail(OriginError::BadPort);
            }
        }
        Ok(Origin(format!("{scheme}://{authority}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The headers of every response, rendered once.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// `Permissions-Policy`: the console needs none of the powerful features, and neither may a
/// page it frames or that frames it ask for them in its name.
const PERMISSIONS: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), \
publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()";

impl SecurityHeaders {
    /// The headers for a portal framed only by itself and `frame_ancestors`; HSTS when the
    /// portal is served over HTTPS (`secure`).
    pub fn new(frame_ancestors: &[Origin], secure: bool) -> SecurityHeaders {
        let mut headers = vec![
            (
                header::CONTENT_SECURITY_POLICY,
                value(&content_security_policy(frame_ancestors)),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, value("nosniff")),
            (header::REFERRER_POLICY, value("no-referrer")),
            (
                HeaderName::from_static("permissions-policy"),
                value(PERMISSIONS),
            ),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                value("same-origin"),
            ),
        ];
        // X-Frame-Options can only say SAMEORIGIN; with other host origins allowed it would
        // contradict the policy, so then only frame-ancestors speaks (every current browser
        // prefers it anyway).
        if frame_ancestors.is_empty() {
            headers.push((header::X_FRAME_OPTIONS, value("SAMEORIGIN")));
        }
        if secure {
            headers.push((
                header::STRICT_TRANSPORT_SECURITY,
                value("max-age=31536000; includeSubDomains"),
            ));
        }
        SecurityHeaders { headers }
    }

    /// The value of one header, if set (for tests and logs).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.as_str().eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.to_str().ok())
    }
}

impl Default for SecurityHeaders {
    fn default() -> Self {
        SecurityHeaders::new(&[], false)
    }
}

/// The Content-Security-Policy of the console and every other page the portal serves.
///
/// `'wasm-unsafe-eval'` lets the page compile its WebAssembly; unlike `'unsafe-eval'` it allows
/// no JavaScript `eval`. Styles come from the console's own files only: the console changes
/// styles through the CSSOM (allowed), never through `style` attributes or `<style>` text.
pub fn content_security_policy(frame_ancestors: &[Origin]) -> String {
    let mut ancestors = String::from("'self'");
    for origin in frame_ancestors {
        ancestors.push(' ');
        ancestors.push_str(origin.as_str());
    }
    [
        "default-src 'self'".to_string(),
        "script-src 'self' 'wasm-unsafe-eval'".to_string(),
        "style-src 'self'".to_string(),
        "img-src 'self'".to_string(),
        "font-src 'self'".to_string(),
        "connect-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
        format!("frame-ancestors {ancestors}"),
    ]
    .join("; ")
}

fn value(text: &str) -> HeaderValue {
    // Every value is built above from constants and checked origins (ASCII without controls).
    HeaderValue::from_str(text).expect("security header values are visible ASCII")
}

/// Middleware: adds the headers a response does not already carry.
pub async fn apply(
    State(headers): State<std::sync::Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let target = response.headers_mut();
    for (name, value) in &headers.headers {
        if !target.contains_key(name) {
            target.insert(name.clone(), value.clone());
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins(list: &[&str]) -> Vec<Origin> {
        list.iter().map(|o| Origin::parse(o).unwrap()).collect()
    }

    #[test]
    fn the_policy_allows_no_inline_code_and_no_eval() {
        let csp = content_security_policy(&[]);
        assert!(
            !csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"),
            "{csp}"
        );
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ] {
            assert!(
                csp.split("; ").any(|d| d == directive),
                "{directive} in {csp}"
            );
        }
    }

    #[test]
    fn configured_host_origins_may_frame_the_console() {
        let hosts = origins(&["https://intranet.example.co.jp", "http://localhost:3000/"]);
        let headers = SecurityHeaders::new(&hosts, false);
        let csp = headers.get("content-security-policy").unwrap();
        assert!(csp.ends_with(
            "frame-ancestors 'self' https://intranet.example.co.jp http://localhost:3000"
        ));
        // SAMEORIGIN would forbid the hosts the policy allows.
        assert_eq!(headers.get("x-frame-options"), None);
        let alone = SecurityHeaders::default();
        assert_eq!(alone.get("x-frame-options"), Some("SAMEORIGIN"));
    }

    #[test]
    fn the_usual_headers_come_with_it_and_hsts_only_behind_https() {
        let plain = SecurityHeaders::new(&[], false);
        assert_eq!(plain.get("x-content-type-options"), Some("nosniff"));
        assert_eq!(plain.get("referrer-policy"), Some("no-referrer"));
        assert_eq!(plain.get("cross-origin-opener-policy"), Some("same-origin"));
        let permissions = plain.get("permissions-policy").unwrap();
        for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"] {
            assert!(permissions.contains(feature), "{feature}");
        }
        assert_eq!(plain.get("strict-transport-security"), None);
        let secure = SecurityHeaders::new(&[], true);
        assert!(secure
            .get("strict-transport-security")
            .unwrap()
            .starts_with("max-age=31536000"));
    }

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        assert_eq!(
            Origin::parse("HTTPS://Intranet.Example.co.jp")
                .unwrap()
                .as_str(),
            "https://intranet.example.co.jp"
        );
        assert_eq!(
            Origin::parse("http://[::1]:8443").unwrap().as_str(),
            "http://[::1]:8443"
        );
        let refused = [
            (
                "intranet.example.co.jp",
                OriginError::Scheme as fn(String) -> OriginError,
            ),
            ("ftp://example.com", OriginError::Scheme),
            ("https://", OriginError::NoHost),
            ("https://example.com/portal", OriginError::HasPath),
            ("https://example.com?x", OriginError::HasPath),
            ("https://*.example.com", OriginError::BadCharacter),
            (
                "https://example.com; script-src *",
                OriginError::BadCharacter,
            ),
            ("https://user@example.com", OriginError::BadCharacter),
            ("https://example.com:0", OriginError::BadPort),
            ("https://example.com:70000", OriginError::BadPort),
            ("https://example.com:", OriginError::BadPort),
        ];
        for (text, error) in refused {
            assert_eq!(Origin::parse(text), Err(error(text.to_string())), "{text}");
        }
    }

    #[test]
    fn an_error_names_the_value_and_what_to_change() {
        let message = Origin::parse("https://example.com/portal")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("\"https://example.com/portal\""),
            "{message}"
        );
        assert!(message.contains("scheme://host[:port]"), "{message}");
    }
}
