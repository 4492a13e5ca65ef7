//! Browser tests of the job detail (/jobs/:id) and the cancel confirmation: options, registrant,
//! history, execution conditions, the Apple EraseDevice command, the audit entry, and cancelling a
//! Hybrid pair together. Views are mounted alone with fixtures; no portal, no router.
#![cfg(target_arch = "wasm32")]

#[path = "support/jobs_dom.rs"]
mod dom;
#[path = "support/jobs_fixtures.rs"]
mod fixtures;
#[path = "support/wait.rs"]
mod wait;

use dom::*;
use fixtures::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_console::pages::jobs::{AuditView, CancelDialog, JobDetailView};
use mdm_model::ids::JobId;
use mdm_model::job::{Job, JobDetail, JobQuery, JobStatus, StatusReason};
use mdm_model::time::Zone;
use mdm_model::Lang;
use wait::until;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn dialog(jobs: Vec<Job>, confirmed: RwSignal<u32>, dismissed: RwSignal<u32>) -> Mounted {
    mount(Lang::Ja, move || {
        view! {
            <CancelDialog
                jobs=jobs
                pending=Signal::stored(false)
                error=Signal::stored(None::<String>)
                on_confirm=Callback::new(move |_| confirmed.update(|n| *n += 1))
                on_dismiss=Callback::new(move |_| dismissed.update(|n| *n += 1))
            />
        }
    })
}

