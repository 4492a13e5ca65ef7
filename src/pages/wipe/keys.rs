//! What makes two wipe requests the same registration (see [`crate::idempotency`]).

use mdm_model::wipe::WipeRequest;

use crate::idempotency::Fingerprint;

impl Fingerprint for WipeRequest {
    fn fingerprint(&self) -> String {
        let parts = (
            self.selection.normalized(),
            &self.options,
            self.agreed,
            self.skip_not_wipeable,
        );
        // Serializing plain data cannot fail.
        serde_json::to_string(&parts).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::idempotency::KeyRing;
    use mdm_model::ids::DeviceId;
    use mdm_model::wipe::WipeRequest;
    use mdm_model::wipe::{WipeOptions, WipeSelection};

    fn request(password: &str, esim: bool) -> WipeRequest {
        WipeRequest {
            selection: WipeSelection::Devices {
                device_ids: vec![DeviceId(1), DeviceId(1)],
            },
            options: WipeOptions {
                delete_general_info: true,
                schedule_at: None,
                wifi_setting_id: None,
                keep_esim_data_plan: esim,
                platform: Default::default(),
            },
            password: password.into(),
            agreed: true,
            skip_not_wipeable: false,
        }
    }

    #[test]
    fn a_repeat_keeps_its_key_and_a_change_gets_a_new_one() {
        let mut ring = KeyRing::default();
        let mut n = 0;
        let mut fresh = || {
            n += 1;
            format!("key-{n}")
        };
        assert_eq!(ring.key_for(&request("a", false), &mut fresh), "key-1");
        // A corrected password is the same request to the portal.
        assert_eq!(ring.key_for(&request("b", false), &mut fresh), "key-1");
        assert_eq!(ring.key_for(&request("b", true), &mut fresh), "key-2");
        assert_eq!(ring.key_for(&request("b", false), &mut fresh), "key-3");
    }
}
