//! Small factories of jobs, Hybrid pairs and job details for the job screens' browser tests.
// Shared by several test files; each uses only part of it.
#![allow(dead_code)]

use chrono::{DateTime, TimeDelta, Utc};
use mdm_model::apple::erase_device_command;
use mdm_model::audit::{AuditEntry, AuditEvent};
use mdm_model::command::WipeCommand;
use mdm_model::device::{
    ActiveSyncAccount, DeviceState, ManagementMethod, Os, OsVersion, Ownership,
};
use mdm_model::ids::{
    AdministratorId, AuditEntryId, DeviceId, GroupId, JobId, WifiSettingId, WipeId,
};
use mdm_model::job::{
    AdministratorRef, ConditionsAt, DeviceNow, DeviceSnapshot, ExecutionConditions, Job, JobDetail,
    JobKind, JobListEntry, JobMethod, JobOptions, JobStatus, ReturnToServicePlan, SendAttempt,
    SentCommand, StatusChange, StatusReason, UnmetCondition, WifiSettingRef,
};
use mdm_model::wifi::{WifiSecurity, WifiSetting};

/// 2026-11-26 05:30 UTC, which is 14:30 in Japan.
pub fn registered() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-26T05:30:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// An iPhone named `iPhone-{id}` managed by `method`.
pub fn device(id: i64, method: ManagementMethod) -> DeviceSnapshot {
    DeviceSnapshot {
        id: DeviceId(id),
        name: format!("iPhone-{id:03}"),
        os: Os::Ios,
        os_version: OsVersion::major_minor(17, 4),
        model: "iPhone 15".into(),
        serial_number: format!("F2LX{id:08}"),
        user_full_name: Some("山田 太郎".into()),
        employee_number: Some("E0001".into()),
        management_method: method,
        ownership: Ownership::Company,
        group_path: "本社 / 営業部".into(),
        mac_security_chip: None,
        android_resource_name: None,
    }
}

/// A job of `method` in `status` on device 1 (an Apple MDM device unless paired later).
pub fn job(id: i64, method: JobMethod, status: JobStatus) -> Job {
    Job {
        id: JobId(id),
        wipe_id: WipeId(5),
        kind: JobKind::Wipe,
        method,
        device: device(1, ManagementMethod::AppleMdm),
        options: JobOptions {
            delete_general_info: true,
            scheduled_at: None,
            wifi_setting: None,
            keep_esim_data_plan: false,
            return_to_service: None,
            platform: None,
            measure: None,
        },
        registered_by: AdministratorRef {
            id: AdministratorId(1),
            display_name: "山田 太郎".into(),
        },
        registered_at: registered(),
        status,
        status_reason: match status {
            JobStatus::Scheduled | JobStatus::WaitingForDevice => StatusReason::Registered,
            JobStatus::Sent => StatusReason::CommandSent,
            JobStatus::Succeeded => StatusReason::Acknowledged,
            JobStatus::Failed => StatusReason::DeviceError,
            JobStatus::Cancelled => StatusReason::CancelledByAdministrator,
        },
        status_changed_at: registered() + TimeDelta::minutes(5),
        pair_job_id: None,
        reenrollment: None,
    }
}

/// A Hybrid pair on device `device_id`: IVI MDM job `ivi` and Apple MDM job `ivi + 1`.
pub fn pair(
    ivi: i64,
    device_id: i64,
    ivi_status: JobStatus,
    apple_status: JobStatus,
) -> JobListEntry {
    let hybrid = device(device_id, ManagementMethod::Hybrid);
    let mut first = job(ivi, JobMethod::IviMdm, ivi_status);
    let mut second = job(ivi + 1, JobMethod::AppleMdm, apple_status);
    first.device = hybrid.clone();
    second.device = hybrid;
    first.pair_job_id = Some(second.id);
    second.pair_job_id = Some(first.id);
    JobListEntry::pair(second, first)
}

/// The pair after its Apple MDM job succeeded first: the IVI MDM job was cancelled for it.
pub fn pair_won_by_apple(ivi: i64, device_id: i64) -> JobListEntry {
    let mut entry = pair(ivi, device_id, JobStatus::Cancelled, JobStatus::Succeeded);
    entry.job.status_reason = StatusReason::PartnerSucceeded;
    entry
}

