//! `GET /api/jobs`, `GET /api/jobs.csv`, `GET /api/jobs/{id}`, `POST /api/jobs/{id}/cancel`.

use crate::ids::TenantId;
use crate::store::sql::{Connection, TransactionBehavior};
use axum::{extract::State, http::HeaderMap, response::Response, Extension};
use mdm_model::{
    audit::AuditEvent,
    device::DeviceState,
    ids::JobId,
    job::{
        due_at, plan_administrator_cancel, timeout_at, unmet_conditions, CancelJobsResult,
        DeviceNow, ExecutionConditions, Job, JobDetail, JobListEntry, JobQuery, JobSortKey,
        JobStatus, SendAttempt, StatusReason,
    },
    paging::Page,
    ErrorCode, ErrorDetails, JobState,
};

use crate::{
    auth::CurrentAdmin,
    engine::command::job_command,
    error::{request_lang, ApiError},
    export,
    extract::{ApiJson, ApiPath, QueryPairs},
    state::AppState,
    store::{audit, devices, groups, jobs, locations, to_millis},
};

/// One page of jobs; a Hybrid pair is one entry.
pub async fn list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    pairs: QueryPairs,
) -> Result<ApiJson<Page<JobListEntry>>, ApiError> {
    let query = JobQuery::from_query(&pairs.reader())?;
    let cache = state.job_lists.clone();
    let store = state.store.clone();
    let page = state
        .store
        .read(move |conn| {
            // Paging through one list reuses its ordered entry ids until a change that can
            // move them.
            let key = format!(
                "{}|{:?}",
                current.tenant_id,
                JobQuery {
                    page: Default::default(),
                    ..query.clone()
                }
            );
            let tenant_id = current.tenant_id;
            let (ids, refresh) = cache.ids(&key, tenant_id, list_deps(&query), || {
                jobs::ordered_entry_ids(conn, tenant_id, &query)
            })?;
            // A stale list is recomputed beside this request, which pages the stale one.
            if let Some(refresh) = refresh {
                let (cache, query) = (cache.clone(), query.clone());
                tokio::task::spawn_blocking(move || {
                    let ids = store.read_blocking(|conn| {
                        Ok(jobs::ordered_entry_ids(conn, tenant_id, &query)?)
                    });
                    cache.finish(refresh, ids.ok());
                });
            }
            let total = ids.len() as u64;
            query.page.ensure_within(total)?;
            let start = (query.page.offset() as usize).min(ids.len());
            let end = (start + query.page.limit() as usize).min(ids.len());
            let items = jobs::entries(conn, &ids[start..end])?;
            Ok(Page::new(items, total, query.page))
        })
        .await?;
    Ok(ApiJson(page))
}

/// Every job matching the filters (sort applied; `page` and `per_page` ignored) as CSV in the
/// request's language and the administrator's time zone, as of one moment, streamed.
pub async fn csv(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    headers: HeaderMap,
    pairs: QueryPairs,
) -> Result<Response, ApiError> {
    let query = JobQuery::from_query(&pairs.reader())?;
    Ok(export::jobs_csv(
        &state.store,
        current.tenant_id,
        query,
        request_lang(&headers),
        current.admin.time_zone,
    ))
}

/// The column groups a job list reads: the entries' status and update time change as jobs
/// move; every other filter and sort column is fixed at registration.
fn list_deps(query: &JobQuery) -> crate::cache::Deps {
    use crate::cache::job_deps::{ROWS, STATUS, UPDATED};
    let status = if query.status.is_some() || query.sort == JobSortKey::Status {
        STATUS
    } else {
        0
    };
    let updated = if query.sort == JobSortKey::UpdatedAt {
        UPDATED
    } else {
        0
    };
    ROWS | status | updated
}

fn job_or_404(conn: &Connection, tenant_id: TenantId, id: JobId) -> Result<Job, ApiError> {
    jobs::get(conn, tenant_id, id)?.ok_or_else(|| ApiError::new(ErrorCode::NotFound))
}

