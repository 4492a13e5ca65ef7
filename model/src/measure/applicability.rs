//! Which devices a measure applies to, through which channel, and why not: the counts the
//! 紛失時対策 dialog shows before 次へ and the reasons a measure's preview gives, from one rule.

use serde::{Deserialize, Serialize};

use super::Measure;
use crate::device::{Device, Enrollment, ManagementMethod, Os, OsVersion, Ownership};
use crate::job::JobMethod;
use crate::vocabulary::vocabulary;
use crate::wipe::wipe_blocker;

/// EnableLostMode, DeviceLocation and DisableLostMode: iOS/iPadOS 9.3 (Apple's schema).
const APPLE_LOST_MODE_MIN_OS: OsVersion = OsVersion::major_minor(9, 3);
/// PlayLostModeSound: iOS/iPadOS 10.3 (Apple's schema).
const APPLE_SOUND_MIN_OS: OsVersion = OsVersion::major_minor(10, 3);
/// START_LOST_MODE on a fully managed device: Android 11 (Google's lost-mode guide).
const ANDROID_LOST_MODE_MIN_OS: OsVersion = OsVersion::major_minor(11, 0);

vocabulary! {
    /// Why a measure does not apply to a device; the label is what the preview and the dialog
    /// say.
    pub enum NotApplicable {
        IviOnly = "ivi_only",
            ja: "IVI MDMのみで管理されている端末には、遠隔初期化以外の対策を送れません。",
            en: "A device managed only through IVI MDM can receive no measure other than a wipe.";
        AndroidPersonalNoLock = "android_personal_no_lock",
            ja: "個人所有のAndroid(仕事用プロファイル)は、端末全体をロックできません。",
            en: "A personal Android device (work profile) cannot be locked as a whole.";
        MacUserEnrollment = "mac_user_enrollment",
            ja: "User EnrollmentのMacは、Appleの仕様によりロックできません。",
            en: "Apple does not allow locking a Mac registered through User Enrollment.";
        NoLostModeOnPlatform = "no_lost_mode_on_platform",
            ja: "MacとWindowsには紛失モードがありません。",
            en: "Macs and Windows devices have no lost mode.";
        NotSupervised = "not_supervised",
            ja: "監視対象(supervised)ではないiPhone・iPadは、紛失モードにできません。",
            en: "Only supervised iPhones and iPads can be put in lost mode.";
        AndroidPersonalNoLostMode = "android_personal_no_lost_mode",
            ja: "個人所有のAndroidは紛失モードにできません(会社所有の端末のみ)。",
            en: "Personal Android devices have no lost mode (company-owned devices only).";
        OsTooOld = "os_too_old",
            ja: "OSのバージョンが古いため、この対策に対応していません。",
            en: "The OS version is too old for this measure.";
        AlreadyInLostMode = "already_in_lost_mode",
            ja: "すでに紛失モードです。",
            en: "Already in lost mode.";
        NotInLostMode = "not_in_lost_mode",
            ja: "紛失モードではありません。位置情報の取得・サウンドの再生・解除は紛失モード中の端末にのみ行えます。",
            en: "Not in lost mode. Location, sound and ending lost mode apply only to devices in lost mode.";
        AndroidReportsLocation = "android_reports_location",
            ja: "Androidは紛失モード中に位置情報を自ら報告します。端末の詳細に表示されるため、取得の依頼は不要です。",
            en: "Android reports its location by itself in lost mode; it is shown on the device without a request.";
        AndroidNoSound = "android_no_sound",
            ja: "Android Management APIには音を鳴らすコマンドがありません。",
            en: "The Android Management API has no command to play a sound.";
        CompanyOwned = "company_owned",
            ja: "会社所有の端末です。企業データの削除は個人所有の端末にのみ行えます。会社所有の端末には遠隔初期化を使用してください。",
            en: "The device is company-owned. Company data is removed only from personal devices; use remote wipe for company devices.";
        UseRemoveCompanyData = "use_remove_company_data",
            ja: "個人所有の端末は遠隔初期化できません。企業データの削除を使用してください。",
            en: "Personal devices cannot be wiped; use Remove company data instead.";
    }
}

