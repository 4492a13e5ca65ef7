//! Shared application state handed to every handler.

use std::{path::PathBuf, sync::Arc};

use crate::{
    cache::{device_deps, job_deps, ListCache, Table},
    credentials::HashCost,
    engine::clock::Clock,
    error::ApiError,
    sign_in::{
        address_limit::{AddressLimit, AddressRate},
        hashing::PasswordSlots,
    },
    store::Store,
};

/// Settings that do not change while the portal runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The built console to serve at `/`; `None` or a missing folder serves a short notice.
    pub dist: Option<PathBuf>,
    /// Cost of new password hashes.
    pub hash_cost: HashCost,
    /// The longest a session lasts after sign-in, however busy.
    pub session_ttl: chrono::Duration,
    /// A session ends when unused for this long.
    pub session_idle: chrono::Duration,
    /// How long a bearer token for a host page works before it must be renewed.
    pub token_ttl: chrono::Duration,
    /// Add `Secure` to cookies (when served over HTTPS); also turns on HSTS.
    pub secure_cookies: bool,
    /// Host origins besides the portal's own that may show the console in a frame.
    pub frame_ancestors: Vec<crate::security::Origin>,
    /// Password verifications that may run at once.
    pub password_checks: usize,
    /// How long a password check waits for a free slot before the answer is 429.
    pub password_check_wait: std::time::Duration,
    /// Credential requests (sign-in, token issue) allowed per client address.
    pub credential_rate: AddressRate,
    /// An `/api` request still unanswered after this long is answered `503 timeout`.
    pub request_timeout: std::time::Duration,
    /// How long a list the fleet changed by itself (device status and last-seen time, job
    /// status) may be served before one request recomputes it; zero: lists are always exact.
    pub list_max_age: std::time::Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dist: None,
            hash_cost: HashCost::Standard,
            session_ttl: chrono::Duration::hours(12),
            session_idle: chrono::Duration::minutes(30),
            token_ttl: chrono::Duration::minutes(15),
            secure_cookies: false,
            frame_ancestors: Vec::new(),
            password_checks: PasswordSlots::default_count(),
            password_check_wait: std::time::Duration::from_secs(2),
            credential_rate: AddressRate::default(),
            request_timeout: std::time::Duration::from_secs(60),
            list_max_age: std::time::Duration::ZERO,
        }
    }
}

/// Everything a handler needs. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Clock,
    /// Real time for session expiry: the domain clock may be a manual one (`--clock manual`),
    /// but an idle timeout is about the person at the keyboard. Tests swap in a manual clock
    /// with [`AppState::with_session_clock`].
    pub session_clock: Clock,
    pub settings: Arc<Settings>,
    /// A hash checked when the user name is unknown, so a wrong user name takes as long as a
    /// wrong password and the answer does not reveal which accounts exist.
    pub(crate) dummy_hash: Arc<String>,
    /// Ordered ids of recent device list queries.
    pub(crate) device_lists: Arc<ListCache>,
    /// Ordered entry ids of recent job list queries.
    pub(crate) job_lists: Arc<ListCache>,
    /// Request counts and latencies for `/metrics`.
    pub(crate) metrics: Arc<crate::metrics::figures::Metrics>,
    /// Slots for password verifications.
    pub(crate) password_slots: PasswordSlots,
    /// The per-address limit on credential requests.
    pub(crate) address_limit: Arc<AddressLimit>,
}

impl AppState {
    /// Builds the state around an opened store.
    pub fn new(store: Store, clock: Clock, settings: Settings) -> Result<AppState, ApiError> {
        let dummy_hash = crate::credentials::hash_password(
            &crate::credentials::new_token(),
            settings.hash_cost,
        )?;
        let ledger = store.ledger();
        Ok(AppState {
            store,
            clock,
            session_clock: Clock::system(),
            dummy_hash: Arc::new(dummy_hash),
            device_lists: Arc::new(ListCache::new(
                Table::Devices,
                device_deps::SOFT,
                settings.list_max_age,
                ledger.clone(),
            )),
            job_lists: Arc::new(ListCache::new(
                Table::Jobs,
                job_deps::SOFT,
                settings.list_max_age,
                ledger.clone(),
            )),
            metrics: Arc::default(),
            password_slots: PasswordSlots::new(
                settings.password_checks,
                settings.password_check_wait,
            ),
            address_limit: Arc::new(AddressLimit::new(settings.credential_rate)),
            settings: Arc::new(settings),
        })
    }

    /// The same state with sessions timed by `clock` instead of wall time.
    pub fn with_session_clock(mut self, clock: Clock) -> AppState {
        self.session_clock = clock;
        self
    }

    /// The names of the session and CSRF cookies.
    pub fn cookie_names(&self) -> crate::credentials::CookieNames {
        crate::credentials::CookieNames::new(self.settings.secure_cookies)
    }

    /// The idle timeout in stored units (ms), at least one second.
    pub(crate) fn session_idle_ms(&self) -> i64 {
        self.settings.session_idle.num_milliseconds().max(1_000)
    }
}
