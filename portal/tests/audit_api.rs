//! The audit log API: filters by administrator and device, the actors list, the CSV export and
//! refused filters.

mod common;

use axum::http::{header, StatusCode};
use chrono::Duration;
use common::{
    jobs::{entry, pick, register, wipeable},
    start_time, utc_schedule, TestApp,
};
use mdm_model::{
    audit::{AuditAction, AuditEntry, AuditEvent},
    ids::DeviceId,
    paging::Page,
    wipe::WipeRegistered,
    ErrorCode,
};
use serde_json::{json, Value};

fn scheduled_options() -> Value {
    json!({ "delete_general_info": true, "schedule_at": utc_schedule(start_time() + Duration::days(1)), "wifi_setting_id": null, "keep_esim_data_plan": false })
}

async fn audit(app: &mut TestApp, query: &str) -> Page<AuditEntry> {
    let response = app.get(&format!("/api/audit?{query}")).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

fn actions(page: &Page<AuditEntry>) -> Vec<AuditAction> {
    page.items.iter().map(AuditEntry::action).collect()
}

/// Two scheduled wipes of two devices by `admin`, the first one's job cancelled, and the
/// operator signed in beside.
async fn two_wipes_one_cancel() -> (TestApp, DeviceId, DeviceId, WipeRegistered) {
    let mut app = TestApp::signed_in().await;
    let mut operator = TestApp::with_state(app.state.clone());
    let signed_in = operator.sign_in("operator", "Operator#2026").await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.text());
    let first = pick(&mut app, wipeable).await.id;
    let second = pick(&mut app, |d| wipeable(d) && d.id != first).await.id;
    let wipe = register(&mut app, &[first], scheduled_options()).await;
    register(&mut app, &[second], scheduled_options()).await;
    let job = entry(&mut app, wipe.clone()).await.job;
    let cancelled = app
        .post(&format!("/api/jobs/{}/cancel", job.id), json!({}))
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.text());
    (app, first, second, wipe)
}

#[tokio::test]
async fn filters_by_administrator_and_by_device() {
    let (mut app, first, second, wipe) = two_wipes_one_cancel().await;

    let all = audit(&mut app, "").await;
    let admin = all
        .items
        .iter()
        .find(|e| e.action() == AuditAction::WipeRegistered)
        .and_then(|e| e.actor.clone())
        .expect("the wipe names its administrator");
    let by_admin = audit(&mut app, &format!("actor={}", admin.id)).await;
    assert_eq!(
        actions(&by_admin),
        [
            AuditAction::JobsCancelled,
            AuditAction::WipeRegistered,
            AuditAction::WipeRegistered,
            AuditAction::SignedIn,
        ],
        "the operator's sign-in is not the admin's"
    );
    assert!(by_admin
        .items
        .iter()
        .all(|e| e.actor.as_ref() == Some(&admin)));
    assert_eq!(audit(&mut app, "actor=system").await.total, 0);

    let of_first = audit(&mut app, &format!("device={first}")).await;
    assert_eq!(
        actions(&of_first),
        [AuditAction::JobsCancelled, AuditAction::WipeRegistered]
    );
    assert!(matches!(
        of_first.items[1].event,
        AuditEvent::WipeRegistered { wipe_id, .. } if wipe_id == wipe.wipe_id
    ));
    let of_second = audit(&mut app, &format!("device={second}&action=jobs_cancelled")).await;
    assert_eq!(
        of_second.total, 0,
        "the cancel was of the first device's job"
    );

    let actors = app.get("/api/audit/actors").await.json();
    assert_eq!(
        actors,
        json!({ "items": [
            { "id": 2, "display_name": "佐藤 花子" },
            { "id": 1, "display_name": "山田 太郎" },
        ] })
    );
}

#[tokio::test]
async fn csv_starts_with_a_bom_and_has_a_row_per_entry_in_the_language() {
    let (mut app, first, _, _) = two_wipes_one_cancel().await;
    let response = app
        .get(&format!("/api/audit.csv?device={first}&page=9"))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    assert_eq!(
        response.headers[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    let text = response.text();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}ID,日時,実行者,操作,対象,内容");
    assert_eq!(lines.len(), 3, "header and the two entries: {text}");
    assert!(
        lines[1].contains(",山田 太郎,ジョブの取消,ジョブ "),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(",山田 太郎,遠隔初期化の登録,遠隔初期化 ")
            && lines[2].contains(",端末 1台、ジョブ 1件、予約 "),
        "{}",
        lines[2]
    );

    app.lang = Some("en".into());
    let english = app.get("/api/audit.csv?action=signed_in").await.text();
    let lines: Vec<&str> = english.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}ID,Time,Administrator,Action,Subject,Details"
    );
    assert_eq!(lines.len(), 3, "both sign-ins: {english}");
    assert!(
        lines[1].ends_with(",Signed in,,via session"),
        "{}",
        lines[1]
    );
}

#[tokio::test]
async fn bad_filters_are_refused_in_the_request_language() {
    let mut app = TestApp::signed_in().await;
    app.lang = Some("en".into());
    for path in ["/api/audit?actor=someone", "/api/audit.csv?actor=someone"] {
        let response = app.get(path).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{path}");
        let error = response.error();
        assert_eq!(error.code, ErrorCode::InvalidParameter);
        assert_eq!(
            error.message,
            "The value \"someone\" is not valid for the parameter \"actor\"."
        );
    }
    app.lang = Some("ja".into());
    let inverted = app
        .get("/api/audit.csv?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z")
        .await
        .error();
    assert_eq!(
        inverted.message,
        "パラメーター「from」と「to」の組み合わせが正しくありません。"
    );
    let device = app.get("/api/audit?device=iPhone").await.error();
    assert_eq!(
        device.message,
        "パラメーター「device」の値「iPhone」は使用できません。"
    );
}
