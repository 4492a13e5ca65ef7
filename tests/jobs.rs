//! Browser tests of the job list (ジョブ管理): Hybrid pairs in the table, status badges, refresh
//! without flicker, cancel from the table, and the filters (the live refresh: `jobs_live.rs`).
//! Views are mounted alone with fixtures; no portal, no router.
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
use mdm_console::components::StatusBadge;
use mdm_console::pages::jobs::{ChipNames, JobFilters, JobTable};
use mdm_model::ids::{DeviceId, JobId};
use mdm_model::job::{JobKind, JobListEntry, JobMethod, JobQuery, JobStatus};
use mdm_model::time::Zone;
use mdm_model::Lang;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The job table over `entries`, with a record of the cancels asked for.
fn table(
    lang: Lang,
    entries: RwSignal<Vec<JobListEntry>>,
    asked: RwSignal<Vec<Vec<JobId>>>,
) -> Mounted {
    mount(lang, move || {
        view! {
            <JobTable
                entries=entries
                query=Signal::stored(JobQuery::default())
                zone=Signal::stored(Zone::JAPAN)
                selected=Signal::stored(Some(JobId(11)))
                busy=Signal::stored(false)
                on_sort=Callback::new(|_| ())
                on_cancel=Callback::new(move |entry: JobListEntry| {
                    asked.update(|all| all.push(entry.jobs().map(|j| j.id).collect()))
                })
            />
        }
    })
}

#[wasm_bindgen_test]
async fn a_hybrid_pair_is_one_entry_of_two_rows_that_says_who_won() {
    let entries = RwSignal::new(vec![
        pair_won_by_apple(11, 7),
        JobListEntry::single(job(20, JobMethod::AppleMdm, JobStatus::WaitingForDevice)),
    ]);
    let view = table(Lang::Ja, entries, RwSignal::new(Vec::new()));
    let groups = view.all("job-entry");
    assert_eq!(groups.len(), 2);
    assert_eq!(
        groups[0].get_attribute("data-pair").as_deref(),
        Some("true")
    );
    assert_eq!(
        groups[1].get_attribute("data-pair").as_deref(),
        Some("false")
    );

    let rows = within(&groups[0], "job-row");
    let ids: Vec<_> = rows
        .iter()
        .map(|r| r.get_attribute("data-job-id").unwrap_or_default())
        .collect();
    assert_eq!(ids, ["11", "12"], "IVI MDM first, then Apple MDM");
    let methods: Vec<_> = within(&groups[0], "job-method")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(methods, ["IVI MDM", "Apple MDM"]);
    let tag = text_of(&within(&groups[0], "job-pair-tag")[0]);
    assert!(
        tag.contains("Hybrid MDM方式") && tag.contains("先に成功した方式で完了"),
        "{tag}"
    );
    // The device and the registration are shown once for both jobs.
    assert_eq!(within(&groups[0], "job-device").len(), 1);

    let statuses: Vec<_> = within(&groups[0], "job-status")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(statuses, ["取消", "成功"]);
    let reasons: Vec<_> = within(&groups[0], "job-reason")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        reasons[0],
        "もう一方の方式で初期化が成功したため、自動的に取り消しました"
    );
    assert_eq!(
        groups[0].get_attribute("aria-label").as_deref(),
        Some("Hybrid MDM方式のペア: ジョブ #11 と #12")
    );
    assert!(groups[0].class_list().contains("job-entry--selected"));

    assert_eq!(within(&groups[1], "job-row").len(), 1);
    assert!(within(&groups[1], "job-pair-tag").is_empty());
    let registered = &within(&groups[1], "job-registered-at")[0];
    assert_eq!(
        registered.get_attribute("title").as_deref(),
        Some("2026/11/26 14:30 (Asia/Tokyo, JST)"),
        "times are Japan time"
    );
}

