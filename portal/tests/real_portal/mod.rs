//! The real `mdm-portal` binary on a temporary database, and a minimal HTTP/1.1 client over
//! `std::net` (one connection per request), so process-level tests need no extra crates.

#![allow(dead_code)]

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::Duration,
};

use serde_json::Value;

/// A running portal process. Dropping it kills it.
pub struct Portal {
    child: Child,
    pub addr: String,
}

impl Portal {
    /// Starts the binary on `db` with extra flags and waits for its "listening" line.
    pub fn start(db: &Path, flags: &[&str]) -> Portal {
        let database = ["--db".as_ref(), db.as_os_str()];
        Portal::start_with(&database, &db.with_extension("no-dist"), flags)
    }

    /// Starts the binary on the database `url` names (`--database-url`).
    pub fn start_on_url(url: &str, flags: &[&str]) -> Portal {
        let database = ["--database-url", url];
        Portal::start_with(&database, Path::new("no-dist"), flags)
    }

    fn start_with<S: AsRef<std::ffi::OsStr>>(
        database: &[S],
        dist: &Path,
        flags: &[&str],
    ) -> Portal {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mdm-portal"))
            .args(database)
            .args(["--addr", "127.0.0.1:0", "--dist"])
            .arg(dist)
            .args(flags)
            .env("RUST_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the portal binary starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(url) = line.strip_prefix("portal listening on http://") {
                        break url.trim().to_string();
                    }
                }
                _ => {
                    let _ = child.kill();
                    panic!("the portal exited before listening");
                }
            }
        };
        // Keep draining stdout so the portal never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Portal { child, addr }
    }

    /// SIGKILL: no shutdown code runs, as in a crash or power loss.
    pub fn kill_hard(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh folder for one test's database.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mdm-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A signed-in browser: session and CSRF cookies.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub addr: String,
    pub session: Option<String>,
    pub csrf: Option<String>,
}

fn cookie_value(answer: &Answer, name: &str) -> Option<String> {
    answer
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .find_map(|(_, v)| v.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
}

fn decode_chunked(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = body.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&body[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .expect("chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

impl Client {
    pub fn new(addr: &str) -> Client {
        Client {
            addr: addr.to_string(),
            ..Client::default()
        }
    }

    /// Sends one request; `extra` headers are added as given.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&[u8]>,
        extra: &[(&str, &str)],
    ) -> Answer {
        self.send_on(self.connect(), method, path, body, extra)
    }

    /// A connection to the portal, to send one request on later ([`Client::send_on`]): a burst
    /// of requests can then start together without also being a burst of connections.
    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream
    }

    /// Sends one request on `stream` (from [`Client::connect`]) and reads the answer.
    pub fn send_on(
        &self,
        mut stream: TcpStream,
        method: &str,
        path: &str,
        body: Option<&[u8]>,
        extra: &[(&str, &str)],
    ) -> Answer {
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        let cookies: Vec<String> = [("mdm_session", &self.session), ("mdm_csrf", &self.csrf)]
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
            .collect();
        if !cookies.is_empty() {
            request.push_str(&format!("Cookie: {}\r\n", cookies.join("; ")));
        }
        if let (Some(csrf), false) = (&self.csrf, method == "GET") {
            request.push_str(&format!("x-csrf-token: {csrf}\r\n"));
        }
        for (name, value) in extra {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        let body = body.unwrap_or_default();
        if method != "GET" {
            request.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        // One write: the head and body arrive together.
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body);
        stream.write_all(&bytes).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read the answer");
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let mut answer = Answer {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        };
        if answer
            .header("transfer-encoding")
            .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
        {
            answer.body = decode_chunked(&answer.body);
        }
        answer
    }

    pub fn get(&self, path: &str) -> Answer {
        self.send("GET", path, None, &[])
    }

    pub fn post(&self, path: &str, body: &Value, extra: &[(&str, &str)]) -> Answer {
        self.send(
            "POST",
            path,
            Some(&serde_json::to_vec(body).unwrap()),
            extra,
        )
    }

    /// `POST` with a JSON body on a connection made beforehand ([`Client::connect`]).
    pub fn post_on(
        &self,
        stream: TcpStream,
        path: &str,
        body: &Value,
        extra: &[(&str, &str)],
    ) -> Answer {
        let bytes = serde_json::to_vec(body).unwrap();
        self.send_on(stream, "POST", path, Some(&bytes), extra)
    }

    /// Fetches the CSRF cookie and signs in.
    pub fn sign_in(addr: &str, username: &str, password: &str) -> Client {
        let mut client = Client::new(addr);
        let first = client.get("/api/session");
        client.csrf = cookie_value(&first, "mdm_csrf");
        let answer = client.post(
            "/api/session",
            &serde_json::json!({ "username": username, "password": password }),
            &[],
        );
        assert_eq!(
            answer.status,
            200,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        client.session = cookie_value(&answer, "mdm_session");
        // From now on the token bound to the session, as the console uses it.
        let info: mdm_model::session::SessionInfo =
            serde_json::from_slice(&answer.body).expect("a session answer");
        client.csrf = Some(info.csrf_token);
        assert!(client.session.is_some(), "a session cookie");
        client
    }
}
