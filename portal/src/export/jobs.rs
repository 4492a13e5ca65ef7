//! The job list's export: every job matching the filter, in the list's sort order, a Hybrid
//! pair on two consecutive rows.

use axum::response::Response;
use mdm_model::{
    job::{jobs_csv_header, jobs_csv_rows, JobQuery},
    time::Zone,
    Lang,
};

use super::{stream_csv, CHUNK_ROWS};
use crate::{
    ids::TenantId,
    store::{jobs, Store},
};

/// The jobs of `tenant_id` matching `query` (its page ignored), as CSV in `lang` with times in
/// `zone`.
pub fn jobs_csv(
    store: &Store,
    tenant_id: TenantId,
    query: JobQuery,
    lang: Lang,
    zone: Zone,
) -> Response {
    let header = jobs_csv_header(lang, zone);
    stream_csv(store, "wipe-jobs.csv", header, move |tx, sink| {
        let ids = jobs::ordered_entry_ids(tx, tenant_id, &query)?;
        for chunk in ids.chunks(CHUNK_ROWS) {
            let entries = jobs::entries(tx, chunk)?;
            sink.send(jobs_csv_rows(&entries, lang, zone))?;
        }
        Ok(())
    })
}
