//! The binary's command line: `--help` names every flag, both READMEs' flag tables name the
//! same ones, and values that cannot work refuse the start with the reason and a non-zero
//! exit instead of a portal that runs wrongly.

use std::{
    collections::BTreeSet,
    process::{Command, Output, Stdio},
    time::{Duration, Instant},
};

fn portal() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mdm-portal"))
}

/// Flags of the option lines of `--help` (`--help` and `--version` themselves aside).
fn flags_in_help() -> BTreeSet<String> {
    let output = portal().arg("--help").output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::trim_start)
        .filter_map(|line| line.split(", ").last().filter(|l| l.starts_with("--")))
        .map(|line| line.split([' ', '<']).next().unwrap().to_string())
        .filter(|flag| flag != "--help" && flag != "--version")
        .collect()
}

/// Flags of the table rows that start with a flag (`| `--seed-devices N` | ...`) in one
/// section of a README (other sections have tables of CSS custom properties, also `--`).
fn flags_in_table(readme: &str, section: &str) -> BTreeSet<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(readme);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text
        .find(section)
        .unwrap_or_else(|| panic!("{readme} has no {section:?}"));
    let body = &text[start + section.len()..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    body.lines()
        .filter_map(|line| line.strip_prefix("| `--"))
        .map(|rest| format!("--{}", rest.split(['`', ' ']).next().unwrap()))
        .collect()
}

#[test]
fn help_lists_every_flag_and_both_readmes_document_each() {
    let help = flags_in_help();
    for expected in [
        "--addr",
        "--clock",
        "--simulator",
        "--session-idle-minutes",
        "--frame-ancestors",
    ] {
        assert!(help.contains(expected), "--help lacks {expected}: {help:?}");
    }
    let readme = flags_in_table("../README.md", "## Portal configuration");
    assert_eq!(readme, help, "README.md's flag table");
    let portal_readme = flags_in_table("README.md", "## Running");
    assert_eq!(portal_readme, help, "portal/README.md's flag table");
}

/// Runs the portal with `flags` on a throwaway database and expects it to refuse to start.
fn refused(flags: &[&str]) -> String {
    refused_with(flags, &[])
}

/// [`refused`] with environment variables set for the portal.
fn refused_with(flags: &[&str], env: &[(&str, &str)]) -> String {
    let dir = std::env::temp_dir().join(format!("mdm-cli-{}", std::process::id()));
    let db = dir.join("portal.sqlite3");
    let mut args = vec!["--db", db.to_str().unwrap()];
    args.extend(flags);
    let stderr = refused_on(&args, env);
    let _ = std::fs::remove_dir_all(dir);
    stderr
}

/// Runs the portal with exactly `flags` (and a free port) and expects it to refuse to start.
fn refused_on(flags: &[&str], env: &[(&str, &str)]) -> String {
    let mut child = portal()
        .args(["--addr", "127.0.0.1:0"])
        .args(flags)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A portal that accepted the flags would listen until killed.
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{flags:?} started a portal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(!status.success(), "{flags:?} exited with success");
    assert!(
        !stdout.contains("listening"),
        "{flags:?} started a portal: {stdout}"
    );
    String::from_utf8_lossy(&stderr).into_owned()
}

