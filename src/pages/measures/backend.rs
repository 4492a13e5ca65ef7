//! What a measure's screen asks of the portal, as two functions, so the screen mounts in
//! browser tests with a fake portal and in the app with the real [`Api`] (as the wipe's does).

use std::sync::Arc;

use mdm_model::measure::{
    MeasurePreview, MeasurePreviewRequest, MeasureRegistered, MeasureRequest,
};

use crate::api::{Api, ApiError};
use crate::pages::wipe::backend::LocalFuture;

type PreviewFn =
    dyn Fn(MeasurePreviewRequest) -> LocalFuture<Result<MeasurePreview, ApiError>> + Send + Sync;
type RegisterFn = dyn Fn(MeasureRequest, String) -> LocalFuture<Result<MeasureRegistered, ApiError>>
    + Send
    + Sync;

/// The portal as a measure's screen sees it: preview a measure, register it under an
/// idempotency key.
#[derive(Clone)]
pub struct MeasureBackend {
    preview: Arc<PreviewFn>,
    register: Arc<RegisterFn>,
}

impl MeasureBackend {
    /// A backend made of two functions (a fake portal in tests).
    pub fn new(
        preview: impl Fn(MeasurePreviewRequest) -> LocalFuture<Result<MeasurePreview, ApiError>>
            + Send
            + Sync
            + 'static,
        register: impl Fn(MeasureRequest, String) -> LocalFuture<Result<MeasureRegistered, ApiError>>
            + Send
            + Sync
            + 'static,
    ) -> MeasureBackend {
        MeasureBackend {
            preview: Arc::new(preview),
            register: Arc::new(register),
        }
    }

    /// The real portal.
    pub fn from_api(api: Api) -> MeasureBackend {
        let for_register = api.clone();
        MeasureBackend::new(
            move |request| {
                let api = api.clone();
                Box::pin(async move { api.preview_measure(&request).await })
            },
            move |request, key| {
                let api = for_register.clone();
                Box::pin(async move { api.register_measure(&request, &key).await })
            },
        )
    }

    /// `POST /api/measures/preview`.
    pub fn preview(
        &self,
        request: MeasurePreviewRequest,
    ) -> LocalFuture<Result<MeasurePreview, ApiError>> {
        (self.preview)(request)
    }

    /// `POST /api/measures` with `Idempotency-Key: key`.
    pub fn register(
        &self,
        request: MeasureRequest,
        key: String,
    ) -> LocalFuture<Result<MeasureRegistered, ApiError>> {
        (self.register)(request, key)
    }
}