#[wasm_bindgen_test]
async fn the_cancel_confirmation_names_both_jobs_and_warns_a_running_wipe_completes() {
    let (confirmed, dismissed) = (RwSignal::new(0), RwSignal::new(0));
    let entry = pair(11, 7, JobStatus::WaitingForDevice, JobStatus::Scheduled);
    let view = dialog(entry.jobs().cloned().collect(), confirmed, dismissed);
    leptos::task::tick().await;
    let element: web_sys::HtmlDialogElement = view.find("cancel-dialog").unchecked_into();
    assert!(element.open(), "shown as a modal dialog");
    assert_eq!(
        element.get_attribute("role").as_deref(),
        Some("alertdialog")
    );
    assert_eq!(
        view.text("cancel-dialog-what"),
        "Hybrid MDM方式のペアのジョブ #11(IVI MDM)と #12(Apple MDM)を、2件とも取り消します。"
    );
    assert_eq!(
        view.text("cancel-dialog-warning"),
        "すでに端末に送信されたコマンドは取り消せず、端末でそのまま実行されます(初期化は完了します)。"
    );

    view.find("cancel-dialog-confirm").click();
    assert_eq!(confirmed.get_untracked(), 1);
    view.find("cancel-dialog-keep").click();
    // Escape: the browser fires `cancel` at the dialog.
    element
        .dispatch_event(&web_sys::Event::new("cancel").unwrap())
        .unwrap();
    assert_eq!(dismissed.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn a_pair_with_one_job_finished_cancels_only_the_open_one() {
    let (confirmed, dismissed) = (RwSignal::new(0), RwSignal::new(0));
    let entry = pair(11, 7, JobStatus::Failed, JobStatus::WaitingForDevice);
    let view = dialog(entry.jobs().cloned().collect(), confirmed, dismissed);
    assert_eq!(
        view.text("cancel-dialog-what"),
        "ジョブ #12(Apple MDM)を取り消します。"
    );
    assert_eq!(
        view.find("cancel-dialog")
            .get_attribute("data-job-ids")
            .as_deref(),
        Some("12")
    );
}

fn detail_view(
    lang: Lang,
    detail: RwSignal<JobDetail>,
    asked: RwSignal<Vec<Vec<JobId>>>,
) -> Mounted {
    detail_view_in(lang, detail, asked, Zone::JAPAN)
}

fn detail_view_in(
    lang: Lang,
    detail: RwSignal<JobDetail>,
    asked: RwSignal<Vec<Vec<JobId>>>,
    zone: Zone,
) -> Mounted {
    mount(lang, move || {
        view! {
            <JobDetailView
                detail=detail
                audit=Signal::stored(AuditView::Entries(vec![cancel_entry()]))
                zone=Signal::stored(zone)
                query=Signal::stored(JobQuery { status: Some(JobStatus::Scheduled), ..JobQuery::default() })
                on_cancel=Callback::new(move |jobs: Vec<Job>| asked.update(|all| all.push(jobs.iter().map(|j| j.id).collect())))
            />
        }
    })
}

#[wasm_bindgen_test]
async fn the_detail_shows_options_registrant_history_conditions_and_the_apple_command() {
    let asked = RwSignal::new(Vec::new());
    let detail = RwSignal::new(apple_detail(JobStatus::WaitingForDevice));
    let view = detail_view(Lang::Ja, detail, asked);

    assert_eq!(view.text("detail-status"), "端末の応答待ち");
    assert_eq!(view.text("detail-method"), "Apple MDM");
    assert_eq!(view.text("detail-management"), "Hybrid MDM方式");
    assert_eq!(view.text("detail-device"), "iPhone-007");
    assert_eq!(view.text("detail-registrant"), "山田 太郎");
    assert_eq!(view.text("detail-registered-at"), "2026/11/26 14:30");
    assert_eq!(view.text("option-delete-info"), "はい");
    assert_eq!(view.text("option-schedule"), "なし(端末に接続でき次第実行)");
    assert_eq!(view.text("option-wifi"), "本社Wi-Fi(SSID: CORP-HQ)");
    assert_eq!(view.text("option-esim"), "はい");
    // The re-enrollment option, with the link to the help on its conditions beside it.
    assert_eq!(
        view.text("option-rts"),
        "DEPプロファイル「営業部DEP」 / 登録先グループ「営業部」に再登録 / 端末で利用者の認証が必要です ヘルプ"
    );
    assert_eq!(
        view.find("help-link-reenrollment")
            .get_attribute("href")
            .as_deref(),
        Some("/help/reenrollment#conditions")
    );
    // The device as registered, and beside it the device now.
    assert_eq!(view.text("detail-employee"), "E0001");
    assert_eq!(view.text("detail-group"), "本社 / 営業部");
    assert_eq!(
        view.text("detail-device-now"),
        "iPhone-007(利用者: なし、グループ: 本社 / 営業部)"
    );
    assert_eq!(view.text("attempts-none"), "まだ端末に送信していません。");

    // The pair, linked with the list state kept.
    assert_eq!(
        view.find("pair-link").get_attribute("href").as_deref(),
        Some("/jobs/41?status=scheduled")
    );
    assert_eq!(view.text("pair-status"), "端末の応答待ち");

    // What the job waits for, and the condition holding it back.
    assert_eq!(view.text("job-unmet"), "端末の電源がオフです");
    let power = view.find("condition-power");
    assert_eq!(within(&power, "condition-blocking").len(), 1);
    assert!(within(&view.find("condition-activesync"), "condition-blocking").is_empty());
    assert!(view
        .text("condition-activesync")
        .contains("有効: メール、カレンダー"));

    assert_eq!(view.all("history-item").len(), 1);

    // The EraseDevice command, with the Wi-Fi password masked.
    assert_eq!(view.text("command-request-type"), "EraseDevice");
    assert_eq!(
        view.text("command-preserve"),
        "true(eSIMデータプランを維持する)"
    );
    assert!(view.text("command-rts").starts_with("Enabled: true"));
    assert_eq!(view.text("command-ssid"), "CORP-HQ");
    assert!(view.text("command-password").starts_with("********"));
    let plist = view.text("command-plist");
    assert!(
        plist.contains("<key>PreserveDataPlan</key>")
            && plist.contains("<key>ReturnToService</key>")
    );
    assert!(!view
        .root
        .text_content()
        .unwrap_or_default()
        .contains("s3cret-pass"));

    let audit = view.all("audit-entry");
    assert_eq!(audit.len(), 1);
    assert!(
        text_of(&audit[0]).contains("ジョブの取消")
            && text_of(&audit[0]).contains("対象: ジョブ #41、#42")
    );
}

#[wasm_bindgen_test]
async fn the_detail_cancels_the_pair_until_a_command_goes_out() {
    let asked = RwSignal::new(Vec::new());
    let detail = RwSignal::new(apple_detail(JobStatus::WaitingForDevice));
    let view = detail_view(Lang::En, detail, asked);
    view.find("detail-cancel").click();
    assert_eq!(asked.get_untracked(), vec![vec![JobId(42), JobId(41)]]);

    // The next refresh: the command was sent. No cancel any more, and the reason is said.
    detail.set(apple_detail(JobStatus::Sent));
    leptos::task::tick().await;
    assert!(view.maybe("detail-cancel").is_none());
    assert!(view
        .text("detail-cancel-refused")
        .contains("cannot be cancelled; the device carries out the command it received"));
    assert_eq!(view.all("history-item").len(), 2, "the timeline grew");
    assert!(view
        .text("job-waiting")
        .contains("The command has been sent. Waiting for the device to answer."));

    // After a cancel the job is finished: no button, no refusal.
    detail.update(|d| {
        d.job.status = JobStatus::Cancelled;
        d.job.status_reason = StatusReason::CancelledByAdministrator;
        if let Some(p) = d.partner.as_mut() {
            p.status = JobStatus::Cancelled;
        }
    });
    leptos::task::tick().await;
    assert!(view.maybe("detail-cancel").is_none() && view.maybe("detail-cancel-refused").is_none());
    assert_eq!(view.text("detail-status"), "Cancelled");
    assert_eq!(view.text("detail-reason"), "Cancelled by an administrator");
}

#[wasm_bindgen_test]
async fn a_finished_job_shows_the_conditions_of_its_sends_not_the_device_now() {
    // The bug this guards: a succeeded Apple MDM job listed "MDM profile removed" as unmet,
    // read from the erased device now rather than from when the command went.
    let mut finished = apple_detail(JobStatus::Sent);
    finished.job.status = JobStatus::Succeeded;
    finished.job.status_reason = StatusReason::Acknowledged;
    finished.job.device.management_method = mdm_model::device::ManagementMethod::AppleMdm;
    finished.partner = None;
    finished.conditions.state.activesync = None;
    finished.conditions.state.mdm_profile_installed = false;
    finished.conditions.unmet = vec![mdm_model::job::UnmetCondition::MdmProfileRemoved];
    let view = detail_view(Lang::Ja, RwSignal::new(finished), RwSignal::new(Vec::new()));
    assert!(
        view.maybe("job-conditions").is_none(),
        "no 'device now' conditions for a finished job"
    );
    assert!(view.maybe("job-unmet").is_none());
    let attempt = view.find("job-attempt");
    assert!(
        text_of(&attempt).contains("1回目の送信(2026/11/26 14:35)"),
        "{}",
        text_of(&attempt)
    );
    let profile = within(&attempt, "condition-profile");
    assert!(text_of(&profile[0]).contains("インストール済み"));
    assert!(
        within(&attempt, "condition-activesync").is_empty(),
        "no ActiveSync row for Apple MDM alone"
    );
    assert_eq!(view.text("attempt-hash"), "ab".repeat(32));
    assert!(view
        .text("attempt-command")
        .contains("<key>ReturnToService</key>"));
    assert!(!view
        .root
        .text_content()
        .unwrap_or_default()
        .contains("s3cret-pass"));
    assert!(view.maybe("job-pair").is_none() && view.maybe("detail-cancel").is_none());
}

#[wasm_bindgen_test]
async fn a_succeeded_return_to_service_wipe_shows_its_re_enrollment_outcome_apart() {
    use mdm_model::job::{ReenrollmentBlocker, ReenrollmentOutcome, ReenrollmentStatus};
    let mut wiped = apple_detail(JobStatus::Sent);
    wiped.job.status = JobStatus::Succeeded;
    wiped.job.status_reason = StatusReason::Acknowledged;
    wiped.partner = None;
    let erased = wiped.job.status_changed_at;
    wiped.job.reenrollment = Some(ReenrollmentOutcome {
        status: ReenrollmentStatus::Awaiting,
        since: erased,
        deadline: erased + chrono::TimeDelta::hours(24),
        likely_reason: None,
    });
    let detail = RwSignal::new(wiped.clone());
    let view = detail_view(Lang::Ja, detail, RwSignal::new(Vec::new()));
    // The wipe itself succeeded; the return is a separate, pending fact.
    assert_eq!(view.text("detail-status"), "成功");
    assert_eq!(view.text("detail-reenrollment"), "再登録待ち");
    assert_eq!(view.text("reenrollment-deadline"), "2026/11/27 14:35");
    assert!(view.maybe("reenrollment-reason").is_none());

    wiped.job.reenrollment = Some(ReenrollmentOutcome {
        status: ReenrollmentStatus::NotConfirmed,
        since: erased + chrono::TimeDelta::hours(24),
        deadline: erased + chrono::TimeDelta::hours(24),
        likely_reason: Some(ReenrollmentBlocker::ActivationLock),
    });
    detail.set(wiped.clone());
    until("the outcome to update", || {
        view.maybe("detail-reenrollment")
            .is_some_and(|_| view.text("detail-reenrollment") == "再登録を確認できません")
    })
    .await;
    assert_eq!(view.text("detail-status"), "成功");
    assert_eq!(view.text("reenrollment-since"), "2026/11/27 14:35");
    assert_eq!(
        view.text("reenrollment-reason"),
        "アクティベーションロックが有効なため、初期設定が途中で止まっている可能性があります"
    );
    assert!(view.maybe("reenrollment-deadline").is_none());
    let section = view.maybe("job-reenrollment").expect("the section");
    assert_eq!(within(&section, "help-link-reenrollment-outcome").len(), 1);

    // A job without Return to Service has no such section at all.
    wiped.job.reenrollment = None;
    detail.set(wiped);
    until("the section to go", || {
        view.maybe("job-reenrollment").is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_new_york_administrator_sees_the_schedule_in_new_york_time_with_its_zone() {
    // Registered on Saturday evening (EST), scheduled for Sunday morning after the clocks went
    // forward (EDT): each time in New York time, the schedule with the abbreviation of its day.
    let mut scheduled = apple_detail(JobStatus::Scheduled);
    scheduled.job.registered_at = "2030-03-10T03:00:00Z".parse().unwrap();
    scheduled.job.options.scheduled_at = Some("2030-03-10T13:00:00Z".parse().unwrap());
    let new_york = Zone::parse("America/New_York").unwrap();
    let detail = RwSignal::new(scheduled);
    let view = detail_view_in(Lang::Ja, detail, RwSignal::new(Vec::new()), new_york);
    assert_eq!(view.text("detail-registered-at"), "2030/03/09 22:00");
    assert_eq!(view.text("detail-time-zone"), "America/New_York");
    assert_eq!(
        view.text("option-schedule"),
        "2030/03/10 09:00 (America/New_York, EDT)"
    );
    let japan = detail_view(Lang::En, detail, RwSignal::new(Vec::new()));
    assert_eq!(japan.text("detail-time-zone"), "Asia/Tokyo");
    assert_eq!(
        japan.text("option-schedule"),
        "2030/03/10 22:00 (Asia/Tokyo, JST)"
    );
}
