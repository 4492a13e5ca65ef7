//! The sign-in form as a pure view: it validates, then hands a request to its caller.

use leptos::prelude::*;
use mdm_model::session::SignInRequest;

use crate::api::ApiError;
use crate::i18n::use_locale;

/// Which fields are missing, found before anything is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoginErrors {
    pub username_missing: bool,
    pub password_missing: bool,
}

impl LoginErrors {
    pub fn is_empty(&self) -> bool {
        !self.username_missing && !self.password_missing
    }
}

/// Checks the form. A password is taken as typed (spaces may be part of it); a user name of
/// spaces only is no user name.
pub fn validate(form: &SignInRequest) -> LoginErrors {
    LoginErrors {
        username_missing: form.username.trim().is_empty(),
        password_missing: form.password.is_empty(),
    }
}

/// User name, password and the sign-in button, with messages next to the fields and above the
/// form. Calls `on_submit` only with a complete form.
#[component]
pub fn LoginForm(
    /// Receives the filled-in form; the user name is trimmed.
    #[prop(into)]
    on_submit: Callback<SignInRequest>,
    /// True while the sign-in request is on its way.
    #[prop(into)]
    pending: Signal<bool>,
    /// The portal's refusal of the last attempt, if any. Errors about one field are shown next to
    /// it; the rest above the button.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let locale = use_locale();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Field messages appear after the first attempt, then follow the typing.
    let attempted = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        let form = SignInRequest {
            username: username.get(),
            password: password.get(),
        };
        if attempted.get() {
            validate(&form)
        } else {
            LoginErrors::default()
        }
    });

    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            let t = locale.t();
            let missing = match field {
                "username" => problems
                    .get()
                    .username_missing
                    .then_some(t.login_username_required),
                _ => problems
                    .get()
                    .password_missing
                    .then_some(t.login_password_required),
            };
            missing.map(str::to_string).or_else(|| {
                error
                    .get()
                    .filter(|e| e.field() == Some(field))
                    .map(|e| e.message(locale.lang()))
            })
        })
    };
    let username_error = field_error("username");
    let password_error = field_error("password");
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e.field(), Some("username" | "password")))
            .map(|e| e.message(locale.lang()))
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let form = SignInRequest {
            username: username.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        };
        if validate(&form).is_empty() && !pending.get_untracked() {
            on_submit.run(form);
        }
    };

    view! {
        <form class="login-form" novalidate on:submit=submit>
            <Show when=move || form_error.get().is_some()>
                <p class="form-error" role="alert" data-testid="login-error">
                    {move || form_error.get()}
                </p>
            </Show>
            <div class="field">
                <label class="field__label" for="login-username">{move || locale.t().login_username}</label>
                <input
                    id="login-username"
                    class="field__input"
                    type="text"
                    name="username"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    data-testid="login-username"
                    aria-invalid=move || username_error.get().is_some().to_string()
                    aria-describedby="field-error-username"
                    bind:value=username
                />
                <Show when=move || username_error.get().is_some()>
                    <p class="field__error" id="field-error-username" data-testid="field-error-username">
                        {move || username_error.get()}
                    </p>
                </Show>
            </div>
            <div class="field">
                <label class="field__label" for="login-password">{move || locale.t().login_password}</label>
                <input
                    id="login-password"
                    class="field__input"
                    type="password"
                    name="password"
                    autocomplete="current-password"
                    data-testid="login-password"
                    aria-invalid=move || password_error.get().is_some().to_string()
                    aria-describedby="field-error-password"
                    bind:value=password
                />
                <Show when=move || password_error.get().is_some()>
                    <p class="field__error" id="field-error-password" data-testid="field-error-password">
                        {move || password_error.get()}
                    </p>
                </Show>
            </div>
            <button
                type="submit"
                class="button button--primary button--block"
                data-testid="login-submit"
                disabled=move || pending.get()
            >
                {move || if pending.get() { locale.t().login_submitting } else { locale.t().login_submit }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(username: &str, password: &str) -> SignInRequest {
        SignInRequest {
            username: username.into(),
            password: password.into(),
        }
    }

    #[test]
    fn both_fields_are_required() {
        assert_eq!(
            validate(&form("", "")),
            LoginErrors {
                username_missing: true,
                password_missing: true
            }
        );
        assert!(validate(&form("admin", "Demo#2026")).is_empty());
    }

    #[test]
    fn blank_user_name_is_missing_but_a_spaced_password_is_not() {
        assert!(validate(&form("   ", "x")).username_missing);
        assert!(!validate(&form("admin", "  ")).password_missing);
    }
}
