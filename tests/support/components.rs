//! The `#[component]` functions of a Rust source and how many lines each takes, counted from
//! the attribute to the closing brace of its body, for the repository check that keeps them
//! short. Plain text reading: comments are dropped and literals blanked first, so a brace in a
//! string (`"{"`), a character (`'}'`) or a comment never counts.

/// One component of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    /// 1-based line of its `#[component]` attribute.
    pub line: usize,
    /// Lines from the attribute to the closing brace, both included.
    pub lines: usize,
}

/// Whether `c` may be part of an identifier (so `r"` after it is no raw string).
fn ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `source` with comments removed and the insides of string and character literals replaced by
/// spaces; line breaks stay where they were, so line numbers still hold.
pub fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    // Everything in `chars[from..to]` becomes blanks, its line breaks kept.
    let blank = |out: &mut String, from: usize, to: usize| {
        out.extend(
            chars[from..to]
                .iter()
                .map(|&c| if c == '\n' { '\n' } else { ' ' }),
        );
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let before = i.checked_sub(1).map(|j| chars[j]);
        if c == '/' && next == Some('/') {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if c == '/' && next == Some('*') {
            // Block comments nest in Rust.
            let (mut depth, mut j) = (0, i);
            while j < chars.len() {
                match (chars[j], chars.get(j + 1)) {
                    ('/', Some('*')) => (depth, j) = (depth + 1, j + 2),
                    ('*', Some('/')) => (depth, j) = (depth - 1, j + 2),
                    _ => j += 1,
                }
                if depth == 0 {
                    break;
                }
            }
            blank(&mut out, i, j.min(chars.len()));
            i = j;
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !before.is_some_and(ident) {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let open = i + 2 + hashes;
            let closing: Vec<char> = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            let end = (open..chars.len())
                .find(|&j| chars[j..].starts_with(&closing))
                .map_or(chars.len(), |j| j + closing.len());
            out.push_str("r\"");
            blank(&mut out, i + 2, end.saturating_sub(1).max(i + 2));
            out.push('"');
            i = end;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            out.push('"');
            blank(&mut out, i + 1, j.min(chars.len()));
            out.push('"');
            i = j + 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{7b}'), or else a lifetime or label ('a).
            let end = match next {
                Some('\\') => chars
                    .get(i + 3..)
                    .and_then(|rest| rest.iter().position(|&c| c == '\''))
                    .map(|n| i + 3 + n),
                Some(_) if chars.get(i + 2) == Some(&'\'') => Some(i + 2),
                _ => None,
            };
            match end {
                Some(end) => {
                    out.push('\'');
                    blank(&mut out, i + 1, end);
                    out.push('\'');
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The components of `source`, in order.
pub fn components(source: &str) -> Vec<Component> {
    let code = code_only(source);
    let lines: Vec<&str> = code.lines().collect();
    // Byte offset of the start of each line, to turn offsets back into line numbers.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(code.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&start| start <= offset);
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with("#[component") {
            continue;
        }
        let after = &code[starts[index]..];
        let Some(fn_at) = after.find("fn ") else {
            continue;
        };
        let name: String = after[fn_at + 3..]
            .trim_start()
            .chars()
            .take_while(|&c| ident(c))
            .collect();
        // The body opens at the first brace outside the parameters' brackets.
        let mut depth = 0i32;
        let mut body = None;
        for (at, c) in after[fn_at..].char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                '{' if depth == 0 => {
                    body = Some(fn_at + at);
                    break;
                }
                _ => {}
            }
        }
        let Some(open) = body else { continue };
        let mut braces = 0i32;
        let close = after[open..].char_indices().find_map(|(at, c)| {
            match c {
                '{' => braces += 1,
                '}' => braces -= 1,
                _ => return None,
            }
            (braces == 0).then_some(open + at)
        });
        let Some(close) = close else { continue };
        found.push(Component {
            name,
            line: index + 1,
            lines: line_of(starts[index] + close) - index,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_comments_hide_their_braces() {
        let code = code_only("let a = \"{\"; // }\nlet b = '}'; let q = '\\''; let c: &'a str = r#\"}\"#; /* { /* } */ { */");
        assert_eq!(code.matches(['{', '}']).count(), 0, "{code}");
        assert_eq!(code.lines().count(), 2);
        assert!(code.contains("&'a str"), "a lifetime is code: {code}");
    }
}
