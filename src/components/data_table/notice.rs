//! The one loading / empty / error pattern of every list: a full-width row of the table itself
//! (the header stays, so the columns and sort buttons never jump), built from where the list's
//! fetch stands by [`TableNotice::of`].

use leptos::prelude::*;

use crate::api::ApiError;
use mdm_model::Lang;

/// What a table shows instead of rows.
#[derive(Debug, Clone, PartialEq)]
pub enum TableNotice {
    /// The first page is on its way.
    Loading(String),
    /// Nothing to show: a title, a hint and, when there is a way on (clear the filters, go and
    /// register something), its button's label.
    Empty {
        title: String,
        hint: String,
        action: Option<String>,
    },
    /// The rows could not be loaded (or the address could not be read): what happened, and the
    /// label of the button that tries again (or resets the address).
    Error { message: String, retry: String },
}

/// Where a list's fetch stands, as the notice needs it.
pub enum ListState<'a> {
    /// Nothing answered yet.
    Loading,
    /// The last answer for the shown query was a failure.
    Failed(&'a ApiError),
    /// An answer with no rows.
    Empty,
    /// Rows to show.
    Rows,
}

impl TableNotice {
    /// The notice for `state`: the list's own loading text and empty notice, and the shared
    /// words for a failure; `None` when there are rows.
    pub fn of(
        state: ListState<'_>,
        lang: Lang,
        loading: &str,
        empty: impl FnOnce() -> TableNotice,
    ) -> Option<TableNotice> {
        match state {
            ListState::Loading => Some(TableNotice::Loading(loading.to_string())),
            ListState::Failed(error) => Some(TableNotice::Error {
                message: error.message(lang),
                retry: crate::i18n::catalog(lang).table.retry.to_string(),
            }),
            ListState::Empty => Some(empty()),
            ListState::Rows => None,
        }
    }

    /// An empty notice without a way on.
    pub fn empty(title: &str, hint: &str) -> TableNotice {
        TableNotice::Empty {
            title: title.to_string(),
            hint: hint.to_string(),
            action: None,
        }
    }
}

/// One full-width row carrying a [`TableNotice`].
#[component]
pub fn TableNoticeRow(
    /// Number of columns of the table.
    columns: u32,
    /// What to say.
    notice: TableNotice,
    /// Called by the notice's button: retry (or reset) for an error, the way on when empty.
    #[prop(default = None)]
    on_action: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <tr class="table-notice-row">
            <td colspan=columns.to_string()>
                <Notice notice=notice on_action=on_action/>
            </td>
        </tr>
    }
}

/// A [`TableNotice`] on its own, where there is no table around it (a detail panel loading or
/// failing): the same words, look and test ids as in a table.
#[component]
pub fn Notice(
    /// What to say.
    notice: TableNotice,
    /// Called by the notice's button: retry (or reset) for an error, the way on when empty.
    #[prop(default = None)]
    on_action: Option<Callback<()>>,
) -> impl IntoView {
    let button = move |label: String, test_id: &'static str, primary: bool| {
        on_action.map(|action| {
            view! {
                <button
                    type="button"
                    class="button"
                    class:button--primary=primary
                    data-testid=test_id
                    on:click=move |_| action.run(())
                >
                    {label}
                </button>
            }
        })
    };
    match notice {
        TableNotice::Loading(text) => view! {
            <div class="table-notice" role="status" data-testid="table-loading">
                <div class="spinner" aria-hidden="true"></div>
                <p>{text}</p>
            </div>
        }
        .into_any(),
        TableNotice::Empty {
            title,
            hint,
            action,
        } => view! {
            <div class="table-notice" data-testid="table-empty">
                <p class="table-notice__title">{title}</p>
                <p class="table-notice__hint">{hint}</p>
                {action.and_then(|label| button(label, "table-empty-action", false))}
            </div>
        }
        .into_any(),
        TableNotice::Error { message, retry } => view! {
            <div class="table-notice table-notice--error" role="alert" data-testid="table-error">
                <p>{message}</p>
                {button(retry, "table-retry", true)}
            </div>
        }
        .into_any(),
    }
}
