//! The security hardware of a Mac, which decides how it erases (see [`crate::apple::macos`]).

use crate::vocabulary::vocabulary;

vocabulary! {
    /// The Mac's security hardware, which decides how it erases.
    pub enum MacSecurityChip {
        AppleSilicon = "apple_silicon", ja: "Appleシリコン", en: "Apple silicon";
        T2 = "t2", ja: "Apple T2セキュリティチップ", en: "Apple T2 Security Chip";
        /// An Intel Mac without the T2 chip: the erase locks it with the Find My PIN.
        NoneOfThem = "none", ja: "なし(T2非搭載のIntel Mac)", en: "None (Intel Mac without T2)";
    }
}

impl MacSecurityChip {
    /// Whether the erase takes a PIN (and needs one): only without Apple silicon or T2.
    pub fn takes_pin(self) -> bool {
        self == MacSecurityChip::NoneOfThem
    }
}
