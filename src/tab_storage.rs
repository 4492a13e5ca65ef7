//! What the console keeps for one browser tab (the tab's session storage): what an
//! administrator was doing, so a reload of the tab brings it back. Each value is kept for the
//! administrator who made it and is read back only for the same one; nothing secret is ever
//! kept here (no password, no PIN).

use leptos::prelude::window;
use mdm_model::ids::AdministratorId;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The start of every key the console keeps under: a host page embedding the console shares the
/// tab's storage, and keeps its own keys.
pub const PREFIX: &str = "mdm.";

/// A value with the administrator it belongs to.
#[derive(Serialize, Deserialize)]
struct Owned<T> {
    admin: AdministratorId,
    value: T,
}

/// `value`, as kept for `admin`.
pub fn encode<T: Serialize>(admin: AdministratorId, value: &T) -> String {
    serde_json::to_string(&Owned { admin, value }).unwrap_or_default()
}

/// The value kept in `text` if it is `admin`'s (and still reads as a `T`).
pub fn decode<T: DeserializeOwned>(text: &str, admin: AdministratorId) -> Option<T> {
    serde_json::from_str::<Owned<T>>(text)
        .ok()
        .filter(|owned| owned.admin == admin)
        .map(|owned| owned.value)
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Keeps `value` under `key` for `admin` (best effort: a browser refusing storage keeps
/// nothing, and a reload then starts afresh).
pub fn keep<T: Serialize>(key: &str, admin: AdministratorId, value: &T) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, &encode(admin, value));
    }
}

/// The value kept under `key`, if it is `admin`'s.
pub fn kept<T: DeserializeOwned>(key: &str, admin: AdministratorId) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    decode(&text, admin)
}

/// Forgets what is kept under `key`.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Forgets everything the console kept for the tab (signed out).
pub fn forget_all() {
    let Some(storage) = storage() else { return };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_read_back_only_for_the_administrator_who_kept_it() {
        let text = encode(AdministratorId(3), &vec![1, 2]);
        assert_eq!(
            decode::<Vec<i32>>(&text, AdministratorId(3)),
            Some(vec![1, 2])
        );
        assert_eq!(decode::<Vec<i32>>(&text, AdministratorId(4)), None);
        assert_eq!(
            decode::<String>(&text, AdministratorId(3)),
            None,
            "another shape"
        );
        assert_eq!(decode::<Vec<i32>>("{", AdministratorId(3)), None);
    }
}
