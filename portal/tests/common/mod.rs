//! Test harness: the whole portal on a fresh database (in memory, or on the PostgreSQL server
//! `MDM_TEST_POSTGRES_URL` names) with a manual clock, driven
//! through `tower::ServiceExt::oneshot` (no sockets), with a tiny cookie jar.

#![allow(dead_code)]

pub mod contract;
pub mod jobs;
pub mod measures;

use std::collections::HashMap;

use axum::{
    body::Body,
    http::{header, HeaderMap, Method, Request, StatusCode},
    Router,
};
use chrono::{DateTime, Utc};
use http_body_util::BodyExt;
use mdm_model::{job::AppleReply, session::CSRF_HEADER, ApiErrorBody};
use mdm_portal::{
    auth::HashCost,
    engine::{clock::Clock, control::ClockControl, EngineHandle},
    simulator::{ReplyPolicy, SimulatorConfig},
    store::{seed::FleetSpec, Store},
    AppState, Settings,
};
use serde_json::Value;
use tower::ServiceExt;

/// Every GET route that needs a session.
pub const PROTECTED_GETS: &[&str] = &[
    "/api/audit",
    "/api/groups",
    "/api/devices",
    "/api/devices.csv",
    "/api/wifi-settings",
    "/api/dep-profiles",
    "/api/jobs",
    "/api/jobs.csv",
    "/api/jobs/1",
];

/// The simulated "now" every test starts at.
pub fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T01:00:00Z")
        .unwrap()
        .to_utc()
}

/// Settings for tests: cheap password hashes, no console folder.
pub fn test_settings() -> Settings {
    Settings {
        hash_cost: HashCost::Fast,
        ..Settings::default()
    }
}

/// Devices in the test fleet: enough for every kind of device to occur.
pub const TEST_FLEET: FleetSpec = FleetSpec {
    devices: 300,
    seed: 7,
    contracted_on: mdm_portal::store::seed::DEMO_CONTRACTED_ON,
};

/// A seeded portal on a fresh database.
pub fn seeded_state(settings: Settings) -> AppState {
    let store = Store::open_scratch().unwrap();
    store
        .blocking(|conn| {
            mdm_portal::store::seed::seed_demo(conn, HashCost::Fast, TEST_FLEET, start_time())
        })
        .unwrap();
    AppState::new(store, Clock::manual(start_time()), settings).unwrap()
}

/// A simulator whose devices never change by themselves, answering as told.
pub fn quiet_simulator(replies: ReplyPolicy) -> SimulatorConfig {
    SimulatorConfig {
        device_changes: false,
        replies,
        ..SimulatorConfig::default()
    }
}

/// One answer, read in full.
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The body as the API's error shape, asserting the content type.
    pub fn error(&self) -> ApiErrorBody {
        let content_type = self
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        assert_eq!(
            content_type,
            Some("application/json"),
            "error body must be JSON"
        );
        serde_json::from_slice(&self.body).unwrap()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect()
    }
}

/// A browser-like client of the portal, with the job engine under the test's control.
pub struct TestApp {
    pub state: AppState,
    /// Devices keep their state and always acknowledge, unless a test says otherwise.
    pub engine: EngineHandle,
    router: Router,
    pub jar: HashMap<String, String>,
    /// Sent as `Accept-Language` when set.
    pub lang: Option<String>,
    /// The CSRF token of the last session answer (`GET`/`POST /api/session`), as the
    /// console keeps it; bound to the session once signed in.
    pub csrf: Option<String>,
}

impl TestApp {
    pub fn new() -> TestApp {
        TestApp::with_settings(test_settings())
    }

    pub fn with_settings(settings: Settings) -> TestApp {
        TestApp::with_state(seeded_state(settings))
    }

    /// A client of an already built portal state.
    pub fn with_state(state: AppState) -> TestApp {
        let engine = EngineHandle::new(quiet_simulator(ReplyPolicy::Always(
            AppleReply::Acknowledged,
        )));
        TestApp::with_engine(state, engine)
    }

    /// A client of a portal whose engine simulates `engine`'s fleet; `POST /api/clock/advance`
    /// works when the state's clock is manual, as with `--clock manual`.
    pub fn with_engine(state: AppState, engine: EngineHandle) -> TestApp {
        let control = axum::Extension(ClockControl::new(engine.clone()));
        TestApp {
            router: mdm_portal::app(state.clone()).layer(control),
            state,
            engine,
            jar: HashMap::new(),
            lang: None,
            csrf: None,
        }
    }

