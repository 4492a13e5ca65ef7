//! Bounded password hashing. One argon2id verification holds about 19 MiB and a core for tens
//! of milliseconds; without a bound, a burst of sign-ins takes the memory and the CPU of
//! everyone else. A fixed number of verifications run at once, each on one of a fixed set of
//! threads (so the allocator keeps at most that many 19 MiB areas, instead of one per blocking
//! thread that ever hashed); a request waits briefly for a slot and is turned away (429 with
//! `Retry-After`) when none frees up.

use std::{
    sync::{mpsc, Arc, Mutex},
    time::Duration,
};

use tokio::sync::{oneshot, Semaphore};

use crate::auth;

/// One verification for a hashing thread: the stored hash, the password, where to answer.
type Job = (String, String, oneshot::Sender<bool>);

/// Slots for password verifications.
#[derive(Debug, Clone)]
pub struct PasswordSlots {
    slots: Arc<Semaphore>,
    wait: Duration,
    jobs: mpsc::Sender<Job>,
}

/// No slot freed up within the wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

impl PasswordSlots {
    /// `slots` verifications at a time (at least one), on as many threads; a request waits
    /// at most `wait` for one.
    pub fn new(slots: usize, wait: Duration) -> PasswordSlots {
        let slots = slots.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..slots {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("password-check-{n}"))
                .spawn(move || loop {
                    // The lock is held only to take the next job, never while hashing.
                    let next = queue.lock().map(|q| q.recv());
                    let Ok(Ok((hash, password, answer))) = next else {
                        return; // every sender is gone: the portal is shutting down
                    };
                    let _ = answer.send(auth::verify_password(&hash, &password));
                });
            if let Err(error) = spawned {
                tracing::error!(%error, "cannot start a password-check thread");
            }
        }
        PasswordSlots {
            slots: Arc::new(Semaphore::new(slots)),
            wait,
            jobs,
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

    /// Checks `password` against the stored PHC hash in a slot.
    pub async fn verify(&self, stored_hash: String, password: String) -> Result<bool, Busy> {
        let _permit = tokio::time::timeout(self.wait, self.slots.acquire())
            .await
            .map_err(|_| Busy)?
            .map_err(|_| Busy)?;
        let (answer, verified) = oneshot::channel();
        self.jobs
            .send((stored_hash, password, answer))
            .map_err(|_| Busy)?;
        // A thread lost to a panic inside argon2 is a failed check, never a pass.
        Ok(verified.await.unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{hash_password, HashCost};

    #[tokio::test]
    async fn a_request_that_finds_no_slot_in_time_is_busy() {
        let slots = PasswordSlots::new(1, Duration::from_millis(20));
        let held = slots.slots.acquire().await.unwrap();
        let hash = hash_password("pw", HashCost::Fast).unwrap();
        assert_eq!(slots.verify(hash.clone(), "pw".into()).await, Err(Busy));
        drop(held);
        assert_eq!(slots.verify(hash, "pw".into()).await, Ok(true));
    }
}