#[wasm_bindgen_test]
async fn the_kind_column_names_what_each_order_does_and_times_read_as_how_long_ago() {
    let now = chrono::Utc::now();
    let mut lock = job(30, JobMethod::AppleMdm, JobStatus::Sent);
    lock.kind = JobKind::Lock;
    lock.registered_at = now - chrono::TimeDelta::seconds(185);
    lock.status_changed_at = now - chrono::TimeDelta::seconds(65);
    let entries = RwSignal::new(vec![
        JobListEntry::single(lock),
        pair(11, 7, JobStatus::WaitingForDevice, JobStatus::Sent),
    ]);
    for (lang, kinds, ago) in [
        (
            Lang::Ja,
            ["遠隔ロック", "遠隔初期化"],
            ["3分前", "更新 1分前"],
        ),
        (
            Lang::En,
            ["Remote lock", "Remote wipe"],
            ["3 minutes ago", "Updated 1 minute ago"],
        ),
    ] {
        let view = table(lang, entries, RwSignal::new(Vec::new()));
        let heading = view
            .root
            .query_selector(".job-head--kind")
            .unwrap()
            .unwrap();
        assert_eq!(
            heading.text_content().as_deref(),
            Some(if lang == Lang::Ja { "種類" } else { "Kind" })
        );
        assert!(
            heading.query_selector("button").unwrap().is_none(),
            "the job list has no sort by kind"
        );
        let shown: Vec<String> = view.all("job-kind").iter().map(text_of).collect();
        assert_eq!(shown, kinds, "one kind per entry: a pair is one order");

        let entry = &view.all("job-entry")[0];
        let registered = &within(entry, "job-registered-at")[0];
        assert_eq!(text_of(registered), ago[0]);
        let absolute = registered.get_attribute("title").unwrap();
        assert!(absolute.ends_with("(Asia/Tokyo, JST)"), "{absolute}");
        assert_eq!(
            registered.get_attribute("tabindex").as_deref(),
            Some("0"),
            "focusable"
        );
        let updated = within(entry, "job-updated-at")[0].parent_element().unwrap();
        assert_eq!(
            updated
                .text_content()
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .as_deref(),
            Some(ago[1])
        );
    }
}

#[wasm_bindgen_test]
async fn every_status_has_its_own_badge_in_both_languages() {
    for lang in Lang::ALL {
        let view = mount(lang, || {
            JobStatus::ALL
                .iter()
                .map(|s| view! { <StatusBadge status=Signal::stored(*s)/> })
                .collect_view()
        });
        let badges = view.all("status-badge");
        assert_eq!(badges.len(), JobStatus::ALL.len());
        let mut classes = Vec::new();
        for (badge, status) in badges.iter().zip(JobStatus::ALL) {
            assert_eq!(text_of(badge), status.label(lang), "{status}");
            assert_eq!(
                badge.get_attribute("data-status").as_deref(),
                Some(status.as_str())
            );
            assert!(
                badge.query_selector("svg path").unwrap().is_some(),
                "a shape, not colour alone"
            );
            classes.push(badge.class_name());
        }
        classes.sort();
        classes.dedup();
        assert_eq!(classes.len(), JobStatus::ALL.len(), "one colour per status");
    }
}

#[wasm_bindgen_test]
async fn a_refresh_updates_rows_in_place_without_replacing_them() {
    let entries = RwSignal::new(vec![
        pair(11, 7, JobStatus::WaitingForDevice, JobStatus::Sent),
        JobListEntry::single(job(20, JobMethod::AppleMdm, JobStatus::WaitingForDevice)),
    ]);
    let view = table(Lang::En, entries, RwSignal::new(Vec::new()));
    let before = view.all("job-entry");
    let pair_badge = within(&before[0], "job-status")[1].clone();
    assert_eq!(text_of(&pair_badge), "Sent");

    // The next poll: the Apple MDM job succeeded, its partner was cancelled, order unchanged.
    entries.set(vec![
        pair_won_by_apple(11, 7),
        JobListEntry::single(job(20, JobMethod::AppleMdm, JobStatus::WaitingForDevice)),
    ]);
    leptos::task::tick().await;
    let after = view.all("job-entry");
    assert!(
        after[0].is_same_node(Some(&before[0])),
        "the pair's rows were kept"
    );
    assert!(after[1].is_same_node(Some(&before[1])));
    assert!(
        within(&after[0], "job-status")[1].is_same_node(Some(&pair_badge)),
        "the badge was updated, not redrawn"
    );
    assert_eq!(text_of(&pair_badge), "Succeeded");
    assert_eq!(
        text_of(&within(&after[0], "job-reason")[0]),
        "Cancelled automatically: the other method of the pair succeeded first"
    );

    // A re-sorted answer moves the rows; it does not rebuild them.
    entries.update(|list| list.reverse());
    leptos::task::tick().await;
    let moved = view.all("job-entry");
    assert!(moved[0].is_same_node(Some(&before[1])) && moved[1].is_same_node(Some(&before[0])));
}

