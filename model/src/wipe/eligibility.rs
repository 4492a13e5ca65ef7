//! Per-device rules of a wipe: whether the device may be wiped at all, and whether it qualifies
//! for automatic re-enrollment (Apple's Return to Service) and why not.

use serde::{Deserialize, Serialize};

use crate::apple::RETURN_TO_SERVICE_MIN_OS;
use crate::dep::DepProfile;
use crate::device::{Device, Enrollment, ManagementMethod, Ownership};
use crate::ids::GroupId;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Why a device may not be wiped by the organisation at all.
    pub enum NotWipeableReason {
        /// Apple refuses EraseDevice on a User Enrollment.
        UserEnrollment = "user_enrollment",
            ja: "User Enrollmentで登録された端末は、Appleの仕様により遠隔初期化できません。企業データの削除を使用してください。",
            en: "Devices registered through User Enrollment cannot be wiped: Apple does not allow it. Use Remove company data instead.";
        Byod = "byod",
            ja: "個人所有(BYOD)の端末は遠隔初期化できません。企業データの削除を使用してください。",
            en: "Personal (BYOD) devices cannot be wiped. Use Remove company data instead.";
    }
}

/// Why the device may not be wiped, or `None` when it may. User Enrollment is named first: it
/// is Apple's hard limit, whatever the ownership says.
pub fn wipe_blocker(device: &Device) -> Option<NotWipeableReason> {
    if device.enrollment == Enrollment::User {
        Some(NotWipeableReason::UserEnrollment)
    } else if device.ownership == Ownership::Byod {
        Some(NotWipeableReason::Byod)
    } else {
        None
    }
}

vocabulary! {
    /// Why a device does not qualify for automatic re-enrollment after the wipe.
    pub enum IneligibilityReason {
        NotIosOrIpados = "not_ios_or_ipados",
            ja: "iOS/iPadOSの端末ではありません。",
            en: "The device does not run iOS or iPadOS.";
        OsTooOld = "os_too_old",
            ja: "OSのバージョンがiOS/iPadOS 17より前です。",
            en: "The OS is older than iOS/iPadOS 17.";
        NotDep = "not_dep",
            ja: "DEP(自動デバイス登録)で登録された端末ではありません。",
            en: "The device was not enrolled through DEP (Automated Device Enrollment).";
        NoDepProfile = "no_dep_profile",
            ja: "DEPプロファイルが割り当てられていません。",
            en: "No DEP profile is assigned to the device.";
        /// Return to Service is an Apple MDM command; a device managed only through IVI MDM
        /// cannot receive it.
        NotAppleMdm = "not_apple_mdm",
            ja: "Apple MDM方式で管理されていないため、再登録のコマンドを送れません。",
            en: "The device is not managed by Apple MDM, so the re-enrollment command cannot be sent.";
    }
}

/// Whether a device re-enrolls automatically after the wipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Reenrollment {
    Eligible {
        /// 登録先グループ of the device's DEP profile: where the device lands.
        enrollment_group_id: GroupId,
        enrollment_group_name: String,
        /// The DEP profile does not skip the authentication screen: the user must authenticate
        /// on the device, and sees the Setup Assistant panes the profile does not skip.
        user_must_authenticate: bool,
        /// Those panes (Apple skip keys), only when the user must authenticate.
        shown_setup_panes: Vec<String>,
        /// A Hybrid device re-enrolls only if its Apple MDM job performs the wipe: an IVI MDM
        /// wipe cannot carry the Wi-Fi profile.
        only_if_apple_mdm_wipes: bool,
        /// The device reported Activation Lock on: it qualifies, but after the erase it stops
        /// in Setup Assistant until someone clears the lock, so re-enrollment will not finish
        /// on its own (Apple: "the user needs to deactivate all activation locks").
        activation_lock_enabled: bool,
    },
    Ineligible {
        /// Every reason, in the order of [`IneligibilityReason::ALL`].
        reasons: Vec<IneligibilityReason>,
    },
}

impl Reenrollment {
    pub fn is_eligible(&self) -> bool {
        matches!(self, Reenrollment::Eligible { .. })
    }

    pub fn user_must_authenticate(&self) -> bool {
        matches!(
            self,
            Reenrollment::Eligible {
                user_must_authenticate: true,
                ..
            }
        )
    }
}

