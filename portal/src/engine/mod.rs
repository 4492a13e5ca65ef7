//! The job engine: moves jobs along their lifecycle as (simulated) time passes. Scheduled jobs
//! become due, waiting jobs are sent once their device's execution conditions hold, sent jobs
//! get the device's answer, a Hybrid partner is cancelled when the other job succeeds, and
//! jobs without an answer time out. Every rule comes from the model; this module only applies
//! them to stored jobs.

pub mod clock;
pub mod command;
pub mod control;
mod lifecycle;
mod measure;
pub mod measure_service;
mod reenrollment;
pub mod registration;
pub mod wipe_service;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

pub use lifecycle::TickReport;

use crate::{
    error::ApiError,
    simulator::{Simulator, SimulatorConfig},
    state::AppState,
};

/// Jobs handled per batch at most; a tick runs batches until nothing is due.
const BATCH: usize = 500;
/// How long one batch may hold the writer. A batch of 500 sends is hundreds of round trips on
/// PostgreSQL; a registration waiting behind it would wait the whole batch.
const BATCH_BUDGET: std::time::Duration = std::time::Duration::from_millis(40);
/// How often the background loop ticks, in real time.
const TICK_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// The engine and the simulated fleet it drives.
pub struct Engine {
    simulator: Simulator,
    last_tick: Option<DateTime<Utc>>,
}

impl Engine {
    pub fn new(config: SimulatorConfig) -> Engine {
        Engine {
            simulator: Simulator::new(config),
            last_tick: None,
        }
    }
}

/// A shareable engine.
#[derive(Clone)]
pub struct EngineHandle(Arc<Mutex<Engine>>);

impl EngineHandle {
    pub fn new(config: SimulatorConfig) -> EngineHandle {
        EngineHandle(Arc::new(Mutex::new(Engine::new(config))))
    }

    /// Whether the simulated devices change state by themselves as time passes.
    pub fn fleet_changes_by_itself(&self) -> bool {
        let engine = self.0.lock().unwrap_or_else(|p| p.into_inner());
        engine.simulator.config.device_changes
    }

    /// The SHA-256 digests of the commands the simulated device received for a job.
    pub fn received_command_digests(&self, job: mdm_model::ids::JobId) -> Vec<String> {
        let engine = self.0.lock().unwrap_or_else(|p| p.into_inner());
        engine.simulator.received_command_digests(job)
    }

    /// Runs one tick at the state's current clock time: the fleet changes for the time that
    /// passed since the last tick, then every job due by now is handled.
    pub async fn tick(&self, state: &AppState) -> Result<TickReport, ApiError> {
        let now = state.clock.now();
        let engine = self.0.clone();
        let instance = state.store.instance().to_string();
        let changed = state
            .store
            .call(move |conn| {
                let mut engine = engine.lock().unwrap_or_else(|p| p.into_inner());
                let elapsed = engine
                    .last_tick
                    .map(|last| now - last)
                    .unwrap_or_else(Duration::zero);
                engine.last_tick = Some(now);
                // The fleet changes by itself once, however many instances share it: the
                // lease's holder simulates; the others only run jobs.
                if !crate::store::instances::hold_lease(conn, "simulator", &instance)? {
                    return Ok(0);
                }
                engine.simulator.step(conn, now.timestamp_millis(), elapsed)
            })
            .await?;
        let mut report = TickReport {
            devices_changed: changed,
            ..TickReport::default()
        };
        // One store call per batch, so API requests get the connection between batches even
        // when a large registration makes thousands of jobs due at once.
        loop {
            let engine = self.0.clone();
            let (batch, more) = state
                .store
                .call(move |conn| {
                    let mut engine = engine.lock().unwrap_or_else(|p| p.into_inner());
                    let now = now.timestamp_millis();
                    lifecycle::run_batch(conn, &mut engine.simulator, now, BATCH, BATCH_BUDGET)
                })
                .await?;
            report.add(&batch);
            if !more {
                return Ok(report);
            }
            // Let requests waiting for the writer go first.
            tokio::task::yield_now().await;
        }
    }

    /// Ticks in the background until the process ends.
    pub fn spawn(self, state: AppState) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(TICK_EVERY);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                interval.tick().await;
                match self.tick(&state).await {
                    Ok(report) if report.transitions > 0 => tracing::debug!(?report, "engine tick"),
                    Ok(_) => {}
                    Err(error) => tracing::error!(code = ?error.code, "engine tick failed"),
                }
            }
        })
    }
}
