//! The portal's notion of "now" for the domain (schedules, job times, the simulated fleet).
//!
//! Production runs on wall time: jobs are evidence, stamped with the time the administrator's
//! own clock shows. A demo speeds up the simulated devices instead (`--time-scale`, see the
//! simulator). Tests and scripted demos use a manual clock they move forward explicitly.

/// The most one `POST /api/clock/advance` may move the clock: a year, well past the 30-day
/// job time-out.
pub const MAX_ADVANCE_SECONDS: u64 = 366 * 24 * 3600;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

#[derive(Debug)]
enum Source {
    Wall,
    Manual(Mutex<DateTime<Utc>>),
}

/// A cheap, cloneable clock.
#[derive(Debug, Clone)]
pub struct Clock(Arc<Source>);

impl Clock {
    /// Wall-clock time.
    pub fn system() -> Clock {
        Clock(Arc::new(Source::Wall))
    }

    /// A clock that only moves when [`Clock::advance`] or [`Clock::set`] is called.
    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock(Arc::new(Source::Manual(Mutex::new(start))))
    }

    /// The current time.
    pub fn now(&self) -> DateTime<Utc> {
        match &*self.0 {
            Source::Wall => Utc::now(),
            Source::Manual(now) => *now.lock().unwrap_or_else(|p| p.into_inner()),
        }
    }

    /// The current time in stored form (ms since the epoch).
    pub fn now_ms(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// Whether the clock moves only when told (`--clock manual`).
    pub fn is_manual(&self) -> bool {
        matches!(&*self.0, Source::Manual(_))
    }

    /// Moves a manual clock forward; no effect on a wall clock.
    pub fn advance(&self, by: Duration) {
        if let Source::Manual(now) = &*self.0 {
            let mut now = now.lock().unwrap_or_else(|p| p.into_inner());
            *now += by;
        }
    }

    /// Sets a manual clock; no effect on a wall clock.
    pub fn set(&self, to: DateTime<Utc>) {
        if let Source::Manual(now) = &*self.0 {
            *now.lock().unwrap_or_else(|p| p.into_inner()) = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .to_utc();
        let clock = Clock::manual(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::minutes(5));
        assert_eq!(clock.now(), start + Duration::minutes(5));
    }

    #[test]
    fn the_wall_clock_is_the_wall() {
        let before = Utc::now();
        let now = Clock::system().now();
        assert!(now >= before && now - before < Duration::seconds(5));
    }
}
