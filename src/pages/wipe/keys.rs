//! Idempotency keys of wipe registrations: the same request keeps its key (a double click or a
//! retry after a lost answer registers once), a changed request gets a new one.

use mdm_model::wipe::WipeRequest;

/// The key of the last request sent, and what that request said (without the password, which
/// the portal leaves out of its comparison too).
#[derive(Debug, Clone, Default)]
pub struct KeyRing {
    last: Option<(String, String)>,
}

fn fingerprint(request: &WipeRequest) -> String {
    let parts = (
        request.selection.normalized(),
        &request.options,
        request.agreed,
        request.skip_not_wipeable,
    );
    // Serializing plain data cannot fail; an empty fingerprint would only mean a fresh key.
    serde_json::to_string(&parts).unwrap_or_default()
}

impl KeyRing {
    /// The key to send `request` with; `fresh` makes a new one when needed.
    pub fn key_for(&mut self, request: &WipeRequest, fresh: impl FnOnce() -> String) -> String {
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

/// A new random key (a version 4 UUID) from the browser's cryptographic generator.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto (very old browser): time and Math.random still make a collision unlikely
        // within one administrator's requests, which is the key's whole scope.
        let seed =
            js_sys::Date::now().to_bits() ^ (js_sys::Math::random() * u64::MAX as f64) as u64;
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..]
            .copy_from_slice(&((js_sys::Math::random() * u64::MAX as f64) as u64).to_le_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::ids::DeviceId;
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
