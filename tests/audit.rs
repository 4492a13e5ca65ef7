//! Browser tests of 監査ログ's table: a wipe, a cancel, a sign-in and the portal's own action
//! shown with their details and links, in Japanese and English; the empty and error rows. The
//! table is mounted alone with fixtures; no portal, no router.
#![cfg(target_arch = "wasm32")]

#[path = "support/jobs_dom.rs"]
mod dom;
#[path = "support/wait.rs"]
mod wait;

use chrono::{DateTime, Utc};
use dom::*;
use leptos::prelude::*;
use mdm_console::components::data_table::TableNotice;
use mdm_console::pages::audit::AuditTable;
use mdm_model::audit::{AuditEntry, AuditEvent, SignInVia};
use mdm_model::ids::{AdministratorId, AuditEntryId, JobId, WipeId};
use mdm_model::job::AdministratorRef;
use mdm_model::time::Zone;
use mdm_model::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// An entry by 山田 太郎 (or the portal, without `admin`) at 2026/11/26 14:30 Japan time.
fn entry(id: i64, admin: bool, event: AuditEvent) -> AuditEntry {
    AuditEntry {
        id: AuditEntryId(id),
        at: at("2026-11-26T05:30:00Z"),
        actor: admin.then(|| AdministratorRef {
            id: AdministratorId(1),
            display_name: "山田 太郎".into(),
        }),
        summary: String::new(),
        event,
    }
}

fn fixtures() -> Vec<AuditEntry> {
    vec![
        entry(4, false, AuditEvent::JobTimedOut { job_id: JobId(9) }),
        entry(
            3,
            true,
            AuditEvent::JobsCancelled {
                job_ids: vec![JobId(7), JobId(8)],
            },
        ),
        entry(
            2,
            true,
            AuditEvent::WipeRegistered {
                wipe_id: WipeId(5),
                device_count: 2,
                job_count: 3,
                skipped_device_count: 0,
                scheduled_at: None,
                wifi_setting_id: None,
            },
        ),
        entry(
            1,
            true,
            AuditEvent::SignedIn {
                via: SignInVia::Token,
            },
        ),
    ]
}

fn table(lang: Lang, notice: Option<TableNotice>) -> Mounted {
    mount(lang, move || {
        view! {
            <AuditTable
                entries=Signal::stored(fixtures())
                zone=Signal::stored(Zone::JAPAN)
                notice=Signal::stored(notice)
            />
        }
    })
}

/// Each row's cells: 日時, 実行者, 操作, 対象, 内容.
fn rows(table: &Mounted) -> Vec<[String; 5]> {
    table
        .all("audit-row")
        .iter()
        .map(|row| {
            [
                "audit-at",
                "audit-actor",
                "audit-action",
                "audit-subject",
                "audit-details",
            ]
            .map(|id| text_of(&within(row, id)[0]))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn shows_a_wipe_a_cancel_a_sign_in_and_the_system_in_japanese() {
    let table = table(Lang::Ja, None);
    leptos::task::tick().await;
    assert_eq!(
        rows(&table),
        [
            [
                "2026/11/26 14:30",
                "システム",
                "ジョブのタイムアウト",
                "ジョブ 9",
                "端末から応答がありませんでした"
            ],
            [
                "2026/11/26 14:30",
                "山田 太郎",
                "ジョブの取消",
                "ジョブ 7, ジョブ 8",
                "2件を取消"
            ],
            [
                "2026/11/26 14:30",
                "山田 太郎",
                "遠隔初期化の登録",
                "遠隔初期化 5",
                "端末 2台、ジョブ 3件"
            ],
            [
                "2026/11/26 14:30",
                "山田 太郎",
                "サインイン",
                "",
                "トークン経由"
            ],
        ]
        .map(|row| row.map(String::from))
    );
    let wipe_link = table.find("audit-wipe-link");
    assert_eq!(
        wipe_link.get_attribute("href").as_deref(),
        Some("/jobs?wipe=5")
    );
    let job_links: Vec<Option<String>> = table
        .all("audit-job-link")
        .iter()
        .map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(
        job_links,
        [
            Some("/jobs/9".into()),
            Some("/jobs/7".into()),
            Some("/jobs/8".into())
        ]
    );
}

#[wasm_bindgen_test]
async fn shows_the_same_entries_in_english() {
    let table = table(Lang::En, None);
    leptos::task::tick().await;
    assert_eq!(
        rows(&table),
        [
            [
                "2026/11/26 14:30",
                "System",
                "Job timed out",
                "Job 9",
                "No answer from the device"
            ],
            [
                "2026/11/26 14:30",
                "山田 太郎",
                "Jobs cancelled",
                "Job 7, Job 8",
                "2 jobs cancelled"
            ],
            [
                "2026/11/26 14:30",
                "山田 太郎",
                "Wipe registered",
                "Wipe 5",
                "2 devices, 3 jobs"
            ],
            [
                "2026/11/26 14:30",
                "山田 太郎",
                "Signed in",
                "",
                "via token"
            ],
        ]
        .map(|row| row.map(String::from))
    );
}

#[wasm_bindgen_test]
async fn an_empty_or_failed_log_says_so_instead_of_rows() {
    let empty = table(
        Lang::Ja,
        Some(TableNotice::Empty {
            title: "記録はまだありません".into(),
            hint: "サインインや遠隔初期化の登録などの操作がここに記録されます。".into(),
            action: None,
        }),
    );
    leptos::task::tick().await;
    assert!(empty.all("audit-row").is_empty());
    assert_eq!(
        empty.text("table-empty"),
        "記録はまだありませんサインインや遠隔初期化の登録などの操作がここに記録されます。"
    );
    drop(empty);
    let failed = table(
        Lang::En,
        Some(TableNotice::Error {
            message: "The portal could not be reached.".into(),
            retry: "Reload".into(),
        }),
    );
    leptos::task::tick().await;
    assert_eq!(
        failed.text("table-error"),
        "The portal could not be reached."
    );
}
