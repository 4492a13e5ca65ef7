//! One signal per row of a keyed table, kept across new pages: a row whose key comes back with
//! new data (a device whose status changed, a renamed one) gets its signal set and its cells
//! update in place; rows with unchanged data are not touched; rows with new keys are built.
//! Without it a keyed `<For>` keeps showing the data a row was first built with.
//!
//! It also numbers the table bodies: a page that shares no row with the page before (the first
//! page, another group, a list emptied) starts a new body, which the table draws as a fresh
//! `<tbody>` built off the document and put in with one insertion, the old one leaving with one
//! removal. A keyed diff would instead remove and insert every row one by one, each a change
//! to the live table (BENCHMARKS.md: clear and replace).

use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// The rows' signals by key.
#[derive(Debug)]
pub struct KeyedRows<K, T: 'static> {
    rows: HashMap<K, ArcRwSignal<T>>,
    body: u64,
}

impl<K, T> Default for KeyedRows<K, T> {
    fn default() -> Self {
        KeyedRows {
            rows: HashMap::new(),
            body: 0,
        }
    }
}

/// One refreshed page: its rows in order and the number of the body they belong in.
pub struct KeyedPage<K, T: 'static> {
    pub rows: Vec<(K, ArcRwSignal<T>)>,
    /// Changes only when the page shares no row with the page before it.
    pub body: u64,
}

impl<K, T> KeyedRows<K, T>
where
    K: Eq + Hash + Clone,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// The rows of `items` in their order, each with its signal (reused by key, set only when
    /// its data differs). Keys no longer shown are forgotten.
    pub fn refresh(&mut self, items: &[T], key: impl Fn(&T) -> K) -> KeyedPage<K, T> {
        let mut next = HashMap::with_capacity(items.len());
        let mut reused = false;
        let rows = items
            .iter()
            .map(|item| {
                let k = key(item);
                let signal = match self.rows.remove(&k) {
                    Some(signal) => {
                        reused = true;
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
        // When no key was reused, `self.rows` still holds the old page: a new body, unless both
        // pages are empty.
        let both_empty = self.rows.is_empty() && items.is_empty();
        if !(reused || both_empty) {
            self.body += 1;
        }
        self.rows = next;
        KeyedPage {
            rows,
            body: self.body,
        }
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
        assert_eq!(second.rows[0].1, first.rows[1].1, "same key, same signal");
        assert_eq!(second.rows[1].1.get_untracked(), (1, "A"));
        assert_eq!(rows.refresh(&[(3, "c")], |r| r.0).rows.len(), 1);
        assert_eq!(rows.rows.len(), 1, "keys no longer shown are forgotten");
    }

    #[test]
    fn a_new_body_only_for_a_page_sharing_no_row() {
        let mut rows = KeyedRows::<u32, u32>::default();
        let body = |rows: &mut KeyedRows<u32, u32>, items: &[u32]| rows.refresh(items, |r| *r).body;
        assert_eq!(body(&mut rows, &[]), 0, "empty to empty keeps the body");
        let first = body(&mut rows, &[1, 2, 3]);
        assert_ne!(first, 0, "the first rows start a body");
        assert_eq!(
            body(&mut rows, &[3, 2]),
            first,
            "a sorted or filtered page keeps it"
        );
        assert_eq!(
            body(&mut rows, &[3, 2, 4]),
            first,
            "an appended page keeps it"
        );
        let replaced = body(&mut rows, &[5, 6]);
        assert_ne!(replaced, first, "a page of other rows starts another");
        let cleared = body(&mut rows, &[]);
        assert_ne!(cleared, replaced, "emptying the list starts an empty body");
        assert_eq!(body(&mut rows, &[]), cleared);
    }
}
