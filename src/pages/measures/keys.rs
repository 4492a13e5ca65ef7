//! What makes two measure requests the same registration (see [`crate::idempotency`]).

use mdm_model::measure::MeasureRequest;

use crate::idempotency::Fingerprint;

impl Fingerprint for MeasureRequest {
    fn fingerprint(&self) -> String {
        let parts = (
            self.selection.normalized(),
            self.options.recorded(),
            self.agreed,
            self.skip_not_applicable,
        );
        // Serializing plain data cannot fail.
        serde_json::to_string(&parts).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::idempotency::KeyRing;
    use mdm_model::ids::DeviceId;
    use mdm_model::measure::MeasureRequest;
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
