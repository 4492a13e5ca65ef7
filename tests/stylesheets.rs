//! Native check of the console's stylesheets, run by `cargo test --workspace`: every selector
//! lives in one stylesheet, so a rule is changed in one place. Plain file reading, no browser.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/repository_files.rs"]
mod repository_files;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use repository_files::{read, root};

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
