//! Reads back the XML property lists the model writes (dict, array, string, integer, data,
//! true, false), so the test inspects their structure rather than their text.

use base64::Engine;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Bool(bool),
    Integer(i64),
    Data(Vec<u8>),
    Array(Vec<Value>),
    Dict(Vec<(String, Value)>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Dict(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn keys(&self) -> Vec<&str> {
        match self {
            Value::Dict(entries) => entries.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// The schema type name of the value.
    pub fn schema_type(&self) -> &'static str {
        match self {
            Value::String(_) => "<string>",
            Value::Bool(_) => "<boolean>",
            Value::Integer(_) => "<integer>",
            Value::Data(_) => "<data>",
            Value::Array(_) => "<array>",
            Value::Dict(_) => "<dictionary>",
        }
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    fn tag(&mut self) -> &'a str {
        self.rest = self.rest.trim_start();
        let end = self.rest.find('>').expect("unterminated tag");
        let tag = &self.rest[1..end];
        self.rest = &self.rest[end + 1..];
        tag
    }

    fn text_until(&mut self, closing: &str) -> &'a str {
        let end = self.rest.find(closing).expect("unclosed element");
        let text = &self.rest[..end];
        self.rest = &self.rest[end + closing.len()..];
        text
    }

    fn value(&mut self) -> Option<Value> {
        let tag = self.tag();
        Some(match tag {
            "string" => Value::String(unescape(self.text_until("</string>"))),
            "integer" => Value::Integer(
                self.text_until("</integer>")
                    .trim()
                    .parse()
                    .expect("integer"),
            ),
            "data" => Value::Data(
                base64::engine::general_purpose::STANDARD
                    .decode(
                        self.text_until("</data>")
                            .split_whitespace()
                            .collect::<String>(),
                    )
                    .expect("base64"),
            ),
            "true/" => Value::Bool(true),
            "false/" => Value::Bool(false),
            "array" => {
                let mut items = Vec::new();
                while !self.rest.trim_start().starts_with("</array>") {
                    items.push(self.value()?);
                }
                self.tag();
                Value::Array(items)
            }
            "dict" => {
                let mut entries = Vec::new();
                while !self.rest.trim_start().starts_with("</dict>") {
                    assert_eq!(self.tag(), "key", "a dict holds key/value pairs");
                    let key = unescape(self.text_until("</key>"));
                    entries.push((key, self.value()?));
                }
                self.tag();
                Value::Dict(entries)
            }
            _ => return None,
        })
    }
}

/// Parses a whole document (declaration, DOCTYPE, `<plist>` root).
pub fn parse(document: &str) -> Value {
    let start = document
        .find("<plist version=\"1.0\">")
        .expect("plist root")
        + "<plist version=\"1.0\">".len();
    let mut reader = Reader {
        rest: &document[start..],
    };
    let value = reader.value().expect("a value inside <plist>");
    assert_eq!(reader.tag(), "/plist", "one value per document");
    value
}
