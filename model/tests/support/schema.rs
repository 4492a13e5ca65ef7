//! Reads the parts of Apple's device-management schema YAML the test needs: each payload key
//! with its type, allowed values, the iOS and macOS versions that introduced it, and its subkeys.
//!
//! The files have a fixed, regular layout (`- key:` entries whose properties sit two columns
//! deeper), so an indentation reader is enough and keeps the crate free of a YAML dependency.

/// One key of a payload or command.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaKey {
    pub name: String,
    /// For example `<boolean>`, `<dictionary>`, `<data>`.
    pub value_type: String,
    pub required: bool,
    /// `supportedOS.iOS.introduced`, when given (`n/a` when the key does not exist on iOS).
    pub ios_introduced: Option<String>,
    /// `supportedOS.macOS.introduced`, when given (`n/a` when the key does not exist on macOS).
    pub macos_introduced: Option<String>,
    pub rangelist: Vec<String>,
    pub subkeys: Vec<SchemaKey>,
}

/// A schema file: its payload section and its keys.
#[derive(Debug, Clone)]
pub struct Schema {
    pub request_type: Option<String>,
    pub payload_type: Option<String>,
    /// The command's own `supportedOS.iOS.introduced` (`n/a` when it does not exist on iOS).
    pub ios_introduced: Option<String>,
    /// The command's own `supportedOS.macOS.introduced`.
    pub macos_introduced: Option<String>,
    pub keys: Vec<SchemaKey>,
}

impl Schema {
    pub fn key(&self, name: &str) -> Option<&SchemaKey> {
        self.keys.iter().find(|key| key.name == name)
    }
}

impl SchemaKey {
    pub fn subkey(&self, name: &str) -> Option<&SchemaKey> {
        self.subkeys.iter().find(|key| key.name == name)
    }
}

struct Line<'a> {
    indent: usize,
    text: &'a str,
}

fn unquote(value: &str) -> String {
    value
        .trim()
        .trim_matches('\'')
        .trim_matches('"')
        .to_string()
}

/// The value of `name:` among lines at exactly `indent`.
fn property<'a>(lines: &[Line<'a>], indent: usize, name: &str) -> Option<(usize, &'a str)> {
    lines.iter().enumerate().find_map(|(position, line)| {
        let value = line.text.strip_prefix(name)?.strip_prefix(':')?;
        (line.indent == indent).then_some((position, value))
    })
}

/// The lines nested under the line at `position` (deeper than `indent`).
fn block<'s, 'a>(lines: &'s [Line<'a>], position: usize, indent: usize) -> &'s [Line<'a>] {
    let rest = &lines[position + 1..];
    let end = rest
        .iter()
        .position(|line| line.indent <= indent)
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The list items (`- value`) that follow `name:` at the same indent.
fn list_after<'a>(lines: &[Line<'a>], indent: usize, name: &str) -> Vec<&'a str> {
    let Some((position, _)) = property(lines, indent, name) else {
        return Vec::new();
    };
    lines[position + 1..]
        .iter()
        .take_while(|line| {
            line.indent > indent || (line.indent == indent && line.text.starts_with("- "))
        })
        .filter(|line| line.indent == indent)
        .filter_map(|line| line.text.strip_prefix("- "))
        .collect()
}

/// The `- key:` entries at dash column `indent` within `lines`.
fn entries(lines: &[Line<'_>], indent: usize) -> Vec<SchemaKey> {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.indent == indent && line.text.starts_with("- key:"))
        .map(|(position, _)| position)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            let end = lines[start + 1..end]
                .iter()
                .position(|line| {
                    line.indent < indent || (line.indent == indent && !line.text.starts_with("- "))
                })
                .map_or(end, |offset| start + 1 + offset);
            key_entry(&lines[start..end], indent)
        })
        .collect()
}

fn key_entry(lines: &[Line<'_>], indent: usize) -> SchemaKey {
    let name = unquote(lines[0].text.trim_start_matches("- key:"));
    let own = indent + 2;
    let body = &lines[1..];
    let value_type = property(body, own, "type")
        .map(|(_, v)| unquote(v))
        .unwrap_or_default();
    let required = property(body, own, "presence").is_some_and(|(_, v)| v.trim() == "required");
    let introduced = |os: &str| {
        property(body, own, "supportedOS").and_then(|(position, _)| {
            let os_block = block(body, position, own);
            let (start, _) = property(os_block, own + 2, os)?;
            let this_os = block(os_block, start, own + 2);
            property(this_os, own + 4, "introduced").map(|(_, v)| unquote(v))
        })
    };
    let ios_introduced = introduced("iOS");
    let macos_introduced = introduced("macOS");
    let rangelist = list_after(body, own, "rangelist")
        .into_iter()
        .map(unquote)
        .collect();
    let subkeys = match property(body, own, "subkeys") {
        Some((position, _)) => entries(&body[position + 1..], own),
        None => Vec::new(),
    };
    SchemaKey {
        name,
        value_type,
        required,
        ios_introduced,
        macos_introduced,
        rangelist,
        subkeys,
    }
}

/// Parses a schema file's text.
pub fn parse(text: &str) -> Schema {
    let lines: Vec<Line> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| Line {
            indent: line.len() - line.trim_start().len(),
            text: line.trim(),
        })
        .collect();
    let payload = property(&lines, 0, "payload")
        .map(|(position, _)| block(&lines, position, 0))
        .unwrap_or(&[]);
    let request_type = property(payload, 2, "requesttype").map(|(_, v)| unquote(v));
    let payload_type = property(payload, 2, "payloadtype").map(|(_, v)| unquote(v));
    let introduced = |os: &str| {
        let (position, _) = property(payload, 2, "supportedOS")?;
        let os_block = block(payload, position, 2);
        let (start, _) = property(os_block, 4, os)?;
        property(block(os_block, start, 4), 6, "introduced").map(|(_, v)| unquote(v))
    };
    let ios_introduced = introduced("iOS");
    let macos_introduced = introduced("macOS");
    let keys = match property(&lines, 0, "payloadkeys") {
        Some((position, _)) => entries(&lines[position + 1..], 0),
        None => Vec::new(),
    };
    Schema {
        request_type,
        payload_type,
        ios_introduced,
        macos_introduced,
        keys,
    }
}

/// A version as the schema files write them ("10.15.7").
pub fn version(text: &str) -> mdm_model::device::OsVersion {
    text.parse().expect("a version as Apple's schema writes it")
}
