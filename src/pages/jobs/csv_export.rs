//! CSV export of the filtered job list: every page of the current filter, written by the model's
//! `jobs_csv` (UTF-8 with a byte-order mark so Excel reads Japanese, one row per job, Hybrid pairs
//! on consecutive rows) and handed to the browser as a download.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use mdm_model::job::{JobListEntry, JobQuery};
use mdm_model::paging::{PageRequest, MAX_PER_PAGE};
use mdm_model::time::Zone;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::api::{Api, ApiError};

/// Every entry matching `query`'s filters, in its sort order, fetched a large page at a time.
pub async fn all_entries(api: &Api, query: &JobQuery) -> Result<Vec<JobListEntry>, ApiError> {
    let mut request = JobQuery {
        page: PageRequest {
            page: 1,
            per_page: MAX_PER_PAGE,
        },
        ..query.clone()
    };
    let mut entries = Vec::new();
    loop {
        let page = api.jobs(&request).await?;
        let more = page.has_next() && !page.items.is_empty();
        entries.extend(page.items);
        if !more {
            return Ok(entries);
        }
        request.page.page += 1;
    }
}

/// `端末初期化ジョブ_20261126-1430.csv`: the prefix and the export time in the administrator's zone.
pub fn file_name(prefix: &str, now: DateTime<Utc>, zone: Zone) -> String {
    format!("{prefix}_{}.csv", mdm_model::time::file_stamp(now, zone))
}

/// Offers `text` to the browser as a file download.
pub fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::time::Zone;

    #[test]
    fn the_file_is_named_after_the_japan_time_of_export() {
        let now = DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            file_name("wipe-jobs", now, Zone::JAPAN),
            "wipe-jobs_20261126-1430.csv"
        );
    }
}