/// The channel a measure goes through to `device`, or why it does not apply. A Hybrid device
/// takes every measure except the wipe through Apple MDM alone: the ActiveSync gateway can
/// only wipe.
pub fn measure_channel(measure: Measure, device: &Device) -> Result<JobMethod, NotApplicable> {
    use NotApplicable::*;
    let method = device.management_method;
    if measure == Measure::Wipe {
        return match wipe_blocker(device) {
            Some(_) => Err(UseRemoveCompanyData),
            None => Ok(crate::job::job_methods(method)[0]),
        };
    }
    if method == ManagementMethod::IviMdm {
        return Err(IviOnly);
    }
    let channel = match method {
        ManagementMethod::AndroidFullyManaged | ManagementMethod::AndroidWorkProfile => {
            JobMethod::AndroidEnterprise
        }
        ManagementMethod::WindowsMdm => JobMethod::WindowsMdm,
        _ => JobMethod::AppleMdm,
    };
    let personal_android = method == ManagementMethod::AndroidWorkProfile;
    let needs_lost_mode = |min_apple: OsVersion| -> Result<(), NotApplicable> {
        lost_mode_platform(device)?;
        if device.os.is_apple_mobile() && device.os_version < min_apple {
            return Err(OsTooOld);
        }
        if !device.lost_mode {
            return Err(NotInLostMode);
        }
        Ok(())
    };
    match measure {
        Measure::Lock => {
            if personal_android {
                return Err(AndroidPersonalNoLock);
            }
            if device.os == Os::MacOs && device.enrollment == Enrollment::User {
                return Err(MacUserEnrollment);
            }
        }
        Measure::LostModeOn => {
            lost_mode_platform(device)?;
            let min = match device.os {
                Os::Android => ANDROID_LOST_MODE_MIN_OS,
                _ => APPLE_LOST_MODE_MIN_OS,
            };
            if device.os_version < min {
                return Err(OsTooOld);
            }
            if device.lost_mode {
                return Err(AlreadyInLostMode);
            }
        }
        Measure::LostModeOff => needs_lost_mode(APPLE_LOST_MODE_MIN_OS)?,
        Measure::Locate => {
            needs_lost_mode(APPLE_LOST_MODE_MIN_OS)?;
            if device.os == Os::Android {
                return Err(AndroidReportsLocation);
            }
        }
        Measure::PlaySound => {
            needs_lost_mode(APPLE_SOUND_MIN_OS)?;
            if device.os == Os::Android {
                return Err(AndroidNoSound);
            }
        }
        Measure::RemoveCompanyData => {
            if device.ownership != Ownership::Byod && device.enrollment != Enrollment::User {
                return Err(CompanyOwned);
            }
        }
        Measure::Wipe => unreachable!("handled above"),
    }
    Ok(channel)
}

/// Lost mode exists on supervised iPhones and iPads and company-owned Android devices.
fn lost_mode_platform(device: &Device) -> Result<(), NotApplicable> {
    match device.os {
        Os::MacOs | Os::Windows => Err(NotApplicable::NoLostModeOnPlatform),
        Os::Android if device.management_method == ManagementMethod::AndroidWorkProfile => {
            Err(NotApplicable::AndroidPersonalNoLostMode)
        }
        Os::Android => Ok(()),
        _ if !device.supervised => Err(NotApplicable::NotSupervised),
        _ => Ok(()),
    }
}

/// How many of the selected devices a measure applies to, and the commonest reason the others
/// are left out: what the dialog shows beside the measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureCount {
    pub measure: Measure,
    pub applicable: u64,
    pub not_applicable: u64,
    /// The reason most of the left-out devices share (`None` when none is left out).
    pub main_reason: Option<NotApplicable>,
}

