//! Turning a wipe selection into plans (preview) and plans into stored jobs (registration).
//! Every decision is a model rule: the portal resolves the selection, gathers the facts the
//! rules need, and writes what they decide in one transaction.

use crate::ids::TenantId;
use mdm_model::ids::AdministratorId;
use std::collections::HashMap;

use crate::store::sql::{Connection, Dialect};
use chrono::{DateTime, Utc};
use mdm_model::{
    audit::AuditEvent,
    command::windows::WindowsWipeKind,
    dep::DepProfile,
    device::Device,
    ids::{DepProfileId, DeviceId},
    job::{
        job_methods, DeviceSnapshot, JobKind, JobMethod, JobStatus, WifiSettingRef,
        IVI_MDM_MAX_DELAY,
    },
    wifi::WifiSetting,
    wipe::{
        check_platform_choices, check_registration, job_options, plan_device_wipe, DeviceWipePlan,
        RefusedDevice, RegistrationRefusal, WipeOptions, WipeProblem, WipeRegistered,
        WipeSelection, WipeValidationErrors,
    },
};

use crate::{
    error::ApiError,
    simulator::ivi_delay_for,
    store::{
        audit, catalog, devices, groups,
        jobs::{self, NewJob, NewWipe},
        to_millis,
    },
};

/// The devices a selection names, in id order. Ids that do not exist (or belong to another
/// tenant) refuse the whole request.
pub fn resolve_selection(
    conn: &Connection,
    tenant_id: TenantId,
    selection: &WipeSelection,
) -> Result<Vec<Device>, ApiError> {
    match selection.normalized() {
        WipeSelection::Devices { device_ids } => {
            let found = devices::by_ids(conn, tenant_id, &device_ids)?;
            if found.len() != device_ids.len() {
                let known: std::collections::HashSet<DeviceId> =
                    found.iter().map(|d| d.id).collect();
                let unknown: Vec<DeviceId> = device_ids
                    .iter()
                    .copied()
                    .filter(|id| !known.contains(id))
                    .collect();
                tracing::info!(?unknown, "wipe selection names unknown devices");
                return Err(validation(WipeProblem::UnknownDevices));
            }
            Ok(found)
        }
        WipeSelection::Filter {
            filter,
            excluded_device_ids,
        } => {
            let forest = groups::forest(conn, tenant_id)?;
            let scope = forest
                .filter_scope(&filter)
                .map_err(|e| ApiError::from(e).with_field("selection"))?;
            let excluded: std::collections::HashSet<DeviceId> =
                excluded_device_ids.into_iter().collect();
            let mut found = devices::matching(conn, tenant_id, &filter, scope.as_ref())?;
            found.retain(|d| !excluded.contains(&d.id));
            Ok(found)
        }
    }
}

/// A validation error for one problem, rendered by the model.
pub fn validation(problem: WipeProblem) -> ApiError {
    ApiError::rendered(move |lang| WipeValidationErrors(vec![problem]).to_api_error(lang))
}

/// Plans every device of the selection with the model's rule.
pub fn plan(
    conn: &Connection,
    tenant_id: TenantId,
    devices: &[Device],
    wifi_chosen: bool,
    windows_kind: WindowsWipeKind,
) -> Result<Vec<DeviceWipePlan>, ApiError> {
    let profiles: HashMap<DepProfileId, DepProfile> = catalog::dep_profiles(conn, tenant_id)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let ids: Vec<DeviceId> = devices.iter().map(|d| d.id).collect();
    let mut open = jobs::open_jobs_of(conn, tenant_id, &ids, JobKind::Wipe)?;
    Ok(devices
        .iter()
        .map(|device| {
            let profile = device.dep_profile_id.and_then(|id| profiles.get(&id));
            plan_device_wipe(
                device,
                profile,
                wifi_chosen,
                windows_kind,
                open.remove(&device.id).unwrap_or_default(),
            )
        })
        .collect())
}

/// Who registers, and how the request is identified for idempotency.
pub struct Registrant<'a> {
    pub tenant_id: TenantId,
    pub admin_id: AdministratorId,
    pub idempotency_key: &'a str,
    pub request_digest: &'a str,
}

