//! One folder per screen. Each `mod.rs` owns the screen's data; pure views sit beside it.

pub mod audit;
pub mod devices;
pub mod help;
pub mod jobs;
pub mod login;
pub mod measures;
pub mod not_found;
pub mod shell;
pub mod time_zone;
pub mod wipe;