fn office_wifi() -> WifiSetting {
    WifiSetting {
        id: WifiSettingId(3),
        name: "本社Wi-Fi".into(),
        ssid: "CORP-HQ".into(),
        security: WifiSecurity::Wpa2,
        auto_join: true,
        hidden: false,
        in_remote_settings: true,
    }
}

/// The detail of an Apple MDM job waiting for a switched-off Hybrid device, with re-enrollment
/// over the office Wi-Fi and the eSIM plan kept; its IVI MDM partner waits too.
pub fn apple_detail(apple_status: JobStatus) -> JobDetail {
    let entry = pair(41, 7, JobStatus::WaitingForDevice, apple_status);
    let mut job = entry.partner.clone().unwrap_or_else(|| entry.job.clone());
    let wifi = office_wifi();
    job.options.keep_esim_data_plan = true;
    job.options.wifi_setting = Some(WifiSettingRef {
        id: wifi.id,
        name: wifi.name.clone(),
        ssid: wifi.ssid.clone(),
    });
    job.options.return_to_service = Some(ReturnToServicePlan {
        enrollment_group_id: GroupId(4),
        enrollment_group_name: "営業部".into(),
        user_must_authenticate: true,
        dep_profile_name: Some("営業部DEP".into()),
        activation_lock_enabled: false,
    });
    let unmasked = erase_device_command(
        job.id,
        &job.device.brief(),
        true,
        Some((&wifi, Some("s3cret-pass"))),
    );
    let command = unmasked.masked();
    let plist = command.to_plist();
    let mut history = vec![StatusChange {
        status: JobStatus::WaitingForDevice,
        reason: StatusReason::Registered,
        at: registered(),
    }];
    if apple_status == JobStatus::Sent {
        history.push(StatusChange {
            status: JobStatus::Sent,
            reason: StatusReason::CommandSent,
            at: registered() + TimeDelta::minutes(5),
        });
    }
    // A sent job has one recorded send, made while the device was on.
    let attempts = match apple_status {
        JobStatus::Sent => vec![SendAttempt {
            number: 1,
            at: registered() + TimeDelta::minutes(5),
            conditions: ConditionsAt {
                state: DeviceState {
                    powered_on: true,
                    network_connected: true,
                    mdm_profile_installed: true,
                    activesync: None,
                },
                unmet: vec![],
            },
            command: Some(SentCommand::new(
                &WipeCommand::Apple(unmasked.clone()),
                "ab".repeat(32),
            )),
        }],
        _ => vec![],
    };
    JobDetail {
        job,
        partner: Some(entry.job),
        history,
        device_now: Some(DeviceNow {
            name: "iPhone-007".into(),
            user_full_name: None,
            employee_number: None,
            group_path: "本社 / 営業部".into(),
        }),
        attempts,
        conditions: ExecutionConditions {
            state: DeviceState {
                powered_on: false,
                network_connected: true,
                mdm_profile_installed: true,
                activesync: Some(ActiveSyncAccount {
                    mail: true,
                    calendar: true,
                    ..ActiveSyncAccount::default()
                }),
            },
            last_seen_at: registered() - TimeDelta::hours(2),
            unmet: vec![UnmetCondition::PoweredOff],
        },
        times_out_at: Some(registered() + TimeDelta::days(30)),
        command: Some(WipeCommand::Apple(command)),
        command_text: Some(plist),
        location: None,
    }
}

/// The audit entry of an administrator cancelling jobs 41 and 42.
pub fn cancel_entry() -> AuditEntry {
    AuditEntry {
        id: AuditEntryId(9),
        at: registered() + TimeDelta::minutes(10),
        actor: Some(AdministratorRef {
            id: AdministratorId(1),
            display_name: "山田 太郎".into(),
        }),
        summary: "jobs cancelled: 41, 42".into(),
        event: AuditEvent::JobsCancelled {
            job_ids: vec![JobId(41), JobId(42)],
        },
    }
}
