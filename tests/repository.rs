//! Native checks of the repository itself, run by `cargo test --workspace`: every selector lives in
//! one stylesheet, every relative link of the Markdown documents resolves, and the crates' license
//! and publish settings match the LICENSE file. Plain file reading, no browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Stylesheets: one selector, one sheet.

/// One rule's selector where it is defined: the at-rules around it (`@media screen`,
/// `@container mdm-console (width < 900px)`) and the selector, whitespace collapsed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct SelectorKey {
    context: Vec<String>,
    selector: String,
}

impl std::fmt::Display for SelectorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for at_rule in &self.context {
            write!(f, "{at_rule} {{ ")?;
        }
        write!(f, "{}", self.selector)?;
        for _ in &self.context {
            write!(f, " }}")?;
        }
        Ok(())
    }
}

/// The CSS text without comments; strings are kept as they are.
fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                out.push(' ');
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// Splits `text` at `separator` where it is outside brackets and strings.
fn split_top_level(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start, mut escaped) = (0i32, None, 0, false);
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (_, '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, c) if c == separator && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The index just past the `}` that closes the block whose `{` is at `open`.
fn block_end(css: &str, open: usize) -> usize {
    let (mut depth, mut quote, mut escaped) = (0, None, false);
    for (i, c) in css[open..].char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (_, '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    return open + i + 1;
                }
            }
            _ => {}
        }
    }
    css.len()
}

/// Every rule selector of a sheet (comments stripped), with the at-rules around it. Grouping
/// at-rules (`@media`, `@supports`, `@container`, `@layer`, `@scope`) are entered; any other
/// at-rule with a block (`@keyframes name`, `@font-face`, `@page`) counts as one "selector",
/// so two sheets defining the same animation name are caught too.
fn selectors(css: &str, context: &[String], out: &mut Vec<SelectorKey>) {
    let mut rest = css;
    loop {
        let Some(open) = rest.find(['{', ';']) else {
            return;
        };
        // A statement at-rule (`@import …;`) or a stray `;`: nothing defined.
        if rest.as_bytes()[open] == b';' {
            rest = &rest[open + 1..];
            continue;
        }
        let prelude = collapse_whitespace(&rest[..open]);
        let end = block_end(rest, open);
        let body = &rest[open + 1..end.saturating_sub(1).max(open + 1)];
        let grouping = ["@media", "@supports", "@container", "@layer", "@scope"];
        if grouping.iter().any(|g| prelude.starts_with(g)) {
            let mut inner = context.to_vec();
            inner.push(prelude);
            selectors(body, &inner, out);
        } else if prelude.starts_with('@') {
            out.push(SelectorKey {
                context: context.to_vec(),
                selector: prelude,
            });
        } else {
            for selector in split_top_level(&prelude, ',') {
                out.push(SelectorKey {
                    context: context.to_vec(),
                    selector: collapse_whitespace(selector),
                });
            }
        }
        rest = &rest[end..];
    }
}

fn stylesheet_selectors(css: &str) -> Vec<SelectorKey> {
    let mut out = Vec::new();
    selectors(&strip_comments(css), &[], &mut out);
    out
}

/// Each selector defined in more than one of the sheets, with the sheets (by name) that define it.
fn shared_selectors(sheets: &[(String, String)]) -> Vec<(SelectorKey, Vec<String>)> {
    let mut seen: BTreeMap<SelectorKey, Vec<String>> = BTreeMap::new();
    for (name, css) in sheets {
        for key in stylesheet_selectors(css) {
            let names = seen.entry(key).or_default();
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    seen.into_iter()
        .filter(|(_, names)| names.len() > 1)
        .collect()
}

/// Every `.css` file under `dir` (and its folders), named by its path from the project root.
fn stylesheets_under(dir: &Path, sheets: &mut Vec<(String, String)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for path in entries.map(|entry| entry.expect("a directory entry").path()) {
        if path.is_dir() {
            stylesheets_under(&path, sheets);
        } else if path.extension().is_some_and(|ext| ext == "css") {
            let name = path.strip_prefix(root()).unwrap_or(&path);
            sheets.push((name.to_string_lossy().into_owned(), read(&path)));
        }
    }
}

/// The console's stylesheets: the screens' in `style/`, the shared components' beside their
/// code in `src/` (the table kit's `data_table.css`).
fn console_stylesheets() -> Vec<(String, String)> {
    let mut sheets = Vec::new();
    stylesheets_under(&root().join("style"), &mut sheets);
    stylesheets_under(&root().join("src"), &mut sheets);
    sheets.sort();
    sheets
}

/// Issue 17: one selector in two stylesheets (the jobs sheets restyled the device table's sort
/// buttons and pager, and which look won depended on the order the sheets were linked in).
#[test]
fn no_selector_is_defined_in_two_stylesheets() {
    let sheets = console_stylesheets();
    assert!(sheets.len() > 5, "the console's stylesheets are in style/");
    let shared = shared_selectors(&sheets);
    let report: Vec<String> = shared
        .iter()
        .map(|(key, names)| format!("`{key}` is defined in {}", names.join(" and ")))
        .collect();
    assert!(
        report.is_empty(),
        "a selector belongs to one stylesheet; move each rule to one sheet (or scope it, e.g. \
         `.job-table .pager`):\n{}",
        report.join("\n")
    );
}

#[test]
fn the_selector_check_sees_lists_media_queries_and_comments() {
    let a = "/* .pager { } */ .x .pager, .y:is(.a, .b) { color: red; }\n\
             @media screen { @container c (width < 900px) { .z { a: b; } } }\n\
             @keyframes spin { from { opacity: 0; } to { opacity: 1; } }";
    let b = ".y:is(.a,  .b) { content: \"{\"; } .z { a: b; } .pager { } @keyframes spin { }";
    let sheets = [
        ("a.css".to_string(), a.to_string()),
        ("b.css".to_string(), b.to_string()),
    ];
    let shared: Vec<String> = shared_selectors(&sheets)
        .into_iter()
        .map(|(key, names)| format!("{key} in {}", names.join(", ")))
        .collect();
    // `.z` is in a container query in a.css but not in b.css; `.pager` only in a comment in a.css.
    assert_eq!(
        shared,
        [
            ".y:is(.a, .b) in a.css, b.css",
            "@keyframes spin in a.css, b.css"
        ]
    );
    let media = stylesheet_selectors(a)
        .into_iter()
        .find(|key| key.selector == ".z")
        .expect(".z is found inside the queries");
    assert_eq!(
        media.to_string(),
        "@media screen { @container c (width < 900px) { .z } }"
    );
}

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
