//! What the wipe screen asks of the portal, as two functions, so the screen mounts in browser
//! tests with a fake portal and in the app with the real [`Api`].

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use mdm_model::wipe::{WipePreview, WipePreviewRequest, WipeRegistered, WipeRequest};

use crate::api::{Api, ApiError};

/// A future that stays on the browser's thread (fetches do).
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

type PreviewFn =
    dyn Fn(WipePreviewRequest) -> LocalFuture<Result<WipePreview, ApiError>> + Send + Sync;
type RegisterFn =
    dyn Fn(WipeRequest, String) -> LocalFuture<Result<WipeRegistered, ApiError>> + Send + Sync;

/// The portal as the wipe screen sees it: preview a wipe, register it under an idempotency key.
#[derive(Clone)]
pub struct WipeBackend {
    preview: Arc<PreviewFn>,
    register: Arc<RegisterFn>,
}

impl WipeBackend {
    /// A backend made of two functions (a fake portal in tests).
    pub fn new(
        preview: impl Fn(WipePreviewRequest) -> LocalFuture<Result<WipePreview, ApiError>>
            + Send
            + Sync
            + 'static,
        register: impl Fn(WipeRequest, String) -> LocalFuture<Result<WipeRegistered, ApiError>>
            + Send
            + Sync
            + 'static,
    ) -> WipeBackend {
        WipeBackend {
            preview: Arc::new(preview),
            register: Arc::new(register),
        }
    }

    /// The real portal.
    pub fn from_api(api: Api) -> WipeBackend {
        let for_register = api.clone();
        WipeBackend::new(
            move |request| {
                let api = api.clone();
                Box::pin(async move { api.preview_wipe(&request).await })
            },
            move |request, key| {
                let api = for_register.clone();
                Box::pin(async move { api.register_wipe(&request, &key).await })
            },
        )
    }

    /// `POST /api/wipes/preview`.
    pub fn preview(
        &self,
        request: WipePreviewRequest,
    ) -> LocalFuture<Result<WipePreview, ApiError>> {
        (self.preview)(request)
    }

    /// `POST /api/wipes` with `Idempotency-Key: key`.
    pub fn register(
        &self,
        request: WipeRequest,
        key: String,
    ) -> LocalFuture<Result<WipeRegistered, ApiError>> {
        (self.register)(request, key)
    }
}
