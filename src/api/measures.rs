//! The lost-device measures other than the wipe: the dialog's counts, a measure's per-device
//! preview, registering it, and the locations a device in lost mode sent.

use gloo_net::http::Method;
use mdm_model::ids::DeviceId;
use mdm_model::measure::{
    DeviceLocations, MeasureCounts, MeasureCountsRequest, MeasurePreview, MeasurePreviewRequest,
    MeasureRegistered, MeasureRequest,
};
use mdm_model::paging::PageRequest;
use mdm_model::wipe::IDEMPOTENCY_KEY_HEADER;

use super::jobs::with_query;
use super::{Api, ApiError};

impl Api {
    /// `POST /api/measures/counts`: how many of the selected devices each measure applies to.
    pub async fn measure_counts(
        &self,
        request: &MeasureCountsRequest,
    ) -> Result<MeasureCounts, ApiError> {
        let response = self
            .send_json(Method::POST, "/measures/counts", request)
            .await?;
        Api::json(response).await
    }

    /// `POST /api/measures/preview`: per device, the channel of its job or why it is left out.
    pub async fn preview_measure(
        &self,
        request: &MeasurePreviewRequest,
    ) -> Result<MeasurePreview, ApiError> {
        let response = self
            .send_json(Method::POST, "/measures/preview", request)
            .await?;
        Api::json(response).await
    }

    /// `POST /api/measures`: registers the measure's jobs. As with the wipe, a repeat with the
    /// same `idempotency_key` answers the first registration instead of registering again.
    pub async fn register_measure(
        &self,
        request: &MeasureRequest,
        idempotency_key: &str,
    ) -> Result<MeasureRegistered, ApiError> {
        let request = self
            .request(Method::POST, "/measures")
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(request)
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = self.gate(request.send().await).await?;
        Api::json(response).await
    }

    /// `GET /api/devices/{id}/locations`: the locations the device sent, newest first.
    pub async fn device_locations(
        &self,
        device: DeviceId,
        page: PageRequest,
    ) -> Result<DeviceLocations, ApiError> {
        let path = with_query(
            &format!("/devices/{device}/locations"),
            &[
                ("page", page.page.to_string()),
                ("per_page", page.per_page.to_string()),
            ],
        );
        Api::json(self.send(Method::GET, &path).await?).await
    }
}
