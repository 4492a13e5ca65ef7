//! The audit query's parameters and the audit vocabulary.

use super::*;

#[test]
fn the_actor_filter_takes_system_and_refuses_other_words() {
    let system = AuditQuery::from_query(&QueryReader::new([("actor", "system")])).unwrap();
    assert_eq!(system.actor, Some(AuditActor::System));
    assert_eq!(system.to_query_pairs(), [("actor", "system".to_string())]);
    for (param, bad) in [("actor", "someone"), ("device", "iPhone-001")] {
        let error = AuditQuery::from_query(&QueryReader::new([(param, bad)])).unwrap_err();
        assert_eq!(error.param, param);
    }
}

#[test]
fn every_event_carries_the_wire_name_of_its_action() {
    let events = [
        AuditEvent::SignedIn {
            via: SignInVia::Token,
        },
        AuditEvent::SignInFailed {
            username: "admin".into(),
        },
        AuditEvent::SignedOut {
            via: SignInVia::Token,
            reason: Some(SignOutReason::RetiredTokenReused),
        },
        AuditEvent::WipeRegistered {
            wipe_id: WipeId(3),
            device_count: 2,
            job_count: 3,
            skipped_device_count: 0,
            scheduled_at: None,
            wifi_setting_id: None,
        },
        AuditEvent::WipeRefused {
            reason: WipeRefusal::WrongPassword,
        },
        AuditEvent::MeasureRegistered {
            wipe_id: WipeId(4),
            measure: crate::measure::Measure::Lock,
            device_count: 2,
            job_count: 2,
            skipped_device_count: 1,
        },
        AuditEvent::MeasureRefused {
            measure: crate::measure::Measure::LostModeOn,
            reason: WipeRefusal::WrongPassword,
        },
        AuditEvent::JobsCancelled {
            job_ids: vec![JobId(4), JobId(5)],
        },
        AuditEvent::PartnerJobCancelled {
            job_id: JobId(6),
            succeeded_job_id: JobId(7),
        },
        AuditEvent::JobTimedOut { job_id: JobId(8) },
        AuditEvent::DeviceReenrolled {
            job_id: JobId(9),
            device_id: DeviceId(2),
            group_id: GroupId(10),
        },
        AuditEvent::ReenrollmentNotConfirmed {
            job_id: JobId(10),
            likely_reason: ReenrollmentBlocker::ActivationLock,
        },
        AuditEvent::HelpFeedback {
            article: HelpArticle::ALL[0],
            helpful: true,
            comment: None,
        },
        AuditEvent::TimeZoneChanged {
            from: Zone::JAPAN,
            to: Zone::parse("America/New_York").unwrap(),
        },
    ];
    assert_eq!(events.len(), AuditAction::ALL.len(), "one event per action");
    for event in events {
        let wire = serde_json::to_value(&event).unwrap();
        assert_eq!(wire["action"], event.action().as_str(), "{wire}");
        assert_eq!(serde_json::from_value::<AuditEvent>(wire).unwrap(), event);
    }
}

#[test]
fn an_entry_puts_the_events_fields_beside_its_own() {
    let entry = AuditEntry {
        id: AuditEntryId(1),
        at: DateTime::from_timestamp(0, 0).unwrap(),
        actor: None,
        summary: "job 6 (partner 7 succeeded)".into(),
        event: AuditEvent::PartnerJobCancelled {
            job_id: JobId(6),
            succeeded_job_id: JobId(7),
        },
    };
    let wire = serde_json::to_value(&entry).unwrap();
    assert_eq!(wire["action"], "partner_job_cancelled");
    assert_eq!(wire["job_id"], 6);
    assert_eq!(wire["succeeded_job_id"], 7);
    assert_eq!(serde_json::from_value::<AuditEntry>(wire).unwrap(), entry);
    // Entries written before the events were typed read as the same events.
    let legacy = serde_json::json!({ "action": "signed_in" });
    assert_eq!(
        serde_json::from_value::<AuditEvent>(legacy).unwrap(),
        AuditEvent::SignedIn {
            via: SignInVia::Session
        }
    );
}

#[test]
fn query_round_trips_and_checks_the_range() {
    let pairs = [
        ("action", "wipe_registered"),
        ("actor", "3"),
        ("device", "12"),
        ("from", "2026-11-01T00:00:00Z"),
        ("page", "2"),
    ];
    let query = AuditQuery::from_query(&QueryReader::new(pairs)).unwrap();
    assert_eq!(query.action, Some(AuditAction::WipeRegistered));
    assert_eq!(
        query.actor,
        Some(AuditActor::Administrator(crate::ids::AdministratorId(3)))
    );
    assert_eq!(query.device, Some(DeviceId(12)));
    let written = query.to_query_pairs();
    let reader = QueryReader::new(written.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(AuditQuery::from_query(&reader), Ok(query));
    let inverted = [
        ("from", "2026-11-02T00:00:00Z"),
        ("to", "2026-11-01T00:00:00Z"),
    ];
    assert!(AuditQuery::from_query(&QueryReader::new(inverted)).is_err());
    assert_eq!(
        AuditQuery::from_query(&QueryReader::new([("action", "x")]))
            .unwrap_err()
            .param,
        "action"
    );
}
