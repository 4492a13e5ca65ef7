//! Readers for the two formats the Apple schema test compares: Apple's schema YAML and the
//! property lists the model writes.

pub mod plist;
pub mod schema;
