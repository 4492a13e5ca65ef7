//! Bad 紛失時対策 requests: each refused with a localized 4xx naming its field or device, with
//! nothing registered; a repeated request answers the first registration, and a second open
//! measure of the same kind is refused by name.

mod common;

use axum::http::StatusCode;
use common::{
    all_devices,
    measures::{
        company_android, measure_body, measure_request, registered, registered_jobs, send_measure,
        supervised_iphone,
    },
    TestApp,
};
use mdm_model::ErrorCode;
use serde_json::{json, Value};

#[tokio::test]
async fn bad_requests_name_their_field_or_device_and_register_nothing() {
    let mut app = TestApp::signed_in().await;
    let fleet = all_devices(&mut app).await;
    let iphone = fleet.iter().find(|d| supervised_iphone(d)).unwrap().id;
    let company = fleet.iter().find(|d| company_android(d)).unwrap().clone();
    let before = registered_jobs(&mut app).await;

    let refused = |status: StatusCode, body: &Value, code: &str, field: &str| {
        assert_eq!(body["code"], code, "{body}");
        assert_eq!(body["field"], field, "{body}");
        assert!(status.is_client_error(), "{status}");
    };
    // Lost mode with neither message nor phone number.
    let (status, body) = send_measure(
        &mut app,
        &[iphone],
        json!({ "measure": "lost_mode_on", "footnote": "x" }),
        "bad-1",
    )
    .await;
    refused(status, &body, "validation_failed", "message");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("メッセージと電話番号"),
        "{body}"
    );
    // A message beyond the vendor's limit.
    let long = "あ".repeat(201);
    let (status, body) = send_measure(
        &mut app,
        &[iphone],
        json!({ "measure": "lost_mode_on", "message": long }),
        "bad-2",
    )
    .await;
    refused(status, &body, "validation_failed", "message");
    // A location request for a device not in lost mode.
    let (status, body) =
        send_measure(&mut app, &[iphone], json!({ "measure": "locate" }), "bad-3").await;
    refused(status, &body, "measure_not_applicable", "selection");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("紛失モードではありません"),
        "{body}"
    );
    // A selective wipe of a company-owned device, in English.
    app.lang = Some("en".into());
    let (status, body) = send_measure(
        &mut app,
        &[company.id],
        json!({ "measure": "remove_company_data" }),
        "bad-4",
    )
    .await;
    refused(status, &body, "measure_not_applicable", "selection");
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains(&company.name) && message.contains("company-owned"),
        "{message}"
    );
    app.lang = None;
    // Without 同意する.
    let mut unagreed = measure_body(&[iphone], json!({ "measure": "play_sound" }), false);
    unagreed["agreed"] = json!(false);
    let (status, body) = measure_request(&mut app, unagreed, "bad-5").await;
    refused(status, &body, "validation_failed", "agreed");
    // A wrong password: refused, audited, and it counts toward the lockout like sign-in.
    let mut wrong = measure_body(&[iphone], json!({ "measure": "lock" }), false);
    wrong["password"] = json!("not-my-password");
    let (status, body) = measure_request(&mut app, wrong, "bad-6").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "wrong_password");
    let audit = app.get("/api/audit?action=measure_refused").await.json();
    assert_eq!(audit["total"], 1, "{audit}");
    // The wipe is not a measure of these endpoints.
    let (status, _) =
        send_measure(&mut app, &[iphone], json!({ "measure": "wipe" }), "bad-7").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        registered_jobs(&mut app).await,
        before,
        "nothing was registered"
    );

    // The same request again answers the first registration; the key with another is refused.
    let lock = json!({ "measure": "lock", "message": "連絡ください" });
    let first = registered(&mut app, &[iphone], lock.clone(), "again-1").await;
    let second = registered(&mut app, &[iphone], lock, "again-1").await;
    assert_eq!(first, second);
    let (status, body) = send_measure(
        &mut app,
        &[iphone],
        json!({ "measure": "lock", "message": "別の文" }),
        "again-1",
    )
    .await;
    assert!(status.is_client_error(), "{status}");
    assert_eq!(body["code"], ErrorCode::IdempotencyKeyReused.as_str());
    // A second lock while the first is open is refused by name (it would be sent twice).
    let (status, body) =
        send_measure(&mut app, &[iphone], json!({ "measure": "lock" }), "again-2").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "open_measure_exists");
    assert_eq!(registered_jobs(&mut app).await, before + 1);
}