/// Registers the wipe, all or nothing, inside the caller's transaction.
pub fn register(
    conn: &Connection,
    who: &Registrant<'_>,
    selection: &WipeSelection,
    options: &WipeOptions,
    skip_not_wipeable: bool,
    wifi: Option<&WifiSetting>,
    now: DateTime<Utc>,
) -> Result<WipeRegistered, ApiError> {
    let devices = resolve_selection(conn, who.tenant_id, selection)?;
    let windows_kind = options.platform.windows.unwrap_or_default();
    let plans = plan(conn, who.tenant_id, &devices, wifi.is_some(), windows_kind)?;
    let registrable = check_registration(&plans, skip_not_wipeable)
        .and_then(|registrable| {
            check_platform_choices(&registrable, &options.platform, options.keep_esim_data_plan)
                .map(|()| registrable)
        })
        .map_err(|refusal| ApiError::rendered(move |lang| refusal.to_api_error(lang)))?;
    let now_ms = to_millis(now);
    let due = options.schedule_at.map(to_millis).unwrap_or(now_ms);
    let wifi_ref = wifi.map(|w| WifiSettingRef {
        id: w.id,
        name: w.name.clone(),
        ssid: w.ssid.clone(),
    });
    let wipe_id = jobs::insert_wipe(
        conn,
        &NewWipe {
            tenant_id: who.tenant_id,
            registered_by: who.admin_id,
            registered_at: now_ms,
            delete_general_info: options.delete_general_info,
            scheduled_at: options.schedule_at.map(to_millis),
            wifi_setting: wifi_ref.as_ref(),
            keep_esim_data_plan: options.keep_esim_data_plan,
            idempotency_key: Some(who.idempotency_key),
            request_digest: Some(who.request_digest),
        },
    )?;
    // What each job records of its device and re-enrollment plan, as they are now.
    let forest = groups::forest(conn, who.tenant_id)?;
    let profile_names: HashMap<DepProfileId, String> = catalog::dep_profiles(conn, who.tenant_id)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let by_id: HashMap<DeviceId, &Device> = devices.iter().map(|d| (d.id, d)).collect();
    let status = JobStatus::initial(options.schedule_at.is_some());
    let mut entries: Vec<Vec<NewJob>> = Vec::with_capacity(registrable.len());
    for plan in &registrable {
        let device = by_id
            .get(&plan.device.id)
            .ok_or_else(|| ApiError::internal("planned device not resolved"))?;
        let snapshot = DeviceSnapshot::of(device, &forest.path(device.group_id));
        let new_jobs: Vec<NewJob> = job_methods(plan.device.management_method)
            .iter()
            .map(|&method| {
                let mut stored = job_options(plan, method, options, wifi_ref.as_ref());
                if let Some(rts) = stored.return_to_service.as_mut() {
                    rts.dep_profile_name = device
                        .dep_profile_id
                        .and_then(|id| profile_names.get(&id).cloned());
                }
                let ivi_ready_at = (method == JobMethod::IviMdm).then(|| {
                    due + ivi_delay_for(plan.device.id, wipe_id, IVI_MDM_MAX_DELAY)
                        .num_milliseconds()
                });
                NewJob {
                    tenant_id: who.tenant_id,
                    wipe_id,
                    device: snapshot.clone(),
                    method,
                    status,
                    registered_at: now_ms,
                    due_at: due,
                    ivi_ready_at,
                    return_to_service: stored.return_to_service,
                    platform: stored.platform,
                    registered_by: who.admin_id,
                    scheduled_at: options.schedule_at.map(to_millis),
                    measure: None,
                }
            })
            .collect();
        entries.push(new_jobs);
    }
    let job_count = entries.iter().map(Vec::len).sum::<usize>() as u64;
    insert_jobs(conn, who.tenant_id, &entries)?;
    let registered = WipeRegistered {
        wipe_id,
        device_count: registrable.len() as u64,
        job_count,
        skipped_device_count: (plans.len() - registrable.len()) as u64,
        registered_at: now,
    };
    audit::record(
        conn,
        who.tenant_id,
        Some(who.admin_id),
        now_ms,
        &format!(
            "wipe {}: {} devices, {} jobs",
            wipe_id, registered.device_count, job_count
        ),
        &AuditEvent::WipeRegistered {
            wipe_id,
            device_count: registered.device_count,
            job_count,
            skipped_device_count: registered.skipped_device_count,
            scheduled_at: options.schedule_at,
            wifi_setting_id: wifi.map(|w| w.id),
        },
    )?;
    jobs::store_wipe_response(
        conn,
        wipe_id,
        &serde_json::to_string(&registered).map_err(ApiError::internal)?,
    )?;
    Ok(registered)
}

/// Writes every device's jobs at once. Should another registration of the same devices have
/// committed between the open-wipe check and here, the unique index on open jobs refuses the
/// batch, and the model's own refusal names the devices that now have an open wipe, as the
/// check would have; the caller's transaction, dropped, undoes the rest.
fn insert_jobs(
    conn: &Connection,
    tenant_id: TenantId,
    entries: &[Vec<NewJob>],
) -> Result<(), ApiError> {
    let batch: Vec<&[NewJob]> = entries.iter().map(Vec::as_slice).collect();
    // PostgreSQL refuses every statement of a transaction after a failed one until it rolls
    // back to a savepoint. SQLite undoes only the failing statement, and a savepoint there
    // would copy every page the batch touches into its journal first (a third of the time of
    // a 10,000-device wipe).
    let savepoint = conn.dialect() == Dialect::Postgres;
    if savepoint {
        conn.execute_batch("SAVEPOINT register_jobs")?;
    }
    let first_id = jobs::next_job_id(conn)?;
    match jobs::insert_entries(conn, first_id, &batch) {
        Ok(_) if savepoint => Ok(conn.execute_batch("RELEASE register_jobs")?),
        Ok(_) => Ok(()),
        Err(error) if error.is_constraint_violation() => {
            if savepoint {
                conn.execute_batch("ROLLBACK TO register_jobs")?;
            }
            let ids: Vec<DeviceId> = entries
                .iter()
                .filter_map(|jobs| jobs.first().map(|j| j.device.id))
                .collect();
            let mut open = jobs::open_jobs_of(conn, tenant_id, &ids, JobKind::Wipe)?;
            // On SQLite the jobs this batch wrote before the refusal are still there.
            for jobs in open.values_mut() {
                jobs.retain(|job| job.0 < first_id);
            }
            open.retain(|_, jobs| !jobs.is_empty());
            let refused: Vec<RefusedDevice> = entries
                .iter()
                .filter_map(|jobs| jobs.first())
                .filter(|job| open.contains_key(&job.device.id))
                .map(|job| RefusedDevice {
                    id: job.device.id,
                    name: job.device.name.clone(),
                    not_wipeable_reason: None,
                    not_applicable: None,
                    open_job_ids: open.get(&job.device.id).cloned().unwrap_or_default(),
                })
                .collect();
            let refusal = RegistrationRefusal::OpenWipeExists(refused);
            Err(ApiError::rendered(move |lang| refusal.to_api_error(lang)))
        }
        Err(error) => Err(error.into()),
    }
}
