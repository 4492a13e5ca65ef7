//! The per-device preview of a wipe (`POST /api/wipes/preview`): what will happen to each
//! selected device, grouped by outcome with counts so that thousands of devices stay readable.

use serde::{Deserialize, Serialize};

use super::eligibility::{reenrollment_eligibility, wipe_blocker, NotWipeableReason, Reenrollment};
use super::refusal::{RefusedDevice, RegistrationRefusal};
use crate::command::windows::WindowsWipeKind;
use crate::command::{PlatformWipeChoices, WipeCommandName};
use crate::dep::DepProfile;
use crate::device::{Device, DeviceBrief, Os};
use crate::ids::JobId;
use crate::job::{job_methods, JobMethod};
use crate::paging::Page;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// What happens to a device, as the preview groups them; blocking outcomes come first.
    pub enum PreviewOutcome {
        NotWipeable = "not_wipeable",
            ja: "遠隔初期化できない端末", en: "Cannot be wiped";
        OpenWipeExists = "open_wipe_exists",
            ja: "遠隔初期化ジョブが登録済みの端末", en: "Already has an open wipe job";
        WipeWithoutReenrollment = "wipe_without_reenrollment",
            ja: "遠隔初期化のみ(自動再登録の対象外)", en: "Wipe only (not eligible for re-enrollment)";
        WipeAndReenrollWithAuthentication = "wipe_and_reenroll_with_authentication",
            ja: "遠隔初期化後に再登録(端末での認証が必要)", en: "Wipe, then re-enroll (the user must authenticate on the device)";
        WipeAndReenroll = "wipe_and_reenroll",
            ja: "遠隔初期化後に自動再登録", en: "Wipe, then re-enroll automatically";
        Wipe = "wipe",
            ja: "遠隔初期化", en: "Wipe";
    }
}

impl PreviewOutcome {
    /// Outcomes that stop the registration unless the devices are left out.
    pub fn blocks_registration(self) -> bool {
        matches!(
            self,
            PreviewOutcome::NotWipeable | PreviewOutcome::OpenWipeExists
        )
    }
}

/// What a wipe will do to one device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceWipePlan {
    pub device: DeviceBrief,
    pub outcome: PreviewOutcome,
    /// The jobs registration creates (IVI MDM and Apple MDM for Hybrid); empty when blocked.
    pub jobs: Vec<JobMethod>,
    /// The command each of those jobs sends, in the same order.
    pub commands: Vec<WipeCommandName>,
    pub not_wipeable_reason: Option<NotWipeableReason>,
    /// The device's open wipe jobs, when it already has some.
    pub open_job_ids: Vec<JobId>,
    /// Re-enrollment, when a Wi-Fi setting is chosen.
    pub reenrollment: Option<Reenrollment>,
}

/// Plans one device. `dep_profile` is the profile its `dep_profile_id` names (if it exists);
/// `open_job_ids` its jobs that are not finished; `wifi_chosen` whether the options name a Wi-Fi
/// setting (validated beforehand).
pub fn plan_device_wipe(
    device: &Device,
    dep_profile: Option<&DepProfile>,
    wifi_chosen: bool,
    windows_kind: WindowsWipeKind,
    open_job_ids: Vec<JobId>,
) -> DeviceWipePlan {
    let not_wipeable_reason = wipe_blocker(device);
    let reenrollment = wifi_chosen.then(|| reenrollment_eligibility(device, dep_profile));
    let outcome = if not_wipeable_reason.is_some() {
        PreviewOutcome::NotWipeable
    } else if !open_job_ids.is_empty() {
        PreviewOutcome::OpenWipeExists
    } else {
        match &reenrollment {
            None => PreviewOutcome::Wipe,
            Some(r) if r.user_must_authenticate() => {
                PreviewOutcome::WipeAndReenrollWithAuthentication
            }
            Some(r) if r.is_eligible() => PreviewOutcome::WipeAndReenroll,
            Some(_) => PreviewOutcome::WipeWithoutReenrollment,
        }
    };
    let jobs = if outcome.blocks_registration() {
        Vec::new()
    } else {
        job_methods(device.management_method).to_vec()
    };
    let commands = jobs
        .iter()
        .map(|method| WipeCommandName::of(*method, windows_kind))
        .collect();
    DeviceWipePlan {
        device: device.brief(),
        outcome,
        jobs,
        commands,
        not_wipeable_reason,
        open_job_ids,
        reenrollment,
    }
}

/// Counts over the whole selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PreviewTotals {
    pub devices: u64,
    pub wipeable_devices: u64,
    pub not_wipeable_devices: u64,
    pub devices_with_open_wipe: u64,
    /// Jobs registration would create (two per Hybrid device).
    pub jobs: u64,
    pub ivi_mdm_jobs: u64,
    pub apple_mdm_jobs: u64,
    #[serde(default)]
    pub android_enterprise_jobs: u64,
    #[serde(default)]
    pub windows_mdm_jobs: u64,
    /// Devices of each platform with a section on the wipe screen that will get a job: the
    /// screen shows a platform's section only when its count is above zero.
    #[serde(default)]
    pub android_devices: u64,
    #[serde(default)]
    pub windows_devices: u64,
    #[serde(default)]
    pub mac_devices: u64,
    /// Of those Macs, the ones whose erase needs the PIN (no Apple silicon or T2).
    #[serde(default)]
    pub macs_taking_pin: u64,
    /// Devices that will re-enroll (with or without authentication).
    pub reenrolling_devices: u64,
}

