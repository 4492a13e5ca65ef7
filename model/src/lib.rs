//! The contract between the console and the portal: request/response types and every domain
//! rule of the product, as plain functions with no I/O. Compiles for wasm32 and native, so the
//! console explains a rule before the user clicks and the portal refuses the same request with
//! the same function.

pub mod error;
pub mod lang;
pub mod session;

pub use error::{ApiErrorBody, ErrorCode};
pub use lang::Lang;
