//! One signal per row of a keyed table, kept across new pages: a row whose key comes back with
//! new data (a device whose status changed, a renamed one) gets its signal set and its cells
//! update in place; rows with unchanged data are not touched; rows with new keys are built.
//! Without it a keyed `<For>` keeps showing the data a row was first built with.

use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// The rows' signals by key.
#[derive(Debug)]
pub struct KeyedRows<K, T: 'static> {
    rows: HashMap<K, ArcRwSignal<T>>,
}

impl<K, T> Default for KeyedRows<K, T> {
    fn default() -> Self {
        KeyedRows {
            rows: HashMap::new(),
        }
    }
}

impl<K, T> KeyedRows<K, T>
where
    K: Eq + Hash + Clone,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// The rows of `items` in their order, each with its signal (reused by key, set only when
    /// its data differs). Keys no longer shown are forgotten.
    pub fn refresh(&mut self, items: &[T], key: impl Fn(&T) -> K) -> Vec<(K, ArcRwSignal<T>)> {
        let mut next = HashMap::with_capacity(items.len());
        let rows = items
            .iter()
            .map(|item| {
                let k = key(item);
                let signal = match self.rows.remove(&k) {
                    Some(signal) => {
                        if signal.with_untracked(|old| old != item) {
                            signal.set(item.clone());
                        }
                        signal
                    }
                    None => ArcRwSignal::new(item.clone()),
                };
                next.insert(k.clone(), signal.clone());
                (k, signal)
            })
            .collect();
        self.rows = next;
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_its_signal_and_sees_new_data() {
        let mut rows = KeyedRows::<u32, (u32, &str)>::default();
        let first = rows.refresh(&[(1, "a"), (2, "b")], |r| r.0);
        let second = rows.refresh(&[(2, "b"), (1, "A")], |r| r.0);
        assert_eq!(second[0].1, first[1].1, "same key, same signal");
        assert_eq!(second[1].1.get_untracked(), (1, "A"));
        assert_eq!(rows.refresh(&[(3, "c")], |r| r.0).len(), 1);
        assert_eq!(rows.rows.len(), 1, "keys no longer shown are forgotten");
    }
}
