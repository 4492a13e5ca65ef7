//! `/api/help/{article}/feedback`: "was this article helpful?", one answer per administrator and
//! article.

use crate::store::sql::{params, OptionalExtension};
use axum::{extract::State, http::StatusCode, Extension};
use mdm_model::{
    audit::AuditEvent,
    help::{HelpArticle, HelpFeedbackRecorded, HelpFeedbackRequest, HelpFeedbackState},
    ErrorCode,
};

use crate::{
    auth::CurrentAdmin,
    error::ApiError,
    extract::{ApiJson, ApiPath},
    state::AppState,
    store::{audit, from_millis, to_millis},
};

/// Records the administrator's answer (201), replacing an earlier one to the same article.
pub async fn feedback(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(article): ApiPath<HelpArticle>,
    ApiJson(request): ApiJson<HelpFeedbackRequest>,
) -> Result<(StatusCode, ApiJson<HelpFeedbackRecorded>), ApiError> {
    let request = request.normalized().map_err(|refusal| {
        ApiError::new(ErrorCode::ValidationFailed)
            .with_field(refusal.field())
            .with_message(
                refusal.message(mdm_model::Lang::Ja),
                refusal.message(mdm_model::Lang::En),
            )
    })?;
    let now = state.clock.now();
    let at = to_millis(now);
    let comment = request.comment.clone();
    state
        .store
        .call(move |conn| {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO help_feedback (tenant_id, admin_id, article, helpful, comment, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (tenant_id, admin_id, article)
                 DO UPDATE SET helpful = excluded.helpful, comment = excluded.comment, at = excluded.at",
                params![current.tenant_id, current.admin.id, article.as_str(), request.helpful, comment, at],
            )?;
            let event = AuditEvent::HelpFeedback { article, helpful: request.helpful, comment: comment.clone() };
            audit::record(&tx, current.tenant_id, Some(current.admin.id), at, article.as_str(), &event)?;
            Ok(tx.commit()?)
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        ApiJson(HelpFeedbackRecorded {
            article,
            helpful: request.helpful,
            comment: request.comment,
            recorded_at: now,
        }),
    ))
}

/// The signed-in administrator's answer to the article, so the page can show it again.
pub async fn current(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentAdmin>,
    ApiPath(article): ApiPath<HelpArticle>,
) -> Result<ApiJson<HelpFeedbackState>, ApiError> {
    let row = state
        .store
        .call(move |conn| {
            Ok(conn
                .query_row(
                    "SELECT helpful, comment, at FROM help_feedback
                     WHERE tenant_id = ?1 AND admin_id = ?2 AND article = ?3",
                    params![current.tenant_id, current.admin.id, article.as_str()],
                    |row| {
                        Ok((
                            row.get::<_, bool>(0)?,
                            row.get::<_, Option<String>>(1)?,
                            row.get::<_, i64>(2)?,
                        ))
                    },
                )
                .optional()?)
        })
        .await?;
    Ok(ApiJson(HelpFeedbackState {
        current: row.map(|(helpful, comment, at)| HelpFeedbackRecorded {
            article,
            helpful,
            comment,
            recorded_at: from_millis(at),
        }),
    }))
}
