//! A job and its history name rows that exist, on either database: SQLite checks its foreign
//! keys row by row, PostgreSQL once per statement (see its migration 02). Either way a
//! reference to nothing is refused, and a row a job names is not deleted.

mod common;

use common::{
    jobs::{online, pick, register, wipeable},
    plain_options, TestApp,
};
use mdm_portal::store::sql::Error;

async fn refused(app: &TestApp, sql: &'static str, id: i64) -> Error {
    app.state
        .store
        .call(move |conn| {
            let outcome = conn.execute(sql, [id]);
            Ok(outcome.err())
        })
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{sql} with {id} was accepted"))
}

#[tokio::test]
async fn references_to_nothing_are_refused_and_named_rows_stay() {
    let mut app = TestApp::signed_in().await;
    let device = pick(&mut app, |d| wipeable(d) && online(d)).await;
    let wipe = register(&mut app, &[device.id], plain_options()).await;

    let error = refused(
        &app,
        "INSERT INTO job_events (job_id, at, status, reason) \
         VALUES (?1, 0, 'registered', 'registered')",
        999_999_999,
    )
    .await;
    assert!(error.is_constraint_violation(), "{error}");

    let error = refused(&app, "DELETE FROM devices WHERE id = ?1", device.id.0).await;
    assert!(error.is_constraint_violation(), "{error}");
    let error = refused(&app, "DELETE FROM wipes WHERE id = ?1", wipe.wipe_id.0).await;
    assert!(error.is_constraint_violation(), "{error}");

    // Nothing of it was written or removed: the wipe's job is still there, with its history.
    let id = wipe.wipe_id.0;
    let (jobs, events): (i64, i64) = app
        .state
        .store
        .call(move |conn| {
            Ok(conn.query_row(
                "SELECT COUNT(*), (SELECT COUNT(*) FROM job_events e JOIN jobs j ON j.id = e.job_id \
                 WHERE j.wipe_id = ?1) FROM jobs WHERE wipe_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(jobs, wipe.job_count as i64);
    assert!(events >= jobs, "{events} history rows for {jobs} jobs");
}
