//! The measure service: what the 紛失時対策 endpoints other than the wipe do, whole, so each
//! handler calls one function. The rules (which devices a measure applies to, what options it
//! takes, when a request is refused) are the model's; this gathers the facts and writes the
//! jobs in one IMMEDIATE transaction, answering a repeated idempotency key as the wipe does.

use std::collections::HashMap;

use crate::store::sql::{Connection, TransactionBehavior};
use mdm_model::{
    audit::{AuditEvent, WipeRefusal},
    device::Device,
    ids::DeviceId,
    job::{DeviceSnapshot, JobKind, JobStatus},
    measure::{
        check_measure_registration, measure_channel, measure_counts, request_problems,
        DeviceLocations, DeviceMeasurePlan, Measure, MeasureCounts, MeasureCountsRequest,
        MeasurePreview, MeasurePreviewRequest, MeasureRefusal, MeasureRegistered, MeasureRequest,
    },
    paging::{Page, PageRequest},
    wipe::WipeSelection,
    ErrorCode,
};

use super::registration::resolve_selection;
use super::wipe_service::{digest_of, earlier_answer, recheck_password, WipeCaller};
use crate::{
    error::ApiError,
    ids::TenantId,
    state::AppState,
    store::{
        audit, devices, groups,
        jobs::{self, NewJob, NewWipe},
        locations, to_millis,
    },
};

/// The wipe has its own endpoints (its options, preview and re-enrollment differ).
fn refuse_wipe(measure: Measure) -> Result<(), ApiError> {
    if measure == Measure::Wipe {
        return Err(ApiError::new(ErrorCode::InvalidParameter).with_field("measure"));
    }
    Ok(())
}

/// Every device of the selection with the channel the measure goes through or why it does
/// not apply, and its open jobs of the measure; in name order.
fn plans(
    conn: &Connection,
    tenant_id: TenantId,
    selection: &WipeSelection,
    measure: Measure,
) -> Result<(Vec<Device>, Vec<DeviceMeasurePlan>), ApiError> {
    let devices = resolve_selection(conn, tenant_id, selection)?;
    let ids: Vec<DeviceId> = devices.iter().map(|d| d.id).collect();
    let mut open = jobs::open_jobs_of(conn, tenant_id, &ids, JobKind::of(measure))?;
    let mut plans: Vec<DeviceMeasurePlan> = devices
        .iter()
        .map(|device| {
            let channel = measure_channel(measure, device);
            DeviceMeasurePlan {
                device: device.brief(),
                channel: channel.ok(),
                not_applicable: channel.err(),
                open_job_ids: open.remove(&device.id).unwrap_or_default(),
                lost_mode: device.lost_mode,
                locked: device.locked,
            }
        })
        .collect();
    plans.sort_by(|a, b| {
        a.device
            .name
            .cmp(&b.device.name)
            .then(a.device.id.cmp(&b.device.id))
    });
    Ok((devices, plans))
}

/// For every measure, how many of the selected devices it applies to.
pub async fn counts(
    state: &AppState,
    tenant_id: TenantId,
    request: MeasureCountsRequest,
) -> Result<MeasureCounts, ApiError> {
    state
        .store
        .read(move |conn| {
            let devices = resolve_selection(conn, tenant_id, &request.selection)?;
            Ok(MeasureCounts {
                device_count: devices.len() as u64,
                measures: measure_counts(devices.iter()),
            })
        })
        .await
}

/// One page of the devices a measure would reach or leave out, with the totals.
pub async fn preview(
    state: &AppState,
    tenant_id: TenantId,
    request: MeasurePreviewRequest,
) -> Result<MeasurePreview, ApiError> {
    refuse_wipe(request.measure)?;
    let page_request = request.page_request();
    page_request.validate()?;
    state
        .store
        .read(move |conn| {
            let (_, mut plans) = plans(conn, tenant_id, &request.selection, request.measure)?;
            let applicable = plans.iter().filter(|p| p.registers()).count() as u64;
            let left_out = plans.len() as u64 - applicable;
            if let Some(wanted) = request.applicable {
                plans.retain(|p| p.registers() == wanted);
            }
            Ok(MeasurePreview {
                measure: request.measure,
                applicable,
                left_out,
                devices: Page::of_all(plans, page_request)?,
            })
        })
        .await
}

