//! A per-address limit on the credential endpoints, in front of the lockout and the hashing
//! slots: a password spray from one address is turned away before it costs a verification.

use std::{
    net::IpAddr,
    num::NonZeroU32,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};

use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};

/// How many credential requests one address may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressRate {
    /// Sustained rate.
    pub per_minute: NonZeroU32,
    /// How many may come at once before the rate applies.
    pub burst: NonZeroU32,
}

impl Default for AddressRate {
    /// 20 a minute after a burst of 10: far more than a person typing, far less than a spray.
    fn default() -> Self {
        AddressRate {
            per_minute: NonZeroU32::new(20).unwrap_or(NonZeroU32::MIN),
            burst: NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN),
        }
    }
}

/// Addresses remembered before idle ones are dropped.
const FORGET_ABOVE: usize = 10_000;

/// Refused requests held back at once, at most; beyond it refusals are answered at once.
const MAX_HELD: usize = 1_000;

/// The per-address limiter.
#[derive(Debug)]
pub struct AddressLimit {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    held: Arc<AtomicUsize>,
}

/// One refused request being held back; dropping it frees its place.
#[derive(Debug)]
pub struct Held(Arc<AtomicUsize>);

impl Drop for Held {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl AddressLimit {
    pub fn new(rate: AddressRate) -> AddressLimit {
        let quota = Quota::per_minute(rate.per_minute).allow_burst(rate.burst);
        AddressLimit {
            limiter: RateLimiter::keyed(quota),
            held: Arc::default(),
        }
    }

    /// A place to hold a refused request back, unless [`MAX_HELD`] are held already.
    pub fn hold(&self) -> Option<Held> {
        let before = self.held.fetch_add(1, Ordering::SeqCst);
        let held = Held(self.held.clone());
        (before < MAX_HELD).then_some(held)
    }

    /// `Ok` when `address` may make another credential request now, else how long to wait.
    pub fn check(&self, address: IpAddr) -> Result<(), Duration> {
        if self.limiter.len() > FORGET_ABOVE {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&address).map_err(|not_until| {
            not_until.wait_time_from(governor::clock::DefaultClock::default().now())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_burst_and_others_are_unaffected() {
        let limit = AddressLimit::new(AddressRate {
            per_minute: NonZeroU32::new(1).unwrap(),
            burst: NonZeroU32::new(3).unwrap(),
        });
        let spray: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert!(limit.check(spray).is_ok());
        }
        let wait = limit.check(spray).unwrap_err();
        assert!(wait > Duration::from_secs(50), "{wait:?}");
        assert!(limit.check("192.0.2.2".parse().unwrap()).is_ok());
    }

    #[test]
    fn only_so_many_refusals_are_held_back() {
        let limit = AddressLimit::new(AddressRate::default());
        let held: Vec<Held> = (0..MAX_HELD).map(|_| limit.hold().unwrap()).collect();
        assert!(limit.hold().is_none());
        drop(held);
        assert!(limit.hold().is_some());
    }
}
