//! Moving a manual clock (`--clock manual`) on request, for demos and for host portals' own
//! tests: time stands still until someone advances it, and the engine runs at every moment
//! something was due on the way, so an hour advanced in one call ends as an hour of real
//! running would have (a command sent at minute 10 is answered at minute 10½, not skipped).

use chrono::{DateTime, Duration, Utc};

use super::{EngineHandle, TickReport};
use crate::{error::ApiError, state::AppState, store::jobs};

/// The longest step between two engine runs while advancing a fleet whose devices change by
/// themselves (the realistic simulator), so they change along the way and not all at the end.
/// A scripted fleet goes straight from one due job to the next.
const LONGEST_STEP: Duration = Duration::minutes(10);

/// What the clock control needs: the engine to run as time moves. Given to the router as an
/// `Extension` only when the clock is manual; without it the control answers that the clock
/// runs by itself.
#[derive(Clone)]
pub struct ClockControl {
    engine: EngineHandle,
    /// One advance at a time: two callers interleaving their steps would each stop short.
    one_at_a_time: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// What one advance did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advanced {
    pub now: DateTime<Utc>,
    pub engine_runs: u64,
    pub transitions: u64,
}

impl ClockControl {
    pub fn new(engine: EngineHandle) -> ClockControl {
        ClockControl {
            engine,
            one_at_a_time: Default::default(),
        }
    }

    /// Moves the state's manual clock forward by `by` (zero runs the engine once at the
    /// current time), stopping at every moment a job is due.
    pub async fn advance(&self, state: &AppState, by: Duration) -> Result<Advanced, ApiError> {
        if !state.clock.is_manual() {
            return Err(ApiError::internal(
                "clock control on a clock that runs by itself",
            ));
        }
        let _turn = self.one_at_a_time.lock().await;
        let target = state.clock.now() + by;
        let mut total = TickReport::default();
        let mut engine_runs = 0;
        loop {
            let report = self.engine.tick(state).await?;
            total.add(&report);
            engine_runs += 1;
            let now = state.clock.now();
            if now >= target {
                return Ok(Advanced {
                    now,
                    engine_runs,
                    transitions: total.transitions,
                });
            }
            let now_ms = now.timestamp_millis();
            let next = state
                .store
                .call(move |conn| Ok(jobs::next_check_after(conn, now_ms)?))
                .await?;
            let next = next
                .and_then(DateTime::<Utc>::from_timestamp_millis)
                .unwrap_or(target);
            let mut to = next.min(target);
            if self.engine.fleet_changes_by_itself() {
                to = to.min(now + LONGEST_STEP);
            }
            state.clock.set(to);
        }
    }
}
