//! The sign-in form as a pure view: it validates, then hands a request to its caller.

use leptos::prelude::*;
use mdm_model::session::SignInRequest;

use mdm_model::Lang;

use crate::api::ApiError;
use crate::i18n::{catalog, use_locale, Locale};

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

/// The two fields of the form; each name is the input's and the one the portal's refusals use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginField {
    Username,
    Password,
}

impl LoginField {
    /// The field's name in the form and in the portal's error body.
    pub fn name(self) -> &'static str {
        match self {
            LoginField::Username => "username",
            LoginField::Password => "password",
        }
    }

    /// The message beside the field: missing (once OK was tried), else the portal's refusal
    /// when it names this field.
    pub fn message(
        self,
        problems: LoginErrors,
        refusal: Option<&ApiError>,
        lang: Lang,
    ) -> Option<String> {
        let t = catalog(lang);
        let missing = match self {
            LoginField::Username => problems
                .username_missing
                .then_some(t.login_username_required),
            LoginField::Password => problems
                .password_missing
                .then_some(t.login_password_required),
        };
        missing.map(str::to_string).or_else(|| {
            refusal
                .filter(|e| e.field() == Some(self.name()))
                .map(|e| e.message(lang))
        })
    }
}

/// The portal's refusal when it names neither field: shown above the form.
pub fn form_message(refusal: Option<&ApiError>, lang: Lang) -> Option<String> {
    let fields = [LoginField::Username.name(), LoginField::Password.name()];
    refusal
        .filter(|e| !e.field().is_some_and(|f| fields.contains(&f)))
        .map(|e| e.message(lang))
}

/// The sign-in form's state: what was typed, whether OK was tried, and the messages.
#[derive(Clone, Copy)]
struct LoginState {
    username: RwSignal<String>,
    password: RwSignal<String>,
    // Field messages appear after the first attempt, then follow the typing.
    attempted: RwSignal<bool>,
    error: Signal<Option<ApiError>>,
    locale: Locale,
}

impl LoginState {
    fn new(error: Signal<Option<ApiError>>) -> LoginState {
        LoginState {
            username: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            attempted: RwSignal::new(false),
            error,
            locale: use_locale(),
        }
    }

    /// The message beside `field` (tracked).
    fn field_message(&self, field: LoginField) -> Option<String> {
        let problems = if self.attempted.get() {
            validate(&SignInRequest {
                username: self.username.get(),
                password: self.password.get(),
            })
        } else {
            LoginErrors::default()
        };
        self.error
            .with(|e| field.message(problems, e.as_ref(), self.locale.lang()))
    }

    /// The message above the form (tracked).
    fn form_message(&self) -> Option<String> {
        self.error
            .with(|e| form_message(e.as_ref(), self.locale.lang()))
    }

    /// The form to send, when it is complete; marks the attempt either way.
    fn attempt(&self) -> Option<SignInRequest> {
        self.attempted.set(true);
        let form = SignInRequest {
            username: self.username.get_untracked().trim().to_string(),
            password: self.password.get_untracked(),
        };
        validate(&form).is_empty().then_some(form)
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
    let state = LoginState::new(error);
    let form_error = Signal::derive(move || state.form_message());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = state.attempt().filter(|_| !pending.get_untracked()) {
            on_submit.run(form);
        }
    };
    view! {
        <form class="login-form" novalidate on:submit=submit>
            <Show when=move || form_error.with(Option::is_some)>
                <p class="form-error" role="alert" data-testid="login-error">
                    {move || form_error.get()}
                </p>
            </Show>
            <LoginInput state=state field=LoginField::Username value=state.username/>
            <LoginInput state=state field=LoginField::Password value=state.password/>
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

/// One field of the sign-in form, with its message.
#[component]
fn LoginInput(
    /// The form's state (for the message).
    state: LoginState,
    /// Which field.
    field: LoginField,
    /// What was typed.
    value: RwSignal<String>,
) -> impl IntoView {
    let locale = use_locale();
    let message = Signal::derive(move || state.field_message(field));
    let name = field.name();
    let id = format!("login-{name}");
    let (label_for, test_id) = (id.clone(), id.clone());
    let error_id = format!("field-error-{name}");
    let (described_by, error_test_id) = (error_id.clone(), error_id.clone());
    let label = move || match field {
        LoginField::Username => locale.t().login_username,
        LoginField::Password => locale.t().login_password,
    };
    // The user name is typed as it is: no capitals or corrections added by the keyboard.
    let (kind, autocomplete) = match field {
        LoginField::Username => ("text", "username"),
        LoginField::Password => ("password", "current-password"),
    };
    let plain = field == LoginField::Username;
    view! {
        <div class="field">
            <label class="field__label" for=label_for>{label}</label>
            <input
                id=id
                class="field__input"
                type=kind
                name=name
                autocomplete=autocomplete
                autocapitalize=plain.then_some("none")
                spellcheck=plain.then_some("false")
                data-testid=test_id
                aria-invalid=move || message.with(Option::is_some).to_string()
                aria-describedby=described_by
                bind:value=value
            />
            <Show when=move || message.with(Option::is_some)>
                <p class="field__error" id=error_id.clone() data-testid=error_test_id.clone()>
                    {move || message.get()}
                </p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdm_model::{ApiErrorBody, ErrorCode};

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

    fn refusal(code: ErrorCode, field: Option<&str>) -> ApiError {
        let mut body = ApiErrorBody::new(code, Lang::En);
        body.field = field.map(str::to_string);
        ApiError::Api {
            status: code.http_status(),
            body,
        }
    }

    #[test]
    fn a_missing_field_is_said_first_then_the_portals_word_about_it() {
        let missing = validate(&form("", "x"));
        let wrong = refusal(ErrorCode::InvalidCredentials, Some("password"));
        let user = LoginField::Username.message(missing, Some(&wrong), Lang::Ja);
        assert_eq!(
            user.as_deref(),
            Some(catalog(Lang::Ja).login_username_required)
        );
        let password = LoginField::Password.message(missing, Some(&wrong), Lang::En);
        assert_eq!(password, Some(wrong.message(Lang::En)));
        assert_eq!(form_message(Some(&wrong), Lang::En), None);
        let locked = refusal(ErrorCode::LockedOut, None);
        assert_eq!(
            form_message(Some(&locked), Lang::En),
            Some(locked.message(Lang::En))
        );
        assert_eq!(
            LoginField::Username.message(LoginErrors::default(), Some(&locked), Lang::En),
            None
        );
    }

    #[test]
    fn blank_user_name_is_missing_but_a_spaced_password_is_not() {
        assert!(validate(&form("   ", "x")).username_missing);
        assert!(!validate(&form("admin", "  ")).password_missing);
    }
}
