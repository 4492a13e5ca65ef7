//! Turns the help articles (Markdown files in `src/pages/help/articles/{ja,en}/`) into a Rust
//! module at compile time: per article and language its title, summary, sections and ready
//! HTML. The console ships that HTML and no Markdown parser.
//!
//! The build fails when the articles do not fit together: a file missing in one language, a
//! section without an `{#anchor}`, different anchors in Japanese and English (help links from the
//! wizard point at anchors, whatever the language), raw HTML in the Markdown.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The articles, in the order the help index lists them. Each is `ja/<slug>.md` and `en/<slug>.md`.
const ARTICLES: &[&str] = &[
    "wipe-lost-device",
    "reenrollment",
    "hybrid-mdm",
    "remote-lock",
    "lost-mode",
    "remove-company-data",
];

/// Language folder and the `mdm_model::Lang` variant it stands for.
const LANGS: &[(&str, &str)] = &[("ja", "Ja"), ("en", "En")];

const DIR: &str = "src/pages/help/articles";

/// One article in one language, ready for the console.
struct Rendered {
    title: String,
    /// One or two sentences for the help index (front matter `summary:`).
    summary: String,
    /// `(anchor, heading text)` of each `##` section, in order.
    sections: Vec<(String, String)>,
    html: String,
}

fn main() {
    println!("cargo:rerun-if-changed={DIR}");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join(DIR);
    if let Err(problem) = generate(&dir) {
        panic!("help articles in {DIR}: {problem}");
    }
}

