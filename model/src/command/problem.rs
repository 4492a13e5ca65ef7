//! Why a wipe command's options are refused: the field and the rule, in Japanese and English,
//! the same for the console (before OK) and the portal (on the request).

use crate::vocabulary::vocabulary;
use crate::Lang;

vocabulary! {
    /// An option of a platform's wipe command; the wire name is the `field` of an error.
    pub enum CommandField {
        WipeDataFlags = "wipe_data_flags", ja: "Androidの初期化オプション", en: "Android wipe options";
        WipeReasonMessage = "wipe_reason_message", ja: "初期化の理由(利用者に表示)", en: "Wipe reason (shown to the user)";
        WindowsWipeKind = "windows_wipe_kind", ja: "Windowsの初期化方法", en: "Windows wipe method";
        MacErase = "mac_erase", ja: "Macの消去オプション", en: "Mac erase options";
        Pin = "pin", ja: "PIN", en: "PIN";
        Measure = "measure", ja: "対策", en: "Measure";
        Message = "message", ja: "メッセージ", en: "Message";
    }
}

vocabulary! {
    /// One broken rule of a wipe command's options; the label is the message shown next to
    /// its field.
    pub enum CommandProblem {
        ReasonMessageTooLong = "wipe_reason_message_too_long",
            ja: "初期化の理由は200文字以内で入力してください。",
            en: "The wipe reason must be at most 200 characters.";
        AndroidOptionsNotAndroid = "android_options_not_android",
            ja: "Androidの初期化オプションはAndroid端末にのみ指定できます。",
            en: "Android wipe options apply to Android devices only.";
        WindowsKindNotWindows = "windows_kind_not_windows",
            ja: "Windowsの初期化方法はWindows端末にのみ指定できます。",
            en: "A Windows wipe method applies to Windows devices only.";
        MacOptionsNotMac = "mac_options_not_mac",
            ja: "Macの消去オプションはMacにのみ指定できます。",
            en: "Mac erase options apply to Macs only.";
        PinWrongLength = "pin_wrong_length",
            ja: "PINは6文字で入力してください。",
            en: "The PIN must be exactly 6 characters.";
        PinRequired = "pin_required",
            ja: "Appleシリコン・T2チップを搭載していないMacの消去には6文字のPINが必要です。",
            en: "A Mac without Apple silicon or the T2 chip needs a 6-character PIN to be erased.";
        PinNotTaken = "pin_not_taken",
            ja: "Appleシリコン・T2チップを搭載したMacはPINを使用しません。PINを空欄にしてください。",
            en: "A Mac with Apple silicon or the T2 chip takes no PIN. Leave the PIN empty.";
        EsimFlagContradictsKeepPlan = "esim_flag_contradicts_keep_plan",
            ja: "「eSIMデータプランを維持する」を選択している場合、AndroidのeSIM削除(WIPE_ESIMS)は指定できません。",
            en: "Removing eSIMs (WIPE_ESIMS) contradicts \"Keep the eSIM data plan\".";
        MacChipUnknown = "mac_chip_unknown",
            ja: "このMacのセキュリティチップが不明なため、消去コマンドを作成できません。端末情報の更新を待ってください。",
            en: "This Mac's security chip is not known, so its erase command cannot be built. Wait for the device to report it.";
        AndroidNameUnknown = "android_name_unknown",
            ja: "この端末のAndroid Enterpriseでの名前が不明なため、削除を依頼できません。",
            en: "This device's name in Android Enterprise is not known, so its deletion cannot be requested.";
        MeasureNotOnPlatform = "measure_not_on_platform",
            ja: "この端末の管理方法・OSには、この対策のコマンドがありません。",
            en: "There is no command for this measure on this device's management method and OS.";
        LostModeNeedsMessageOrPhone = "lost_mode_needs_message_or_phone",
            ja: "紛失モードのコマンドには、メッセージと電話番号の少なくとも一方が必要です。",
            en: "A lost mode command needs a message, a phone number, or both.";
    }
}

impl CommandProblem {
    /// The field the message belongs next to.
    pub fn field(self) -> CommandField {
        use CommandProblem::*;
        match self {
            ReasonMessageTooLong => CommandField::WipeReasonMessage,
            AndroidOptionsNotAndroid => CommandField::WipeDataFlags,
            WindowsKindNotWindows => CommandField::WindowsWipeKind,
            MacOptionsNotMac => CommandField::MacErase,
            PinWrongLength | PinRequired | PinNotTaken => CommandField::Pin,
            EsimFlagContradictsKeepPlan | AndroidNameUnknown => CommandField::WipeDataFlags,
            MacChipUnknown => CommandField::MacErase,
            MeasureNotOnPlatform => CommandField::Measure,
            LostModeNeedsMessageOrPhone => CommandField::Message,
        }
    }
}

/// A wipe command option refused: which rule, and so which field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", .0.field().as_str(), .0.label(Lang::En))]
pub struct CommandError(pub CommandProblem);

impl CommandError {
    pub fn problem(self) -> CommandProblem {
        self.0
    }

    pub fn field(self) -> CommandField {
        self.0.field()
    }

    /// The message shown next to the field.
    pub fn message(self, lang: Lang) -> &'static str {
        self.0.label(lang)
    }
}

impl From<CommandProblem> for CommandError {
    fn from(problem: CommandProblem) -> Self {
        CommandError(problem)
    }
}
