//! Every Android and Windows wipe command the model builds, checked against a fixture of the
//! names and values Google and Microsoft document (each fixture cites its pages and the date
//! they were read): a wrong parameter, flag or node name fails here.

use std::collections::BTreeSet;

use mdm_model::command::android::{AndroidWipe, AndroidWipeFlag, WipeReasonMessage};
use mdm_model::command::windows::{RemoteWipeExec, WindowsWipeKind};
use serde_json::Value;

const ANDROID: &str = include_str!("fixtures/android_management_api.json");
const WINDOWS: &str = include_str!("fixtures/windows_remotewipe_csp.json");

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture JSON")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("hex");
            out.push(u8::from_str_radix(hex, 16).expect("hex byte"));
            i += 3;
        } else {
            assert!(
                bytes[i].is_ascii_alphanumeric() || b"-._~".contains(&bytes[i]),
                "unencoded {:?} in {text}",
                bytes[i] as char
            );
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

fn every_flag_set() -> Vec<BTreeSet<AndroidWipeFlag>> {
    (0..1u32 << AndroidWipeFlag::ALL.len())
        .map(|mask| {
            AndroidWipeFlag::ALL
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask & (1 << bit) != 0)
                .map(|(_, flag)| *flag)
                .collect()
        })
        .collect()
}

#[test]
fn the_flag_vocabulary_is_googles_minus_the_ignored_value() {
    let api = fixture(ANDROID);
    let documented: BTreeSet<&str> = api["wipe_data_flags"]
        .as_object()
        .expect("flags")
        .keys()
        .map(String::as_str)
        .filter(|name| *name != "WIPE_DATA_FLAG_UNSPECIFIED")
        .collect();
    let modelled: BTreeSet<&str> = AndroidWipeFlag::ALL.iter().map(|f| f.as_str()).collect();
    assert_eq!(modelled, documented);
    assert_eq!(
        mdm_model::command::android::MAX_WIPE_REASON_CHARS as u64,
        api["query_parameters"]["wipeReasonMessage"]["max_length_characters"]
            .as_u64()
            .expect("limit")
    );
}

#[test]
fn every_android_request_uses_only_documented_names() {
    let api = fixture(ANDROID);
    let method = &api["method"];
    let parameters = api["query_parameters"].as_object().expect("parameters");
    let flags = api["wipe_data_flags"].as_object().expect("flags");
    let limit = parameters["wipeReasonMessage"]["max_length_characters"]
        .as_u64()
        .expect("limit") as usize;
    let messages = [
        None,
        Some("Lost on the train".to_string()),
        Some("紛失のため初期化します。?&=#+/ 100%".to_string()),
        Some("端".repeat(limit)),
    ];
    let mut requests = 0;
    for set in every_flag_set() {
        for message in &messages {
            let wipe = AndroidWipe {
                wipe_data_flags: set.clone(),
                wipe_reason_message: message
                    .as_deref()
                    .map(|m| WipeReasonMessage::parse(m).expect("valid").expect("some")),
            };
            let request = wipe.delete_request("LC02my9vtl", "3a1f9c2e0d");
            requests += 1;
            assert_eq!(request.method, method["http_method"].as_str().unwrap());
            // v1/{name=enterprises/*/devices/*} with name = enterprises/{e}/devices/{d}.
            let template = method["url_template"].as_str().unwrap();
            let name_form = method["name_form"].as_str().unwrap();
            let expected_path = template.replace(
                "{name=enterprises/*/devices/*}",
                &name_form
                    .replace("{enterpriseId}", "LC02my9vtl")
                    .replace("{deviceId}", "3a1f9c2e0d"),
            );
            assert_eq!(request.path, expected_path);
            assert!(request
                .display()
                .starts_with(&format!("DELETE {}", method["base_url"].as_str().unwrap())));

            let wire = request.path_and_query();
            let query = wire.split_once('?').map(|(_, q)| q).unwrap_or("");
            let pairs: Vec<(String, String)> = query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').expect("name=value");
                    (percent_decode(name), percent_decode(value))
                })
                .collect();
            assert_eq!(pairs, request.query, "the wire form decodes to the query");
            let mut sent_flags = BTreeSet::new();
            for (name, value) in &pairs {
                let parameter = parameters
                    .get(name)
                    .unwrap_or_else(|| panic!("{name} is not a documented query parameter"));
                if !parameter["repeated"].as_bool().unwrap() {
                    assert_eq!(pairs.iter().filter(|(n, _)| n == name).count(), 1);
                }
                if name == "wipeDataFlags" {
                    assert!(flags.contains_key(value), "{value} is not a WipeDataFlag");
                    assert_ne!(value, "WIPE_DATA_FLAG_UNSPECIFIED");
                    sent_flags.insert(value.clone());
                } else {
                    assert!(value.chars().count() <= limit);
                    assert_eq!(Some(value), message.as_ref());
                }
            }
            let chosen: BTreeSet<String> = set.iter().map(|f| f.as_str().to_string()).collect();
            assert_eq!(sent_flags, chosen);
        }
    }
    assert_eq!(requests, 8 * 4);
}

