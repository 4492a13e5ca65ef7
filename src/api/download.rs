//! Files the portal makes (the CSV exports), read as they arrive so the console can say how far
//! the download is, then handed over whole as a `Blob`.

use gloo_net::http::Method;
use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

use mdm_model::audit::AuditQuery;
use mdm_model::device::DeviceQuery;
use mdm_model::job::JobQuery;

use super::jobs::with_query;
use super::{Api, ApiError};

/// `/devices.csv?…`: the export of the device table's filter and sort, for [`Api::download_csv`].
pub fn devices_csv_path(query: &DeviceQuery) -> String {
    with_query("/devices.csv", &query.to_query_pairs())
}

/// `/jobs.csv?…`: the export of the job list's filters and sort.
pub fn jobs_csv_path(query: &JobQuery) -> String {
    with_query("/jobs.csv", &query.to_query_pairs())
}

/// `/audit.csv?…`: the export of the audit log's filters.
pub fn audit_csv_path(query: &AuditQuery) -> String {
    with_query("/audit.csv", &query.to_query_pairs())
}

/// How far a download is: bytes and lines received (a CSV's rows, its header included).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Received {
    pub bytes: u64,
    pub lines: u64,
}

fn call(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    function.call0(target)
}

impl Api {
    /// `GET {path}` (path and query under the API base), its body read chunk by chunk:
    /// `progress` hears after each one. The whole file comes back as a CSV `Blob`.
    pub async fn download_csv(
        &self,
        path: &str,
        progress: impl Fn(Received),
    ) -> Result<Blob, ApiError> {
        let response = self.send(Method::GET, path).await?;
        let failed = |e: JsValue| ApiError::Network(format!("{e:?}"));
        let body = response
            .body()
            .ok_or_else(|| ApiError::Decode("the answer has no body".into()))?;
        // Through `Reflect` rather than typed bindings: two calls do not justify more web-sys
        // features.
        let reader = call(&body, "getReader").map_err(failed)?;
        let chunks = js_sys::Array::new();
        let mut received = Received::default();
        loop {
            let next = JsFuture::from(js_sys::Promise::from(
                call(&reader, "read").map_err(failed)?,
            ))
            .await
            .map_err(failed)?;
            let done = js_sys::Reflect::get(&next, &"done".into()).map_err(failed)?;
            if done.is_truthy() {
                break;
            }
            let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&next, &"value".into())
                .map_err(failed)?
                .unchecked_into();
            received.bytes += u64::from(chunk.length());
            received.lines += chunk.to_vec().iter().filter(|&&b| b == b'\n').count() as u64;
            chunks.push(&chunk);
            progress(received);
        }
        let options = BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        Blob::new_with_u8_array_sequence_and_options(&chunks, &options).map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::job::{JobKind, JobStatus};

    #[test]
    fn the_jobs_export_follows_the_kind_filter_too() {
        let query = JobQuery {
            kind: Some(JobKind::LostModeOn),
            status: Some(JobStatus::Sent),
            ..JobQuery::default()
        };
        assert_eq!(
            jobs_csv_path(&query),
            "/jobs.csv?kind=lost_mode_on&status=sent"
        );
    }
}
