//! Native checks of the repository itself, run by `cargo test --workspace`: every relative link
//! of the Markdown documents resolves, the crates' license and publish settings match the
//! LICENSE file, and no component is too long (the stylesheets: `stylesheets.rs`). Plain file
//! reading, no browser.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

#[path = "support/repository_files.rs"]
mod repository_files;

use repository_files::{read, root};

// ---------------------------------------------------------------------------------------------
// Markdown: relative links resolve.

/// The documents whose relative links must resolve.
const DOCUMENTS: &[&str] = &[
    "README.md",
    "portal/README.md",
    "SECURITY.md",
    "ACCESSIBILITY.md",
    "BENCHMARKS.md",
];

/// Link targets in Markdown text, outside fenced code blocks and code spans: inline links
/// `[text](target "title")` (the text may span lines) and reference definitions `[x]: target`.
fn link_targets(markdown: &str) -> Vec<String> {
    let mut unfenced = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            unfenced.push_str(line);
            unfenced.push('\n');
        }
    }
    // Code spans (which may run over a line break): drop what is between backticks.
    let prose: String = unfenced.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let mut targets = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find(')').unwrap_or(after.len());
        if let Some(target) = after[..end].split_whitespace().next() {
            targets.push(target.trim_matches(['<', '>']).to_string());
        }
        rest = &after[end..];
    }
    for line in prose.lines() {
        let line = line.trim_start();
        if let (true, Some(close)) = (line.starts_with('['), line.find("]:")) {
            if let Some(target) = line[close + 2..].split_whitespace().next() {
                targets.push(target.to_string());
            }
        }
    }
    targets
}

/// The file a relative link points to, or `None` for an external link or an anchor in the same
/// document.
fn relative_target(document: &Path, target: &str) -> Option<PathBuf> {
    let is_external = target.contains("://") || target.starts_with("mailto:");
    let path = target.split(['#', '?']).next().unwrap_or_default();
    if is_external || path.is_empty() {
        return None;
    }
    Some(document.parent().unwrap_or(Path::new("")).join(path))
}

#[test]
fn every_relative_link_in_the_documents_resolves() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for name in DOCUMENTS {
        let document = root().join(name);
        for target in link_targets(&read(&document)) {
            if let Some(path) = relative_target(&document, &target) {
                checked += 1;
                if !path.exists() {
                    broken.push(format!("{name}: ({target}) does not exist"));
                }
            }
        }
    }
    assert!(checked > 0, "the documents link to each other");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_link_check_reads_inline_and_reference_links_outside_code() {
    let text = "See [the\nportal](portal/README.md#time-zones) and [web](https://example.com).\n\
                `[not](code.md)` and `[not\n](code.md)`\n```\n[not](fenced.md)\n```\n[ref]: SECURITY.md\n[top](#tests)";
    let targets = link_targets(text);
    assert_eq!(
        targets,
        [
            "portal/README.md#time-zones",
            "https://example.com",
            "#tests",
            "SECURITY.md"
        ]
    );
    let document = Path::new("/repo/README.md");
    let resolved: Vec<_> = targets
        .iter()
        .filter_map(|t| relative_target(document, t))
        .collect();
    assert_eq!(
        resolved,
        [
            PathBuf::from("/repo/portal/README.md"),
            PathBuf::from("/repo/SECURITY.md")
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// License and publishing.

/// The `[package]` table of a manifest (up to the next table header).
fn package_table(manifest: &str) -> &str {
    let start = manifest
        .find("\n[package]\n")
        .map(|i| i + 1)
        .or_else(|| manifest.starts_with("[package]\n").then_some(0))
        .expect("a [package] table");
    let body = &manifest[start + "[package]\n".len()..];
    let end = body.find("\n[").map(|i| i + 1).unwrap_or(body.len());
    &body[..end]
}

#[test]
fn every_crate_is_unpublished_under_the_license_of_the_license_file() {
    let workspace = read(&root().join("Cargo.toml"));
    assert!(
        workspace.contains("\nlicense = \"MIT\"\n"),
        "the workspace declares the MIT license"
    );
    let license = read(&root().join("LICENSE"));
    assert!(
        license.starts_with("MIT License\n") && license.contains("Copyright (c) "),
        "LICENSE holds the MIT license text with its copyright line"
    );
    let members = workspace
        .lines()
        .find_map(|line| line.strip_prefix("members = ["))
        .expect("the workspace's members on one line");
    let members: Vec<&str> = members
        .trim_end_matches(']')
        .split(',')
        .map(|m| m.trim().trim_matches('"'))
        .filter(|m| !m.is_empty())
        .collect();
    assert!(members.len() >= 4, "members: {members:?}");
    for member in members {
        let manifest = Path::new(member).join("Cargo.toml");
        let manifest = manifest.display();
        let text = read(&root().join(manifest.to_string()));
        let package = package_table(&text);
        let lines: Vec<&str> = package.lines().map(str::trim).collect();
        assert!(
            lines.contains(&"publish = false"),
            "{manifest}: `publish = false` in [package]"
        );
        assert!(
            lines.contains(&"license.workspace = true"),
            "{manifest}: the workspace's license"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Components stay short.

#[path = "support/components.rs"]
mod components;

/// Lines a `#[component]` may take, attribute to closing brace: past it, a page wants a state
/// hook and smaller views (DESIGN.md, "a page component of 200+ lines").
const MAX_COMPONENT_LINES: usize = 120;

/// Every `.rs` file under `dir` (and its folders).
fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for path in entries.map(|entry| entry.expect("a directory entry").path()) {
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Issue 17: page components of 130 to 220 lines (state, effects and markup in one function).
#[test]
fn no_component_is_longer_than_120_lines() {
    let mut files = Vec::new();
    rust_sources(&root().join("src"), &mut files);
    files.sort();
    let mut seen = 0;
    let mut too_long = Vec::new();
    for path in files {
        let name = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        for component in components::components(&read(&path)) {
            seen += 1;
            if component.lines > MAX_COMPONENT_LINES {
                too_long.push(format!(
                    "{name}:{} {} is {} lines",
                    component.line, component.name, component.lines
                ));
            }
        }
    }
    assert!(seen > 50, "the console's components are found ({seen})");
    assert!(
        too_long.is_empty(),
        "a component takes at most {MAX_COMPONENT_LINES} lines; split it into a state hook (a plain \
         struct of signals and actions) and smaller views, as src/pages/wipe/wizard_state.rs and \
         wizard.rs do:\n{}",
        too_long.join("\n")
    );
}

#[test]
fn the_component_check_counts_from_the_attribute_to_the_closing_brace() {
    let source =
        "/// A view.\n#[component]\npub fn Small(\n    /// Shown.\n    #[prop(into)]\n    \
                  text: Signal<String>,\n) -> impl IntoView {\n    let open = \"{\";\n    \
                  view! { <p>{open}{'}'}</p> } // }\n}\n\n#[component]\nfn Other() -> impl \
                  IntoView where (): Sized {\n}\n";
    let found = components::components(source);
    let summary: Vec<(String, usize, usize)> = found
        .into_iter()
        .map(|c| (c.name, c.line, c.lines))
        .collect();
    assert_eq!(
        summary,
        [("Small".to_string(), 2, 9), ("Other".to_string(), 12, 3)]
    );
}
