//! Which optional columns a table shows: the essential ones always (they fit a 1280 px
//! console), the rest as the administrator chooses in the column chooser. The choice is kept per
//! browser and administrator in `localStorage`, so it survives a reload and a colleague signing
//! in on the same machine keeps theirs.
//!
//! Hiding is a class per hidden column on the table (`{table}--hide-{id}`, see
//! `data_table.css` and each table's sheet), so a change restyles the table instead of
//! rebuilding a thousand rows.

use std::collections::BTreeSet;

use leptos::prelude::*;
use mdm_model::Lang;

use crate::i18n::use_locale;

/// A column a table can hide.
#[derive(Debug, Clone, Copy)]
pub struct TableColumn {
    /// Its class suffix and `data-testid` (`column-{id}`).
    pub id: &'static str,
    /// Its title, as the header shows it.
    pub title: fn(Lang) -> &'static str,
}

/// The optional columns of one table and which of them are shown.
#[derive(Clone, Copy)]
pub struct ColumnSet {
    optional: &'static [TableColumn],
    shown: RwSignal<BTreeSet<&'static str>>,
    storage_key: StoredValue<Option<String>>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

impl ColumnSet {
    /// The set of `optional` columns, as last chosen under `storage_key` (none remembered: all
    /// hidden). `storage_key` is `None` where nothing is to be remembered.
    pub fn new(optional: &'static [TableColumn], storage_key: Option<String>) -> ColumnSet {
        let remembered = storage_key
            .as_deref()
            .and_then(|key| storage()?.get_item(key).ok().flatten())
            .unwrap_or_default();
        let shown = optional
            .iter()
            .map(|c| c.id)
            .filter(|id| remembered.split(',').any(|kept| kept == *id))
            .collect();
        ColumnSet {
            optional,
            shown: RwSignal::new(shown),
            storage_key: StoredValue::new(storage_key),
        }
    }

    /// Whether the column is shown (tracked).
    pub fn shows(&self, id: &str) -> bool {
        self.shown.with(|shown| shown.contains(id))
    }

    /// Shows or hides a column, and remembers the choice.
    pub fn set(&self, id: &'static str, on: bool) {
        self.shown.update(|shown| {
            if on {
                shown.insert(id);
            } else {
                shown.remove(id);
            }
        });
        let kept = self
            .shown
            .with_untracked(|shown| shown.iter().copied().collect::<Vec<_>>().join(","));
        if let (Some(key), Some(storage)) = (self.storage_key.get_value(), storage()) {
            // A refused write only means the choice is not remembered.
            let _ = storage.set_item(&key, &kept);
        }
    }

    /// The table's classes: `base`, then `{prefix}--hide-{id}` per hidden column (tracked).
    pub fn table_class(&self, base: &str, prefix: &str) -> String {
        let mut class = base.to_string();
        for column in self.optional {
            if !self.shows(column.id) {
                class.push_str(&format!(" {prefix}--hide-{}", column.id));
            }
        }
        class
    }
}

/// A button opening the list of the table's optional columns, each with a checkbox.
#[component]
pub fn ColumnChooser(
    /// The table's columns.
    columns: ColumnSet,
) -> impl IntoView {
    let locale = use_locale();
    let t = move || locale.t().table;
    view! {
        <details class="column-chooser" data-testid="column-chooser">
            <summary class="button column-chooser__button">{move || t().columns_button}</summary>
            <fieldset class="column-chooser__list">
                <legend class="visually-hidden">{move || t().columns_legend}</legend>
                {columns
                    .optional
                    .iter()
                    .map(|column| {
                        let id = column.id;
                        let title = column.title;
                        view! {
                            <label class="check column-chooser__item">
                                <input
                                    type="checkbox"
                                    class="check__box"
                                    data-testid=format!("column-{id}")
                                    prop:checked=move || columns.shows(id)
                                    on:change=move |ev| columns.set(id, event_target_checked(&ev))
                                />
                                <span>{move || title(locale.lang())}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </details>
    }
}
