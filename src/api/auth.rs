//! Sign in, who am I, sign out.

use gloo_net::http::Method;
use mdm_model::session::{SessionInfo, SignInRequest};

use super::{Api, ApiError};

impl Api {
    /// `GET /api/session`: who is signed in (nobody is a normal answer), plus a fresh CSRF token.
    pub async fn session(&self) -> Result<SessionInfo, ApiError> {
        let response = self.send(Method::GET, "/session").await?;
        let info: SessionInfo = Api::json(response).await?;
        self.remember_csrf(&info.csrf_token);
        Ok(info)
    }

    /// `POST /api/session`: signs in with a user name and password.
    pub async fn sign_in(&self, request: &SignInRequest) -> Result<SessionInfo, ApiError> {
        let response = self.send_json(Method::POST, "/session", request).await?;
        let info: SessionInfo = Api::json(response).await?;
        self.remember_csrf(&info.csrf_token);
        Ok(info)
    }

    /// `DELETE /api/session`: signs out.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        self.send(Method::DELETE, "/session").await.map(|_| ())
    }
}
