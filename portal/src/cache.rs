//! A small cache of ordered result ids, so paging through one filtered, sorted list does not
//! re-run the whole query for every page: the first page computes the ordered ids (one
//! index-only scan), later pages slice them. Entries carry the data version they were computed
//! at; any write to the underlying table bumps the version and so retires every entry.

use std::{
    collections::VecDeque,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
};

/// A version counter bumped on every write to one table.
#[derive(Debug, Default)]
pub struct DataVersion(AtomicU64);

impl DataVersion {
    pub const fn new() -> DataVersion {
        DataVersion(AtomicU64::new(0))
    }

    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Most lists kept at once (each is at most one id per row of the table).
const CAPACITY: usize = 16;

/// One cached list: its query key, the data version it was computed at, the ordered ids.
type Entry = (String, u64, Arc<Vec<i64>>);

/// Ordered id lists by query key, most recently used last.
#[derive(Debug, Default)]
pub struct ListCache {
    entries: Mutex<VecDeque<Entry>>,
}

impl ListCache {
    /// The ids for `key` computed at `version`, if cached.
    pub fn get(&self, key: &str, version: u64) -> Option<Arc<Vec<i64>>> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let position = entries
            .iter()
            .position(|(k, v, _)| k == key && *v == version)?;
        let entry = entries.remove(position)?;
        let ids = entry.2.clone();
        entries.push_back(entry);
        Some(ids)
    }

    /// Remembers the ids for `key` at `version`, dropping stale and least recently used lists.
    pub fn put(&self, key: String, version: u64, ids: Arc<Vec<i64>>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(k, v, _)| *v == version && *k != key);
        while entries.len() >= CAPACITY {
            entries.pop_front();
        }
        entries.push_back((key, version, ids));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_version_retires_entries() {
        let cache = ListCache::default();
        cache.put("a".into(), 1, Arc::new(vec![3, 1, 2]));
        assert_eq!(cache.get("a", 1).as_deref(), Some(&vec![3, 1, 2]));
        assert_eq!(cache.get("a", 2), None);
        assert_eq!(cache.get("b", 1), None);
    }

    #[test]
    fn capacity_is_bounded() {
        let cache = ListCache::default();
        for i in 0..(CAPACITY + 5) {
            cache.put(format!("k{i}"), 7, Arc::new(vec![i as i64]));
        }
        assert_eq!(cache.get("k0", 7), None);
        assert!(cache.get(&format!("k{}", CAPACITY + 4), 7).is_some());
    }
}
