//! The contract between the console and the portal: request/response types and every domain
//! rule of the product, as plain functions with no I/O. Compiles for wasm32 and native, so the
//! console explains a rule before the user clicks and the portal refuses the same request with
//! the same function.
//!
//! Map of the crate:
//! - [`device`], [`group`], [`wifi`], [`dep`]: the fleet data and its lists' queries;
//! - [`wipe`]: the wipe request, its validation, per-device eligibility and preview, refusals,
//!   and what a successful wipe changes;
//! - [`job`]: jobs, the status machine, execution conditions, Hybrid pairing, the job list
//!   query and its CSV export;
//! - [`apple`]: the EraseDevice command (iPhone/iPad with its Wi-Fi profile, and [`apple::macos`]);
//! - [`command`]: the other platforms' wipe commands (Android, Windows) and their option errors;
//! - [`paging`], [`query`]: lists and query strings shared by every route;
//! - [`csv`]: the dialect of every export; [`count`]: counts as administrators read them;
//! - [`audit`], [`help`], [`session`], [`error`], [`time`], [`lang`].

pub mod apple;
pub mod audit;
pub mod command;
pub mod count;
pub mod csv;
pub mod dep;
pub mod device;
pub mod error;
pub mod group;
pub mod help;
pub mod ids;
pub mod job;
pub mod lang;
pub mod measure;
pub mod paging;
pub mod query;
pub mod session;
pub mod time;
pub mod vocabulary;
pub mod wifi;
pub mod wipe;

#[cfg(test)]
mod test_time;

pub use error::{ApiErrorBody, ErrorCode, ErrorDetails, JobState};
pub use lang::Lang;
