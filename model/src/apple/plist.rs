//! A minimal XML property-list writer: the format Apple MDM commands and configuration profiles
//! travel in. Only the value types those documents use.

use base64::Engine;

/// A property-list value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlistValue {
    String(String),
    Bool(bool),
    Integer(i64),
    /// Bytes, written base64-encoded.
    Data(Vec<u8>),
    Array(Vec<PlistValue>),
    /// Keys keep their order, so the output is stable.
    Dict(Vec<(String, PlistValue)>),
}

impl PlistValue {
    /// A dictionary from `(key, value)` pairs.
    pub fn dict<K: Into<String>>(entries: impl IntoIterator<Item = (K, PlistValue)>) -> PlistValue {
        PlistValue::Dict(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn string(text: impl Into<String>) -> PlistValue {
        PlistValue::String(text.into())
    }

    /// The whole document: XML declaration, DOCTYPE and `<plist>` root.
    pub fn to_xml_document(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
             <plist version=\"1.0\">\n",
        );
        self.write(&mut out, 0);
        out.push_str("</plist>\n");
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = "\t".repeat(depth);
        match self {
            PlistValue::String(text) => {
                out.push_str(&format!("{indent}<string>{}</string>\n", escape(text)))
            }
            PlistValue::Bool(true) => out.push_str(&format!("{indent}<true/>\n")),
            PlistValue::Bool(false) => out.push_str(&format!("{indent}<false/>\n")),
            PlistValue::Integer(n) => out.push_str(&format!("{indent}<integer>{n}</integer>\n")),
            PlistValue::Data(bytes) => {
                let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                out.push_str(&format!("{indent}<data>{encoded}</data>\n"));
            }
            PlistValue::Array(items) => {
                out.push_str(&format!("{indent}<array>\n"));
                for item in items {
                    item.write(out, depth + 1);
                }
                out.push_str(&format!("{indent}</array>\n"));
            }
            PlistValue::Dict(entries) => {
                out.push_str(&format!("{indent}<dict>\n"));
                for (key, value) in entries {
                    out.push_str(&format!("{indent}\t<key>{}</key>\n", escape(key)));
                    value.write(out, depth + 1);
                }
                out.push_str(&format!("{indent}</dict>\n"));
            }
        }
    }
}

/// Escapes the characters XML text may not contain literally.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_documents_with_escaping() {
        let doc = PlistValue::dict([
            ("Name", PlistValue::string("R&D <lab>")),
            ("On", PlistValue::Bool(true)),
            ("Count", PlistValue::Integer(2)),
            ("Blob", PlistValue::Data(b"hi".to_vec())),
            ("List", PlistValue::Array(vec![PlistValue::Bool(false)])),
        ])
        .to_xml_document();
        let expected = "<plist version=\"1.0\">\n<dict>\n\
            \t<key>Name</key>\n\t<string>R&amp;D &lt;lab&gt;</string>\n\
            \t<key>On</key>\n\t<true/>\n\
            \t<key>Count</key>\n\t<integer>2</integer>\n\
            \t<key>Blob</key>\n\t<data>aGk=</data>\n\
            \t<key>List</key>\n\t<array>\n\t\t<false/>\n\t</array>\n\
            </dict>\n</plist>\n";
        assert!(doc.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist"));
        assert!(doc.ends_with(expected), "{doc}");
    }
}
