//! Module boundaries, checked over the sources: no two files import each other (in the console,
//! the portal and the model), and the portal imports only downward (routes → engine → store →
//! model): its engine, simulator and store never name the routes, and its store never names
//! the engine. Test modules (everything after `#[cfg(test)]`) are left out. Native only: plain
//! file reading, run by `cargo test --workspace`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

type Module = Vec<String>;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, by module path (`pages/jobs/mod.rs` → `pages::jobs`).
fn modules(dir: &Path, base: &Path, out: &mut BTreeMap<Module, String>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            modules(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(base).expect("under the base");
            let mut parts: Module = relative
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = fs::read_to_string(&path).expect("readable source");
            // Comments name paths in doc links without importing them.
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or("")
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            out.insert(parts, code);
        }
    }
}

/// The paths a file names: `crate::a::b`, `super::c`, and the items of a `use …::{x, y}`.
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let text = code;
    for start in ["crate::", "super::"] {
        for (index, _) in text.match_indices(start) {
            let before = text[..index].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &text[index..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path: Vec<String> = rest[..end]
                .split("::")
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            // `use super::{a, b::c}`: each item is a path of its own.
            if rest[end..].starts_with('{') {
                let group_end = rest[end..].find('}').map_or(rest.len(), |i| end + i);
                for item in rest[end + 1..group_end].split(',') {
                    let item: Vec<String> = item
                        .trim()
                        .split("::")
                        .map(|p| p.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_')))
                        .filter(|p| !p.is_empty())
                        .map(str::to_string)
                        .collect();
                    paths.push(path.iter().cloned().chain(item).collect());
                }
            }
            paths.push(path);
        }
    }
    paths
}

/// The file a path from `file` names: the longest existing module it starts with.
fn resolve(files: &BTreeMap<Module, String>, file: &Module, path: &[String]) -> Option<Module> {
    let (mut base, mut rest): (Module, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("super") => (file[..file.len().saturating_sub(1)].to_vec(), &path[1..]),
        _ => return None,
    };
    while rest.first().is_some_and(|p| p == "super") {
        base.pop();
        rest = &rest[1..];
    }
    (0..=rest.len()).rev().find_map(|take| {
        let candidate: Module = base
            .iter()
            .cloned()
            .chain(rest[..take].iter().cloned())
            .collect();
        files.contains_key(&candidate).then_some(candidate)
    })
}

/// Which files each file names.
fn graph(files: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    files
        .iter()
        .map(|(file, code)| {
            let targets = named_paths(code)
                .iter()
                .filter_map(|path| resolve(files, file, path))
                .filter(|target| target != file)
                .collect();
            (file.clone(), targets)
        })
        .collect()
}

fn imports(crate_dir: &str) -> BTreeMap<Module, BTreeSet<Module>> {
    let base = root().join(crate_dir);
    let mut files = BTreeMap::new();
    modules(&base, &base, &mut files);
    graph(&files)
}

fn mutual(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<String> {
    let mut pairs = Vec::new();
    for (a, targets) in graph {
        for b in targets {
            if a < b && graph.get(b).is_some_and(|back| back.contains(a)) {
                pairs.push(format!("{} <-> {}", a.join("/"), b.join("/")));
            }
        }
    }
    pairs
}

#[test]
fn no_two_files_import_each_other() {
    for crate_dir in ["src", "portal/src", "model/src"] {
        let pairs = mutual(&imports(crate_dir));
        assert!(
            pairs.is_empty(),
            "{crate_dir}: files importing each other: {pairs:#?}"
        );
    }
}

#[test]
fn the_portal_imports_only_downward() {
    let graph = imports("portal/src");
    let mut upward = Vec::new();
    for (file, targets) in &graph {
        let layer = file.first().map(String::as_str).unwrap_or("");
        for target in targets {
            let to = target.first().map(String::as_str).unwrap_or("");
            let forbidden = match layer {
                "engine" | "simulator" | "store" => to == "routes",
                _ => false,
            } || (layer == "store" && to == "engine");
            if forbidden {
                upward.push(format!("{} -> {}", file.join("/"), target.join("/")));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layering: {upward:#?}"
    );
}

#[test]
fn the_check_finds_a_pair_and_reads_use_groups() {
    let mut files = BTreeMap::new();
    files.insert(
        vec!["a".to_string()],
        "use super::b::{Thing, other::X};".to_string(),
    );
    files.insert(
        vec!["b".to_string()],
        "fn f() { crate::a::g(); }".to_string(),
    );
    files.insert(vec!["b".to_string(), "other".to_string()], String::new());
    let graph = graph(&files);
    assert_eq!(mutual(&graph), ["a <-> b"]);
    assert!(graph[&vec!["a".to_string()]].contains(&vec!["b".to_string(), "other".to_string()]));
}
