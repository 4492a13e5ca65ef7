//! What the document says about the CSV exports of the device table and the job list.

use axum::http::Method;

use super::parameters::{device_filters, job_filters, op, order, Operation};

/// The description of an export operation, if `path` is one.
pub(super) fn describe(method: &Method, path: &str) -> Option<Operation> {
    const LIST: &[u16] = &[400, 401];
    let (params, id, summary) = match (method.as_str(), path) {
        ("GET", "/devices.csv") => (
            device_filters(),
            "exportDevices",
            "Every device matching the filter, in the sort asked for, as CSV (UTF-8 with BOM, CRLF; \
             headers and words in the language of Accept-Language, times in the administrator's \
             time zone, named in the last-seen header), as of one moment, streamed",
        ),
        ("GET", "/jobs.csv") => (
            job_filters(),
            "exportJobs",
            "Every job matching the filters, in the sort asked for, as CSV (UTF-8 with BOM, CRLF; \
             one row per job, a Hybrid pair on two rows; headers and words in the language of \
             Accept-Language, times in the administrator's time zone, named in the time \
             headers; the re-enrollment outcome), as of one moment, streamed",
        ),
        _ => return None,
    };
    let mut params = params;
    params.push(order());
    Some(Operation {
        params,
        errors: LIST,
        csv: true,
        ..op(id, summary, 200, None)
    })
}