/// A job with its partner, history, the device's conditions and the command it sends.
pub async fn detail(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(id): ApiPath<JobId>,
) -> Result<ApiJson<JobDetail>, ApiError> {
    let tenant_id = current.tenant_id;
    let detail = state
        .store
        .read(move |conn| {
            let job = job_or_404(conn, tenant_id, id)?;
            let partner = job
                .pair_job_id
                .map(|p| jobs::get(conn, tenant_id, p))
                .transpose()?
                .flatten();
            let history = jobs::history(conn, id)?;
            let attempts = jobs::attempts(conn, id)?;
            let device = devices::get(conn, tenant_id, job.device.id)?;
            let device_now = match &device {
                Some(device) => {
                    let forest = groups::forest(conn, tenant_id)?;
                    Some(DeviceNow::of(device, &forest.path(device.group_id)))
                }
                None => None,
            };
            let conditions = match &device {
                Some(device) => ExecutionConditions {
                    state: device.state,
                    last_seen_at: device.last_seen_at,
                    unmet: unmet_conditions(job.method, &device.state),
                },
                // A device no longer in the fleet reports nothing: the last conditions seen
                // are those of the last send, else none hold.
                None => gone_device_conditions(&job, &attempts),
            };
            let due = due_at(job.registered_at, job.options.scheduled_at);
            let times_out_at = matches!(job.status, JobStatus::WaitingForDevice | JobStatus::Sent)
                .then(|| timeout_at(due));
            // Once sent, the command as it was last sent (never rebuilt from today's Wi-Fi
            // setting); before, the command that will be sent.
            let command = match attempts.iter().rev().find_map(|a| a.command.as_ref()) {
                Some(sent) => Some(sent.display.clone()),
                // A record that cannot make its command shows none (its failure says why).
                None => job_command(conn, tenant_id, &job, attempts.len() as u32 + 1)?
                    .ok()
                    .flatten()
                    .map(|c| c.masked()),
            };
            let command_text = command.as_ref().map(|c| c.wire_text());
            let location = locations::of_job(conn, id)?;
            Ok(JobDetail {
                job,
                partner,
                history,
                device_now,
                conditions,
                attempts,
                times_out_at,
                command,
                command_text,
                location,
            })
        })
        .await?;
    Ok(ApiJson(detail))
}

fn gone_device_conditions(job: &Job, attempts: &[SendAttempt]) -> ExecutionConditions {
    let state = attempts
        .last()
        .map(|a| a.conditions.state)
        .unwrap_or(DeviceState {
            powered_on: false,
            network_connected: false,
            mdm_profile_installed: false,
            activesync: None,
        });
    ExecutionConditions {
        state,
        last_seen_at: attempts.last().map(|a| a.at).unwrap_or(job.registered_at),
        unmet: unmet_conditions(job.method, &state),
    }
}

/// Cancels a scheduled or waiting job, and its Hybrid partner with it.
pub async fn cancel(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(id): ApiPath<JobId>,
) -> Result<ApiJson<CancelJobsResult>, ApiError> {
    let (tenant_id, admin_id) = (current.tenant_id, current.admin.id);
    let now = to_millis(state.clock.now());
    let result = state
        .store
        .call(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let job = job_or_404(&tx, tenant_id, id)?;
            let mut pair = vec![job];
            if let Some(partner) = pair[0].pair_job_id {
                pair.push(job_or_404(&tx, tenant_id, partner)?);
            }
            let statuses: Vec<JobStatus> = pair.iter().map(|j| j.status).collect();
            let positions = plan_administrator_cancel(&statuses).map_err(|refusal| {
                ApiError::new(refusal.error_code()).with_details(ErrorDetails::Jobs {
                    jobs: pair
                        .iter()
                        .map(|j| JobState {
                            id: j.id,
                            status: j.status,
                        })
                        .collect(),
                })
            })?;
            let mut cancelled = Vec::with_capacity(positions.len());
            for position in positions {
                let job = &pair[position];
                jobs::transition(
                    &tx,
                    job.id,
                    job.status,
                    JobStatus::Cancelled,
                    StatusReason::CancelledByAdministrator,
                    now,
                    now,
                )?;
                cancelled.push(job_or_404(&tx, tenant_id, job.id)?);
            }
            let ids: Vec<JobId> = cancelled.iter().map(|j| j.id).collect();
            // The device as registered, so the entry names it whatever happens to the device.
            let device = &pair[0].device;
            let summary = format!(
                "jobs cancelled: {} on {} ({})",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                device.name,
                device.user_full_name.as_deref().unwrap_or("-")
            );
            let event = AuditEvent::JobsCancelled {
                job_ids: ids.clone(),
            };
            audit::record(&tx, tenant_id, Some(admin_id), now, &summary, &event)?;
            tx.commit()?;
            // The administrator's own change: every job list of the tenant shows it at once.
            crate::cache::record(
                crate::cache::Table::Jobs,
                tenant_id,
                crate::cache::job_deps::ROWS,
            );
            Ok(CancelJobsResult { cancelled })
        })
        .await?;
    Ok(ApiJson(result))
}

/// `GET /api/jobs/{id}/audit`: the audit entries about a job, its Hybrid partner and its wipe's
/// registration, oldest first, in one answer.
pub async fn audit_entries(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(id): ApiPath<JobId>,
) -> Result<ApiJson<Vec<mdm_model::audit::AuditEntry>>, ApiError> {
    let tenant_id = current.tenant_id;
    let entries = state
        .store
        .call(move |conn| {
            let job = job_or_404(conn, tenant_id, id)?;
            let jobs: Vec<i64> = std::iter::once(job.id.0)
                .chain(job.pair_job_id.map(|p| p.0))
                .collect();
            Ok(audit::for_job(conn, tenant_id, &jobs, job.wipe_id.0)?)
        })
        .await?;
    Ok(ApiJson(entries))
}
