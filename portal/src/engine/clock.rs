//! The portal's notion of "now" for the domain (schedules, job times, the simulated fleet).
//!
//! Production runs on wall time, optionally sped up (`--time-scale 60` = one simulated
//! minute per real second) so a demo shows jobs progressing; tests use a manual clock they
//! move forward explicitly.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

#[derive(Debug)]
enum Source {
    /// Simulated time = `origin + (wall - origin) * scale`.
    Scaled {
        origin: DateTime<Utc>,
        scale: f64,
    },
    Manual(Mutex<DateTime<Utc>>),
}

/// A cheap, cloneable clock.
#[derive(Debug, Clone)]
pub struct Clock(Arc<Source>);

impl Clock {
    /// Wall-clock time.
    pub fn system() -> Clock {
        Clock::scaled(1.0)
    }

    /// Wall-clock time sped up by `scale` from now on (values ≤ 0 or not finite mean 1).
    pub fn scaled(scale: f64) -> Clock {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Clock(Arc::new(Source::Scaled {
            origin: Utc::now(),
            scale,
        }))
    }

    /// A clock that only moves when [`Clock::advance`] or [`Clock::set`] is called.
    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock(Arc::new(Source::Manual(Mutex::new(start))))
    }

    /// The current (possibly simulated) time.
    pub fn now(&self) -> DateTime<Utc> {
        match &*self.0 {
            Source::Scaled { origin, scale } => {
                if *scale == 1.0 {
                    return Utc::now();
                }
                let real = (Utc::now() - *origin).num_milliseconds() as f64;
                *origin + Duration::milliseconds((real * scale) as i64)
            }
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

    /// How many simulated seconds pass per real second.
    pub fn scale(&self) -> f64 {
        match &*self.0 {
            Source::Scaled { scale, .. } => *scale,
            Source::Manual(_) => 1.0,
        }
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
    fn scaled_clock_runs_faster_than_wall_time() {
        let clock = Clock::scaled(3600.0);
        let before = clock.now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        // 20 ms real at 3600x is 72 s simulated; allow scheduling slack downwards only.
        assert!(clock.now() - before >= Duration::seconds(60));
    }
}
