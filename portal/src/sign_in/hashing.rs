//! Bounded password hashing. One argon2id verification holds about 19 MiB and a core for tens
//! of milliseconds; without a bound, a burst of sign-ins takes the memory and the CPU of
//! everyone else. A fixed number of verifications run at once; a request waits briefly for a
//! slot and is turned away (429 with `Retry-After`) when none frees up.

use std::{sync::Arc, time::Duration};

use tokio::sync::Semaphore;

use crate::auth;

/// Slots for password verifications.
#[derive(Debug, Clone)]
pub struct PasswordSlots {
    slots: Arc<Semaphore>,
    wait: Duration,
}

/// No slot freed up within the wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

impl PasswordSlots {
    /// `slots` verifications at a time (at least one); a request waits at most `wait`.
    pub fn new(slots: usize, wait: Duration) -> PasswordSlots {
        PasswordSlots {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait,
        }
    }

    /// Half the machine's cores (at least one), so hashing never takes the whole machine
    /// from the requests of administrators already signed in.
    pub fn default_count() -> usize {
        std::thread::available_parallelism()
            .map(|n| n.get() / 2)
            .unwrap_or(1)
            .max(1)
    }

    /// Checks `password` against the stored PHC hash in a slot, on the blocking pool.
    pub async fn verify(&self, stored_hash: String, password: String) -> Result<bool, Busy> {
        let permit = tokio::time::timeout(self.wait, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        let verified = tokio::task::spawn_blocking(move || {
            let verified = auth::verify_password(&stored_hash, &password);
            drop(permit);
            verified
        })
        .await;
        // A panic inside argon2 is a failed check, never a pass.
        Ok(verified.unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{hash_password, HashCost};

    #[tokio::test]
    async fn a_request_that_finds_no_slot_in_time_is_busy() {
        let slots = PasswordSlots::new(1, Duration::from_millis(20));
        let held = slots.slots.clone().acquire_owned().await.unwrap();
        let hash = hash_password("pw", HashCost::Fast).unwrap();
        assert_eq!(slots.verify(hash.clone(), "pw".into()).await, Err(Busy));
        drop(held);
        assert_eq!(slots.verify(hash, "pw".into()).await, Ok(true));
    }
}
