//! CSV export of the audit log, in the dialect of [`crate::csv`]. The header and the rows are
//! separate so the portal can stream a long log a page at a time.

use super::{actor_label, AuditEntry};
use crate::csv::{header_line, push_line};
use crate::time::{format_datetime, Zone};
use crate::Lang;

const HEADERS_JA: [&str; 6] = ["ID", "日時", "実行者", "操作", "対象", "内容"];
const HEADERS_EN: [&str; 6] = [
    "ID",
    "Time",
    "Administrator",
    "Action",
    "Subject",
    "Details",
];

/// The start of the file: the byte-order mark and the header line in `lang`.
pub fn audit_csv_header(lang: Lang) -> String {
    let headers = match lang {
        Lang::Ja => HEADERS_JA,
        Lang::En => HEADERS_EN,
    };
    header_line(&headers)
}

/// One line per entry, each ending in CRLF; times in `zone`, words in `lang`.
pub fn audit_csv_rows<'a>(
    entries: impl IntoIterator<Item = &'a AuditEntry>,
    lang: Lang,
    zone: Zone,
) -> String {
    let mut out = String::new();
    for entry in entries {
        let cells = [
            entry.id.to_string(),
            format_datetime(entry.at, zone),
            actor_label(entry.actor.as_ref(), lang),
            entry.action().label(lang).to_string(),
            entry.event.subject_text(lang),
            entry.event.details_text(lang, zone),
        ];
        push_line(&mut out, &cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{AuditEvent, SignInVia};
    use crate::ids::{AdministratorId, AuditEntryId, JobId};
    use crate::job::AdministratorRef;
    use chrono::DateTime;

    fn entry(id: i64, actor: Option<&str>, event: AuditEvent) -> AuditEntry {
        AuditEntry {
            id: AuditEntryId(id),
            // 2026-11-26 05:30 UTC is 14:30 in Japan.
            at: DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
                .unwrap()
                .to_utc(),
            actor: actor.map(|name| AdministratorRef {
                id: AdministratorId(1),
                display_name: name.into(),
            }),
            summary: String::new(),
            event,
        }
    }

    #[test]
    fn header_starts_with_a_bom_in_the_language() {
        assert_eq!(
            audit_csv_header(Lang::Ja),
            "\u{feff}ID,日時,実行者,操作,対象,内容\r\n"
        );
        assert!(audit_csv_header(Lang::En).starts_with("\u{feff}ID,Time,Administrator,"));
    }

    #[test]
    fn rows_name_the_actor_action_subject_and_details() {
        let entries = [
            entry(
                2,
                None,
                AuditEvent::JobsCancelled {
                    job_ids: vec![JobId(4), JobId(5)],
                },
            ),
            entry(
                1,
                Some("=cmd"),
                AuditEvent::SignedIn {
                    via: SignInVia::Session,
                },
            ),
        ];
        let rows = audit_csv_rows(&entries, Lang::Ja, Zone::JAPAN);
        let lines: Vec<&str> = rows.trim_end().split("\r\n").collect();
        assert_eq!(
            lines,
            [
                "2,2026/11/26 14:30,システム,ジョブの取消,\"ジョブ 4, 5\",2件を取消",
                "1,2026/11/26 14:30,'=cmd,サインイン,,セッション経由",
            ]
        );
    }
}
