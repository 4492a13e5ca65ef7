//! One tick signal per shown row of the device table.

use std::collections::HashMap;

use leptos::prelude::*;
use mdm_model::ids::DeviceId;

use crate::device_selection::Selection;

/// Whether each shown row is ticked, one signal per row: ticking one device sets one row's
/// signal, where a check in every row would run a thousand times for one click.
#[derive(Clone, Copy)]
pub struct RowTicks {
    rows: StoredValue<HashMap<DeviceId, ArcRwSignal<bool>>>,
}

impl RowTicks {
    /// Follows `selection` for the rows asked for with [`RowTicks::of`].
    pub fn follow(selection: RwSignal<Selection>) -> RowTicks {
        let ticks = RowTicks {
            rows: StoredValue::new(HashMap::new()),
        };
        Effect::new(move || {
            selection.with(|s| {
                ticks.rows.with_value(|rows| {
                    for (id, ticked) in rows {
                        let on = s.contains(*id);
                        if ticked.get_untracked() != on {
                            ticked.set(on);
                        }
                    }
                })
            })
        });
        ticks
    }

    /// The signal of row `id` (made on first use from `selection`).
    pub fn of(&self, id: DeviceId, selection: RwSignal<Selection>) -> ArcRwSignal<bool> {
        let made = || ArcRwSignal::new(selection.with_untracked(|s| s.contains(id)));
        self.rows
            .try_update_value(|rows| rows.entry(id).or_insert_with(made).clone())
            .unwrap_or_else(made)
    }

    /// Forgets the rows not in `shown`.
    pub fn keep(&self, shown: &[DeviceId]) {
        self.rows.update_value(|rows| {
            if rows.len() > shown.len() {
                let shown: std::collections::HashSet<_> = shown.iter().collect();
                rows.retain(|id, _| shown.contains(id));
            }
        });
    }
}
