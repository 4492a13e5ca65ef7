//! Serving the built console: files from the dist folder, and `index.html` for any other
//! path so deep links such as `/jobs/42` load the app, which then routes on the client.
//!
//! The files are read once at start with brotli and gzip variants ([`assets`]); a request
//! gets the smallest variant its `Accept-Encoding` allows. Files whose names carry Trunk's
//! content hash are cacheable for a year; everything else, `index.html` above all, must be
//! revalidated so a new build is picked up at once.
//!
//! Trunk's inline start-up script never reaches a browser: [`boot`] turns it into the
//! external module [`boot::BOOT_PATH`], which host pages embedding the console load too.

mod assets;
pub mod boot;
mod disk;
mod example;

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, RwLock},
    time::{Instant, SystemTime},
};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, Method, Response, StatusCode},
    response::{Html, IntoResponse},
    routing::get,
    Router,
};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use assets::Asset;

/// Shown at every non-API path when the console has not been built.
const NOT_BUILT: &str = "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
<title>MDM portal</title></head><body><p>コンソールはまだビルドされていません。\
The console is not built yet; the API is available under /api.</p></body></html>";

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

/// The built console: the in-memory copy and the folder it came from.
struct Console {
    dist: PathBuf,
    assets: HashMap<String, Asset>,
    /// The index and boot module made from `index.html`, remade when it changes on disk.
    started: RwLock<Arc<Started>>,
}

/// What [`boot`] made of one version of `index.html`.
struct Started {
    /// The `index.html` it was made from, with its modification time then.
    source: (PathBuf, Option<SystemTime>),
    /// `None` when the index is not Trunk's (then it is served as it is).
    boot: Option<(Asset, Asset)>,
}

impl Started {
    fn make(dist: &Path) -> Started {
        let path = dist.join("index.html");
        let source = assets::modified_at(&path);
        let html = std::fs::read_to_string(&path).unwrap_or_default();
        let boot = match boot::from_trunk_index(&html) {
            Ok(made) => Some((
                assets::from_bytes(
                    made.index_html.into_bytes(),
                    "text/html",
                    "/index.html",
                    source.clone(),
                ),
                assets::from_bytes(
                    made.script.into_bytes(),
                    "text/javascript",
                    boot::BOOT_PATH,
                    source.clone(),
                ),
            )),
            Err(error) => {
                tracing::warn!(%error, "index.html served as built, without a boot module");
                None
            }
        };
        Started { source, boot }
    }
}

impl Console {
    /// The served index and the boot module, from the current `index.html`.
    fn started(&self) -> Arc<Started> {
        if let Ok(started) = self.started.read() {
            if assets::modified_at(&started.source.0).1 == started.source.1 {
                return started.clone();
            }
        }
        let fresh = Arc::new(Started::make(&self.dist));
        if let Ok(mut slot) = self.started.write() {
            *slot = fresh.clone();
        }
        fresh
    }
}

/// The router for everything outside `/api`.
pub fn console_router(dist: Option<&Path>) -> Router {
    match dist.filter(|d| d.join("index.html").is_file()) {
        Some(dist) => {
            let started = Instant::now();
            let assets = assets::snapshot(dist);
            tracing::info!(
                files = assets.len(),
                seconds = started.elapsed().as_secs_f64(),
                "console assets compressed"
            );
            let console = Arc::new(Console {
                dist: dist.to_path_buf(),
                assets,
                started: RwLock::new(Arc::new(Started::make(dist))),
            });
            example::router().fallback(serve).with_state(console)
        }
        None => Router::new().fallback(get(not_built)),
    }
}

async fn not_built() -> impl IntoResponse {
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-store")],
        Html(NOT_BUILT),
    )
}

/// A file of the console, or `index.html` for a path that names none.
async fn serve(State(console): State<Arc<Console>>, request: Request) -> Response<Body> {
    let method = request.method().clone();
    let head = method == Method::HEAD;
    if method == Method::GET || head {
        let path = match request.uri().path() {
            p if p.ends_with('/') => format!("{p}index.html"),
            p => p.to_string(),
        };
        if path == "/index.html" || path == boot::BOOT_PATH {
            if let Some((index, script)) = &console.started().boot {
                let asset = if path == boot::BOOT_PATH {
                    script
                } else {
                    index
                };
                return from_memory(asset, &request, head);
            }
        }
        if let Some(asset) = console.assets.get(&path).filter(|a| a.is_current()) {
            return from_memory(asset, &request, head);
        }
    }
    // Not in memory (added or rebuilt since start, or no such file): the folder decides, but
    // only for a visible file inside it; anything else is a deep link.
    let headers = request.headers().clone();
    if !disk::servable(&console.dist, request.uri().path()) {
        return index(&console, method, headers, head).await;
    }
    let from_disk = ServeDir::new(&console.dist).oneshot(request).await;
    let response = match from_disk {
        Ok(response) if response.status() == StatusCode::NOT_FOUND => {
            return index(&console, method, headers, head).await;
        }
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    with_cache_control(response, REVALIDATE)
}

/// `index.html` for a deep link, from memory when it is current.
/// The request's headers are kept so the index is chosen by the same `Accept-Encoding` and
/// validated by the same `If-None-Match`.
async fn index(
    console: &Console,
    method: Method,
    headers: axum::http::HeaderMap,
    head: bool,
) -> Response<Body> {
    let request = || {
        let mut request = Request::builder()
            .method(method.clone())
            .uri("/index.html")
            .body(Body::empty())
            .unwrap_or_default();
        *request.headers_mut() = headers.clone();
        request
    };
    if let Some((index, _)) = &console.started().boot {
        return from_memory(index, &request(), head);
    }
    if let Some(asset) = console.assets.get("/index.html").filter(|a| a.is_current()) {
        return from_memory(asset, &request(), head);
    }
    let file = ServeFile::new(console.dist.join("index.html"));
    match file.oneshot(request()).await {
        Ok(response) => with_cache_control(response.map(Body::new), REVALIDATE),
        Err(never) => match never {},
    }
}

fn with_cache_control(mut response: Response<Body>, value: &'static str) -> Response<Body> {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

fn from_memory<B>(asset: &Asset, request: &Request<B>, head: bool) -> Response<Body> {
    let headers = request.headers();
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok());
    let (coding, body) = asset.pick(accept);
    let etag = match coding.header() {
        Some(suffix) => format!("\"{}-{suffix}\"", asset.etag),
        None => format!("\"{}\"", asset.etag),
    };
    let not_modified = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let cache = if asset.immutable {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut builder = Response::builder()
        .header(header::CONTENT_TYPE, asset.content_type.as_str())
        .header(header::CACHE_CONTROL, cache)
        .header(header::VARY, "Accept-Encoding")
        .header(header::ETAG, etag);
    if let Some(encoding) = coding.header() {
        builder = builder.header(header::CONTENT_ENCODING, encoding);
    }
    let response = if not_modified {
        builder.status(StatusCode::NOT_MODIFIED).body(Body::empty())
    } else {
        let builder = builder.header(header::CONTENT_LENGTH, body.len());
        if head {
            builder.body(Body::empty())
        } else {
            builder.body(Body::from(body.clone()))
        }
    };
    response.unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
