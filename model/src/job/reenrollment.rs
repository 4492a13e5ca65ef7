//! Re-enrollment after a Return-to-Service wipe, as an observed outcome. The wipe itself
//! succeeds when the device acknowledges EraseDevice; whether the device comes back into
//! management is a second fact, known only when it checks in again. Real devices can stop in
//! Setup Assistant (Activation Lock, a Wi-Fi passphrase that no longer works, a DEP profile
//! that asks the user to authenticate), so re-enrollment is never assumed.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

/// How long after the acknowledged erase a device may take to check in before re-enrollment
/// is reported as not confirmed.
pub const REENROLLMENT_WINDOW: Duration = Duration::hours(24);

vocabulary! {
    /// Where the re-enrollment of a wiped device stands.
    pub enum ReenrollmentStatus {
        Awaiting = "awaiting", ja: "再登録待ち", en: "Awaiting re-enrollment";
        Reenrolled = "reenrolled", ja: "再登録済み", en: "Re-enrolled";
        NotConfirmed = "not_confirmed", ja: "再登録を確認できません", en: "Re-enrollment not confirmed";
    }
}

vocabulary! {
    /// The likely reason a wiped device did not come back.
    pub enum ReenrollmentBlocker {
        ActivationLock = "activation_lock",
            ja: "アクティベーションロックが有効なため、初期設定が途中で止まっている可能性があります",
            en: "Activation Lock is on: setup has probably stopped on the device";
        UserAuthentication = "user_authentication",
            ja: "DEPプロファイルが端末での利用者認証を求めているため、認証を待っている可能性があります",
            en: "The DEP profile asks the user to authenticate on the device: it is probably waiting for that";
        WifiNotJoined = "wifi_not_joined",
            ja: "Wi-Fiに接続できなかった可能性があります(パスフレーズの変更など)",
            en: "The device probably could not join the Wi-Fi network (a changed passphrase, for example)";
    }
}

/// What was known about the device when it was wiped, for naming the likely blocker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReenrollmentFacts {
    pub activation_lock_enabled: bool,
    pub user_must_authenticate: bool,
}

/// The most likely reason a device did not come back: Activation Lock stops setup outright,
/// an authentication screen waits for a person; otherwise the network is the usual cause.
pub fn likely_blocker(facts: ReenrollmentFacts) -> ReenrollmentBlocker {
    if facts.activation_lock_enabled {
        ReenrollmentBlocker::ActivationLock
    } else if facts.user_must_authenticate {
        ReenrollmentBlocker::UserAuthentication
    } else {
        ReenrollmentBlocker::WifiNotJoined
    }
}

/// The re-enrollment outcome of a job whose wipe was acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReenrollmentOutcome {
    pub status: ReenrollmentStatus,
    /// When the status was reached (the erase, the check-in, or the end of the window).
    pub since: DateTime<Utc>,
    /// Until when a check-in is waited for.
    pub deadline: DateTime<Utc>,
    /// Set when not confirmed.
    pub likely_reason: Option<ReenrollmentBlocker>,
}

/// The outcome at `now` of a wipe acknowledged at `erased_at`, given the device's first check-in
/// after it (if any).
pub fn reenrollment_outcome(
    erased_at: DateTime<Utc>,
    checked_in_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    facts: ReenrollmentFacts,
) -> ReenrollmentOutcome {
    let deadline = erased_at + REENROLLMENT_WINDOW;
    match checked_in_at.filter(|at| *at >= erased_at && *at <= deadline) {
        Some(at) => ReenrollmentOutcome {
            status: ReenrollmentStatus::Reenrolled,
            since: at,
            deadline,
            likely_reason: None,
        },
        None if now >= deadline => ReenrollmentOutcome {
            status: ReenrollmentStatus::NotConfirmed,
            since: deadline,
            deadline,
            likely_reason: Some(likely_blocker(facts)),
        },
        None => ReenrollmentOutcome {
            status: ReenrollmentStatus::Awaiting,
            since: erased_at,
            deadline,
            likely_reason: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
            .unwrap()
            .with_timezone(&Utc)
            + Duration::hours(hours)
    }

    #[test]
    fn an_acknowledged_erase_awaits_the_device_until_it_checks_in() {
        let facts = ReenrollmentFacts::default();
        assert_eq!(
            reenrollment_outcome(at(0), None, at(1), facts).status,
            ReenrollmentStatus::Awaiting
        );
        let back = reenrollment_outcome(at(0), Some(at(2)), at(3), facts);
        assert_eq!(
            (back.status, back.since),
            (ReenrollmentStatus::Reenrolled, at(2))
        );
        assert_eq!(ReenrollmentStatus::Reenrolled.label(Lang::Ja), "再登録済み");
    }

    #[test]
    fn after_the_window_it_is_not_confirmed_with_the_likely_reason() {
        let locked = ReenrollmentFacts {
            activation_lock_enabled: true,
            user_must_authenticate: true,
        };
        let outcome = reenrollment_outcome(at(0), None, at(24), locked);
        assert_eq!(outcome.status, ReenrollmentStatus::NotConfirmed);
        assert_eq!(
            outcome.likely_reason,
            Some(ReenrollmentBlocker::ActivationLock)
        );
        assert_eq!(
            ReenrollmentStatus::NotConfirmed.label(Lang::Ja),
            "再登録を確認できません"
        );
        let auth = ReenrollmentFacts {
            activation_lock_enabled: false,
            user_must_authenticate: true,
        };
        assert_eq!(
            likely_blocker(auth),
            ReenrollmentBlocker::UserAuthentication
        );
        assert_eq!(
            likely_blocker(ReenrollmentFacts::default()),
            ReenrollmentBlocker::WifiNotJoined
        );
        // A check-in after the window does not count as this wipe's re-enrollment.
        assert_eq!(
            reenrollment_outcome(at(0), Some(at(30)), at(30), locked).status,
            ReenrollmentStatus::NotConfirmed
        );
    }
}
