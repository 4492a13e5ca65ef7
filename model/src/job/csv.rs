//! CSV export of the job list, one row per job (a Hybrid pair gives two consecutive rows that
//! name each other), in the dialect of [`crate::csv`]. Times are written in the administrator's
//! zone, which the time columns' headers name.

use super::{Job, JobListEntry};
use crate::csv::{header_line, push_line, time_header, yes_no};
use crate::time::{format_datetime, Zone};
use crate::Lang;

/// A column: its Japanese and English header, and whether it holds times.
struct Column {
    ja: &'static str,
    en: &'static str,
    time: bool,
}

const fn column(ja: &'static str, en: &'static str) -> Column {
    Column {
        ja,
        en,
        time: false,
    }
}

const fn time_column(ja: &'static str, en: &'static str) -> Column {
    Column { ja, en, time: true }
}

const COLUMNS: [Column; 19] = [
    column("ジョブID", "Job ID"),
    column("ペアのジョブID", "Paired job ID"),
    column("端末名", "Device"),
    column("シリアル番号", "Serial number"),
    column("利用者", "User"),
    column("社員番号", "Employee number"),
    column("グループ", "Group"),
    column("種類", "Kind"),
    column("方式", "Method"),
    column("状態", "Status"),
    column("状態の理由", "Status reason"),
    column("再登録", "Re-enrollment"),
    column("登録者", "Registered by"),
    time_column("登録日時", "Registered"),
    time_column("予約日時", "Scheduled for"),
    time_column("更新日時", "Updated"),
    column("WLAN設定", "Wi-Fi setting"),
    column("一般情報・タグの削除", "Delete general info and tags"),
    column("eSIMデータプランの維持", "Keep eSIM data plan"),
];

/// The start of the file: the byte-order mark and the header line in `lang`, the time columns
/// naming `zone`.
pub fn jobs_csv_header(lang: Lang, zone: Zone) -> String {
    let headers: Vec<String> = COLUMNS
        .iter()
        .map(|c| {
            let title = match lang {
                Lang::Ja => c.ja,
                Lang::En => c.en,
            };
            if c.time {
                time_header(title, zone)
            } else {
                title.to_string()
            }
        })
        .collect();
    header_line(&headers)
}

/// Where a Return-to-Service wipe's device stands: re-enrolled, awaited, or not confirmed with
/// the likely reason; empty for jobs without re-enrollment.
fn reenrollment_text(job: &Job, lang: Lang) -> String {
    match &job.reenrollment {
        None => String::new(),
        Some(outcome) => match outcome.likely_reason {
            Some(reason) => format!("{} — {}", outcome.status.label(lang), reason.label(lang)),
            None => outcome.status.label(lang).to_string(),
        },
    }
}

