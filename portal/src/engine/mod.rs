//! The job engine: the clock it runs on, and (with the fleet data) the job lifecycle.

pub mod clock;
