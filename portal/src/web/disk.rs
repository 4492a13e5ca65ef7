//! Which request paths may be read from the console's folder on disk. The folder is a build
//! output: it can hold tool state (Trunk's `.stage`), stray dotfiles (`.env`) and symbolic
//! links that lead elsewhere; none of them is part of the console.

use std::path::{Component, Path, PathBuf};

use percent_encoding::percent_decode_str;

/// The file a request path names inside `dist`, when it is one the portal may serve: no
/// segment hidden (starting with `.`, after percent-decoding, as the file server decodes),
/// and the real path, symbolic links resolved, still inside `dist`.
pub fn servable(dist: &Path, request_path: &str) -> bool {
    resolve(dist, request_path).is_some()
}

fn resolve(dist: &Path, request_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(request_path).decode_utf8().ok()?;
    let mut relative = PathBuf::new();
    for segment in decoded.split(['/', '\\']).filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains('\0') {
            return None;
        }
        relative.push(segment);
    }
    // A segment such as `C:` would make the join absolute on some systems.
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let root = dist.canonicalize().ok()?;
    match root.join(&relative).canonicalize() {
        Ok(real) if real.starts_with(&root) => Some(real),
        Ok(_) => None,
        // Nothing there: the file server answers 404 and the index takes over.
        Err(_) => Some(root.join(relative)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_segments_are_refused_in_every_spelling() {
        let dist = std::env::temp_dir();
        for path in [
            "/.env",
            "/.stage/index.html",
            "/%2Eenv",
            "/%2estage/x.js",
            "/assets/.git/config",
            "/..%2F..%2Fetc/passwd",
            "/a\\..\\b",
        ] {
            assert!(!servable(&dist, path), "{path}");
        }
    }
}
