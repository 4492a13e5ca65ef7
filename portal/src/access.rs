//! Who may call an operation of the API: the router enforces it, the OpenAPI document declares it.

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (CSRF still applies to its state-changing methods, bearer header or not: these
    /// routes act on cookies).
    Public,
    /// A signed-in administrator (session cookie or bearer token).
    Session,
    /// Anyone, authenticated by credentials in the request body; no cookie is read, so no
    /// CSRF check (a host page on another path gets its bearer token here).
    Credentials,
}
