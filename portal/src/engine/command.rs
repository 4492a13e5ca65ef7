//! The command of a job, built the one way both the engine (which sends it) and the job
//! detail (which shows what will be sent) use: the model's [`wipe_command`] on the job record.

use crate::ids::TenantId;
use crate::store::sql::Connection;
use chrono::Duration;
use mdm_model::{
    apple::measures::MDM_ENROLLMENT_PROFILE_IDENTIFIER,
    command::{measure_command, wipe_command, CommandError, WipeCommand},
    job::{Job, SentCommand},
};
use sha2::{Digest, Sha256};

use crate::{
    error::ApiError,
    store::{catalog, jobs},
};

/// A device that answered NotNow gets the command again after this long.
pub(super) const NOT_NOW_RETRY: Duration = Duration::minutes(5);

/// The command with its real secrets (`None` for IVI MDM), or why the job record cannot make
/// one. The Wi-Fi password is read from the setting at this moment: it is kept nowhere else.
/// `attempt` numbers the send.
pub fn job_command(
    conn: &Connection,
    tenant_id: TenantId,
    job: &Job,
    attempt: u32,
) -> Result<Result<Option<WipeCommand>, CommandError>, ApiError> {
    let (platform, measure) = jobs::command_options(conn, job.id)?;
    if let Some(measure) = &measure {
        return Ok(measure_command(
            job.id,
            job.method,
            &job.device.brief(),
            measure,
            attempt,
            MDM_ENROLLMENT_PROFILE_IDENTIFIER,
        )
        .map(|command| Some(WipeCommand::Measure(command))));
    }
    // Return to Service rides only on the job of an eligible device.
    let wifi = match (&job.options.return_to_service, &job.options.wifi_setting) {
        (Some(_), Some(wifi)) => catalog::wifi_setting(conn, tenant_id, wifi.id)?,
        _ => None,
    };
    let rts = wifi
        .as_ref()
        .map(|(setting, password)| (setting, password.as_deref()));
    Ok(wipe_command(
        job.id,
        job.method,
        &job.device.brief(),
        job.options.keep_esim_data_plan,
        platform.as_ref(),
        attempt,
        rts,
    ))
}

/// SHA-256 of bytes, lower-case hex: how a sent command is identified without keeping it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bytes a device receives for a command, and the record kept of them.
pub fn as_sent(command: &WipeCommand) -> (Vec<u8>, SentCommand) {
    let bytes = command.wire_text().into_bytes();
    let record = SentCommand::new(command, sha256_hex(&bytes));
    (bytes, record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_lower_case_hex_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
