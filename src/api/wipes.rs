//! What a wipe would do, and registering it.

use gloo_net::http::Method;
use mdm_model::wipe::{
    WipePreview, WipePreviewRequest, WipeRegistered, WipeRequest, IDEMPOTENCY_KEY_HEADER,
};

use super::{Api, ApiError};

impl Api {
    /// `POST /api/wipes/preview`: per-device outcome, jobs and totals of a wipe.
    pub async fn preview_wipe(
        &self,
        request: &WipePreviewRequest,
    ) -> Result<WipePreview, ApiError> {
        let response = self
            .send_json(Method::POST, "/wipes/preview", request)
            .await?;
        Api::json(response).await
    }

    /// `POST /api/wipes`: registers the wipe jobs. A repeat with the same `idempotency_key`
    /// answers the first registration instead of registering again.
    pub async fn register_wipe(
        &self,
        request: &WipeRequest,
        idempotency_key: &str,
    ) -> Result<WipeRegistered, ApiError> {
        let request = self
            .request(Method::POST, "/wipes")
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(request)
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = self.gate(request.send().await).await?;
        Api::json(response).await
    }
}