/// Issue 16: an unknown scheme, or a database this build cannot open, is a clear refusal and a
/// non-zero exit, before anything is created.
#[test]
fn a_database_url_the_portal_cannot_open_refuses_the_start_with_the_reason() {
    let stderr = refused_on(&["--database-url", "mysql://root@localhost/mdm"], &[]);
    assert!(
        stderr.contains("unknown database URL scheme \"mysql\""),
        "{stderr}"
    );
    // A PostgreSQL server that does not answer (nothing listens on port 1): a clear message
    // naming it, without its password, and no panic.
    let unreachable = "postgres://mdm:s3cret@127.0.0.1:1/mdm";
    let stderr = refused_on(&[], &[("MDM_DATABASE_URL", unreachable)]);
    assert!(
        stderr.contains("connecting to PostgreSQL at postgres://mdm:***@127.0.0.1:1/mdm"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("s3cret") && !stderr.contains("panicked"),
        "{stderr}"
    );
    let stderr = refused_on(&["--database-url", "postgres://mdm@db:port/mdm"], &[]);
    assert!(stderr.contains("not a PostgreSQL URL"), "{stderr}");
    let stderr = refused_on(&["--database-url", "data/portal.sqlite3"], &[]);
    assert!(stderr.contains("expected a database URL"), "{stderr}");
    // One database at a time: --db and --database-url together are a contradiction.
    let stderr = refused_on(
        &["--db", "a.sqlite3", "--database-url", "sqlite://b.sqlite3"],
        &[],
    );
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

/// `--database-url sqlite://FILE` runs the portal on FILE, as `--db FILE` does.
#[test]
fn a_sqlite_database_url_opens_that_file() {
    use std::io::{BufRead, BufReader};
    let dir = std::env::temp_dir().join(format!("mdm-cli-url-{}", std::process::id()));
    let db = dir.join("portal.sqlite3");
    let mut child = portal()
        .args(["--addr", "127.0.0.1:0", "--database-url"])
        .arg(format!("sqlite://{}", db.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let listening = stdout
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("listening"));
    let _ = child.kill();
    let _ = child.wait();
    let created = db.exists();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(listening, "the portal did not start");
    assert!(created, "{} was not created", db.display());
}

/// Every flag can come from the environment (`--session-idle-minutes` from
/// `MDM_SESSION_IDLE_MINUTES`), as containers and service managers set them.
#[test]
fn every_flag_is_also_read_from_its_environment_variable() {
    let output = portal().arg("--help").output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in flags_in_help() {
        let var = format!(
            "MDM_{}",
            flag.trim_start_matches("--")
                .replace('-', "_")
                .to_uppercase()
        );
        assert!(help.contains(&format!("[env: {var}")), "--help lacks {var}");
    }
    // Read, not only listed: a value that cannot work refuses the start as the flag would.
    let stderr = refused_with(&[], &[("MDM_SESSION_IDLE_MINUTES", "0")]);
    assert!(
        stderr.contains("--session-idle-minutes must be at least 1"),
        "{stderr}"
    );
    let stderr = refused_with(&[], &[("MDM_CLOCK", "sundial")]);
    assert!(stderr.contains("possible values: wall, manual"), "{stderr}");
}

#[test]
fn frame_ancestors_that_are_not_origins_refuse_the_start_with_the_reason() {
    for (value, reason) in [
        ("https://intranet.example.co.jp/portal", "remove the path"),
        ("https://*.example.co.jp", "wildcards"),
        (
            "ftp://intranet.example.co.jp",
            "must start with https:// or http://",
        ),
        (
            "https://intranet.example.co.jp:99999",
            "the port must be a number",
        ),
        ("'self' https://evil.example", "not an origin"),
    ] {
        let stderr = refused(&["--frame-ancestors", value]);
        assert!(stderr.contains(reason), "{value}: {stderr}");
    }
}

#[test]
fn clock_and_simulator_flags_that_contradict_each_other_refuse_the_start() {
    for (flags, reason) in [
        (
            &["--clock-start", "2026-03-02T01:00:00Z"][..],
            "--clock-start needs --clock manual",
        ),
        (
            &["--clock", "manual", "--time-scale", "inf"][..],
            "--time-scale must be a positive number",
        ),
        (
            &["--scripted-reply", "Error"][..],
            "--scripted-reply needs --simulator scripted",
        ),
        (
            &["--simulator", "scripted", "--scripted-reply", "Maybe"][..],
            "Acknowledged, Error",
        ),
        (&["--clock", "sundial"][..], "possible values: wall, manual"),
        (
            &["--time-scale", "0"][..],
            "--time-scale must be a positive number",
        ),
        (
            &["--session-idle-minutes", "0"][..],
            "--session-idle-minutes must be at least 1",
        ),
    ] {
        let stderr = refused(flags);
        assert!(stderr.contains(reason), "{flags:?}: {stderr}");
    }
}
