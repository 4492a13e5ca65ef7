//! Every Android and Windows measure command the model builds, checked against the fixtures of
//! the names Google and Microsoft document (each fixture cites its pages): a wrong command type,
//! field or node name fails here.

use mdm_model::command::android_measures::{AndroidCommandType, AndroidIssueCommand};
use mdm_model::command::windows_measures::{WindowsMeasureExec, MDM_PROVIDER_ID};
use mdm_model::measure::LostModeOptions;
use serde_json::Value;

const ANDROID: &str = include_str!("fixtures/android_management_api.json");
const WINDOWS: &str = include_str!("fixtures/windows_measures_csp.json");
const NAME: &str = "enterprises/LC02my9vtl/devices/3a1f9c2e0d";

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture JSON")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

fn lost_mode_variants() -> Vec<LostModeOptions> {
    let text = |t: &str| Some(t.to_string());
    vec![
        LostModeOptions {
            message: text("拾った方はご連絡ください"),
            phone_number: text("03-1234-5678"),
            footnote: text("footnote"),
        },
        LostModeOptions {
            message: text("message only"),
            ..Default::default()
        },
        LostModeOptions {
            phone_number: text("+81 90 0000 0000"),
            ..Default::default()
        },
    ]
}

#[test]
fn every_issued_command_uses_only_documented_names() {
    let api = fixture(ANDROID);
    let method = &api["issue_command"];
    let types = strings(&method["command_types"]);
    let fields = strings(&method["command_fields"]);
    let params = method["start_lost_mode_params"]
        .as_object()
        .expect("params");
    let message_fields = strings(&method["user_facing_message"]["fields"]);
    let limit = method["user_facing_message"]["max_length_characters"]
        .as_u64()
        .unwrap() as usize;
    let modelled: Vec<String> = AndroidCommandType::ALL
        .iter()
        .map(|t| t.as_str().to_string())
        .collect();
    assert_eq!(modelled, types);

    let mut commands = vec![
        AndroidIssueCommand::lock(NAME).unwrap(),
        AndroidIssueCommand::stop_lost_mode(NAME).unwrap(),
    ];
    for options in lost_mode_variants() {
        commands.push(AndroidIssueCommand::start_lost_mode(NAME, &options).unwrap());
    }
    for command in &commands {
        let template = method["url_template"].as_str().unwrap();
        assert_eq!(
            command.path(),
            template.replace("{name=enterprises/*/devices/*}", NAME)
        );
        assert!(command.display().starts_with(&format!(
            "{} {}",
            method["http_method"].as_str().unwrap(),
            method["base_url"].as_str().unwrap()
        )));
        let body: Value = serde_json::from_str(&command.body_json()).expect("body JSON");
        let body = body.as_object().expect("object");
        for (field, value) in body {
            assert!(fields.contains(field), "{field} is not a Command field");
            match field.as_str() {
                "type" => assert!(types.contains(&value.as_str().unwrap().to_string())),
                "stopLostModeParams" => {
                    assert_eq!(body["type"], "STOP_LOST_MODE");
                    assert!(strings(&method["stop_lost_mode_params"]).is_empty());
                    assert_eq!(value, &Value::Object(Default::default()));
                }
                "startLostModeParams" => {
                    assert_eq!(body["type"], "START_LOST_MODE");
                    let sent = value.as_object().unwrap();
                    let required = strings(&method["start_lost_mode_requires_one_of"]);
                    assert!(sent.keys().any(|k| required.contains(k)));
                    for (param, message) in sent {
                        let kind = params.get(param).unwrap_or_else(|| {
                            panic!("{param} is not a StartLostModeParams field")
                        });
                        assert_eq!(kind, "UserFacingMessage", "{param}");
                        for (name, text) in message.as_object().unwrap() {
                            assert!(message_fields.contains(name), "{name}");
                            assert!(text.as_str().unwrap().chars().count() <= limit);
                        }
                    }
                }
                other => panic!("unexpected {other}"),
            }
        }
    }
}

#[test]
fn every_windows_exec_matches_its_documented_node() {
    let csp = fixture(WINDOWS);
    let nodes = &csp["nodes"];
    let lock = &nodes["RemoteLock/Lock"];
    let exec = WindowsMeasureExec::lock(5);
    assert_eq!(exec.loc_uri(), lock["oma_uri"].as_str().unwrap());
    assert!(strings(&lock["access_types"]).contains(&"Exec".to_string()));
    let xml = exec.to_syncml();
    assert!(!xml.contains("<Meta>") && !xml.contains("<Data>"));
    for absent in strings(&csp["absent_nodes"]) {
        assert!(!xml.contains(&absent), "{absent} is not a documented node");
    }

    let unenroll = &nodes["DMClient/Provider/{ProviderID}/Unenroll"];
    let exec = WindowsMeasureExec::unenroll(6, MDM_PROVIDER_ID);
    assert_eq!(
        exec.loc_uri(),
        unenroll["oma_uri"]
            .as_str()
            .unwrap()
            .replace("{ProviderID}", MDM_PROVIDER_ID)
    );
    assert!(strings(&unenroll["access_types"]).contains(&"Exec".to_string()));
    let xml = exec.to_syncml();
    assert!(xml.contains("<CmdID>6</CmdID>"));
    assert!(xml.contains(&format!(
        "<Format xmlns=\"{}\">{}</Format>",
        csp["meta_namespace"].as_str().unwrap(),
        unenroll["meta_format"].as_str().unwrap()
    )));
    assert_eq!(unenroll["data"], "ProviderID");
    assert!(xml.contains(&format!("<Data>{MDM_PROVIDER_ID}</Data>")));
    assert!(!xml.contains("<LocURI>/"));
}