/// One job as registered: the device columns come from the job's snapshot, so a wipe that
/// cleared the device's owner still exports whose device it was.
fn push_job(out: &mut String, job: &Job, lang: Lang, zone: Zone) {
    let cells = [
        job.id.to_string(),
        job.pair_job_id.map(|id| id.to_string()).unwrap_or_default(),
        job.device.name.clone(),
        job.device.serial_number.clone(),
        job.device.user_full_name.clone().unwrap_or_default(),
        job.device.employee_number.clone().unwrap_or_default(),
        job.device.group_path.clone(),
        job.kind.label(lang).to_string(),
        job.method.label(lang).to_string(),
        job.status.label(lang).to_string(),
        job.status_reason.label(lang).to_string(),
        reenrollment_text(job, lang),
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
    push_line(out, &cells);
}

/// The lines of the given entries, one per job, each ending in CRLF.
pub fn jobs_csv_rows<'a>(
    entries: impl IntoIterator<Item = &'a JobListEntry>,
    lang: Lang,
    zone: Zone,
) -> String {
    let mut out = String::new();
    for entry in entries {
        for job in entry.jobs() {
            push_job(&mut out, job, lang, zone);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::JobId;
    use crate::job::fixtures::job;
    use crate::job::{
        JobMethod, JobStatus, ReenrollmentBlocker, ReenrollmentOutcome, ReenrollmentStatus,
    };
    use crate::time::Zone;

    fn csv(entries: &[JobListEntry], lang: Lang) -> String {
        jobs_csv_header(lang, Zone::JAPAN) + &jobs_csv_rows(entries, lang, Zone::JAPAN)
    }

    #[test]
    fn starts_with_a_bom_and_writes_one_row_per_job() {
        let mut ivi = job(1, JobMethod::IviMdm, JobStatus::Cancelled);
        ivi.pair_job_id = Some(JobId(2));
        let mut apple = job(2, JobMethod::AppleMdm, JobStatus::Succeeded);
        apple.pair_job_id = Some(JobId(1));
        let csv = csv(&[JobListEntry::pair(ivi, apple)], Lang::Ja);
        assert!(csv.starts_with("\u{feff}ジョブID,"));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[1].starts_with("1,2,iPhone-001,F2LX00000001,山田 太郎,E0001,本社 / 営業部,"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].contains(",遠隔初期化,IVI MDM,取消,"),
            "{}",
            lines[1]
        );
        assert!(lines[2].contains(",Apple MDM,成功,"), "{}", lines[2]);
        assert!(
            lines[2].contains("2026/11/26 14:30"),
            "times are Japan time: {}",
            lines[2]
        );
    }

    #[test]
    fn time_headers_name_the_zone() {
        let header = jobs_csv_header(Lang::Ja, Zone::JAPAN);
        assert!(
            header.contains(",登録日時 (Asia/Tokyo),予約日時 (Asia/Tokyo),更新日時 (Asia/Tokyo),"),
            "{header}"
        );
        let zone = Zone::parse("America/New_York").unwrap();
        assert!(jobs_csv_header(Lang::En, zone).contains(",Registered (America/New_York),"));
    }

    #[test]
    fn the_device_columns_are_the_snapshot() {
        // The bug this guards: the export joined the device row, whose owner a wipe with
        // delete-info on had just cleared.
        let mut registered = job(1, JobMethod::AppleMdm, JobStatus::Succeeded);
        registered.device.user_full_name = Some("佐藤 花子".into());
        let csv = csv(&[JobListEntry::single(registered)], Lang::En);
        assert!(csv.contains("Device,Serial number,User,Employee number,Group,"));
        assert!(csv.contains(",佐藤 花子,E0001,本社 / 営業部,"), "{csv}");
    }

    #[test]
    fn the_reenrollment_outcome_has_its_column() {
        let mut wiped = job(1, JobMethod::AppleMdm, JobStatus::Succeeded);
        wiped.reenrollment = Some(ReenrollmentOutcome {
            status: ReenrollmentStatus::NotConfirmed,
            since: wiped.registered_at,
            deadline: wiped.registered_at,
            likely_reason: Some(ReenrollmentBlocker::ActivationLock),
        });
        let plain = job(2, JobMethod::AppleMdm, JobStatus::Succeeded);
        let entries = [JobListEntry::single(wiped), JobListEntry::single(plain)];
        let text = csv(&entries, Lang::En);
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert!(lines[0].contains(",Status reason,Re-enrollment,Registered by,"));
        assert!(
            lines[1].contains(",Re-enrollment not confirmed — Activation Lock is on"),
            "{}",
            lines[1]
        );
        assert!(lines[2].contains(",Registered,,山田 太郎,"), "{}", lines[2]);
    }

    #[test]
    fn english_headers_and_labels() {
        let entries = [JobListEntry::single(job(
            5,
            JobMethod::AppleMdm,
            JobStatus::WaitingForDevice,
        ))];
        let csv = csv(&entries, Lang::En);
        assert!(csv.contains("Job ID,Paired job ID,Device"));
        assert!(csv.contains(",Waiting for device,Registered,"));
        assert!(csv.contains(",Yes,No\r\n"));
    }
}
