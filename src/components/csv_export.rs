//! The export button of a list: downloads the portal's CSV of the list's filter, says how far it
//! is while the rows arrive (rows and size received), then saves the file.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use mdm_model::time::Zone;
use web_sys::{Blob, HtmlAnchorElement, Url};

use crate::api::{Api, Received};
use crate::components::{use_toasts, ToastKind};
use crate::i18n::use_locale;

/// `端末初期化ジョブ_20261126-1430.csv`: the prefix and the export time in the administrator's zone.
pub fn file_name(prefix: &str, now: DateTime<Utc>, zone: Zone) -> String {
    format!("{prefix}_{}.csv", mdm_model::time::file_stamp(now, zone))
}

/// Offers `blob` to the browser as a file download.
pub fn save(file_name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let link: HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    // A link outside the document: the router never sees the click, the browser saves the file.
    link.click();
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Rows of a CSV received so far: its lines less the header.
fn rows(received: Received) -> u64 {
    received.lines.saturating_sub(1)
}

/// A button downloading `path` (under the API base, query included) as `{prefix}_{time}.csv`.
#[component]
pub fn CsvExportButton(
    /// The export's path and query, for the list's current filter.
    #[prop(into)]
    path: Signal<String>,
    /// The start of the file name.
    #[prop(into)]
    file_prefix: Signal<&'static str>,
    /// The administrator's time zone (the file name's time).
    #[prop(into)]
    zone: Signal<Zone>,
    /// Nothing to export.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// `data-testid` of the button; its progress is `{test_id}-progress`.
    test_id: &'static str,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let locale = use_locale();
    let toasts = use_toasts();
    let received = RwSignal::new(None::<Received>);
    let export = Action::new_local(move |path: &String| {
        let (api, path) = (api.clone(), path.clone());
        received.set(Some(Received::default()));
        async move {
            let result = api
                .download_csv(&path, |now| {
                    received.try_set(Some(now));
                })
                .await;
            let t = locale.t_untracked().table;
            match result {
                Ok(blob) => {
                    let shown = received.get_untracked().unwrap_or_default();
                    let name = file_name(
                        file_prefix.get_untracked(),
                        Utc::now(),
                        zone.get_untracked(),
                    );
                    match save(&name, &blob) {
                        Ok(()) => toasts.show(ToastKind::Success, (t.exported)(rows(shown))),
                        Err(_) => toasts.show(ToastKind::Error, t.export_failed),
                    }
                }
                Err(error) => toasts.show(ToastKind::Error, error.message(locale.lang_untracked())),
            }
            received.try_set(None);
        }
    });
    let running = export.pending();
    view! {
        <span class="csv-export">
            <button
                type="button"
                class="button csv-export__button"
                data-testid=test_id
                disabled=move || running.get() || disabled.get()
                on:click=move |_| {
                    export.dispatch_local(path.get_untracked());
                }
            >
                {move || locale.t().table.export_csv}
            </button>
            <span class="csv-export__progress" role="status" data-testid=format!("{test_id}-progress")>
                {move || received.get().map(|now| (locale.t().table.export_progress)(rows(now), now.bytes))}
            </span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_time_of_export_in_the_zone() {
        let now = DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            file_name("wipe-jobs", now, Zone::JAPAN),
            "wipe-jobs_20261126-1430.csv"
        );
        let received = Received {
            bytes: 10,
            lines: 3,
        };
        assert_eq!(rows(received), 2);
    }
}
