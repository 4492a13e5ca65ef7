//! The check that holds every API test's answers to the OpenAPI document
//! (`common/contract.rs`), shown to fail when the document is wrong: a schema that disagrees
//! with the wire, and a status the document leaves out.

mod common;

use common::{contract::disagreement, TestApp};
use serde_json::json;

#[tokio::test]
async fn a_deliberately_wrong_schema_is_caught() {
    let mut app = TestApp::signed_in().await;
    let answer = app.get("/api/jobs?per_page=5").await;
    assert_eq!(answer.status.as_u16(), 200);
    let check = |document: &serde_json::Value| {
        disagreement(
            document,
            None,
            "GET",
            "/api/jobs?per_page=5",
            200,
            Some("application/json"),
            &answer.body,
        )
    };
    let served = mdm_portal::routes::api_document();
    assert_eq!(
        check(&served),
        Ok(()),
        "the served document describes the answer"
    );

    let jobs_page = &served["paths"]["/jobs"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"]["$ref"];
    // The job list's page schema with `total` said to be a string: the real answer (a
    // number) no longer fits.
    let mut wrong = served.clone();
    let name = jobs_page
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    wrong["components"]["schemas"][&name]["properties"]["total"] = json!({ "type": "string" });
    let problem = check(&wrong).unwrap_err();
    assert!(
        problem.contains("disagrees") && problem.contains("total"),
        "{problem}"
    );

    // A status the document does not declare.
    let mut undeclared = served;
    undeclared["paths"]["/jobs"]["get"]["responses"]
        .as_object_mut()
        .unwrap()
        .remove("200");
    let problem = check(&undeclared).unwrap_err();
    assert!(problem.contains("does not declare"), "{problem}");
}
