//! Browser tests of the sign-in form: mounted alone, with a fake portal behind its callback.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_console::api::ApiError;
use mdm_console::i18n::{Locale, STORAGE_KEY};
use mdm_console::pages::login::LoginForm;
use mdm_model::session::SignInRequest;
use mdm_model::{ApiErrorBody, ErrorCode, Lang};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted form with the fake portal's record of what it received.
struct Fixture {
    root: HtmlElement,
    submitted: RwSignal<Vec<SignInRequest>>,
    error: RwSignal<Option<ApiError>>,
    // Unmounts the view when the test ends.
    _handle: Box<dyn std::any::Any>,
}

impl Fixture {
    /// Mounts the form; `portal` answers each submitted form (None = accepted).
    fn mount(portal: fn(&SignInRequest) -> Option<ApiError>) -> Fixture {
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.remove_item(STORAGE_KEY);
        }
        let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&root).unwrap();
        let submitted = RwSignal::new(Vec::new());
        let error = RwSignal::new(None);
        let handle = leptos::mount::mount_to(root.clone(), move || {
            Locale::provide(None);
            let on_submit = Callback::new(move |request: SignInRequest| {
                error.set(portal(&request));
                submitted.update(|all| all.push(request));
            });
            view! { <LoginForm on_submit=on_submit pending=Signal::stored(false) error=error/> }
                .into_any()
        });
        Fixture {
            root,
            submitted,
            error,
            _handle: Box::new(handle),
        }
    }

    fn find(&self, test_id: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(&format!("[data-testid='{test_id}']"))
            .ok()
            .flatten()
            .map(|el| el.unchecked_into())
    }

    fn text(&self, test_id: &str) -> String {
        self.find(test_id)
            .map(|el| el.text_content().unwrap_or_default())
            .unwrap_or_default()
    }

    fn type_into(&self, test_id: &str, value: &str) {
        let input: HtmlInputElement = self.find(test_id).expect(test_id).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    async fn submit(&self) {
        self.find("login-submit").expect("submit button").click();
        leptos::task::tick().await;
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn wrong_password(_: &SignInRequest) -> Option<ApiError> {
    // What the portal answers for a wrong password, message in the requested language.
    let body = ApiErrorBody::new(ErrorCode::InvalidCredentials, Lang::Ja);
    Some(ApiError::Api { status: 401, body })
}

#[wasm_bindgen_test]
async fn a_filled_form_is_handed_to_the_portal() {
    let form = Fixture::mount(|_| None);
    form.type_into("login-username", "  admin ");
    form.type_into("login-password", "Demo#2026");
    form.submit().await;

    let sent = form.submitted.get_untracked();
    assert_eq!(
        sent,
        vec![SignInRequest {
            username: "admin".into(),
            password: "Demo#2026".into()
        }]
    );
    assert!(form.find("login-error").is_none());
    assert!(form.find("field-error-username").is_none());
    assert!(form.find("field-error-password").is_none());
}

#[wasm_bindgen_test]
async fn a_wrong_password_shows_the_portal_message() {
    let form = Fixture::mount(wrong_password);
    form.type_into("login-username", "admin");
    form.type_into("login-password", "not-the-password");
    form.submit().await;

    assert_eq!(form.submitted.get_untracked().len(), 1);
    assert_eq!(
        form.text("login-error"),
        "ユーザー名またはパスワードが正しくありません。"
    );
}

#[wasm_bindgen_test]
async fn empty_fields_are_flagged_without_asking_the_portal() {
    let form = Fixture::mount(|_| None);
    form.submit().await;

    assert!(
        form.submitted.get_untracked().is_empty(),
        "the portal must not be called"
    );
    assert_eq!(
        form.text("field-error-username"),
        "ユーザー名を入力してください。"
    );
    assert_eq!(
        form.text("field-error-password"),
        "パスワードを入力してください。"
    );
    assert!(form.find("login-error").is_none());

    // The message goes away as soon as the field is filled.
    form.type_into("login-username", "admin");
    leptos::task::tick().await;
    assert!(form.find("field-error-username").is_none());
    assert!(form.find("field-error-password").is_some());
}

#[wasm_bindgen_test]
async fn a_portal_error_about_one_field_is_shown_next_to_it() {
    let form = Fixture::mount(|_| None);
    let body = ApiErrorBody::new(ErrorCode::ValidationFailed, Lang::Ja).with_field("username");
    form.error.set(Some(ApiError::Api { status: 422, body }));
    leptos::task::tick().await;

    assert_eq!(
        form.text("field-error-username"),
        ErrorCode::ValidationFailed.message(Lang::Ja)
    );
    assert!(form.find("login-error").is_none());
}

#[wasm_bindgen_test]
async fn a_portal_that_cannot_be_reached_is_explained() {
    let form = Fixture::mount(|_| Some(ApiError::Network("TypeError: Failed to fetch".into())));
    form.type_into("login-username", "admin");
    form.type_into("login-password", "Demo#2026");
    form.submit().await;

    assert!(form
        .text("login-error")
        .starts_with("ポータルに接続できませんでした。"));
}
