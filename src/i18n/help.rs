//! Strings of the help pages and help links. The articles themselves are Markdown files in
//! `src/pages/help/articles/`; these are the words around them.

/// Help-page strings of one language; `Catalog::help` of each catalog points at one.
pub struct HelpText {
    /// Under the help index title: what the articles are for.
    pub index_lead: &'static str,
    /// Names the list of articles for screen readers.
    pub index_list_label: &'static str,
    /// Names an article's list of sections on the index.
    pub index_sections_label: fn(&str) -> String,

    /// Names the breadcrumb navigation.
    pub breadcrumb_label: &'static str,
    /// Heading of the table of contents beside an article.
    pub toc_title: &'static str,

    /// このページをPDF出力.
    pub print: &'static str,
    /// How to get a PDF out of the print dialog.
    pub print_hint: &'static str,
    /// Footer of each printed page: the page's address and when it was printed.
    pub print_footer: fn(&str, &str) -> String,

    /// この記事は役に立ちましたか?
    pub feedback_question: &'static str,
    pub feedback_yes: &'static str,
    pub feedback_no: &'static str,
    pub feedback_sending: &'static str,
    /// Shown once the portal recorded the answer.
    pub feedback_thanks: &'static str,
    /// Shown with the thanks: the answer can still be changed.
    pub feedback_change_hint: &'static str,
    /// Label of the optional comment box shown after an answer.
    pub feedback_comment_label: &'static str,
    pub feedback_comment_send: &'static str,
    /// Shown once the portal recorded the comment.
    pub feedback_comment_saved: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_index: &'static str,

    /// Visible text of a help link beside a control.
    pub link_label: &'static str,
    /// Full name of a help link, from the section it opens.
    pub link_name: fn(&str) -> String,
}

fn ja_index_sections_label(title: &str) -> String {
    format!("「{title}」の項目")
}

fn ja_print_footer(url: &str, printed_at: &str) -> String {
    format!("{url}　印刷日時: {printed_at}")
}

fn ja_link_name(section: &str) -> String {
    format!("ヘルプ: {section}")
}

pub const HELP_JA: HelpText = HelpText {
    index_lead: "遠隔初期化の操作手順と、設定ごとのルールを説明します。各記事は PDF に保存して配布・保管できます。",
    index_list_label: "ヘルプ記事の一覧",
    index_sections_label: ja_index_sections_label,

    breadcrumb_label: "現在位置",
    toc_title: "この記事の内容",

    print: "このページをPDF出力",
    print_hint: "印刷画面の送信先で「PDF に保存」を選ぶと、記事の本文だけを保存できます。",
    print_footer: ja_print_footer,

    feedback_question: "この記事は役に立ちましたか?",
    feedback_yes: "はい",
    feedback_no: "いいえ",
    feedback_sending: "送信中…",
    feedback_thanks: "ご回答ありがとうございました。",
    feedback_change_hint: "回答はいつでも変更できます。",
    feedback_comment_label: "ご意見・ご要望（任意）",
    feedback_comment_send: "コメントを送信",
    feedback_comment_saved: "コメントを受け付けました。",

    not_found_title: "記事が見つかりません",
    not_found_body: "指定された記事は存在しないか、移動した可能性があります。",
    back_to_index: "ヘルプの一覧へ",

    link_label: "ヘルプ",
    link_name: ja_link_name,
};

fn en_index_sections_label(title: &str) -> String {
    format!("Sections of “{title}”")
}

fn en_print_footer(url: &str, printed_at: &str) -> String {
    format!("{url}   Printed {printed_at} (Japan time)")
}

fn en_link_name(section: &str) -> String {
    format!("Help: {section}")
}

pub const HELP_EN: HelpText = HelpText {
    index_lead: "Step-by-step instructions for remote wipes and the rules behind each setting. Save any article as a PDF to share or file it.",
    index_list_label: "Help articles",
    index_sections_label: en_index_sections_label,

    breadcrumb_label: "Breadcrumb",
    toc_title: "In this article",

    print: "Save this page as PDF",
    print_hint: "In the print dialog, choose “Save as PDF” as the destination to save the article alone.",
    print_footer: en_print_footer,

    feedback_question: "Was this article helpful?",
    feedback_yes: "Yes",
    feedback_no: "No",
    feedback_sending: "Sending…",
    feedback_thanks: "Thank you for your feedback.",
    feedback_change_hint: "You can change your answer at any time.",
    feedback_comment_label: "Anything to add? (optional)",
    feedback_comment_send: "Send comment",
    feedback_comment_saved: "Your comment was received.",

    not_found_title: "Article not found",
    not_found_body: "The article does not exist or may have moved.",
    back_to_index: "All help articles",

    link_label: "Help",
    link_name: en_link_name,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_labels_follow_the_glossary() {
        assert_eq!(HELP_JA.print, "このページをPDF出力");
        assert_eq!(HELP_JA.feedback_question, "この記事は役に立ちましたか?");
        assert_eq!(HELP_EN.print, "Save this page as PDF");
        assert_eq!(HELP_EN.feedback_question, "Was this article helpful?");
    }
}
