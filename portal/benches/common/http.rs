//! A minimal HTTP/1.1 client over one kept-alive `std::net` connection, signed in with a
//! session cookie as the console is; enough for the load benchmark without extra crates.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
};

use serde_json::Value;

pub struct Connection {
    addr: String,
    reader: BufReader<TcpStream>,
    cookies: String,
    csrf: String,
}

impl Connection {
    fn open(addr: &str) -> Connection {
        let stream = TcpStream::connect(addr).expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        Connection {
            addr: addr.to_string(),
            reader: BufReader::new(stream),
            cookies: String::new(),
            csrf: String::new(),
        }
    }

    /// A new connection signed in as the demo administrator.
    pub fn sign_in(addr: &str) -> Connection {
        let mut connection = Connection::open(addr);
        let (_, headers, _) = connection.send("GET", "/api/session", None, &[]);
        let csrf = cookie(&headers, "mdm_csrf").expect("csrf cookie");
        connection.cookies = format!("mdm_csrf={csrf}");
        connection.csrf = csrf;
        let body = serde_json::json!({ "username": "admin", "password": "Demo#2026" });
        let (status, headers, answer) =
            connection.send("POST", "/api/session", Some(&body.to_string()), &[]);
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
        let session = cookie(&headers, "mdm_session").expect("session cookie");
        connection.cookies = format!("{}; mdm_session={session}", connection.cookies);
        let info: Value = serde_json::from_slice(&answer).expect("session answer");
        connection.csrf = info["csrf_token"].as_str().expect("csrf token").to_string();
        connection
    }

    /// `GET`, answering the status only (the body is read and dropped).
    pub fn get(&mut self, path: &str) -> u16 {
        self.send("GET", path, None, &[]).0
    }

    pub fn get_json(&mut self, path: &str) -> (u16, Value) {
        let (status, _, body) = self.send("GET", path, None, &[]);
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    pub fn post(&mut self, path: &str, body: &Value, idempotency_key: &str) -> (u16, Value) {
        let extra = [("Idempotency-Key", idempotency_key)];
        let (status, _, body) = self.send("POST", path, Some(&body.to_string()), &extra);
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    fn send(
        &mut self,
        method: &str,
        path: &str,
        body: Option<&str>,
        extra: &[(&str, &str)],
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: keep-alive\r\n",
            self.addr
        );
        if !self.cookies.is_empty() {
            request.push_str(&format!("Cookie: {}\r\n", self.cookies));
        }
        if method != "GET" {
            request.push_str(&format!("x-csrf-token: {}\r\n", self.csrf));
        }
        for (name, value) in extra {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        let body = body.unwrap_or("");
        if method != "GET" {
            request.push_str("Content-Type: application/json\r\n");
        }
        request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        self.reader
            .get_mut()
            .write_all(request.as_bytes())
            .expect("write");
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("status line");
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line).expect("header");
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                break;
            }
            if let Some((name, value)) = trimmed.split_once(':') {
                headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .expect("the portal answers with a Content-Length");
        let mut answer = vec![0; length];
        self.reader.read_exact(&mut answer).expect("body");
        (status, headers, answer)
    }
}

fn cookie(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .filter(|(n, _)| n == "set-cookie")
        .find_map(|(_, v)| v.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
}
