//! Idempotency keys of registrations (wipes and the other measures): the same request keeps its
//! key (a double click, a retry after a lost answer or a corrected password registers once), a
//! changed request gets a new one.

/// What of a request decides whether it is the same registration: everything the portal
/// compares, never the password (the portal leaves it out of its comparison too).
pub trait Fingerprint {
    /// The request's comparable parts as text; empty only if they cannot be written, which
    /// then means a fresh key each time.
    fn fingerprint(&self) -> String;
}

/// The key of the last request sent, and that request's fingerprint.
#[derive(Debug, Clone, Default)]
pub struct KeyRing {
    last: Option<(String, String)>,
}

impl KeyRing {
    /// The key to send `request` with; `fresh` makes a new one when needed.
    pub fn key_for(
        &mut self,
        request: &impl Fingerprint,
        fresh: impl FnOnce() -> String,
    ) -> String {
        let print = request.fingerprint();
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
