//! Who is signed in, app-wide. The portal is the truth: the state is the answer of
//! `GET /api/session`, replaced by the answer of a sign-in and re-asked after sign-out or expiry.

use leptos::prelude::*;
use mdm_model::session::{Administrator, SessionInfo};
use mdm_model::time::Zone;

use crate::api::{Api, ApiError};

/// Where the session check stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// The first answer has not arrived yet.
    Checking,
    /// The portal could not be asked (down, or answered garbage).
    Unreachable(ApiError),
    SignedOut,
    SignedIn(Administrator),
}

/// The app-wide session, provided by the app root.
#[derive(Clone, Copy)]
pub struct Session {
    check: LocalResource<Result<SessionInfo, ApiError>>,
    state: Memo<SessionState>,
    administrator: Memo<Option<Administrator>>,
    time_zone: Memo<Zone>,
}

impl Session {
    /// Starts the session check and provides the session as context.
    pub fn provide(api: Api) -> Session {
        let expired = api.session_expired();
        let check = LocalResource::new(move || {
            let api = api.clone();
            async move { api.session().await }
        });
        let state = Memo::new(move |_| match check.get() {
            None => SessionState::Checking,
            Some(Err(error)) => SessionState::Unreachable(error),
            Some(Ok(SessionInfo {
                administrator: Some(admin),
                ..
            })) => SessionState::SignedIn(admin),
            Some(Ok(SessionInfo {
                administrator: None,
                ..
            })) => SessionState::SignedOut,
        });
        let administrator = Memo::new(move |_| match state.get() {
            SessionState::SignedIn(admin) => Some(admin),
            _ => None,
        });
        let time_zone = Memo::new(move |_| {
            administrator.with(|admin| admin.as_ref().map(|a| a.time_zone).unwrap_or_default())
        });
        let session = Session {
            check,
            state,
            administrator,
            time_zone,
        };

        // A call refused with `unauthenticated` means the session ended elsewhere (expiry, sign-out
        // in another tab): ask the portal again, which sends the shell back to sign-in.
        Effect::watch(
            move || expired.track(),
            move |_, _, _| {
                if session.administrator.get_untracked().is_some() {
                    check.refetch();
                }
            },
            false,
        );
        provide_context(session);
        session
    }

    /// The current state (tracked).
    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    /// The signed-in administrator, if any (tracked; changes when the person or their settings
    /// change).
    pub fn administrator(&self) -> Option<Administrator> {
        self.administrator.get()
    }

    /// The signed-in administrator, without subscribing (event handlers).
    pub fn administrator_untracked(&self) -> Option<Administrator> {
        self.administrator.get_untracked()
    }

    /// The zone the administrator sees and enters times in (tracked); Japan time when nobody is
    /// signed in.
    pub fn time_zone(&self) -> Zone {
        self.time_zone.get()
    }

    /// Takes the portal's answer to a changed time zone: the same person, with the new zone.
    pub fn administrator_changed(&self, admin: Administrator) {
        if let Some(Ok(mut info)) = self.check.get_untracked() {
            info.administrator = Some(admin);
            self.check.set(Some(Ok(info)));
        }
    }

    /// Takes the portal's answer to a successful sign-in as the new state.
    pub fn signed_in(&self, info: SessionInfo) {
        self.check.set(Some(Ok(info)));
    }

    /// Shows the signed-out state at once, then asks the portal for a fresh session and token.
    pub fn signed_out(&self) {
        self.check.set(Some(Ok(SessionInfo {
            administrator: None,
            csrf_token: String::new(),
        })));
        self.check.refetch();
    }

    /// Asks the portal again after it could not be reached, showing the checking state meanwhile.
    pub fn retry(&self) {
        self.check.set(None);
        self.check.refetch();
    }
}

/// The app-wide [`Session`]; panics outside the console's root.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
