//! 紛失時対策 (lost-device measures) other than the wipe's own options: what each measure is,
//! the options an administrator gives it, which devices it applies to and why not, and the
//! answers devices send back (a location).

mod applicability;
mod effects;
mod location;
mod options;
mod refusal;
mod request;

pub use applicability::{measure_channel, measure_counts, MeasureCount, NotApplicable};
pub use effects::apply_measure_success;
pub use location::DeviceLocationFix;
pub use options::entered;
pub use options::{
    LockOptions, LostModeOptions, MeasureField, MeasureOptions, MeasureProblem,
    RemoveCompanyDataOptions, MAX_LOCK_MESSAGE_CHARS, MAX_LOST_MODE_TEXT_CHARS,
    MAX_PHONE_NUMBER_CHARS,
};
pub use refusal::{
    check_measure_registration, request_problems, MeasureFieldError, MeasureRefusal,
};
pub use request::{
    DeviceLocations, DeviceMeasurePlan, MeasureCounts, MeasureCountsRequest, MeasurePreview,
    MeasurePreviewRequest, MeasureRegistered, MeasureRequest,
};

use crate::vocabulary::vocabulary;
use crate::Lang;

vocabulary! {
    /// A measure of the 紛失時対策 dialog, in the order it lists them.
    pub enum Measure {
        Lock = "lock", ja: "遠隔ロック", en: "Remote lock";
        LostModeOn = "lost_mode_on", ja: "紛失モードを開始", en: "Start lost mode";
        LostModeOff = "lost_mode_off", ja: "紛失モードを解除", en: "End lost mode";
        Locate = "locate", ja: "位置情報を取得", en: "Get location";
        PlaySound = "play_sound", ja: "サウンドを再生", en: "Play sound";
        RemoveCompanyData = "remove_company_data", ja: "企業データの削除", en: "Remove company data";
        Wipe = "wipe", ja: "遠隔初期化", en: "Remote wipe";
    }
}

impl Measure {
    /// The one line under the measure's name in the dialog.
    pub fn description(self, lang: Lang) -> &'static str {
        use Measure::*;
        match (self, lang) {
            (Lock, Lang::Ja) => "画面をすぐにロックします。メッセージと電話番号をロック画面に表示できます(iPhone・iPad・Mac)。",
            (Lock, Lang::En) => "Locks the screen at once; iPhone, iPad and Mac show a message and phone number on it.",
            (LostModeOn, Lang::Ja) => "端末をロックし、メッセージと連絡先を表示し続けます。監視対象のiPhone・iPadと会社所有のAndroidが対象です。",
            (LostModeOn, Lang::En) => "Locks the device and keeps a message and contact on its screen. Supervised iPhone and iPad, company-owned Android.",
            (LostModeOff, Lang::Ja) => "見つかった端末の紛失モードを終了し、通常どおり使えるようにします。",
            (LostModeOff, Lang::En) => "Ends lost mode on a found device so it can be used again.",
            (Locate, Lang::Ja) => "紛失モード中のiPhone・iPadに現在地(緯度・経度・精度)を問い合わせます。",
            (Locate, Lang::En) => "Asks an iPhone or iPad in lost mode where it is (latitude, longitude, accuracy).",
            (PlaySound, Lang::Ja) => "紛失モード中のiPhone・iPadで音を鳴らし、近くにある端末を見つけやすくします。",
            (PlaySound, Lang::En) => "Makes an iPhone or iPad in lost mode play a sound so it can be found nearby.",
            (RemoveCompanyData, Lang::Ja) => "個人所有の端末から会社のアプリとデータだけを削除し、管理を解除します。個人のデータは残ります。",
            (RemoveCompanyData, Lang::En) => "Removes only the company's apps and data from a personal device and ends its management; the owner's data stays.",
            (Wipe, Lang::Ja) => "端末のすべてのデータを消去し、工場出荷時の状態に戻します。",
            (Wipe, Lang::En) => "Erases all data on the device and returns it to factory settings.",
        }
    }

    /// Whether the device's user sees the measure happen (a locked screen, a message, a sound,
    /// apps removed) or loses data: the administrator ticks 同意する before OK.
    pub fn needs_agreement(self) -> bool {
        !matches!(self, Measure::Locate)
    }

    /// The measures registered by this module's screens (the wipe has its own screen).
    pub const REGISTERED_HERE: &'static [Measure] = &[
        Measure::Lock,
        Measure::LostModeOn,
        Measure::LostModeOff,
        Measure::Locate,
        Measure::PlaySound,
        Measure::RemoveCompanyData,
    ];
}

impl MeasureOptions {
    /// The measure a job with these options performs.
    pub fn measure(&self) -> Measure {
        match self {
            MeasureOptions::Lock(_) => Measure::Lock,
            MeasureOptions::LostModeOn(_) => Measure::LostModeOn,
            MeasureOptions::LostModeOff => Measure::LostModeOff,
            MeasureOptions::Locate => Measure::Locate,
            MeasureOptions::PlaySound => Measure::PlaySound,
            MeasureOptions::RemoveCompanyData(_) => Measure::RemoveCompanyData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_reads_in_both_languages() {
        for measure in Measure::ALL {
            assert_ne!(measure.label(Lang::Ja), measure.label(Lang::En));
            assert_ne!(measure.description(Lang::Ja), measure.description(Lang::En));
        }
        assert!(!Measure::Locate.needs_agreement());
        assert!(Measure::Lock.needs_agreement());
        assert!(!Measure::REGISTERED_HERE.contains(&Measure::Wipe));
    }
}