/// Decides re-enrollment for one device. `dep_profile` is the profile the device's
/// `dep_profile_id` names, or `None` when it has none or it no longer exists. The request-level
/// conditions (a Wi-Fi setting with auto-join on, no schedule) are checked by the wipe request
/// validation, not here.
pub fn reenrollment_eligibility(device: &Device, dep_profile: Option<&DepProfile>) -> Reenrollment {
    let mut reasons = Vec::new();
    let apple_mobile = device.os.is_apple_mobile();
    if !apple_mobile {
        reasons.push(IneligibilityReason::NotIosOrIpados);
    } else if device.os_version < RETURN_TO_SERVICE_MIN_OS {
        reasons.push(IneligibilityReason::OsTooOld);
    }
    if device.enrollment != Enrollment::Dep {
        reasons.push(IneligibilityReason::NotDep);
    }
    let profile = dep_profile.filter(|profile| device.dep_profile_id == Some(profile.id));
    if profile.is_none() {
        reasons.push(IneligibilityReason::NoDepProfile);
    }
    if device.management_method == ManagementMethod::IviMdm {
        reasons.push(IneligibilityReason::NotAppleMdm);
    }
    match profile {
        Some(profile) if reasons.is_empty() => {
            let user_must_authenticate = !profile.skip_authentication_screen;
            let shown_setup_panes = if user_must_authenticate {
                profile
                    .panes_shown_on_authentication()
                    .iter()
                    .map(|pane| pane.key.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            Reenrollment::Eligible {
                enrollment_group_id: profile.enrollment_group_id,
                enrollment_group_name: profile.enrollment_group_name.clone(),
                user_must_authenticate,
                shown_setup_panes,
                only_if_apple_mdm_wipes: device.management_method == ManagementMethod::Hybrid,
                activation_lock_enabled: device.activation_lock_enabled == Some(true),
            }
        }
        _ => Reenrollment::Ineligible { reasons },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dep::fixtures::silent_profile;
    use crate::device::fixtures::iphone;
    use crate::device::{Os, OsVersion};
    use crate::ids::DepProfileId;
    use IneligibilityReason::*;

    fn reasons(device: &Device, profile: Option<&DepProfile>) -> Vec<IneligibilityReason> {
        match reenrollment_eligibility(device, profile) {
            Reenrollment::Ineligible { reasons } => reasons,
            eligible => panic!("expected ineligible, got {eligible:?}"),
        }
    }

    #[test]
    fn a_dep_iphone_on_17_with_a_silent_profile_re_enrolls_unattended() {
        let profile = silent_profile(1);
        let outcome = reenrollment_eligibility(&iphone(1), Some(&profile));
        assert_eq!(
            outcome,
            Reenrollment::Eligible {
                enrollment_group_id: GroupId(10),
                enrollment_group_name: "再登録端末".into(),
                user_must_authenticate: false,
                shown_setup_panes: vec![],
                only_if_apple_mdm_wipes: false,
                activation_lock_enabled: false,
            }
        );
    }

    #[test]
    fn an_activation_locked_device_qualifies_but_is_flagged() {
        let profile = silent_profile(1);
        let mut device = iphone(1);
        device.activation_lock_enabled = Some(true);
        let outcome = reenrollment_eligibility(&device, Some(&profile));
        assert!(matches!(
            outcome,
            Reenrollment::Eligible {
                activation_lock_enabled: true,
                ..
            }
        ));
        // Not reported is not "on": only a reported lock is warned about.
        device.activation_lock_enabled = None;
        assert!(matches!(
            reenrollment_eligibility(&device, Some(&profile)),
            Reenrollment::Eligible {
                activation_lock_enabled: false,
                ..
            }
        ));
    }

    #[test]
    fn ios_17_0_is_enough_and_16_is_not() {
        let profile = silent_profile(1);
        let mut device = iphone(1);
        device.os_version = OsVersion::major_minor(17, 0);
        assert!(reenrollment_eligibility(&device, Some(&profile)).is_eligible());
        device.os_version = "16.7.10".parse().unwrap();
        assert_eq!(reasons(&device, Some(&profile)), [OsTooOld]);
        device.os = Os::IpadOs;
        assert_eq!(reasons(&device, Some(&profile)), [OsTooOld]);
    }

    #[test]
    fn every_failing_reason_is_reported() {
        let mut device = iphone(1);
        device.os = Os::Android;
        device.os_version = OsVersion::major_minor(14, 0);
        device.enrollment = Enrollment::Standard;
        device.dep_profile_id = None;
        device.management_method = ManagementMethod::IviMdm;
        assert_eq!(
            reasons(&device, None),
            [NotIosOrIpados, NotDep, NoDepProfile, NotAppleMdm]
        );
    }

    #[test]
    fn a_missing_or_mismatched_profile_counts_as_none() {
        let device = iphone(1);
        assert_eq!(reasons(&device, None), [NoDepProfile]);
        let other = silent_profile(2);
        assert_eq!(device.dep_profile_id, Some(DepProfileId(1)));
        assert_eq!(reasons(&device, Some(&other)), [NoDepProfile]);
    }

    #[test]
    fn authentication_screen_not_skipped_means_the_user_authenticates() {
        let mut profile = silent_profile(1);
        profile.skip_authentication_screen = false;
        profile.skipped_setup_panes.retain(|key| key != "Passcode");
        let outcome = reenrollment_eligibility(&iphone(1), Some(&profile));
        assert!(outcome.user_must_authenticate());
        let Reenrollment::Eligible {
            shown_setup_panes, ..
        } = outcome
        else {
            unreachable!()
        };
        assert_eq!(shown_setup_panes, ["Passcode"]);
    }

    #[test]
    fn hybrid_devices_re_enroll_only_through_their_apple_job() {
        let mut device = iphone(1);
        device.management_method = ManagementMethod::Hybrid;
        let outcome = reenrollment_eligibility(&device, Some(&silent_profile(1)));
        assert!(matches!(
            outcome,
            Reenrollment::Eligible {
                only_if_apple_mdm_wipes: true,
                ..
            }
        ));
    }

    #[test]
    fn byod_and_user_enrollment_cannot_be_wiped() {
        let mut device = iphone(1);
        assert_eq!(wipe_blocker(&device), None);
        device.ownership = Ownership::Byod;
        assert_eq!(wipe_blocker(&device), Some(NotWipeableReason::Byod));
        device.enrollment = Enrollment::User;
        assert_eq!(
            wipe_blocker(&device),
            Some(NotWipeableReason::UserEnrollment)
        );
        device.ownership = Ownership::Company;
        assert_eq!(
            wipe_blocker(&device),
            Some(NotWipeableReason::UserEnrollment)
        );
    }

    #[test]
    fn reenrollment_json_is_tagged() {
        let json = serde_json::to_value(Reenrollment::Ineligible {
            reasons: vec![NotDep],
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"status": "ineligible", "reasons": ["not_dep"]})
        );
    }
}
