//! The real binary under a burst of password guesses for one account: at most five passwords
//! are ever checked, and the right password inside the burst is refused while the lock holds,
//! for sign-in, the token endpoint and the wipe's password re-check alike. Guards the race in
//! which the lock was checked before the hash and counted after it (198 of 300 guesses were
//! checked and the right one signed in).
//!
//! The per-address limit and the hashing slots' wait are lifted here (flags), so that only the
//! lockout stands between the burst and the password hash; the last test keeps the defaults
//! and shows the per-address limit turning a spray away before any hashing.

mod real_portal;

use std::{
    net::TcpStream,
    sync::{Arc, Barrier},
};

use real_portal::{temp_dir, Answer, Client, Portal};
use serde_json::{json, Value};

const BURST: usize = 300;
/// The lockout's budget per account and address.
const ALLOWED: u64 = 5;

/// Only the lockout guards the hash: the address limit and the slot wait are out of reach.
const LOCKOUT_ONLY: [&str; 6] = [
    "--sign-in-rate-per-minute",
    "1000000",
    "--sign-in-burst",
    "1000000",
    "--password-check-wait-ms",
    "600000",
];

/// The tests take turns: each burst of debug-build argon2 hashes takes the whole machine.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn portal(name: &str, flags: &[&str]) -> Portal {
    let db = temp_dir(name).join("portal.sqlite3");
    let seed = ["--seed", "--seed-devices", "40"];
    Portal::start(&db, &[&seed[..], flags].concat())
}

