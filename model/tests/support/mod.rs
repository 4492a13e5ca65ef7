//! Readers for the two formats the Apple schema test compares: Apple's schema YAML and the
//! property lists the model writes.

pub mod plist;
// Each test binary reads only part of the schema.
#[allow(dead_code)]
pub mod schema;
