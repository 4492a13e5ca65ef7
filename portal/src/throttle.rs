//! Sign-in throttling: after too many failed attempts for one user name, further attempts are
//! refused for a while without checking the password, which makes guessing impractical.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

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
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures
            .get(&username.to_lowercase())
            .is_some_and(|(count, since)| {
                *count >= MAX_FAILURES && now.duration_since(*since) < WINDOW
            })
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