/// Sends `send(i, connection)` for every i at once: every connection is made first, then all
/// threads are released together, so the burst is one of requests, not of connections.
fn burst(
    count: usize,
    addr: &str,
    send: impl Fn(usize, TcpStream) -> Answer + Send + Sync + 'static,
) -> Vec<Answer> {
    let send = Arc::new(send);
    let gate = Arc::new(Barrier::new(count));
    let threads: Vec<_> = (0..count)
        .map(|i| {
            let (send, gate) = (send.clone(), gate.clone());
            let connection = Client::new(addr).connect();
            std::thread::spawn(move || {
                gate.wait();
                send(i, connection)
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

/// How many audit entries of `action` the tenant has (read as the operator, whose own
/// budget the burst never touches).
fn audited(addr: &str, action: &str) -> u64 {
    let operator = Client::sign_in(addr, "operator", "Operator#2026");
    let answer = operator.get(&format!("/api/audit?action={action}&per_page=1"));
    assert_eq!(answer.status, 200);
    answer.json()["total"].as_u64().unwrap()
}

fn code(answer: &Answer) -> String {
    answer.json()["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The wrong guesses, then the right password while they are still in flight: the right one
/// must be refused as `locked_out` (in-flight attempts count), and at most five guesses are
/// checked (each checked wrong guess is audited).
fn assert_burst_is_bounded(
    addr: &str,
    send: impl Fn(&str, TcpStream) -> Answer + Send + Sync + 'static,
    audit_action: &str,
) {
    let send = Arc::new(send);
    let guesses = {
        let send = send.clone();
        let addr = addr.to_string();
        std::thread::spawn(move || {
            burst(BURST - 1, &addr, move |i, connection| {
                send(&format!("guess-{i}"), connection)
            })
        })
    };
    // Let the guesses reach the portal first, as in the attack: the right password is last.
    // (Waiting for the first refusal is a condition, not a time: it needs 5 reservations.)
    let mut right = None;
    for _ in 0..600 {
        let answer = send("Demo#2026-probe", Client::new(addr).connect());
        if answer.status == 429 {
            right = Some(send("Demo#2026", Client::new(addr).connect()));
            break;
        }
        // 401 for a wrong sign-in, 403 for a wrong re-check.
        assert!(
            matches!(answer.status, 401 | 403),
            "{} {}",
            answer.status,
            String::from_utf8_lossy(&answer.body)
        );
    }
    let right = right.expect("the lock engaged");
    assert_eq!(
        right.status,
        429,
        "{}",
        String::from_utf8_lossy(&right.body)
    );
    assert_eq!(code(&right), "locked_out");
    assert!(right.header("retry-after").is_some());
    let answers = guesses.join().unwrap();
    let refused = answers.iter().filter(|a| a.status == 429).count();
    let checked = audited(addr, audit_action);
    assert!(checked <= ALLOWED, "{checked} passwords were checked");
    assert!(refused >= BURST - 1 - ALLOWED as usize, "{refused} refused");
    for answer in &answers {
        assert!(
            matches!(answer.status, 401 | 403 | 429),
            "{} {}",
            answer.status,
            String::from_utf8_lossy(&answer.body)
        );
    }
    // The lock holds after the burst too.
    assert_eq!(
        code(&send("Demo#2026", Client::new(addr).connect())),
        "locked_out"
    );
}

fn credentials(password: &str) -> Value {
    json!({ "username": "admin", "password": password })
}

#[test]
fn a_burst_of_sign_ins_checks_at_most_five_passwords() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let portal = portal("race-sign-in", &LOCKOUT_ONLY);
    let addr = portal.addr.clone();
    let mut anonymous = Client::new(&addr);
    let first = anonymous.get("/api/session");
    anonymous.csrf = first.json()["csrf_token"].as_str().map(str::to_string);
    let send = move |password: &str, connection| {
        anonymous.post_on(connection, "/api/session", &credentials(password), &[])
    };
    assert_burst_is_bounded(&addr, send, "sign_in_failed");
}

#[test]
fn a_burst_of_token_requests_checks_at_most_five_passwords() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let portal = portal("race-tokens", &LOCKOUT_ONLY);
    let addr = portal.addr.clone();
    let host = Client::new(&addr);
    let send = move |password: &str, connection| {
        host.post_on(connection, "/api/auth/tokens", &credentials(password), &[])
    };
    assert_burst_is_bounded(&addr, send, "sign_in_failed");
}

#[test]
fn a_burst_of_wipe_password_re_checks_checks_at_most_five() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let portal = portal("race-wipe", &LOCKOUT_ONLY);
    let addr = portal.addr.clone();
    let admin = Client::sign_in(&addr, "admin", "Demo#2026");
    let key = std::sync::atomic::AtomicUsize::new(0);
    let send = move |password: &str, connection| {
        let body = json!({
            "selection": { "kind": "devices", "device_ids": [1] },
            "options": { "delete_general_info": false, "schedule_at": null,
                         "wifi_setting_id": null, "keep_esim_data_plan": false },
            "password": password,
            "agreed": true,
        });
        let key = format!(
            "race-{}",
            key.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        admin.post_on(
            connection,
            "/api/wipes",
            &body,
            &[("Idempotency-Key", &key)],
        )
    };
    assert_burst_is_bounded(&addr, send, "wipe_refused");
    let jobs = Client::sign_in(&addr, "operator", "Operator#2026").get("/api/jobs");
    assert_eq!(jobs.json()["total"], 0, "nothing was registered");
}

#[test]
fn a_spray_from_one_address_is_turned_away_before_any_hashing() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let portal = portal("spray", &[]);
    let host = Client::new(&portal.addr);
    const SPRAY: usize = BURST;
    let addr = portal.addr.clone();
    let answers = burst(SPRAY, &addr, move |i, connection| {
        host.post_on(
            connection,
            "/api/auth/tokens",
            &json!({ "username": format!("nobody-{i}"), "password": "x" }),
            &[],
        )
    });
    let limited: Vec<&Answer> = answers.iter().filter(|a| a.status == 429).collect();
    // The default burst is 10 per address; a few more may find a slot refilled meanwhile.
    assert!(limited.len() >= SPRAY - 20, "{} limited", limited.len());
    for answer in &limited {
        assert_eq!(code(answer), "too_many_requests");
        let wait: u64 = answer.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
    }
    assert!(answers.iter().all(|a| a.status == 401 || a.status == 429));
}