    /// Signed in as the demo `admin`.
    pub async fn signed_in() -> TestApp {
        let mut app = TestApp::new();
        let response = app.sign_in("admin", "Demo#2026").await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.text());
        app
    }

    pub fn clock(&self) -> &Clock {
        &self.state.clock
    }

    /// Moves the simulated clock and runs one engine tick.
    pub async fn advance(&self, by: chrono::Duration) {
        self.state.clock.advance(by);
        self.engine.tick(&self.state).await.unwrap();
    }

    fn cookie_header(&self) -> Option<String> {
        (!self.jar.is_empty()).then(|| {
            self.jar
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    /// Sends a request with the jar's cookies; `csrf` adds the jar's CSRF token as header.
    pub async fn send_raw(&mut self, mut request: Request<Body>) -> TestResponse {
        if let Some(cookies) = self.cookie_header() {
            request
                .headers_mut()
                .insert(header::COOKIE, cookies.parse().unwrap());
        }
        if let Some(lang) = &self.lang {
            request
                .headers_mut()
                .insert(header::ACCEPT_LANGUAGE, lang.parse().unwrap());
        }
        let (method, uri) = (request.method().to_string(), request.uri().to_string());
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        contract::check(&method, &uri, status.as_u16(), content_type, &body);
        if status == StatusCode::OK {
            if let Ok(info) = serde_json::from_slice::<mdm_model::session::SessionInfo>(&body) {
                self.csrf = Some(info.csrf_token);
            }
        }
        for set in headers.get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, attrs) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.jar.remove(name);
            } else {
                self.jar.insert(name.to_string(), value.to_string());
            }
        }
        TestResponse {
            status,
            headers,
            body,
        }
    }

    /// Sends a `GET` with the jar's cookies and answers the response with its body unread, for
    /// tests that read a streamed body frame by frame (use [`TestApp::get`] for refusals: their
    /// JSON bodies are checked against the document there).
    pub async fn open(&mut self, path: &str) -> axum::response::Response {
        let mut request = Request::get(path).body(Body::empty()).unwrap();
        if let Some(cookies) = self.cookie_header() {
            request
                .headers_mut()
                .insert(header::COOKIE, cookies.parse().unwrap());
        }
        if let Some(lang) = &self.lang {
            request
                .headers_mut()
                .insert(header::ACCEPT_LANGUAGE, lang.parse().unwrap());
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        if response.status() == StatusCode::OK {
            contract::check("GET", path, 200, content_type, b"");
        }
        response
    }

    /// Builds and sends a request; state-changing ones carry the CSRF token from the jar.
    pub async fn send(&mut self, method: Method, path: &str, body: Option<Value>) -> TestResponse {
        let mut builder = Request::builder().method(method.clone()).uri(path);
        if method != Method::GET {
            if let Some(token) = self.csrf_token() {
                builder = builder.header(CSRF_HEADER, token);
            }
        }
        let request = match body {
            Some(body) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(serde_json::to_vec(&body).unwrap())),
            None => builder.body(Body::empty()),
        }
        .unwrap();
        self.send_raw(request).await
    }

    /// The CSRF token to send: the session answer's, as the console sends it.
    pub fn csrf_token(&self) -> Option<String> {
        self.csrf.clone()
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&mut self, path: &str, body: Value) -> TestResponse {
        self.send(Method::POST, path, Some(body)).await
    }

    /// Fetches a CSRF token, then signs in.
    pub async fn sign_in(&mut self, username: &str, password: &str) -> TestResponse {
        // As the console does: the session check first, which hands out the token to sign
        // in with (after a sign-out, a new one).
        self.get("/api/session").await;
        self.post(
            "/api/session",
            serde_json::json!({ "username": username, "password": password }),
        )
        .await
    }
}

/// Every device of the test fleet.
pub async fn all_devices(app: &mut TestApp) -> Vec<mdm_model::device::Device> {
    let response = app.get("/api/devices?per_page=500").await;
    let page: mdm_model::paging::Page<mdm_model::device::Device> =
        serde_json::from_slice(&response.body).unwrap();
    page.items
}

/// A wipe request body for devices, with the given options (as JSON) and the admin's password.
pub fn wipe_body(device_ids: &[i64], options: Value) -> Value {
    serde_json::json!({
        "selection": { "kind": "devices", "device_ids": device_ids },
        "options": options,
        "password": "Demo#2026",
        "agreed": true,
    })
}

/// A schedule as a wipe request carries it: `at` entered by an administrator in UTC.
pub fn utc_schedule(at: DateTime<Utc>) -> Value {
    serde_json::json!({ "local": at.format("%Y-%m-%dT%H:%M:%S").to_string(), "time_zone": "UTC" })
}

/// Options with nothing chosen but "delete general info".
pub fn plain_options() -> Value {
    serde_json::json!({ "delete_general_info": true, "schedule_at": null, "wifi_setting_id": null, "keep_esim_data_plan": false })
}

impl TestApp {
    /// `POST /api/wipes` with an idempotency key.
    pub async fn register_wipe(&mut self, body: Value, key: &str) -> TestResponse {
        let request = Request::post("/api/wipes")
            .header(header::CONTENT_TYPE, "application/json")
            .header(CSRF_HEADER, self.csrf_token().unwrap_or_default())
            .header("idempotency-key", key)
            .body(Body::from(serde_json::to_vec(&body).unwrap()))
            .unwrap();
        self.send_raw(request).await
    }
}
