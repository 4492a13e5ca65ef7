//! Management methods: which channel manages a device, which methods each platform has, and
//! the contract-date rule for IVI MDM (SPEC "Platforms and management methods").

use chrono::NaiveDate;

use super::{Os, Ownership};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How the device is managed. New methods go at the end: stored list entries keep a bit
    /// per position (see the portal's job list masks).
    pub enum ManagementMethod {
        AppleMdm = "apple_mdm", ja: "Apple MDM方式", en: "Apple MDM method";
        /// The ActiveSync-gateway channel of iPhones and iPads, for tenants contracted before
        /// December 2018 only.
        IviMdm = "ivi_mdm", ja: "IVI MDM方式", en: "IVI MDM method";
        /// Both at once (tenants contracted before December 2018): a wipe registers one job per
        /// method and the first success wins.
        Hybrid = "hybrid", ja: "Hybrid MDM方式", en: "Hybrid method";
        /// Android Enterprise on a company-owned device: the whole device is managed.
        AndroidFullyManaged = "android_fully_managed",
            ja: "Android Enterprise(フルマネージド)", en: "Android Enterprise (fully managed)";
        /// Android Enterprise on a personally owned device: only the work profile is managed.
        AndroidWorkProfile = "android_work_profile",
            ja: "Android Enterprise(仕事用プロファイル)", en: "Android Enterprise (work profile)";
        /// Windows' built-in MDM client (OMA-DM configuration service providers).
        WindowsMdm = "windows_mdm", ja: "Windows MDM方式", en: "Windows MDM method";
    }
}

/// Tenants whose contract starts on or after this day have neither IVI MDM nor Hybrid devices.
pub const IVI_MDM_CONTRACT_CUTOFF: NaiveDate = match NaiveDate::from_ymd_opt(2018, 12, 1) {
    Some(day) => day,
    None => panic!("a real day"),
};

/// Whether a tenant contracted on this day may manage devices through IVI MDM (and so Hybrid).
pub fn ivi_mdm_available(contracted_on: NaiveDate) -> bool {
    contracted_on < IVI_MDM_CONTRACT_CUTOFF
}

vocabulary! {
    /// Why a management method does not fit a device of a tenant.
    pub enum MethodProblem {
        NotForPlatform = "method_not_for_platform",
            ja: "この管理方式はこの端末のOSでは使用できません。",
            en: "This management method does not exist for the device's OS.";
        IviNeedsOldContract = "ivi_needs_old_contract",
            ja: "IVI MDM方式とHybrid MDM方式は、2018年12月より前に契約したテナントのiOS/iPadOS端末でのみ使用できます。",
            en: "IVI MDM and Hybrid are only for iOS/iPadOS devices of tenants contracted before December 2018.";
        WorkProfileNeedsPersonalDevice = "work_profile_needs_personal_device",
            ja: "仕事用プロファイルは個人所有(BYOD)のAndroid端末の管理方式です。",
            en: "A work profile is how personally owned (BYOD) Android devices are managed.";
        FullyManagedNeedsCompanyDevice = "fully_managed_needs_company_device",
            ja: "フルマネージドは会社支給のAndroid端末の管理方式です。",
            en: "Fully managed is how company-owned Android devices are managed.";
    }
}

/// The methods a device of this platform and ownership can have in a tenant contracted on
/// `contracted_on`, the usual one first.
pub fn management_methods(
    os: Os,
    ownership: Ownership,
    contracted_on: NaiveDate,
) -> Vec<ManagementMethod> {
    use ManagementMethod::*;
    match os {
        Os::Ios | Os::IpadOs if ivi_mdm_available(contracted_on) => vec![AppleMdm, Hybrid, IviMdm],
        Os::Ios | Os::IpadOs | Os::MacOs => vec![AppleMdm],
        Os::Android if ownership == Ownership::Byod => vec![AndroidWorkProfile],
        Os::Android => vec![AndroidFullyManaged],
        Os::Windows => vec![WindowsMdm],
    }
}

