//! Sign in, who am I, sign out, and the administrator's own settings.

use gloo_net::http::Method;
use mdm_model::session::{Administrator, SessionInfo, SignInRequest, TimeZoneRequest};
use mdm_model::time::Zone;

use super::{Api, ApiError};
use crate::config::AuthMode;

impl Api {
    /// `GET /api/session`: who is signed in (nobody is a normal answer), plus a fresh CSRF token.
    /// In bearer mode without a token yet, nobody is signed in and the portal is not asked.
    pub async fn session(&self) -> Result<SessionInfo, ApiError> {
        if self.auth() == AuthMode::Bearer && self.bearer().is_none() {
            return Ok(SessionInfo {
                administrator: None,
                csrf_token: String::new(),
            });
        }
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

    /// `DELETE /api/session`: signs out. In bearer mode `DELETE /api/auth/tokens/current`
    /// revokes the host's token instead, and the client forgets it.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        if self.auth() == AuthMode::Bearer {
            let revoked = self.send(Method::DELETE, "/auth/tokens/current").await;
            self.forget_bearer();
            return revoked.map(|_| ());
        }
        self.send(Method::DELETE, "/session").await.map(|_| ())
    }

    /// `PUT /api/session/time-zone`: the zone the administrator sees and enters times in.
    /// Answers the administrator as the portal now has them.
    pub async fn set_time_zone(&self, zone: Zone) -> Result<Administrator, ApiError> {
        let request = TimeZoneRequest {
            time_zone: zone.name().to_string(),
        };
        let response = self
            .send_json(Method::PUT, "/session/time-zone", &request)
            .await?;
        Api::json(response).await
    }
}
