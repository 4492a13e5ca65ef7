//! Password checks: sign-in, a host page's token request and the wipe's password re-check all
//! go through [`check_password`], which applies the lockout (an attempt is reserved in the
//! database before its password is checked) and a bounded hashing slot. The credential
//! endpoints call [`admit`], the per-address limit, before anything else.

pub mod address_limit;
pub mod hashing;
pub mod lockout;

use std::net::IpAddr;

use mdm_model::{ErrorCode, ErrorDetails};

use crate::{
    error::ApiError,
    state::AppState,
    store::sign_in_attempts::{self, Reservation},
};

/// One password attempt against an account.
#[derive(Debug, Clone)]
pub struct PasswordAttempt {
    /// From [`lockout::account_key`].
    pub account: String,
    /// The client's address, when the connection gave one.
    pub address: Option<IpAddr>,
    /// The stored PHC hash to check against (a dummy one for an unknown user name).
    pub stored_hash: String,
    pub password: String,
}

/// The per-address limit of the credential endpoints (sign-in, token issue): called first,
/// before any database lookup or hashing. A refused request is held for up to a second
/// before its 429 (unless many are held already), so a spray from one address paces itself
/// instead of spinning through thousands of cheap refusals a second that would still take
/// the CPU from signed-in administrators. In-process requests (tests) carry no address; a
/// network client always does.
pub async fn admit(state: &AppState, address: Option<IpAddr>) -> Result<(), ApiError> {
    let Some(Err(wait)) = address.map(|a| state.address_limit.check(a)) else {
        return Ok(());
    };
    if let Some(_held) = state.address_limit.hold() {
        tokio::time::sleep(wait.min(std::time::Duration::from_secs(1))).await;
    }
    Err(too_many_requests(wait.as_secs().max(1)))
}

/// Whether the password is right. Refuses with 429 `too_many_requests` (no hashing slot) or
/// 429 `locked_out` (the account's budget is spent) without checking it.
pub async fn check_password(state: &AppState, attempt: PasswordAttempt) -> Result<bool, ApiError> {
    let (account, source) = (attempt.account, lockout::source_key(attempt.address));
    let now = state.session_clock.now_ms();
    let reservation = state
        .store
        .call(move |conn| {
            let tx =
                conn.transaction_with_behavior(crate::store::sql::TransactionBehavior::Immediate)?;
            let reservation =
                sign_in_attempts::reserve(&tx, &account, &source, now, lockout::BUDGET)?;
            tx.commit()?;
            Ok(reservation)
        })
        .await?;
    let id = match reservation {
        Reservation::Reserved(id) => id,
        Reservation::Locked { retry_after_ms } => return Err(lockout::refusal(retry_after_ms)),
    };
    let verified = state
        .password_slots
        .verify(attempt.stored_hash, attempt.password)
        .await;
    state
        .store
        .call(move |conn| {
            match verified {
                Ok(true) => sign_in_attempts::succeeded(conn, id)?,
                Ok(false) => sign_in_attempts::failed(conn, id)?,
                Err(hashing::Busy) => sign_in_attempts::cancel(conn, id)?,
            }
            Ok(())
        })
        .await?;
    verified.map_err(|hashing::Busy| too_many_requests(1))
}

fn too_many_requests(wait_seconds: u64) -> ApiError {
    ApiError::new(ErrorCode::TooManyRequests)
        .with_details(ErrorDetails::RetryAfter {
            retry_after_seconds: wait_seconds,
        })
        .with_retry_after(wait_seconds)
}
