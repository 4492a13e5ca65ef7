//! The real binary: killed with SIGKILL mid-flight it loses no job and runs none twice;
//! concurrent and double-submitted wipes of one device end with exactly one open wipe.

mod real_portal;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use mdm_model::{
    device::{Device, Enrollment, ManagementMethod, Ownership},
    job::{JobDetail, JobListEntry, JobMethod, JobStatus},
    paging::Page,
    wipe::WipeRegistered,
};
use real_portal::{temp_dir, Client, Portal};
use serde_json::{json, Value};

/// Where the portal's manual clock starts: nothing here waits on the wall clock; the test
/// moves time itself, so every status it looks for is there when it looks.
const START: &str = "2026-03-02T01:00:00Z";

fn start() -> DateTime<Utc> {
    START.parse().unwrap()
}

/// A manual clock starting at `at`, and devices that keep their state and acknowledge every
/// command 30 simulated seconds after it is sent.
fn scripted(at: DateTime<Utc>) -> Vec<String> {
    [
        "--clock",
        "manual",
        "--clock-start",
        &at.to_rfc3339(),
        "--simulator",
        "scripted",
    ]
    .map(String::from)
    .to_vec()
}

fn seeded_portal(db: &std::path::Path) -> Portal {
    let mut flags: Vec<String> = ["--seed", "--seed-devices", "300", "--seed-number", "7"]
        .map(String::from)
        .to_vec();
    flags.extend(scripted(start()));
    // Four registrations at once each check a password; in a debug build one check takes
    // about a second, longer than the default wait for a hashing slot. This file is about
    // the registrations, not the slots (portal/tests/sign_in_race.rs covers those).
    flags.extend(["--password-check-wait-ms", "60000"].map(String::from));
    Portal::start(db, &flags.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Moves the portal's clock; answers once every job due on the way has moved.
fn advance(client: &Client, by: chrono::Duration) -> DateTime<Utc> {
    let answer = client.post(
        "/api/clock/advance",
        &json!({ "seconds": by.num_seconds() }),
        &[],
    );
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.json()["now"].as_str().unwrap().parse().unwrap()
}

fn devices(client: &Client) -> Vec<Device> {
    let page: Page<Device> =
        serde_json::from_value(client.get("/api/devices?per_page=500").json()).unwrap();
    page.items
}

fn wipeable(d: &Device) -> bool {
    d.ownership == Ownership::Company && d.enrollment != Enrollment::User
}

fn online(d: &Device) -> bool {
    d.state.powered_on && d.state.network_connected && d.state.mdm_profile_installed
}

fn wipe_body(ids: &[i64], schedule_at: Option<DateTime<Utc>>) -> Value {
    // Entered in UTC, as an administrator there would.
    let schedule_at = schedule_at.map(
        |at| json!({ "local": at.format("%Y-%m-%dT%H:%M:%S").to_string(), "time_zone": "UTC" }),
    );
    json!({
        "selection": { "kind": "devices", "device_ids": ids },
        "options": { "delete_general_info": true, "schedule_at": schedule_at,
                     "wifi_setting_id": null, "keep_esim_data_plan": false },
        "password": "Demo#2026",
        "agreed": true,
    })
}

fn register(client: &Client, body: &Value, key: &str) -> real_portal::Answer {
    client.post("/api/wipes", body, &[("Idempotency-Key", key)])
}

fn entries(client: &Client) -> Vec<JobListEntry> {
    let answer = client.get("/api/jobs?per_page=500");
    assert_eq!(answer.status, 200);
    serde_json::from_value::<Page<JobListEntry>>(answer.json())
        .unwrap()
        .items
}

fn detail(client: &Client, id: impl std::fmt::Display) -> JobDetail {
    serde_json::from_value(client.get(&format!("/api/jobs/{id}")).json()).unwrap()
}

/// Every job's status, by device and method.
fn statuses(list: &[JobListEntry]) -> HashMap<(i64, JobMethod), JobStatus> {
    list.iter()
        .flat_map(|e| e.jobs())
        .map(|j| ((j.device.id.0, j.method), j.status))
        .collect()
}

#[test]
fn sigkill_loses_no_job_runs_none_twice_and_schedules_resume() {
    let dir = temp_dir("sigkill");
    let db = dir.join("portal.sqlite3");
    let portal = seeded_portal(&db);
    let admin = Client::sign_in(&portal.addr, "admin", "Demo#2026");

    let fleet = devices(&admin);
    let pick = |f: &dyn Fn(&Device) -> bool, taken: &[i64]| {
        fleet
            .iter()
            .find(|d| wipeable(d) && f(d) && !taken.contains(&d.id.0))
            .map(|d| d.id.0)
            .expect("the seeded fleet has such a device")
    };
    let hybrid = pick(
        &|d| online(d) && d.management_method == ManagementMethod::Hybrid,
        &[],
    );
    let reachable = pick(
        &|d| online(d) && d.management_method == ManagementMethod::AppleMdm,
        &[hybrid],
    );
    let offline = pick(
        &|d| !d.state.powered_on && d.management_method == ManagementMethod::AppleMdm,
        &[hybrid, reachable],
    );
    let later = pick(
        &|d| online(d) && d.management_method == ManagementMethod::AppleMdm,
        &[hybrid, reachable, offline],
    );

    let waits = register(&admin, &wipe_body(&[offline], None), "offline-1");
    assert_eq!(
        waits.status,
        201,
        "{}",
        String::from_utf8_lossy(&waits.body)
    );
    let waits: WipeRegistered = serde_json::from_value(waits.json()).unwrap();
    assert_eq!(waits.registered_at, start(), "the clock stood still");
    let schedule = start() + chrono::Duration::minutes(15);
    let scheduled = register(&admin, &wipe_body(&[later], Some(schedule)), "later-1");
    assert_eq!(
        scheduled.status,
        201,
        "{}",
        String::from_utf8_lossy(&scheduled.body)
    );
    let now = register(&admin, &wipe_body(&[hybrid, reachable], None), "now-1");
    assert_eq!(now.status, 201, "{}", String::from_utf8_lossy(&now.body));
    let now: WipeRegistered = serde_json::from_value(now.json()).unwrap();
    assert_eq!(now.job_count, 3, "a Hybrid device gets two jobs");

    // The engine runs once at the start time: commands go out to the reachable devices and
    // stay unanswered (a scripted device answers 30 simulated seconds later).
    advance(&admin, chrono::Duration::zero());
    let before = entries(&admin);
    let at_kill = statuses(&before);
    eprintln!("before SIGKILL: {at_kill:?}");
    use JobMethod::{AppleMdm, IviMdm};
    use JobStatus::{Cancelled, Scheduled, Sent, Succeeded, WaitingForDevice};
    assert_eq!(at_kill[&(offline, AppleMdm)], WaitingForDevice);
    assert_eq!(at_kill[&(later, AppleMdm)], Scheduled);
    assert_eq!(at_kill[&(reachable, AppleMdm)], Sent);
    assert_eq!(at_kill[&(hybrid, AppleMdm)], Sent);
    assert!(at_kill.contains_key(&(hybrid, IviMdm)));
    portal.kill_hard();

    // Back a minute later: the answers fell due while the portal was down.
    let portal = Portal::start(
        &db,
        &scripted(start() + chrono::Duration::minutes(1))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let admin = Client::sign_in(&portal.addr, "admin", "Demo#2026");
    assert_eq!(
        statuses(&entries(&admin)),
        at_kill,
        "nothing moved while it was down"
    );
    advance(&admin, chrono::Duration::zero());
    let answered = statuses(&entries(&admin));
    assert_eq!(answered[&(reachable, AppleMdm)], Succeeded);
    assert_eq!(answered[&(hybrid, AppleMdm)], Succeeded);
    assert_eq!(
        answered[&(hybrid, IviMdm)],
        Cancelled,
        "the first success cancels the partner"
    );
    assert_eq!(answered[&(offline, AppleMdm)], WaitingForDevice);
    assert_eq!(answered[&(later, AppleMdm)], Scheduled);

    // The schedule resumes: at the scheduled time its job starts, at that time exactly.
    advance(&admin, chrono::Duration::minutes(15));
    let after = entries(&admin);
    let last = statuses(&after);
    eprintln!("after restart: {last:?}");
    assert_eq!(
        last[&(later, AppleMdm)],
        Succeeded,
        "the scheduled wipe ran"
    );
    let later_job = after
        .iter()
        .flat_map(|e| e.jobs())
        .find(|j| j.device.id.0 == later)
        .unwrap();
    let started = &detail(&admin, later_job.id).history[1];
    assert_eq!((started.status, started.at), (WaitingForDevice, schedule));

    // No job lost, none added: the same ids, devices and methods.
    let shape = |list: &[JobListEntry]| -> HashMap<i64, (i64, JobMethod)> {
        list.iter()
            .flat_map(|e| e.jobs())
            .map(|j| (j.id.0, (j.device.id.0, j.method)))
            .collect()
    };
    assert_eq!(shape(&after), shape(&before));
    assert_eq!(
        after.len(),
        4,
        "four entries: three devices now, one scheduled"
    );

    // None ran twice: no transition is repeated (a replayed send would show `sent` twice in a
    // row), each job ended at most once and nothing follows its end, and a device is wiped by
    // at most one job.
    let mut succeeded_per_device: HashMap<i64, usize> = HashMap::new();
    for job in after.iter().flat_map(|e| e.jobs()) {
        let history = detail(&admin, job.id).history;
        let repeated = history.windows(2).find(|w| w[0].status == w[1].status);
        let ends: Vec<usize> = (0..history.len())
            .filter(|&i| history[i].status.is_terminal())
            .collect();
        assert!(
            repeated.is_none(),
            "job {} repeated {repeated:?}: {history:?}",
            job.id
        );
        assert!(ends.len() <= 1, "job {} ended twice: {history:?}", job.id);
        if let Some(&end) = ends.first() {
            assert_eq!(
                end,
                history.len() - 1,
                "job {} changed after it ended",
                job.id
            );
        }
        if job.status == Succeeded {
            *succeeded_per_device.entry(job.device.id.0).or_default() += 1;
        }
    }
    assert!(
        succeeded_per_device.values().all(|&n| n == 1),
        "{succeeded_per_device:?}"
    );

    // The Hybrid pair still holds: one entry, each job naming the other.
    let pair = after.iter().find(|e| e.job.device.id.0 == hybrid).unwrap();
    let partner = pair
        .partner
        .as_ref()
        .expect("the Hybrid entry keeps both jobs");
    assert_eq!(pair.job.pair_job_id, Some(partner.id));
    assert_eq!(partner.pair_job_id, Some(pair.job.id));
    assert_eq!(
        detail(&admin, pair.job.id).partner.map(|p| p.id),
        Some(partner.id)
    );
    drop(portal);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn simultaneous_wipes_of_one_device_end_with_one_open_wipe() {
    let dir = temp_dir("concurrent");
    let portal = seeded_portal(&dir.join("portal.sqlite3"));
    let admin = Client::sign_in(&portal.addr, "admin", "Demo#2026");
    let operator = Client::sign_in(&portal.addr, "operator", "Operator#2026");
    let fleet = devices(&admin);
    let mut targets = fleet.iter().filter(|d| wipeable(d)).map(|d| d.id.0);
    let (contested, doubled) = (targets.next().unwrap(), targets.next().unwrap());
    // In the future of the manual clock, which does not move: the jobs stay open.
    let schedule = start() + chrono::Duration::days(30);

    // Two administrators, two sessions, the same device, released at the same moment; and
    // one administrator's request submitted twice with the same key.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
    let requests = [
        (admin.clone(), contested, "admin-contested"),
        (operator.clone(), contested, "operator-contested"),
        (admin.clone(), doubled, "double-submit"),
        (admin.clone(), doubled, "double-submit"),
    ];
    let threads: Vec<_> = requests
        .into_iter()
        .map(|(client, device, key)| {
            let barrier = barrier.clone();
            let mut body = wipe_body(&[device], Some(schedule));
            if client.session != admin.session {
                body["password"] = json!("Operator#2026");
            }
            std::thread::spawn(move || {
                barrier.wait();
                let answer = register(&client, &body, key);
                (answer.status, answer.json())
            })
        })
        .collect();
    let answers: Vec<(u16, Value)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    eprintln!("answers: {answers:?}");

    // The contested device: one registration, one refusal naming the open wipe.
    let contested_codes: Vec<u16> = answers[..2].iter().map(|a| a.0).collect();
    assert!(contested_codes.contains(&201), "{answers:?}");
    let refused = answers[..2]
        .iter()
        .find(|a| a.0 != 201)
        .expect("one is refused");
    assert_eq!(refused.0, 409, "{refused:?}");
    assert_eq!(refused.1["code"], "open_wipe_exists");
    // The double submit: both get the same answer, one wipe.
    assert_eq!((answers[2].0, answers[3].0), (201, 201), "{answers:?}");
    assert_eq!(answers[2].1["wipe_id"], answers[3].1["wipe_id"]);

    for device in [contested, doubled] {
        let open: Vec<JobListEntry> = entries(&admin)
            .into_iter()
            .filter(|e| e.job.device.id.0 == device && e.jobs().any(|j| j.status.is_open()))
            .collect();
        assert_eq!(open.len(), 1, "device {device}: {open:?}");
    }
    drop(portal);
    let _ = std::fs::remove_dir_all(dir);
}