#[wasm_bindgen_test]
async fn only_jobs_not_yet_sent_can_be_cancelled_and_a_pair_goes_together() {
    let asked = RwSignal::new(Vec::new());
    let entries = RwSignal::new(vec![
        pair(11, 7, JobStatus::Scheduled, JobStatus::Scheduled),
        pair(13, 8, JobStatus::WaitingForDevice, JobStatus::Sent),
        JobListEntry::single(job(20, JobMethod::AppleMdm, JobStatus::Succeeded)),
    ]);
    let view = table(Lang::Ja, entries, asked);
    let groups = view.all("job-entry");
    assert_eq!(
        within(&groups[0], "job-cancel").len(),
        1,
        "one cancel for the whole pair"
    );
    assert!(
        within(&groups[1], "job-cancel").is_empty(),
        "a sent command cannot be called back"
    );
    assert!(within(&groups[2], "job-cancel").is_empty());
    let button = within(&groups[0], "job-cancel")[0].clone();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("ジョブ #11、#12 を取消")
    );
    button.click();
    assert_eq!(asked.get_untracked(), vec![vec![JobId(11), JobId(12)]]);
}

/// The list on its third page, 50 a page, no filter.
fn on_page_3() -> JobQuery {
    JobQuery {
        page: mdm_model::paging::PageRequest {
            page: 3,
            per_page: 50,
        },
        ..JobQuery::default()
    }
}

/// The filter bar over the address `query`, with a record of the queries it applies.
fn filter_bar(query: RwSignal<JobQuery>, names: ChipNames) -> (Mounted, RwSignal<Vec<JobQuery>>) {
    let applied = RwSignal::new(Vec::<JobQuery>::new());
    let view = mount(Lang::Ja, move || {
        view! {
            <JobFilters
                query=query
                zone=Signal::stored(Zone::JAPAN)
                names=Signal::stored(names)
                on_apply=Callback::new(move |q| applied.update(|all| all.push(q)))
            />
        }
    });
    (view, applied)
}

#[wasm_bindgen_test]
async fn filters_apply_from_page_one_and_refuse_an_inverted_date_range() {
    let query = RwSignal::new(JobQuery {
        device: Some(DeviceId(7)),
        ..on_page_3()
    });
    let names = ChipNames {
        device: Some("iPhone-007".into()),
        registrant: None,
    };
    let (view, applied) = filter_bar(query, names);
    assert!(view.text("chip-device").starts_with("端末: iPhone-007"));

    let status: HtmlSelectElement = view.find("filter-status").unchecked_into();
    status.set_value("waiting_for_device");
    status
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let last = applied.get_untracked().pop().expect("applied at once");
    assert_eq!(
        (last.status, last.device, last.page.page),
        (Some(JobStatus::WaitingForDevice), Some(DeviceId(7)), 1)
    );

    let set_date = |id: &str, value: &str| {
        let input: HtmlInputElement = view.find(id).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    set_date("filter-from", "2026-11-27");
    let count = applied.get_untracked().len();
    let from = applied.get_untracked().pop().and_then(|q| q.from);
    assert_eq!(
        from.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-11-26T15:00:00+00:00"),
        "{count}"
    );
    set_date("filter-to", "2026-11-26");
    leptos::task::tick().await;
    assert_eq!(
        applied.get_untracked().len(),
        count,
        "an inverted range is not applied"
    );
    assert_eq!(
        view.text("filter-range-error"),
        "開始日は終了日以前の日付にしてください。"
    );
}

#[wasm_bindgen_test]
async fn the_kind_filter_writes_kind_and_follows_the_address() {
    let query = RwSignal::new(JobQuery {
        status: Some(JobStatus::Sent),
        ..on_page_3()
    });
    let (view, applied) = filter_bar(query, ChipNames::default());
    // The bar starts following the address once it is drawn.
    settle().await;
    let kind: HtmlSelectElement = view.find("filter-kind").unchecked_into();
    let options: Vec<String> = (0..kind.length())
        .filter_map(|i| kind.item(i))
        .map(|o| o.text_content().unwrap_or_default())
        .collect();
    assert_eq!(options.len(), JobKind::ALL.len() + 1);
    assert_eq!(
        (options[0].as_str(), options[1].as_str()),
        ("すべての種類", "遠隔初期化")
    );
    assert!(
        view.maybe("filter-clear").is_some(),
        "the status narrows the list"
    );

    kind.set_value("lost_mode_on");
    kind.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let last = applied.get_untracked().pop().expect("applied at once");
    assert_eq!(
        (last.kind, last.status, last.page.page),
        (Some(JobKind::LostModeOn), Some(JobStatus::Sent), 1)
    );
    assert_eq!(
        mdm_console::api::jobs_csv_path(&last),
        "/jobs.csv?kind=lost_mode_on&status=sent",
        "the export takes the same filter"
    );

    // Back or a link: the select shows what the address says.
    query.set(JobQuery {
        kind: Some(JobKind::Locate),
        ..JobQuery::default()
    });
    settle().await;
    assert_eq!(kind.value(), "locate");
    query.set(JobQuery::default());
    settle().await;
    assert_eq!(kind.value(), "");
    assert!(view.maybe("filter-clear").is_none());
}