/// The dialog's counts for every measure over `devices`.
pub fn measure_counts<'a>(
    devices: impl IntoIterator<Item = &'a Device> + Clone,
) -> Vec<MeasureCount> {
    Measure::ALL
        .iter()
        .map(|&measure| {
            let mut count = MeasureCount {
                measure,
                applicable: 0,
                not_applicable: 0,
                main_reason: None,
            };
            let mut reasons = std::collections::BTreeMap::<NotApplicable, u64>::new();
            for device in devices.clone() {
                match measure_channel(measure, device) {
                    Ok(_) => count.applicable += 1,
                    Err(reason) => {
                        count.not_applicable += 1;
                        *reasons.entry(reason).or_default() += 1;
                    }
                }
            }
            count.main_reason = reasons
                .into_iter()
                .max_by_key(|(reason, n)| (*n, std::cmp::Reverse(*reason)))
                .map(|(reason, _)| reason);
            count
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;

    fn android(method: ManagementMethod) -> Device {
        Device {
            os: Os::Android,
            os_version: OsVersion::major_minor(14, 0),
            management_method: method,
            ownership: if method == ManagementMethod::AndroidWorkProfile {
                Ownership::Byod
            } else {
                Ownership::Company
            },
            enrollment: Enrollment::Standard,
            ..iphone(2)
        }
    }

    #[test]
    fn lost_mode_needs_a_supervised_iphone_or_a_company_android() {
        let mut phone = iphone(1);
        phone.supervised = false;
        assert_eq!(
            measure_channel(Measure::LostModeOn, &phone),
            Err(NotApplicable::NotSupervised)
        );
        phone.supervised = true;
        assert_eq!(
            measure_channel(Measure::LostModeOn, &phone),
            Ok(JobMethod::AppleMdm)
        );
        let company = android(ManagementMethod::AndroidFullyManaged);
        assert_eq!(
            measure_channel(Measure::LostModeOn, &company),
            Ok(JobMethod::AndroidEnterprise)
        );
        let personal = android(ManagementMethod::AndroidWorkProfile);
        assert_eq!(
            measure_channel(Measure::LostModeOn, &personal),
            Err(NotApplicable::AndroidPersonalNoLostMode)
        );
        let old = Device {
            os_version: OsVersion::major_minor(10, 0),
            ..company
        };
        assert_eq!(
            measure_channel(Measure::LostModeOn, &old),
            Err(NotApplicable::OsTooOld)
        );
    }

    #[test]
    fn location_and_sound_only_in_lost_mode_and_only_on_apple() {
        let mut phone = iphone(1);
        phone.supervised = true;
        for measure in [Measure::Locate, Measure::PlaySound, Measure::LostModeOff] {
            assert_eq!(
                measure_channel(measure, &phone),
                Err(NotApplicable::NotInLostMode)
            );
        }
        phone.lost_mode = true;
        assert_eq!(
            measure_channel(Measure::Locate, &phone),
            Ok(JobMethod::AppleMdm)
        );
        assert_eq!(
            measure_channel(Measure::LostModeOn, &phone),
            Err(NotApplicable::AlreadyInLostMode)
        );
        let mut company = android(ManagementMethod::AndroidFullyManaged);
        company.lost_mode = true;
        assert_eq!(
            measure_channel(Measure::Locate, &company),
            Err(NotApplicable::AndroidReportsLocation)
        );
        assert_eq!(
            measure_channel(Measure::PlaySound, &company),
            Err(NotApplicable::AndroidNoSound)
        );
        assert_eq!(
            measure_channel(Measure::LostModeOff, &company),
            Ok(JobMethod::AndroidEnterprise)
        );
    }

    #[test]
    fn company_data_is_removed_only_from_personal_devices_which_cannot_be_wiped() {
        let company = iphone(1);
        assert_eq!(
            measure_channel(Measure::RemoveCompanyData, &company),
            Err(NotApplicable::CompanyOwned)
        );
        let byod = Device {
            ownership: Ownership::Byod,
            enrollment: Enrollment::User,
            ..iphone(2)
        };
        assert_eq!(
            measure_channel(Measure::RemoveCompanyData, &byod),
            Ok(JobMethod::AppleMdm)
        );
        assert_eq!(
            measure_channel(Measure::Wipe, &byod),
            Err(NotApplicable::UseRemoveCompanyData)
        );
        let personal = android(ManagementMethod::AndroidWorkProfile);
        assert_eq!(
            measure_channel(Measure::RemoveCompanyData, &personal),
            Ok(JobMethod::AndroidEnterprise)
        );
    }

    #[test]
    fn ivi_only_devices_take_nothing_but_the_wipe_and_hybrids_go_through_apple() {
        let ivi = Device {
            management_method: ManagementMethod::IviMdm,
            ..iphone(1)
        };
        assert_eq!(
            measure_channel(Measure::Lock, &ivi),
            Err(NotApplicable::IviOnly)
        );
        assert_eq!(measure_channel(Measure::Wipe, &ivi), Ok(JobMethod::IviMdm));
        let hybrid = Device {
            management_method: ManagementMethod::Hybrid,
            ..iphone(2)
        };
        assert_eq!(
            measure_channel(Measure::Lock, &hybrid),
            Ok(JobMethod::AppleMdm)
        );
    }

    #[test]
    fn counts_name_the_commonest_reason() {
        let mut found = iphone(1);
        found.supervised = true;
        let devices = [found, iphone(2), iphone(3)];
        let counts = measure_counts(devices.iter());
        let lost = counts
            .iter()
            .find(|c| c.measure == Measure::LostModeOn)
            .unwrap();
        assert_eq!((lost.applicable, lost.not_applicable), (1, 2));
        assert_eq!(lost.main_reason, Some(NotApplicable::NotSupervised));
        let lock = counts.iter().find(|c| c.measure == Measure::Lock).unwrap();
        assert_eq!((lock.applicable, lock.main_reason), (3, None));
    }
}
