//! The built console held in memory with its brotli and gzip variants, made once at start,
//! so each request only picks the smallest encoding the browser accepts.

use std::{
    collections::HashMap,
    io::Write,
    path::{Path, PathBuf},
    time::SystemTime,
};

use axum::body::Bytes;
use sha2::{Digest, Sha256};

/// Files larger than this are left to be streamed from disk.
const MAX_CACHED_BYTES: u64 = 32 * 1024 * 1024;
/// Brotli's best quality takes seconds on a multi-megabyte debug-build wasm; above this size
/// a slightly faster quality keeps start-up short for almost the same size.
const BEST_QUALITY_UP_TO: usize = 1024 * 1024;

/// A content coding the portal can answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    /// The `Content-Encoding` value (none for identity).
    pub fn header(self) -> Option<&'static str> {
        match self {
            Coding::Brotli => Some("br"),
            Coding::Gzip => Some("gzip"),
            Coding::Identity => None,
        }
    }
}

/// One file of the console.
#[derive(Debug)]
pub struct Asset {
    pub content_type: String,
    pub raw: Bytes,
    pub brotli: Option<Bytes>,
    pub gzip: Option<Bytes>,
    /// Strong validator of the raw content; each coding gets its own suffix.
    pub etag: String,
    /// Trunk put a content hash in the name, so the file never changes under this name.
    pub immutable: bool,
    /// Path and modification time on disk: a file rebuilt after start is served from disk.
    pub source: (PathBuf, Option<SystemTime>),
}

impl Asset {
    /// The body and coding to send for an `Accept-Encoding` header.
    pub fn pick(&self, accept_encoding: Option<&str>) -> (Coding, &Bytes) {
        let accepts = |name: &str| accept_encoding.is_some_and(|h| accepts(h, name));
        match (&self.brotli, &self.gzip) {
            (Some(br), _) if accepts("br") => (Coding::Brotli, br),
            (_, Some(gz)) if accepts("gzip") => (Coding::Gzip, gz),
            _ => (Coding::Identity, &self.raw),
        }
    }

    /// Whether the file on disk is still the one held in memory.
    pub fn is_current(&self) -> bool {
        modified(&self.source.0) == self.source.1
    }
}

/// Whether an `Accept-Encoding` value accepts `name` (explicitly or through `*`), honouring
/// `q=0` as a refusal.
pub fn accepts(header: &str, name: &str) -> bool {
    let mut wildcard = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if coding.eq_ignore_ascii_case(name) {
            return q > 0.0;
        }
        if coding == "*" {
            wildcard = Some(q > 0.0);
        }
    }
    wildcard.unwrap_or(false)
}

/// Whether a file name carries a Trunk content hash: `name-<hex>.ext` or `name-<hex>_bg.ext`.
pub fn is_hashed_name(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        // Trunk's hashes are 16 hex digits, written without leading zeros.
        Some((name, hash)) => {
            !name.is_empty()
                && (10..=16).contains(&hash.len())
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Formats that are already compressed gain nothing from another pass.
fn worth_compressing(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.contains("javascript")
        || content_type.contains("json")
        || content_type.contains("wasm")
        || content_type.contains("svg")
        || content_type.contains("xml")
        || content_type == "image/x-icon"
}

fn brotli(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let quality = if raw.len() <= BEST_QUALITY_UP_TO {
        11
    } else {
        9
    };
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, 22);
        writer.write_all(raw)?;
    }
    Ok(out)
}

fn gzip(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    encoder.finish()
}

/// A variant only when it is meaningfully smaller than the raw file.
fn smaller(raw: &[u8], compressed: std::io::Result<Vec<u8>>) -> Option<Bytes> {
    compressed
        .ok()
        .filter(|c| c.len() + c.len() / 8 < raw.len())
        .map(Bytes::from)
}

fn load(path: &Path, url_path: &str) -> std::io::Result<Asset> {
    let before = modified(path);
    let raw = std::fs::read(path)?;
    let content_type = mime_guess::from_path(path)
        .first_raw()
        .unwrap_or("application/octet-stream");
    Ok(from_bytes(
        raw,
        content_type,
        url_path,
        (path.to_path_buf(), before),
    ))
}

/// The modification time of `path`, to pair with a source in [`from_bytes`].
pub fn modified_at(path: &Path) -> (PathBuf, Option<SystemTime>) {
    (path.to_path_buf(), modified(path))
}

/// An asset of `raw` bytes served at `url_path`, current as long as `source` is unchanged on
/// disk (a generated asset names the file it was made from).
pub fn from_bytes(
    raw: Vec<u8>,
    content_type: &str,
    url_path: &str,
    source: (PathBuf, Option<SystemTime>),
) -> Asset {
    let content_type = if content_type.starts_with("text/") {
        format!("{content_type}; charset=utf-8")
    } else {
        content_type.to_string()
    };
    let (brotli, gzip) = if worth_compressing(&content_type) {
        (smaller(&raw, brotli(&raw)), smaller(&raw, gzip(&raw)))
    } else {
        (None, None)
    };
    let digest = Sha256::digest(&raw);
    let etag: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    let file_name = url_path.rsplit('/').next().unwrap_or("");
    Asset {
        immutable: is_hashed_name(file_name),
        content_type,
        raw: Bytes::from(raw),
        brotli,
        gzip,
        etag,
        source,
    }
}

/// Every file under `dist` by URL path (`/index.html`, `/assets/app.js`), with its variants.
/// Unreadable or very large files are skipped: they are served from disk instead.
pub fn snapshot(dist: &Path) -> HashMap<String, Asset> {
    let mut assets = HashMap::new();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // Hidden entries are tool state (Trunk stages a build in `.stage`), not the console.
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                folders.push(path);
                continue;
            }
            if !meta.is_file() || meta.len() > MAX_CACHED_BYTES {
                continue;
            }
            let Some(url_path) = path
                .strip_prefix(dist)
                .ok()
                .and_then(|p| p.to_str())
                .map(|p| format!("/{}", p.replace('\\', "/")))
            else {
                continue;
            };
            match load(&path, &url_path) {
                Ok(asset) => {
                    assets.insert(url_path, asset);
                }
                Err(error) => tracing::warn!(%error, path = %path.display(), "asset skipped"),
            }
        }
    }
    assets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_parsed_with_q_values_and_wildcards() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip;q=0.5, br;q=1.0", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(accepts("*", "gzip"));
        assert!(!accepts("*;q=0", "gzip"));
        assert!(!accepts("identity", "gzip"));
        assert!(!accepts("", "br"));
    }

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed_name("mdm-console-d111f6a7174f11fd_bg.wasm"));
        assert!(is_hashed_name("mdm-console-d111f6a7174f11fd.js"));
        assert!(is_hashed_name("wipe-d7407735f596fe0.css"));
        assert!(!is_hashed_name("index.html"));
        assert!(!is_hashed_name("app.js"));
        assert!(!is_hashed_name("mdm-console.js"));
        assert!(!is_hashed_name("-d111f6a7174f11fd.js"));
        assert!(!is_hashed_name("report-2026.css"));
    }
}
