//! `/api/clock`: the portal's time, and on a portal started with `--clock manual`, the one way
//! to move it (documented in the READMEs; demos and host portals' tests use it to run jobs
//! through their statuses on their own schedule).

use axum::{extract::State, Extension};
use chrono::{DateTime, Duration, Utc};
use mdm_model::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::{
    auth::CurrentAdmin, engine::control::ClockControl, error::ApiError, extract::ApiJson,
    state::AppState,
};

use crate::engine::clock::MAX_ADVANCE_SECONDS;

/// `GET /api/clock`.
#[derive(Debug, Serialize, Deserialize)]
pub struct ClockState {
    pub now: DateTime<Utc>,
    /// Whether the clock stands still until `POST /api/clock/advance` moves it.
    pub manual: bool,
}

/// `POST /api/clock/advance` body.
#[derive(Debug, Serialize, Deserialize)]
pub struct AdvanceRequest {
    pub seconds: u64,
}

/// What an advance did.
#[derive(Debug, Serialize, Deserialize)]
pub struct ClockAdvanced {
    pub now: DateTime<Utc>,
    /// How many times the engine ran on the way (once per moment something was due).
    pub engine_runs: u64,
    /// How many job status changes happened on the way.
    pub transitions: u64,
}

/// The portal's current time for jobs and schedules.
pub async fn now(State(state): State<AppState>) -> ApiJson<ClockState> {
    ApiJson(ClockState {
        now: state.clock.now(),
        manual: state.clock.is_manual(),
    })
}

/// Moves a manual clock forward and runs the engine through the interval; answers once every
/// job due on the way has moved, so the caller sees the outcome with its next request.
pub async fn advance(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    control: Option<Extension<ClockControl>>,
    ApiJson(request): ApiJson<AdvanceRequest>,
) -> Result<ApiJson<ClockAdvanced>, ApiError> {
    let Some(Extension(control)) = control.filter(|_| state.clock.is_manual()) else {
        return Err(ApiError::new(ErrorCode::Conflict).with_message(
            "このポータルの時計は実時間で進みます。手動で進めるには --clock manual で起動してください。",
            "This portal's clock runs by itself; start it with --clock manual to move it by hand.",
        ));
    };
    if request.seconds > MAX_ADVANCE_SECONDS {
        return Err(ApiError::new(ErrorCode::ValidationFailed)
            .with_field("seconds")
            .with_message(
                "一度に進められるのは366日までです。",
                "The clock moves at most 366 days per request.",
            ));
    }
    let by = Duration::seconds(request.seconds as i64);
    let advanced = control.advance(&state, by).await?;
    tracing::info!(
        admin = %current.admin.username,
        seconds = request.seconds,
        now = %advanced.now,
        transitions = advanced.transitions,
        "clock advanced"
    );
    Ok(ApiJson(ClockAdvanced {
        now: advanced.now,
        engine_runs: advanced.engine_runs,
        transitions: advanced.transitions,
    }))
}
