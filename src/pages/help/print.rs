//! このページをPDF出力: the browser's own print dialog ("Save as PDF" is one of its destinations),
//! with the page box and the footer of a printed article. What is printed is style/print.css.

use chrono::Utc;
use leptos::prelude::*;
use mdm_model::time::{format_datetime, Zone};

use crate::i18n::use_locale;

/// Opens the browser's print dialog.
pub fn print_page() {
    // A browser that refuses (a sandboxed host frame) simply shows no dialog; nothing to undo.
    let _ = window().print();
}

/// The `@page` rule of a printed article: A4 with margins, and in the bottom margin of every page
/// the footer (address and time of printing) and the page number.
///
/// It lives with the article, not in the stylesheet, because `@page` cannot be scoped to the
/// console: a host page printing something else keeps its own page box.
pub fn page_rule(footer: &str) -> String {
    const MARGIN_BOX: &str =
        "font-family: \"Hiragino Sans\", \"Yu Gothic UI\", Meiryo, \"Noto Sans JP\", \
                              \"Noto Sans CJK JP\", sans-serif; font-size: 8pt; color: #555;";
    format!(
        "@page {{ size: A4; margin: 18mm 16mm 20mm; \
         @bottom-left {{ content: {footer}; {MARGIN_BOX} }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); {MARGIN_BOX} }} }}",
        footer = css_string(footer),
    )
}

/// `text` as a CSS string literal: quotes, backslashes, line breaks and `<` escaped, so an
/// address can neither end the string nor the `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // A CSS escape is hex digits ended by a space.
            '\n' | '\r' | '\u{c}' | '<' | '>' => out.push_str(&format!("\\{:x} ", c as u32)),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The page's full address for the footer: this site's origin and `path`. The path comes from
/// the router, which knows the new page before the browser's address bar shows it.
fn page_address(path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{path}")
}

/// The page box and footer of the printed article. The time is taken again when the browser
/// starts printing, so a page left open prints the time it was printed.
///
/// The rule goes into a constructed style sheet adopted by the document: the console's
/// Content-Security-Policy allows no `<style>` text, but the CSSOM is not inline code.
#[component]
pub fn PrintPageSetup(
    /// The path of the page being printed (without query or `#section`).
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    let locale = use_locale();
    let printed_at = RwSignal::new(Utc::now());
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        printed_at.set(Utc::now());
    });
    // Kept on this thread's arena: a style sheet is a browser object, not `Send`.
    let sheet = StoredValue::new_local(adopt_sheet());
    let rule = move || {
        let at = format_datetime(printed_at.get(), Zone::JAPAN);
        let footer = (locale.t().help.print_footer)(&page_address(&path.get()), &at);
        page_rule(&footer)
    };
    Effect::new(move || {
        let rule = rule();
        sheet.with_value(|sheet| {
            if let Some(sheet) = sheet {
                let _ = sheet.replace_sync(&rule);
            }
        });
    });
    on_cleanup(move || {
        before_print.remove();
        sheet.with_value(|sheet| {
            if let Some(sheet) = sheet {
                drop_sheet(sheet);
            }
        });
    });
}

/// A new, empty style sheet added to the document's adopted sheets.
fn adopt_sheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    let adopted = document().adopted_style_sheets();
    adopted.push(&sheet);
    document().set_adopted_style_sheets(&adopted);
    Some(sheet)
}

/// Takes `sheet` out of the document's adopted sheets again.
fn drop_sheet(sheet: &web_sys::CssStyleSheet) {
    let adopted = document().adopted_style_sheets();
    let sheet: &wasm_bindgen::JsValue = sheet.as_ref();
    let kept: js_sys::Array = adopted.iter().filter(|s| s != sheet).collect();
    document().set_adopted_style_sheets(&kept);
}

/// The text of the page rules adopted by the document (what a printed article uses).
pub fn adopted_page_rules() -> String {
    use wasm_bindgen::JsCast;
    let mut text = String::new();
    for sheet in document().adopted_style_sheets().iter() {
        let Ok(sheet) = sheet.dyn_into::<web_sys::CssStyleSheet>() else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        for i in 0..rules.length() {
            if let Some(rule) = rules.item(i) {
                text.push_str(&rule.css_text());
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_cannot_break_out_of_the_footer() {
        assert_eq!(
            css_string("https://a.example/help/x"),
            "\"https://a.example/help/x\""
        );
        assert_eq!(css_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(css_string("x</style>"), "\"x\\3c /style\\3e \"");
        assert_eq!(css_string("a\nb"), "\"a\\a b\"");
    }

    #[test]
    fn the_page_is_a4_with_the_footer_and_page_numbers_in_the_margin() {
        let rule = page_rule("https://portal.example/help/hybrid-mdm　印刷日時: 2026/11/26 14:30");
        assert!(rule.starts_with("@page {"));
        assert!(rule.contains("size: A4"));
        assert!(rule.contains("@bottom-left { content: \"https://portal.example/help/hybrid-mdm　印刷日時: 2026/11/26 14:30\";"));
        assert!(rule.contains("counter(page) \" / \" counter(pages)"));
        assert_eq!(rule.matches('{').count(), rule.matches('}').count());
    }
}