/// Refuses a method that does not exist for the platform, IVI MDM or Hybrid for a tenant
/// contracted from December 2018, and an Android mode that does not match the ownership. The
/// portal applies it to every device it seeds or accepts.
pub fn check_management_method(
    os: Os,
    ownership: Ownership,
    method: ManagementMethod,
    contracted_on: NaiveDate,
) -> Result<(), MethodProblem> {
    use ManagementMethod::*;
    let platform_fits = match method {
        AppleMdm => os.is_apple(),
        IviMdm | Hybrid => os.is_apple_mobile(),
        AndroidFullyManaged | AndroidWorkProfile => os == Os::Android,
        WindowsMdm => os == Os::Windows,
    };
    if !platform_fits {
        return Err(MethodProblem::NotForPlatform);
    }
    match (method, ownership) {
        (IviMdm | Hybrid, _) if !ivi_mdm_available(contracted_on) => {
            Err(MethodProblem::IviNeedsOldContract)
        }
        (AndroidWorkProfile, Ownership::Company) => {
            Err(MethodProblem::WorkProfileNeedsPersonalDevice)
        }
        (AndroidFullyManaged, Ownership::Byod) => {
            Err(MethodProblem::FullyManagedNeedsCompanyDevice)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ivi_mdm_ends_with_contracts_from_december_2018() {
        assert!(ivi_mdm_available(day(2018, 11, 30)));
        assert!(!ivi_mdm_available(day(2018, 12, 1)));
        assert!(!ivi_mdm_available(day(2024, 4, 1)));
    }

    #[test]
    fn every_platform_has_its_own_methods_and_never_ivi_outside_iphone_and_ipad() {
        let old = day(2016, 4, 1);
        for os in Os::ALL {
            for ownership in Ownership::ALL {
                for method in management_methods(*os, *ownership, old) {
                    assert_eq!(
                        check_management_method(*os, *ownership, method, old),
                        Ok(())
                    );
                    if matches!(method, ManagementMethod::IviMdm | ManagementMethod::Hybrid) {
                        assert!(os.is_apple_mobile(), "{method} offered on {os}");
                    }
                }
            }
        }
        for os in [Os::Android, Os::Windows, Os::MacOs] {
            for method in [ManagementMethod::IviMdm, ManagementMethod::Hybrid] {
                assert_eq!(
                    check_management_method(os, Ownership::Company, method, old),
                    Err(MethodProblem::NotForPlatform)
                );
            }
        }
        assert_eq!(
            management_methods(Os::Android, Ownership::Byod, old),
            [ManagementMethod::AndroidWorkProfile]
        );
        assert_eq!(
            management_methods(Os::Windows, Ownership::Company, old),
            [ManagementMethod::WindowsMdm]
        );
    }

    #[test]
    fn a_tenant_contracted_after_2018_has_no_ivi_or_hybrid() {
        let new = day(2020, 1, 15);
        assert_eq!(
            management_methods(Os::Ios, Ownership::Company, new),
            [ManagementMethod::AppleMdm]
        );
        let problem =
            check_management_method(Os::Ios, Ownership::Company, ManagementMethod::Hybrid, new)
                .unwrap_err();
        assert_eq!(problem, MethodProblem::IviNeedsOldContract);
        assert_eq!(
            problem.label(Lang::En),
            "IVI MDM and Hybrid are only for iOS/iPadOS devices of tenants contracted before December 2018."
        );
    }

    #[test]
    fn the_android_mode_follows_ownership() {
        let any = day(2020, 1, 1);
        assert_eq!(
            check_management_method(
                Os::Android,
                Ownership::Company,
                ManagementMethod::AndroidWorkProfile,
                any
            ),
            Err(MethodProblem::WorkProfileNeedsPersonalDevice)
        );
        assert_eq!(
            check_management_method(
                Os::Android,
                Ownership::Byod,
                ManagementMethod::AndroidFullyManaged,
                any
            ),
            Err(MethodProblem::FullyManagedNeedsCompanyDevice)
        );
    }
}
