//! The lockout policy: how many password attempts an account gets, keyed so that nobody can
//! lock an administrator out from their own address.
//!
//! Five attempts per account and source address in fifteen minutes; twenty-five per account
//! from all addresses together, a slower limit that stops a spread-out guess without letting
//! one address lock the account for everyone. An attempt counts from the moment it is
//! reserved, before its password is checked.

use crate::ids::TenantId;
use std::net::IpAddr;

use mdm_model::{session::locked_out_message, ErrorCode, ErrorDetails, Lang};

use crate::{error::ApiError, store::sign_in_attempts::Budget};

/// Attempts allowed per account and source address in [`WINDOW_MS`].
pub const MAX_PER_SOURCE: u32 = 5;
/// Attempts allowed per account from all addresses in [`WINDOW_MS`].
pub const MAX_PER_ACCOUNT: u32 = 25;
/// How long an attempt counts: fifteen minutes.
pub const WINDOW_MS: i64 = 15 * 60 * 1000;

/// The lockout's budget.
pub const BUDGET: Budget = Budget {
    per_source: MAX_PER_SOURCE,
    per_account: MAX_PER_ACCOUNT,
    window_ms: WINDOW_MS,
};

/// The account an attempt is counted against: the tenant and the exact user name. A user
/// name that names no administrator is counted too (under no tenant), so the lockout does
/// not reveal which accounts exist.
pub fn account_key(tenant_id: Option<TenantId>, username: &str) -> String {
    match tenant_id {
        Some(tenant) => format!("{tenant}:{username}"),
        None => format!("-:{username}"),
    }
}

/// The source an attempt is counted against: the client's address, or `unknown` when the
/// connection did not say (requests handed to the router in-process).
pub fn source_key(address: Option<IpAddr>) -> String {
    address.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

/// The refusal of a locked account: 429 `locked_out` saying when to retry, with the seconds
/// in `details.retry_after_seconds` and the `Retry-After` header.
pub fn refusal(retry_after_ms: i64) -> ApiError {
    let wait = u64::try_from((retry_after_ms + 999) / 1000)
        .unwrap_or(1)
        .max(1);
    ApiError::new(ErrorCode::LockedOut)
        .with_message(
            locked_out_message(wait, Lang::Ja),
            locked_out_message(wait, Lang::En),
        )
        .with_details(ErrorDetails::RetryAfter {
            retry_after_seconds: wait,
        })
        .with_retry_after(wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_exact_user_name_and_the_tenant() {
        assert_ne!(
            account_key(Some(TenantId(1)), "admin"),
            account_key(Some(TenantId(1)), "Admin")
        );
        assert_ne!(
            account_key(Some(TenantId(1)), "admin"),
            account_key(Some(TenantId(2)), "admin")
        );
        assert_ne!(
            account_key(None, "admin"),
            account_key(Some(TenantId(1)), "admin")
        );
        assert_eq!(source_key(Some("10.1.2.3".parse().unwrap())), "10.1.2.3");
        assert_eq!(source_key(None), "unknown");
    }

    #[test]
    fn the_refusal_rounds_the_wait_up_to_whole_seconds() {
        let refusal = refusal(1_500);
        assert_eq!(refusal.code, ErrorCode::LockedOut);
        assert_eq!(refusal.retry_after, Some(2));
    }
}
