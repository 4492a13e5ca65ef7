//! One send attempt of a job: when the engine sent the command, what the device's execution
//! conditions were at that moment, and which command it was. The record answers "what was
//! sent, to a device in which state" after the fact, without rebuilding anything from today's
//! settings.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{unmet_conditions, JobMethod, UnmetCondition};
use crate::command::WipeCommand;
use crate::device::DeviceState;

/// The command as sent, kept so it can be shown and verified but never replayed: the exact
/// bytes are represented only by their digest, and the copy kept for display has its secrets
/// (the Wi-Fi password inside `WiFiProfileData`, a Mac's PIN) masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCommand {
    /// SHA-256 of the exact bytes delivered, lower-case hex.
    pub sha256: String,
    /// The command with its secrets masked.
    pub display: WipeCommand,
    /// The same masked command as it goes on the wire (property list, HTTP request, SyncML).
    pub display_text: String,
}

impl SentCommand {
    /// The record of `command` whose real bytes hash to `sha256`.
    pub fn new(command: &WipeCommand, sha256: String) -> SentCommand {
        let display = command.masked();
        let display_text = display.wire_text();
        SentCommand {
            sha256,
            display,
            display_text,
        }
    }
}

/// The device's conditions at one moment, and what they meant for the job's method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionsAt {
    pub state: DeviceState,
    /// Conditions of the job's method that did not hold (normally empty: the engine sends only
    /// when they all hold).
    pub unmet: Vec<UnmetCondition>,
}

impl ConditionsAt {
    pub fn of(method: JobMethod, state: DeviceState) -> ConditionsAt {
        ConditionsAt {
            state,
            unmet: unmet_conditions(method, &state),
        }
    }
}

/// One time the engine sent a job's command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendAttempt {
    /// 1 for the first send; a NotNow answer leads to another.
    pub number: u32,
    pub at: DateTime<Utc>,
    pub conditions: ConditionsAt,
    /// The command (every method but IVI MDM, which goes through the ActiveSync gateway and
    /// takes no command document from the portal).
    pub command: Option<SentCommand>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apple::{erase_device_command, SECRET_MASK};
    use crate::device::fixtures::iphone;
    use crate::ids::JobId;
    use crate::wifi::fixtures::office_wifi;

    #[test]
    fn the_record_of_a_command_never_holds_the_secret() {
        let wifi = office_wifi(3);
        let command = WipeCommand::Apple(erase_device_command(
            JobId(5),
            &iphone(1).brief(),
            true,
            Some((&wifi, Some("s3cret"))),
        ));
        let sent = SentCommand::new(&command, "ab".repeat(32));
        let json = serde_json::to_string(&sent).unwrap();
        assert!(!json.contains("s3cret"), "{json}");
        assert!(json.contains(SECRET_MASK));
        assert!(sent.display_text.contains("EraseDevice"));
    }

    #[test]
    fn conditions_name_what_did_not_hold_for_the_method() {
        let mut state = iphone(1).state;
        state.mdm_profile_installed = false;
        let at = ConditionsAt::of(JobMethod::AppleMdm, state);
        assert_eq!(at.unmet, [UnmetCondition::MdmProfileRemoved]);
        assert!(ConditionsAt::of(JobMethod::AppleMdm, iphone(1).state)
            .unmet
            .is_empty());
    }
}