/// Registers a measure's jobs, all or nothing, after the model's checks and the password
/// re-check; a repeat of an idempotency key answers the first registration.
pub async fn register(
    state: &AppState,
    caller: WipeCaller,
    request: MeasureRequest,
) -> Result<MeasureRegistered, ApiError> {
    let now = state.clock.now();
    let measure = request.options.measure();
    let problems = request_problems(&request);
    if !problems.is_empty() {
        let refusal = MeasureRefusal::Problems(problems);
        return Err(ApiError::rendered(move |lang| {
            refusal.to_api_error(measure, lang)
        }));
    }
    let refused = AuditEvent::MeasureRefused {
        measure,
        reason: WipeRefusal::WrongPassword,
    };
    recheck_password(state, &caller, request.password.clone(), now, refused).await?;
    // What the job record keeps (text trimmed, blanks dropped) is also what a repeat digests.
    let options = request.options.recorded();
    let digest = digest_of(&serde_json::json!({
        "kind": "measure",
        "selection": request.selection.normalized(),
        "options": options,
        "agreed": request.agreed,
        "skip_not_applicable": request.skip_not_applicable,
    }));
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some(earlier) = earlier_answer(&tx, &caller, &digest)? {
                return Ok(earlier);
            }
            let tenant_id = caller.tenant_id;
            let (devices, plans) = plans(&tx, tenant_id, &request.selection, measure)?;
            let registrable = check_measure_registration(&plans, request.skip_not_applicable)
                .map_err(|refusal| {
                    ApiError::rendered(move |lang| refusal.to_api_error(measure, lang))
                })?;
            let now_ms = to_millis(now);
            let registration_id = jobs::insert_wipe(
                &tx,
                &NewWipe {
                    tenant_id,
                    registered_by: caller.admin_id,
                    registered_at: now_ms,
                    delete_general_info: false,
                    scheduled_at: None,
                    wifi_setting: None,
                    keep_esim_data_plan: false,
                    idempotency_key: Some(&caller.idempotency_key),
                    request_digest: Some(&digest),
                },
            )?;
            let forest = groups::forest(&tx, tenant_id)?;
            let by_id: HashMap<DeviceId, &Device> = devices.iter().map(|d| (d.id, d)).collect();
            let first_id = jobs::next_job_id(&tx)?;
            for (next_id, plan) in (first_id..).zip(&registrable) {
                let (Some(device), Some(method)) = (by_id.get(&plan.device.id), plan.channel)
                else {
                    return Err(ApiError::internal("planned device not resolved"));
                };
                let job = NewJob {
                    tenant_id,
                    wipe_id: registration_id,
                    device: DeviceSnapshot::of(device, &forest.path(device.group_id)),
                    method,
                    status: JobStatus::initial(false),
                    registered_at: now_ms,
                    due_at: now_ms,
                    ivi_ready_at: None,
                    return_to_service: None,
                    platform: None,
                    registered_by: caller.admin_id,
                    scheduled_at: None,
                    measure: Some(options.clone()),
                };
                jobs::insert_entry(&tx, next_id, &[job])
                    .map_err(|e| open_job_race(e, plan, measure))?;
            }
            let registered = MeasureRegistered {
                measure,
                registration_id,
                device_count: registrable.len() as u64,
                job_count: registrable.len() as u64,
                skipped_device_count: (plans.len() - registrable.len()) as u64,
                registered_at: now,
            };
            audit::record(
                &tx,
                tenant_id,
                Some(caller.admin_id),
                now_ms,
                &format!(
                    "{measure} {registration_id}: {} devices",
                    registered.device_count
                ),
                &AuditEvent::MeasureRegistered {
                    wipe_id: registration_id,
                    measure,
                    device_count: registered.device_count,
                    job_count: registered.job_count,
                    skipped_device_count: registered.skipped_device_count,
                },
            )?;
            jobs::store_wipe_response(
                &tx,
                registration_id,
                &serde_json::to_string(&registered).map_err(ApiError::internal)?,
            )?;
            tx.commit()?;
            Ok(registered)
        })
        .await
}

/// Another registration of the measure for the device committed between our check and our
/// insert: the unique index refused it. Answer the model's refusal, as the check would have.
fn open_job_race(
    error: crate::store::sql::Error,
    plan: &DeviceMeasurePlan,
    measure: Measure,
) -> ApiError {
    if error.is_constraint_violation() {
        let refusal = MeasureRefusal::OpenJobExists(vec![plan.refused()]);
        return ApiError::rendered(move |lang| refusal.to_api_error(measure, lang));
    }
    ApiError::from(error)
}

/// One page of where a device said it was, newest first.
pub async fn locations_of(
    state: &AppState,
    tenant_id: TenantId,
    device: DeviceId,
    page: PageRequest,
) -> Result<DeviceLocations, ApiError> {
    page.validate()?;
    state
        .store
        .read(move |conn| {
            if devices::get(conn, tenant_id, device)?.is_none() {
                return Err(ApiError::new(ErrorCode::NotFound));
            }
            Ok(locations::of_device(conn, tenant_id, device, page)?)
        })
        .await
}
