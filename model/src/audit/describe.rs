//! An audit event in words, for the 対象 (subject) and 内容 (details) columns of the audit log
//! and its CSV. The console shows the same words, with links on the ids it can open.

use super::{AuditEvent, SignInVia, SignOutReason, WipeRefusal};
use crate::ids::JobId;
use crate::time::{format_datetime, Zone};
use crate::Lang;

fn job_list(ids: &[JobId]) -> String {
    ids.iter()
        .map(JobId::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 device", "3 devices".
fn english_count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "遠隔初期化 12" / "Wipe 12": a wipe registration named by its id.
pub fn wipe_subject(wipe: crate::ids::WipeId, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("遠隔初期化 {wipe}"),
        Lang::En => format!("Wipe {wipe}"),
    }
}

/// "ジョブ 4, 5" / "Jobs 4, 5".
pub fn jobs_subject(ids: &[JobId], lang: Lang) -> String {
    match (lang, ids.len()) {
        (Lang::Ja, _) => format!("ジョブ {}", job_list(ids)),
        (Lang::En, 1) => format!("Job {}", job_list(ids)),
        (Lang::En, _) => format!("Jobs {}", job_list(ids)),
    }
}

/// "セッション経由" / "via session": what a sign-in or sign-out used.
pub fn via_text(via: SignInVia, lang: Lang) -> &'static str {
    match (via, lang) {
        (SignInVia::Session, Lang::Ja) => "セッション経由",
        (SignInVia::Session, Lang::En) => "via session",
        (SignInVia::Token, Lang::Ja) => "トークン経由",
        (SignInVia::Token, Lang::En) => "via token",
    }
}

impl AuditEvent {
    /// The 対象 column: what the action was done to (a wipe, jobs, an account), or nothing.
    pub fn subject_text(&self, lang: Lang) -> String {
        match self {
            AuditEvent::WipeRegistered { wipe_id, .. }
            | AuditEvent::MeasureRegistered { wipe_id, .. } => wipe_subject(*wipe_id, lang),
            AuditEvent::JobsCancelled { job_ids } => jobs_subject(job_ids, lang),
            AuditEvent::PartnerJobCancelled { job_id, .. }
            | AuditEvent::JobTimedOut { job_id }
            | AuditEvent::DeviceReenrolled { job_id, .. }
            | AuditEvent::ReenrollmentNotConfirmed { job_id, .. } => jobs_subject(&[*job_id], lang),
            AuditEvent::SignInFailed { username } => username.clone(),
            AuditEvent::HelpFeedback { article, .. } => article.label(lang).to_string(),
            AuditEvent::SignedIn { .. }
            | AuditEvent::SignedOut { .. }
            | AuditEvent::WipeRefused { .. }
            | AuditEvent::TimeZoneChanged { .. } => String::new(),
            AuditEvent::MeasureRefused { measure, .. } => measure.label(lang).to_string(),
        }
    }