#[test]
fn every_windows_kind_is_a_documented_exec_node_and_none_keeps_user_data() {
    let csp = fixture(WINDOWS);
    let nodes = csp["nodes"].as_object().expect("nodes");
    for kind in WindowsWipeKind::ALL {
        let node = nodes
            .get(kind.as_str())
            .unwrap_or_else(|| panic!("{kind} is not a RemoteWipe node"));
        assert_eq!(kind.loc_uri(), node["oma_uri"].as_str().unwrap());
        assert!(node["access_types"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Exec")));
        assert_ne!(node["keeps_user_accounts_and_data"], Value::Bool(true));
    }
    let lost = nodes
        .iter()
        .find(|(_, node)| node["lost_or_stolen"] == Value::Bool(true))
        .map(|(name, _)| name.as_str());
    assert_eq!(Some(WindowsWipeKind::default().as_str()), lost);
}

/// The text between `<tag…>` and `</tag>` in `xml`, with the opening tag's attributes.
fn element<'a>(xml: &'a str, tag: &str) -> (&'a str, &'a str) {
    let open = format!("<{tag}");
    let start = xml.find(&open).unwrap_or_else(|| panic!("no <{tag}>"));
    let after = &xml[start + open.len()..];
    let end_of_open = after.find('>').expect("tag end");
    let attributes = after[..end_of_open].trim();
    let body = &after[end_of_open + 1..];
    let close = body
        .find(&format!("</{tag}>"))
        .unwrap_or_else(|| panic!("no </{tag}>"));
    (attributes, body[..close].trim())
}

#[test]
fn every_exec_matches_the_documented_node() {
    let csp = fixture(WINDOWS);
    let namespace = format!("xmlns=\"{}\"", csp["meta_namespace"].as_str().unwrap());
    for (cmd_id, kind) in WindowsWipeKind::ALL.iter().enumerate() {
        let node = &csp["nodes"][kind.as_str()];
        let xml = RemoteWipeExec::new(cmd_id as u32 + 2, *kind).to_syncml();
        assert!(xml.starts_with("<Exec>") && xml.ends_with("</Exec>"));
        assert_eq!(element(&xml, "CmdID").1, (cmd_id + 2).to_string());
        let (_, item) = element(&xml, "Item");
        let (_, target) = element(item, "Target");
        let (_, uri) = element(target, "LocURI");
        assert_eq!(uri, node["oma_uri"].as_str().unwrap());
        assert!(uri.starts_with(csp["root"].as_str().unwrap()));
        assert!(!uri.starts_with('/'));
        let (_, meta) = element(item, "Meta");
        let (format_ns, format) = element(meta, "Format");
        assert_eq!(format, node["format"].as_str().unwrap());
        assert_eq!(format_ns, namespace);
        let (type_ns, mime) = element(meta, "Type");
        assert_eq!(mime, node["mime_type"].as_str().unwrap());
        assert_eq!(type_ns, namespace);
        assert_eq!(element(item, "Data").1, "");
    }
}
