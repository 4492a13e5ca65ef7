//! `POST /api/help/{article}/feedback`: "was this article helpful?".

use axum::{extract::State, http::StatusCode, Extension};
use mdm_model::{
    audit::AuditAction,
    help::{HelpArticle, HelpFeedbackRecorded, HelpFeedbackRequest},
};
use rusqlite::params;

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, ApiPath},
    state::AppState,
    store::{audit, to_millis},
};

/// Records one answer (201).
pub async fn feedback(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(article): ApiPath<HelpArticle>,
    ApiJson(request): ApiJson<HelpFeedbackRequest>,
) -> Result<(StatusCode, ApiJson<HelpFeedbackRecorded>), ApiError> {
    let now = state.clock.now();
    let at = to_millis(now);
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO help_feedback (tenant_id, admin_id, article, helpful, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![current.tenant_id, current.admin.id, article.as_str(), request.helpful, at],
            )?;
            let details = serde_json::json!({ "article": article, "helpful": request.helpful });
            audit::record(&tx, current.tenant_id, Some(current.admin.id), at, AuditAction::HelpFeedback, article.as_str(), &details)?;
            Ok(tx.commit()?)
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(HelpFeedbackRecorded {
            article,
            helpful: request.helpful,
            recorded_at: now,
        }),
    ))
}