fn generate(dir: &Path) -> Result<(), String> {
    check_no_strays(dir)?;
    let mut rendered = Vec::new();
    for slug in ARTICLES {
        let mut by_lang = Vec::new();
        for (folder, _) in LANGS {
            let path = dir.join(folder).join(format!("{slug}.md"));
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {folder}/{slug}.md: {e}"))?;
            let article = render(&text).map_err(|e| format!("{folder}/{slug}.md: {e}"))?;
            by_lang.push(article);
        }
        let anchors = |a: &Rendered| {
            a.sections
                .iter()
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        };
        if let Some(other) = by_lang.iter().find(|a| anchors(a) != anchors(&by_lang[0])) {
            return Err(format!(
                "{slug}: the languages have different section anchors ({:?} vs {:?})",
                anchors(&by_lang[0]),
                anchors(other)
            ));
        }
        rendered.push(by_lang);
    }
    let out =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("help_articles.rs");
    fs::write(&out, module(&rendered)).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Every Markdown file must be one of [`ARTICLES`], so a new file is not silently left out.
fn check_no_strays(dir: &Path) -> Result<(), String> {
    for (folder, _) in LANGS {
        let entries =
            fs::read_dir(dir.join(folder)).map_err(|e| format!("cannot list {folder}/: {e}"))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(slug) = name.strip_suffix(".md") {
                if !ARTICLES.contains(&slug) {
                    return Err(format!(
                        "{folder}/{name} is not listed in ARTICLES of build.rs"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Renders one Markdown file. Its front matter (`---` … `---`) gives the `summary` shown on the
/// help index; the `#` title is taken out for the page; each `##` section is wrapped in a
/// `<section>` whose heading carries its anchor.
fn render(markdown: &str) -> Result<Rendered, String> {
    let options = Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut front_matter: Option<String> = None;
    let mut title: Option<String> = None;
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    // What the text events currently belong to.
    let mut in_front_matter = false;
    let mut in_title = false;
    let mut in_section_heading = false;

    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_front_matter = true;
                front_matter = Some(String::new());
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(ref text) if in_front_matter => {
                if let Some(front_matter) = front_matter.as_mut() {
                    front_matter.push_str(text);
                }
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                if title.is_some() || !events.is_empty() {
                    return Err("the `#` title must come first, once".into());
                }
                in_title = true;
                title = Some(String::new());
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => in_title = false,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id,
                ..
            }) => {
                let id = id.ok_or("every `##` section needs an anchor: `## Title {#anchor}`")?;
                if !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    return Err(format!(
                        "anchor `{id}` must be lowercase letters, digits and '-'"
                    ));
                }
                if sections.iter().any(|(seen, _)| *seen == *id) {
                    return Err(format!("anchor `{id}` is used twice"));
                }
                let close = if sections.is_empty() {
                    ""
                } else {
                    "</section>\n"
                };
                // tabindex -1: the page moves focus to the heading a help link points at.
                events.push(Event::Html(CowStr::from(format!(
                    "{close}<section class=\"help-section\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\" tabindex=\"-1\">"
                ))));
                sections.push((id.to_string(), String::new()));
                in_section_heading = true;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                events.push(Event::Html("</h2>\n".into()));
                in_section_heading = false;
            }
            Event::Start(Tag::Heading { level, .. }) if level != HeadingLevel::H3 => {
                return Err(format!(
                    "only `#`, `##` and `###` headings are supported, not {level}"
                ));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err("raw HTML is not allowed; write Markdown".into());
            }
            Event::Start(Tag::Table(_)) => {
                // The wrapper scrolls a wide table on a narrow screen instead of the whole page.
                events.push(Event::Html("<div class=\"help-table\">".into()));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if in_title {
                    title.get_or_insert_with(String::new).push_str(text);
                } else {
                    if in_section_heading {
                        if let Some((_, heading)) = sections.last_mut() {
                            heading.push_str(text);
                        }
                    }
                    events.push(event);
                }
            }
            _ if in_title => {}
            _ => events.push(event),
        }
    }
    if !sections.is_empty() {
        events.push(Event::Html("</section>\n".into()));
    }
    let summary = front_matter
        .as_deref()
        .and_then(|block| block.lines().find_map(|line| line.strip_prefix("summary:")))
        .map(str::trim)
        .filter(|summary| !summary.is_empty())
        .ok_or("the article needs a front matter `---` block with `summary: …` for the index")?;
    let title = title
        .filter(|t| !t.trim().is_empty())
        .ok_or("the article needs a `#` title")?;
    if sections
        .iter()
        .any(|(_, heading)| heading.trim().is_empty())
    {
        return Err("a `##` heading is empty".into());
    }
    let mut body = String::new();
    html::push_html(&mut body, events.into_iter());
    // Column headers name their column for screen readers.
    let body = body.replace("<th>", "<th scope=\"col\">");
    Ok(Rendered {
        title: title.trim().to_string(),
        summary: summary.to_string(),
        sections,
        html: body,
    })
}

/// `wipe-lost-device` → `WipeLostDevice`.
fn variant(slug: &str) -> String {
    slug.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The generated module. String literals use `{:?}`, which always yields a valid Rust literal.
fn module(rendered: &[Vec<Rendered>]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from src/pages/help/articles; edit the Markdown, not this.\n\n",
    );
    out.push_str(
        "/// A help article of the console, one per Markdown file pair, in index order.\n",
    );
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Article {\n");
    for (slug, langs) in ARTICLES.iter().zip(rendered) {
        let _ = writeln!(out, "    /// {}\n    {},", langs[0].title, variant(slug));
    }
    out.push_str(
        "}\n\nimpl Article {\n    /// Every article, in the order the help index lists them.\n",
    );
    let _ = writeln!(out, "    pub const ALL: [Article; {}] = [", ARTICLES.len());
    for slug in ARTICLES {
        let _ = writeln!(out, "        Article::{},", variant(slug));
    }
    out.push_str("    ];\n\n    /// The article's address segment: `/help/{slug}`.\n");
    out.push_str("    pub fn slug(self) -> &'static str {\n        match self {\n");
    for slug in ARTICLES {
        let _ = writeln!(out, "            Article::{} => {slug:?},", variant(slug));
    }
    out.push_str("        }\n    }\n\n    /// The article's text in `lang`.\n");
    out.push_str("    pub fn text(self, lang: Lang) -> &'static ArticleText {\n        match (self, lang) {\n");
    for slug in ARTICLES {
        for (folder, lang) in LANGS {
            let _ = writeln!(
                out,
                "            (Article::{}, Lang::{lang}) => &{},",
                variant(slug),
                constant(slug, folder)
            );
        }
    }
    out.push_str("        }\n    }\n}\n");
    for (slug, langs) in ARTICLES.iter().zip(rendered) {
        for ((folder, _), article) in LANGS.iter().zip(langs) {
            let _ = writeln!(
                out,
                "\nstatic {}: ArticleText = ArticleText {{",
                constant(slug, folder)
            );
            let _ = writeln!(
                out,
                "    title: {:?},\n    summary: {:?},\n    sections: &[",
                article.title, article.summary
            );
            for (id, heading) in &article.sections {
                let _ = writeln!(
                    out,
                    "        Section {{ id: {id:?}, title: {:?} }},",
                    heading.trim()
                );
            }
            let _ = writeln!(out, "    ],\n    html: {:?},\n}};", article.html);
        }
    }
    out
}

fn constant(slug: &str, folder: &str) -> String {
    format!("{}_{}", slug.replace('-', "_"), folder).to_ascii_uppercase()
}
