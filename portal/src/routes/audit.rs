//! `GET /api/audit`: the tenant's audit log, newest first; `GET /api/audit/actors`: who appears
//! in it; `GET /api/audit.csv`: the filtered log as a CSV file, streamed a page at a time.

use axum::{
    body::{Body, Bytes},
    extract::State,
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Response},
    Extension,
};
use futures_util::stream;
use mdm_model::{
    audit::{audit_csv_header, audit_csv_rows, AuditEntry, AuditQuery},
    ids::AuditEntryId,
    job::AdministratorRef,
    paging::{ItemList, Page, PageRequest, MAX_PER_PAGE},
    time::Zone,
    Lang,
};

use crate::{
    auth::CurrentAdmin,
    error::{request_lang, ApiError},
    extract::{ApiJson, QueryPairs},
    ids::TenantId,
    state::AppState,
    store::audit,
};

/// Lists the signed-in administrator's tenant's log.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<Page<AuditEntry>>, ApiError> {
    let query = AuditQuery::from_query(&pairs.reader())?;
    let page = state
        .store
        .call(move |conn| {
            let total = audit::count(conn, current.tenant_id, &query)?;
            query.page.ensure_within(total)?;
            let items = audit::page(conn, current.tenant_id, &query)?;
            Ok(Page::new(items, total, query.page))
        })
        .await?;
    Ok(ApiJson(page))
}

/// The administrators who appear in the log, for the actor filter.
pub async fn actors(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
) -> Result<ApiJson<ItemList<AdministratorRef>>, ApiError> {
    let items = state
        .store
        .call(move |conn| Ok(audit::actors(conn, current.tenant_id)?))
        .await?;
    Ok(ApiJson(ItemList { items }))
}

/// Where the export stands between two pages.
struct Export {
    state: AppState,
    tenant_id: TenantId,
    query: AuditQuery,
    upto: Option<AuditEntryId>,
    lang: Lang,
    zone: Zone,
    /// The next page to read; `None` once the last one was sent.
    next: Option<u32>,
}

impl Export {
    /// The CSV lines of the next page, and whether more follow.
    async fn next_chunk(&self, page: u32) -> Result<(String, bool), ApiError> {
        let (tenant_id, upto) = (self.tenant_id, self.upto);
        let query = AuditQuery {
            page: PageRequest {
                page,
                per_page: MAX_PER_PAGE,
            },
            ..self.query.clone()
        };
        let entries = self
            .state
            .store
            .call(move |conn| Ok(audit::page_upto(conn, tenant_id, &query, upto)?))
            .await?;
        let more = entries.len() == MAX_PER_PAGE as usize;
        Ok((audit_csv_rows(&entries, self.lang, self.zone), more))
    }
}

/// The filtered log (every page; `page` and `per_page` are ignored) as CSV in the request's
/// language and the administrator's time zone. Rows are read and sent a page at a time, up to
/// the newest entry when the export started, so a long log is never held whole in memory.
pub async fn csv(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    headers: HeaderMap,
    pairs: QueryPairs,
) -> Result<Response, ApiError> {
    let query = AuditQuery::from_query(&pairs.reader())?;
    let lang = request_lang(&headers);
    let tenant_id = current.tenant_id;
    let upto = state
        .store
        .call(move |conn| Ok(audit::last_id(conn, tenant_id)?))
        .await?;
    let export = Export {
        state,
        tenant_id,
        query,
        upto,
        lang,
        zone: current.admin.time_zone,
        next: Some(1),
    };
    let header =
        stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(audit_csv_header(lang))) });
    let rows = stream::unfold(export, |mut export| async move {
        let page = export.next?;
        let chunk = match export.next_chunk(page).await {
            Ok((text, more)) => {
                export.next = more.then_some(page + 1);
                Ok(Bytes::from(text))
            }
            Err(error) => {
                // Headers are gone already: end the body abruptly, so the download fails
                // instead of looking complete.
                tracing::error!(?error, "audit export failed");
                export.next = None;
                Err(std::io::Error::other("audit export failed"))
            }
        };
        Some((chunk, export))
    });
    let body = Body::from_stream(futures_util::StreamExt::chain(header, rows));
    let mut response = body.into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    response_headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"audit-log.csv\""),
    );
    Ok(response)
}