/// One outcome group of the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeCount {
    pub outcome: PreviewOutcome,
    pub devices: u64,
    pub jobs: u64,
}

/// Totals and the non-empty outcome groups, in [`PreviewOutcome::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PreviewSummary {
    pub totals: PreviewTotals,
    pub outcomes: Vec<OutcomeCount>,
}

impl PreviewSummary {
    pub fn from_plans<'a>(plans: impl IntoIterator<Item = &'a DeviceWipePlan>) -> PreviewSummary {
        let mut totals = PreviewTotals::default();
        let mut outcomes: Vec<OutcomeCount> = PreviewOutcome::ALL
            .iter()
            .map(|&outcome| OutcomeCount {
                outcome,
                devices: 0,
                jobs: 0,
            })
            .collect();
        for plan in plans {
            let jobs = plan.jobs.len() as u64;
            totals.devices += 1;
            totals.jobs += jobs;
            if !plan.jobs.is_empty() {
                match plan.device.os {
                    Os::Android => totals.android_devices += 1,
                    Os::Windows => totals.windows_devices += 1,
                    Os::MacOs => {
                        totals.mac_devices += 1;
                        if plan
                            .device
                            .mac_security_chip
                            .is_some_and(|chip| chip.takes_pin())
                        {
                            totals.macs_taking_pin += 1;
                        }
                    }
                    Os::Ios | Os::IpadOs => {}
                }
            }
            for method in &plan.jobs {
                match method {
                    JobMethod::IviMdm => totals.ivi_mdm_jobs += 1,
                    JobMethod::AppleMdm => totals.apple_mdm_jobs += 1,
                    JobMethod::AndroidEnterprise => totals.android_enterprise_jobs += 1,
                    JobMethod::WindowsMdm => totals.windows_mdm_jobs += 1,
                }
            }
            match plan.outcome {
                PreviewOutcome::NotWipeable => totals.not_wipeable_devices += 1,
                PreviewOutcome::OpenWipeExists => totals.devices_with_open_wipe += 1,
                PreviewOutcome::WipeAndReenroll
                | PreviewOutcome::WipeAndReenrollWithAuthentication => {
                    totals.wipeable_devices += 1;
                    totals.reenrolling_devices += 1;
                }
                PreviewOutcome::Wipe | PreviewOutcome::WipeWithoutReenrollment => {
                    totals.wipeable_devices += 1
                }
            }
            if let Some(group) = outcomes
                .iter_mut()
                .find(|group| group.outcome == plan.outcome)
            {
                group.devices += 1;
                group.jobs += jobs;
            }
        }
        outcomes.retain(|group| group.devices > 0);
        PreviewSummary { totals, outcomes }
    }
}

/// Answer of `POST /api/wipes/preview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WipePreview {
    pub summary: PreviewSummary,
    /// One page of the devices (of the requested outcome, or all), in device-name order.
    pub devices: Page<DeviceWipePlan>,
}

fn refused(plan: &DeviceWipePlan) -> RefusedDevice {
    RefusedDevice {
        id: plan.device.id,
        name: plan.device.name.clone(),
        not_wipeable_reason: plan.not_wipeable_reason,
        not_applicable: None,
        open_job_ids: plan.open_job_ids.clone(),
    }
}

/// Decides whether a planned selection may be registered, all or nothing: devices that may not
/// be wiped refuse it (unless `skip_not_wipeable` leaves them out), a device with an open wipe
/// always refuses it, and something must be left to wipe. Answers the plans to register.
pub fn check_registration(
    plans: &[DeviceWipePlan],
    skip_not_wipeable: bool,
) -> Result<Vec<&DeviceWipePlan>, RegistrationRefusal> {
    let not_wipeable: Vec<RefusedDevice> = plans
        .iter()
        .filter(|p| p.outcome == PreviewOutcome::NotWipeable)
        .map(refused)
        .collect();
    if !not_wipeable.is_empty() && !skip_not_wipeable {
        return Err(RegistrationRefusal::NotWipeable(not_wipeable));
    }
    let open: Vec<RefusedDevice> = plans
        .iter()
        .filter(|p| p.outcome == PreviewOutcome::OpenWipeExists)
        .map(refused)
        .collect();
    if !open.is_empty() {
        return Err(RegistrationRefusal::OpenWipeExists(open));
    }
    let registrable: Vec<&DeviceWipePlan> = plans
        .iter()
        .filter(|p| !p.outcome.blocks_registration())
        .collect();
    if registrable.is_empty() {
        return Err(RegistrationRefusal::NothingToWipe);
    }
    Ok(registrable)
}

/// Checks the platform sections against the devices to register (see
/// [`PlatformWipeChoices::check`]); the refusal names the section's field and the devices.
pub fn check_platform_choices(
    plans: &[&DeviceWipePlan],
    choices: &PlatformWipeChoices,
    keep_esim_data_plan: bool,
) -> Result<(), RegistrationRefusal> {
    let devices: Vec<&DeviceBrief> = plans.iter().map(|plan| &plan.device).collect();
    choices
        .check(&devices, keep_esim_data_plan)
        .map_err(|refusal| RegistrationRefusal::PlatformOptions {
            problem: refusal.problem,
            devices: refusal
                .devices
                .iter()
                .map(|device| RefusedDevice {
                    id: device.id,
                    name: device.name.clone(),
                    not_wipeable_reason: None,
                    not_applicable: None,
                    open_job_ids: Vec::new(),
                })
                .collect(),
        })
}

#[cfg(test)]
#[path = "preview_tests.rs"]
mod tests;
