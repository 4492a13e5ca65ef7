//! CSV export of the job list: UTF-8 with a byte-order mark so that Excel opens Japanese text
//! correctly, CRLF line ends, RFC 4180 quoting.

use super::{Job, JobListEntry};
use crate::time::{format_datetime, Zone};
use crate::Lang;

/// The byte-order mark the export starts with.
pub const CSV_BOM: &str = "\u{feff}";

const HEADERS_JA: [&str; 17] = [
    "ジョブID",
    "ペアのジョブID",
    "端末名",
    "シリアル番号",
    "利用者",
    "社員番号",
    "グループ",
    "方式",
    "状態",
    "状態の理由",
    "登録者",
    "登録日時",
    "予約日時",
    "更新日時",
    "WLAN設定",
    "一般情報・タグの削除",
    "eSIMデータプランの維持",
];
const HEADERS_EN: [&str; 17] = [
    "Job ID",
    "Paired job ID",
    "Device",
    "Serial number",
    "User",
    "Employee number",
    "Group",
    "Method",
    "Status",
    "Status reason",
    "Registered by",
    "Registered",
    "Scheduled for",
    "Updated",
    "Wi-Fi setting",
    "Delete general info and tags",
    "Keep eSIM data plan",
];

/// Characters that make a spreadsheet read a cell as a formula when they start it. Excel
/// with Japanese input also takes the full-width forms (＝＋－＠) as the ASCII ones.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula (also
/// behind leading spaces, which spreadsheets skip).
pub(crate) fn cell(text: &str) -> String {
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

fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Ja) => "はい",
        (false, Lang::Ja) => "いいえ",
        (true, Lang::En) => "Yes",
        (false, Lang::En) => "No",
    }
}

/// One job as registered: the device columns come from the job's snapshot, so a wipe that
/// cleared the device's owner still exports whose device it was.
fn row(job: &Job, lang: Lang, zone: Zone) -> String {
    let cells = [
        job.id.to_string(),
        job.pair_job_id.map(|id| id.to_string()).unwrap_or_default(),
        job.device.name.clone(),
        job.device.serial_number.clone(),
        job.device.user_full_name.clone().unwrap_or_default(),
        job.device.employee_number.clone().unwrap_or_default(),
        job.device.group_path.clone(),
        job.method.label(lang).to_string(),
        job.status.label(lang).to_string(),
        job.status_reason.label(lang).to_string(),
        job.registered_by.display_name.clone(),
        format_datetime(job.registered_at, zone),
        job.options
            .scheduled_at
            .map(|t| format_datetime(t, zone))
            .unwrap_or_default(),
        format_datetime(job.status_changed_at, zone),
        job.options
            .wifi_setting
            .as_ref()
            .map(|w| w.name.clone())
            .unwrap_or_default(),
        yes_no(job.options.delete_general_info, lang).to_string(),
        yes_no(job.options.keep_esim_data_plan, lang).to_string(),
    ];
    cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",")
}

/// The CSV of the given entries, one row per job (a Hybrid pair gives two consecutive rows that
/// name each other), times in `zone`, labels in `lang`.
pub fn jobs_csv<'a>(
    entries: impl IntoIterator<Item = &'a JobListEntry>,
    lang: Lang,
    zone: Zone,
) -> String {
    let headers = match lang {
        Lang::Ja => HEADERS_JA,
        Lang::En => HEADERS_EN,
    };
    let mut out = String::from(CSV_BOM);
    out.push_str(&headers.join(","));
    out.push_str("\r\n");
    for entry in entries {
        for job in entry.jobs() {
            out.push_str(&row(job, lang, zone));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::JobId;
    use crate::job::fixtures::job;
    use crate::job::{JobMethod, JobStatus};
    use crate::time::Zone;

    #[test]
    fn starts_with_a_bom_and_writes_one_row_per_job() {
        let mut ivi = job(1, JobMethod::IviMdm, JobStatus::Cancelled);
        ivi.pair_job_id = Some(JobId(2));
        let mut apple = job(2, JobMethod::AppleMdm, JobStatus::Succeeded);
        apple.pair_job_id = Some(JobId(1));
        let entries = [JobListEntry::pair(ivi, apple)];
        let csv = jobs_csv(&entries, Lang::Ja, Zone::JAPAN);
        assert!(csv.starts_with("\u{feff}ジョブID,"));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[1].starts_with("1,2,iPhone-001,F2LX00000001,山田 太郎,E0001,本社 / 営業部,"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",IVI MDM,取消,"), "{}", lines[1]);
        assert!(lines[2].contains(",Apple MDM,成功,"), "{}", lines[2]);
        assert!(
            lines[2].contains("2026/11/26 14:30"),
            "times are Japan time: {}",
            lines[2]
        );
    }

    #[test]
    fn the_device_columns_are_the_snapshot() {
        // The bug this guards: the export joined the device row, whose owner a wipe with
        // delete-info on had just cleared.
        let mut registered = job(1, JobMethod::AppleMdm, JobStatus::Succeeded);
        registered.device.user_full_name = Some("佐藤 花子".into());
        let csv = jobs_csv(&[JobListEntry::single(registered)], Lang::En, Zone::JAPAN);
        assert!(csv.contains("Device,Serial number,User,Employee number,Group,"));
        assert!(csv.contains(",佐藤 花子,E0001,本社 / 営業部,"), "{csv}");
    }

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
    fn english_headers_and_labels() {
        let entries = [JobListEntry::single(job(
            5,
            JobMethod::AppleMdm,
            JobStatus::WaitingForDevice,
        ))];
        let csv = jobs_csv(&entries, Lang::En, Zone::JAPAN);
        assert!(csv.contains("Job ID,Paired job ID,Device"));
        assert!(csv.contains(",Waiting for device,Registered,"));
        assert!(csv.contains(",Yes,No\r\n"));
    }
}
