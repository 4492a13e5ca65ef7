//! `PUT /api/session/time-zone`: the zone the signed-in administrator sees and enters times in.

use axum::{extract::State, Extension};
use mdm_model::{
    audit::AuditEvent,
    session::{Administrator, TimeZoneRequest},
    ErrorCode,
};

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::ApiJson,
    state::AppState,
    store::{admins, audit},
};

/// Checks the IANA name with the model's rule (an unknown name: 422 on `time_zone`, nothing
/// changed), stores it, audits an actual change, and answers the administrator as now stored.
pub async fn set(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiJson(request): ApiJson<TimeZoneRequest>,
) -> Result<ApiJson<Administrator>, ApiError> {
    let zone = request
        .zone()
        .map_err(|unknown| ApiError::rendered(move |lang| unknown.to_api_error(lang)))?;
    let from = current.admin.time_zone;
    let (admin_id, tenant_id) = (current.admin.id, current.tenant_id);
    let at = state.clock.now_ms();
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction()?;
            if !admins::set_time_zone(&tx, admin_id, zone)? {
                return Err(ApiError::new(ErrorCode::Unauthenticated));
            }
            if from != zone {
                let event = AuditEvent::TimeZoneChanged { from, to: zone };
                audit::record(&tx, tenant_id, Some(admin_id), at, zone.name(), &event)?;
            }
            Ok(tx.commit()?)
        })
        .await?;
    tracing::info!(admin_id = admin_id.0, zone = zone.name(), "time zone set");
    Ok(ApiJson(Administrator {
        time_zone: zone,
        ..current.admin
    }))
}
