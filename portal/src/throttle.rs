//! Sign-in throttling: after too many failed attempts for one user name, further attempts are
//! refused for a while without checking the password, which makes guessing impractical.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use mdm_model::{session::locked_out_message, ErrorCode, Lang};

use crate::error::ApiError;

/// Failures allowed within [`WINDOW`] before the user name is locked.
pub const MAX_FAILURES: u32 = 5;
/// How long failures are remembered and a lock lasts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Most user names remembered; the oldest entries go first when full.
const CAPACITY: usize = 10_000;

/// Failed sign-ins by (lower-cased) user name.
#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl SignInThrottle {
    /// Whether the user name is locked now.
    pub fn is_locked(&self, username: &str, now: Instant) -> bool {
        self.locked_for(username, now).is_some()
    }

    /// How long the user name stays locked, if it is locked now.
    pub fn locked_for(&self, username: &str, now: Instant) -> Option<Duration> {
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let (count, since) = failures.get(&username.to_lowercase())?;
        let elapsed = now.duration_since(*since);
        (*count >= MAX_FAILURES && elapsed < WINDOW).then(|| WINDOW - elapsed)
    }

    /// The refusal of a locked user name: [`ErrorCode::LockedOut`] with a message saying when
    /// to retry and the seconds in `details.retry_after_seconds`; `None` when not locked.
    pub fn refusal(&self, username: &str, now: Instant) -> Option<ApiError> {
        let wait = self.locked_for(username, now)?.as_secs().max(1);
        Some(
            ApiError::new(ErrorCode::LockedOut)
                .with_message(
                    locked_out_message(wait, Lang::Ja),
                    locked_out_message(wait, Lang::En),
                )
                .with_details(serde_json::json!({ "retry_after_seconds": wait })),
        )
    }

    /// Counts a failure; the window starts at the first failure.
    pub fn failed(&self, username: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if failures.len() >= CAPACITY {
            failures.retain(|_, (_, since)| now.duration_since(*since) < WINDOW);
        }
        let entry = failures.entry(username.to_lowercase()).or_insert((0, now));
        if now.duration_since(entry.1) >= WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    /// Forgets the failures after a successful sign-in.
    pub fn succeeded(&self, username: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&username.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_the_limit_and_unlocks_after_the_window() {
        let throttle = SignInThrottle::default();
        let start = Instant::now();
        for _ in 0..MAX_FAILURES - 1 {
            throttle.failed("Admin", start);
        }
        assert!(!throttle.is_locked("admin", start));
        throttle.failed("admin", start);
        assert!(throttle.is_locked("ADMIN", start));
        assert!(!throttle.is_locked("admin", start + WINDOW));
        throttle.succeeded("admin");
        assert!(!throttle.is_locked("admin", start));
    }
}
