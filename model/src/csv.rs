//! The CSV dialect of every export (jobs, devices, audit log): UTF-8 with a byte-order mark so
//! Excel opens Japanese text correctly, CRLF line ends, RFC 4180 quoting, and text a spreadsheet
//! would run as a formula defused. Each export writes its header line and its rows separately,
//! so the portal can stream a long list a chunk at a time.

use crate::time::Zone;
use crate::Lang;

/// The byte-order mark every export starts with.
pub const CSV_BOM: &str = "\u{feff}";

/// Characters that make a spreadsheet read a cell as a formula when they start it. Excel
/// with Japanese input also takes the full-width forms (＝＋－＠) as the ASCII ones.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula (also
/// behind leading spaces, which spreadsheets skip).
pub fn cell(text: &str) -> String {
    let defused = if text
        .trim_start_matches([' ', '\u{3000}'])
        .starts_with(FORMULA_STARTS)
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Appends one line of cells to `out`, ending it in CRLF.
pub fn push_line<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (index, text) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&cell(text.as_ref()));
    }
    out.push_str("\r\n");
}

/// The start of a file: the byte-order mark and the header line.
pub fn header_line<S: AsRef<str>>(headers: &[S]) -> String {
    let mut out = String::from(CSV_BOM);
    push_line(&mut out, headers);
    out
}

/// The header of a time column, naming the zone its times are written in:
/// `登録日時 (Asia/Tokyo)`, so a file passed on is not misread in another zone.
pub fn time_header(title: &str, zone: Zone) -> String {
    format!("{title} ({})", zone.name())
}

/// `はい` / `Yes` and `いいえ` / `No`.
pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Ja) => "はい",
        (false, Lang::Ja) => "いいえ",
        (true, Lang::En) => "Yes",
        (false, Lang::En) => "No",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_separators_and_defuses_formulas() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("山田 太郎"), "山田 太郎");
    }

    #[test]
    fn full_width_and_space_led_formulas_are_defused_too() {
        assert_eq!(cell("＝HYPERLINK(\"x\")"), "\"'＝HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("＋81"), "'＋81");
        assert_eq!(cell("－1"), "'－1");
        assert_eq!(cell("＠SUM"), "'＠SUM");
        assert_eq!(cell("  =1+1"), "'  =1+1");
        assert_eq!(cell("\u{3000}＝1"), "'\u{3000}＝1");
        assert_eq!(
            cell("ａ＝1"),
            "ａ＝1",
            "only a leading sign makes a formula"
        );
    }

    #[test]
    fn a_header_starts_with_the_bom_and_lines_end_in_crlf() {
        assert_eq!(header_line(&["ID", "端末名"]), "\u{feff}ID,端末名\r\n");
        let mut out = String::new();
        push_line(&mut out, &["1", "a,b"]);
        assert_eq!(out, "1,\"a,b\"\r\n");
        assert_eq!(
            time_header("登録日時", Zone::JAPAN),
            "登録日時 (Asia/Tokyo)"
        );
    }
}
