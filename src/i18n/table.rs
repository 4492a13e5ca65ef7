//! The words of the table kit, shared by every list: pager, sort state, retry, the CSV export's
//! progress, the column chooser, relative times; and the theme switch in the header.

use mdm_model::count::format_count;

use crate::components::data_table::PagerText;

pub struct TableText {
    pub pager: PagerText,
    pub sorted_asc: &'static str,
    pub sorted_desc: &'static str,
    /// The button of a failed list.
    pub retry: &'static str,

    /// The export button.
    pub export_csv: &'static str,
    /// While the file arrives: rows and bytes received so far.
    pub export_progress: fn(u64, u64) -> String,
    /// Done: the rows the file holds.
    pub exported: fn(u64) -> String,
    /// The browser refused to save the file.
    pub export_failed: &'static str,

    /// The column chooser's button and its list's name.
    pub columns_button: &'static str,
    pub columns_legend: &'static str,

    /// The theme switch: its name and its three choices.
    pub theme_label: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
}

/// `1.2 MB`, `640 KB`: a size as a download shows it (the same in both languages).
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1_000))
    }
}

pub const JA: TableText = TableText {
    pager: PagerText {
        label: "ページ送り",
        range: |first, last, total| {
            format!(
                "{}〜{}件 / 全{}件",
                format_count(first),
                format_count(last),
                format_count(total)
            )
        },
        none: "0件",
        first: "最初のページ",
        previous: "前のページ",
        next: "次のページ",
        last: "最後のページ",
        page: "ページ番号",
        of_pages: |pages| format!("/ {}ページ", format_count(pages)),
        per_page: "表示件数",
        per_page_option: |size| format!("{size}件"),
    },
    sorted_asc: "昇順で並べ替え済み",
    sorted_desc: "降順で並べ替え済み",
    retry: "再読み込み",

    export_csv: "CSVダウンロード",
    export_progress: |rows, bytes| {
        format!("ダウンロード中… {}行 ({})", format_count(rows), size_text(bytes))
    },
    exported: |rows| format!("{}行のCSVをダウンロードしました。", format_count(rows)),
    export_failed: "CSVを保存できませんでした。ブラウザーの設定でダウンロードが許可されているか確認してください。",

    columns_button: "表示する列",
    columns_legend: "表示する列を選ぶ",

    theme_label: "表示テーマ",
    theme_system: "システムに合わせる",
    theme_light: "ライト",
    theme_dark: "ダーク",
};

pub const EN: TableText = TableText {
    pager: PagerText {
        label: "Pages",
        range: |first, last, total| {
            format!(
                "{}–{} of {}",
                format_count(first),
                format_count(last),
                format_count(total)
            )
        },
        none: "None",
        first: "First page",
        previous: "Previous page",
        next: "Next page",
        last: "Last page",
        page: "Page number",
        of_pages: |pages| format!("of {}", format_count(pages)),
        per_page: "Rows per page",
        per_page_option: |size| format!("{size}"),
    },
    sorted_asc: "sorted ascending",
    sorted_desc: "sorted descending",
    retry: "Reload",

    export_csv: "Download CSV",
    export_progress: |rows, bytes| {
        let rows_text = if rows == 1 {
            "1 row".to_string()
        } else {
            format!("{} rows", format_count(rows))
        };
        format!("Downloading… {rows_text} ({})", size_text(bytes))
    },
    exported: |rows| {
        if rows == 1 {
            "Downloaded a CSV of 1 row.".to_string()
        } else {
            format!("Downloaded a CSV of {} rows.", format_count(rows))
        }
    },
    export_failed: "The CSV could not be saved. Check that the browser allows downloads.",

    columns_button: "Columns",
    columns_legend: "Choose the columns to show",

    theme_label: "Theme",
    theme_system: "Match the system",
    theme_light: "Light",
    theme_dark: "Dark",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_the_pager_have_thousands_separators() {
        assert_eq!((JA.pager.range)(1, 50, 100_000), "1〜50件 / 全100,000件");
        assert_eq!(
            (EN.pager.range)(99_951, 100_000, 100_000),
            "99,951–100,000 of 100,000"
        );
        assert_eq!(
            (EN.export_progress)(12_345, 2_345_678),
            "Downloading… 12,345 rows (2.3 MB)"
        );
        assert_eq!((JA.exported)(1_000), "1,000行のCSVをダウンロードしました。");
    }
}
