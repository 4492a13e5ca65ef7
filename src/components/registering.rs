//! What a registering screen (the wipe's, every measure's) does with the portal's answer to OK.

use leptos::prelude::*;

use crate::api::ApiError;

/// What a registering screen registers with and keeps of the last refusal.
pub struct Registering<F, Q, R: 'static> {
    /// The form: a change makes a new request, so the last refusal no longer applies.
    pub form: RwSignal<F>,
    pub register: Action<Q, Result<R, ApiError>>,
    /// The portal's last refusal (the messages place it).
    pub refusal: RwSignal<Option<ApiError>>,
}

/// Follows `register`'s answers: `on_done` with what was registered; a refusal is kept after
/// `on_refused` has moved the focus to its field, until the form changes.
pub fn follow_registration<F, Q, R>(
    screen: Registering<F, Q, R>,
    on_done: impl Fn(R) + 'static,
    on_refused: impl Fn(&ApiError) + 'static,
) where
    F: Send + Sync + 'static,
    Q: Send + Sync + 'static,
    R: Clone + Send + Sync + 'static,
{
    let Registering {
        form,
        register,
        refusal,
    } = screen;
    forget_refusal_on_change(form, refusal);
    Effect::new(move || match register.value().get() {
        Some(Ok(registered)) => on_done(registered),
        Some(Err(error)) => {
            on_refused(&error);
            refusal.set(Some(error));
        }
        None => {}
    });
}

/// A changed form is a new request: the portal's last refusal no longer applies.
fn forget_refusal_on_change<T>(form: RwSignal<T>, refusal: RwSignal<Option<ApiError>>)
where
    T: Send + Sync + 'static,
{
    Effect::watch(
        move || form.track(),
        move |_, _, _| refusal.set(None),
        false,
    );
}
