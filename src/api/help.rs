//! "Was this article helpful?" for the help pages.

use gloo_net::http::Method;
use mdm_model::help::{HelpArticle, HelpFeedbackRecorded, HelpFeedbackRequest, HelpFeedbackState};

use super::{Api, ApiError};

impl Api {
    /// `POST /api/help/{article}/feedback`: records the signed-in administrator's answer.
    pub async fn help_feedback(
        &self,
        article: HelpArticle,
        request: &HelpFeedbackRequest,
    ) -> Result<HelpFeedbackRecorded, ApiError> {
        let path = format!("/help/{}/feedback", article.as_str());
        let response = self.send_json(Method::POST, &path, request).await?;
        Api::json(response).await
    }

    /// `GET /api/help/{article}/feedback`: the signed-in administrator's earlier answer, if any.
    pub async fn help_feedback_state(
        &self,
        article: HelpArticle,
    ) -> Result<HelpFeedbackState, ApiError> {
        let path = format!("/help/{}/feedback", article.as_str());
        let response = self.send(Method::GET, &path).await?;
        Api::json(response).await
    }
}