    /// The 内容 column: the event's specifics in words, times in `zone`.
    pub fn details_text(&self, lang: Lang, zone: Zone) -> String {
        let ja = lang == Lang::Ja;
        match self {
            AuditEvent::SignedIn { via } => via_text(*via, lang).to_string(),
            AuditEvent::SignedOut { via, reason } => match reason {
                None => via_text(*via, lang).to_string(),
                Some(SignOutReason::RetiredTokenReused) if ja => format!(
                    "{}(更新済みのトークンが再び使われたため終了)",
                    via_text(*via, lang)
                ),
                Some(SignOutReason::RetiredTokenReused) => format!(
                    "{} (ended: a renewed token was used again)",
                    via_text(*via, lang)
                ),
            },
            AuditEvent::SignInFailed { .. } if ja => "ユーザー名またはパスワードの誤り".into(),
            AuditEvent::SignInFailed { .. } => "Wrong user name or password".into(),
            AuditEvent::WipeRegistered {
                device_count,
                job_count,
                skipped_device_count,
                scheduled_at,
                ..
            } => {
                let mut parts = vec![if ja {
                    format!("端末 {device_count}台、ジョブ {job_count}件")
                } else {
                    format!(
                        "{}, {}",
                        english_count(*device_count, "device"),
                        english_count(*job_count, "job")
                    )
                }];
                if *skipped_device_count > 0 {
                    parts.push(if ja {
                        format!("対象外 {skipped_device_count}台")
                    } else {
                        format!("{skipped_device_count} skipped")
                    });
                }
                if let Some(at) = scheduled_at {
                    let at = format_datetime(*at, zone);
                    parts.push(if ja {
                        format!("予約 {at}")
                    } else {
                        format!("scheduled for {at}")
                    });
                }
                parts.join(if ja { "、" } else { ", " })
            }
            AuditEvent::MeasureRegistered {
                measure,
                device_count,
                job_count,
                skipped_device_count,
                ..
            } => {
                let counts = if ja {
                    format!(
                        "{}:端末 {device_count}台、ジョブ {job_count}件",
                        measure.label(lang)
                    )
                } else {
                    format!(
                        "{}: {}, {}",
                        measure.label(lang),
                        english_count(*device_count, "device"),
                        english_count(*job_count, "job")
                    )
                };
                match (*skipped_device_count, ja) {
                    (0, _) => counts,
                    (n, true) => format!("{counts}、対象外 {n}台"),
                    (n, false) => format!("{counts}, {n} skipped"),
                }
            }
            AuditEvent::WipeRefused {
                reason: WipeRefusal::WrongPassword,
            } if ja => "パスワードの再入力が一致しませんでした".into(),
            AuditEvent::WipeRefused { .. } => "The re-entered password did not match".into(),
            AuditEvent::MeasureRefused {
                reason: WipeRefusal::WrongPassword,
                ..
            } if ja => "パスワードの再入力が一致しませんでした".into(),
            AuditEvent::MeasureRefused { .. } => "The re-entered password did not match".into(),
            AuditEvent::JobsCancelled { job_ids } if ja => format!("{}件を取消", job_ids.len()),
            AuditEvent::JobsCancelled { job_ids } => match job_ids.len() {
                1 => "1 job cancelled".into(),
                n => format!("{n} jobs cancelled"),
            },
            AuditEvent::PartnerJobCancelled {
                succeeded_job_id, ..
            } if ja => format!("ペアのジョブ {succeeded_job_id} が成功"),
            AuditEvent::PartnerJobCancelled {
                succeeded_job_id, ..
            } => format!("Partner job {succeeded_job_id} succeeded"),
            AuditEvent::JobTimedOut { .. } if ja => "端末から応答がありませんでした".into(),
            AuditEvent::JobTimedOut { .. } => "No answer from the device".into(),
            AuditEvent::DeviceReenrolled {
                device_id,
                group_id,
                ..
            } if ja => format!("端末 {device_id} がグループ {group_id} に再登録"),
            AuditEvent::DeviceReenrolled {
                device_id,
                group_id,
                ..
            } => format!("Device {device_id} re-enrolled into group {group_id}"),
            AuditEvent::ReenrollmentNotConfirmed { likely_reason, .. } => {
                likely_reason.label(lang).to_string()
            }
            AuditEvent::HelpFeedback {
                helpful, comment, ..
            } => {
                let verdict = match (helpful, ja) {
                    (true, true) => "役に立った",
                    (false, true) => "役に立たなかった",
                    (true, false) => "Helpful",
                    (false, false) => "Not helpful",
                };
                match comment {
                    Some(comment) if ja => format!("{verdict}:{comment}"),
                    Some(comment) => format!("{verdict}: {comment}"),
                    None => verdict.to_string(),
                }
            }
            AuditEvent::TimeZoneChanged { from, to } => format!("{} → {}", from.name(), to.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::WipeId;

    #[test]
    fn a_wipe_names_its_id_and_counts() {
        let wipe = AuditEvent::WipeRegistered {
            wipe_id: WipeId(12),
            device_count: 3,
            job_count: 4,
            skipped_device_count: 1,
            scheduled_at: None,
            wifi_setting_id: None,
        };
        assert_eq!(wipe.subject_text(Lang::Ja), "遠隔初期化 12");
        assert_eq!(wipe.subject_text(Lang::En), "Wipe 12");
        assert_eq!(
            wipe.details_text(Lang::Ja, Zone::JAPAN),
            "端末 3台、ジョブ 4件、対象外 1台"
        );
        assert_eq!(
            wipe.details_text(Lang::En, Zone::JAPAN),
            "3 devices, 4 jobs, 1 skipped"
        );
    }

    #[test]
    fn a_cancel_names_its_jobs_and_a_sign_in_its_credential() {
        let cancel = AuditEvent::JobsCancelled {
            job_ids: vec![JobId(4), JobId(5)],
        };
        assert_eq!(cancel.subject_text(Lang::Ja), "ジョブ 4, 5");
        assert_eq!(cancel.subject_text(Lang::En), "Jobs 4, 5");
        assert_eq!(
            cancel.details_text(Lang::En, Zone::JAPAN),
            "2 jobs cancelled"
        );
        let sign_in = AuditEvent::SignedIn {
            via: SignInVia::Token,
        };
        assert_eq!(sign_in.details_text(Lang::Ja, Zone::JAPAN), "トークン経由");
        assert_eq!(sign_in.details_text(Lang::En, Zone::JAPAN), "via token");
        assert_eq!(sign_in.subject_text(Lang::En), "");
    }
}
