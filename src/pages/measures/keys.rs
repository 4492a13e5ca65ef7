//! Idempotency keys of measure registrations, kept as the wipe keeps its own: the same request
//! keeps its key (a double click, a retry after a lost answer or a corrected password registers
//! once), a changed request gets a new one.

use mdm_model::measure::MeasureRequest;

/// The key of the last request sent, and what that request said (without the password, which
/// the portal leaves out of its comparison too).
#[derive(Debug, Clone, Default)]
pub struct KeyRing {
    last: Option<(String, String)>,
}

fn fingerprint(request: &MeasureRequest) -> String {
    let parts = (
        request.selection.normalized(),
        request.options.recorded(),
        request.agreed,
        request.skip_not_applicable,
    );
    // Serializing plain data cannot fail; an empty fingerprint would only mean a fresh key.
    serde_json::to_string(&parts).unwrap_or_default()
}

impl KeyRing {
    /// The key to send `request` with; `fresh` makes a new one when needed.
    pub fn key_for(&mut self, request: &MeasureRequest, fresh: impl FnOnce() -> String) -> String {
        let print = fingerprint(request);
        match &self.last {
            Some((last, key)) if *last == print && !print.is_empty() => key.clone(),
            _ => {
                let key = fresh();
                self.last = Some((print, key.clone()));
                key
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::ids::DeviceId;
    use mdm_model::measure::{LockOptions, MeasureOptions};
    use mdm_model::wipe::WipeSelection;

    fn lock(password: &str, message: &str) -> MeasureRequest {
        MeasureRequest {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1), DeviceId(2)],
            },
            options: MeasureOptions::Lock(LockOptions {
                message: Some(message.into()),
                ..LockOptions::default()
            }),
            password: password.into(),
            agreed: true,
            skip_not_applicable: false,
        }
    }

    #[test]
    fn a_retry_keeps_its_key_and_a_changed_request_gets_a_new_one() {
        let mut ring = KeyRing::default();
        let mut n = 0;
        let mut fresh = || {
            n += 1;
            format!("key-{n}")
        };
        assert_eq!(
            ring.key_for(&lock("wrong", "拾った方へ"), &mut fresh),
            "key-1"
        );
        // Only the password was corrected: the portal sees the same registration.
        assert_eq!(
            ring.key_for(&lock("Demo#2026", "拾った方へ"), &mut fresh),
            "key-1"
        );
        // Trailing blanks are not a change either: the record keeps the text trimmed.
        assert_eq!(
            ring.key_for(&lock("Demo#2026", "拾った方へ "), &mut fresh),
            "key-1"
        );
        assert_eq!(
            ring.key_for(&lock("Demo#2026", "別の文面"), &mut fresh),
            "key-2"
        );
    }
}
