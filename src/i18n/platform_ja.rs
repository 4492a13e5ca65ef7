//! Platform sections, in Japanese.

use super::PlatformText;

pub const JA: PlatformText = PlatformText {
    android_title: |count| format!("Android({count}台)"),
    windows_title: |count| format!("Windows({count}台)"),
    mac_title: |count| format!("Mac({count}台)"),
    android_lead: "Android Enterpriseの端末は、Android Management APIで端末を削除して初期化します。個人所有の端末では仕事用プロファイルのみが削除されます。",
    windows_lead: "Windowsの端末には、RemoteWipe CSPのコマンドをSyncMLで送信します。",
    mac_lead: "MacにはApple MDMのEraseDeviceを送信します。",
    android_esim: |kept| {
        if kept {
            "eSIMの削除(WIPE_ESIMS): しない(「eSIMデータプランを維持する」がオンのため)".to_string()
        } else {
            "eSIMの削除(WIPE_ESIMS): する(「eSIMデータプランを維持する」がオフのため)".to_string()
        }
    },
    android_reason: "初期化の理由(利用者に表示)",
    android_reason_hint: "個人所有の端末で仕事用プロファイルを削除する前に、利用者に表示されます。会社支給の端末には表示されません。",
    reason_count: |count, max| format!("{count} / {max}文字"),
    windows_kind: "Windowsの初期化方法",
    windows_esim: "Windowsの初期化には、eSIMデータプランを残す設定はありません。",
    mac_obliteration: "完全消去の動作(ObliterationBehavior)",
    mac_obliteration_hint: "Appleシリコン・T2チップ搭載のMac(macOS 12以降)に送信されます。",
    mac_pin: "PIN(6文字)",
    mac_pin_hint: |count| {
        format!("Appleシリコン・T2チップを搭載していないMac {count}台は、消去後にこのPINでロックされます。PINは控えておいてください。")
    },
    mac_no_pin: "選択したMacはすべてAppleシリコンまたはT2チップを搭載しているため、PINは不要です。",
    mac_esim: "Macには、eSIMデータプランを残す設定はありません。",
    help: "ヘルプ: 各プラットフォームの初期化(新しいタブで開きます)",
    preview_commands: |commands| format!("送信するコマンド: {commands}"),

    command_android_title: "Android Management API(端末の削除)",
    command_android_intro: "このジョブでAndroid Management APIに送る端末の削除(enterprises.devices.delete)です。端末は初期化を実行すると、エンタープライズの端末一覧から消えます。",
    command_windows_title: "Windows MDM コマンド(RemoteWipe CSP)",
    command_measure_intro: "このジョブで端末(AndroidではAndroid Management API)に送信するコマンドです。送信したとおりの内容を下に示します。",
    command_windows_intro: "このジョブで端末に送信するSyncMLのExecです。端末はSyncMLのステータスで応答します。",
    command_mac_title: "Apple MDM コマンド(EraseDevice・Mac)",
    command_mac_intro: "このジョブでMacに送信するEraseDeviceコマンドです。PINは伏せて表示しています。",
    command_pin_masked: "設定あり(伏せて表示)",
    command_not_sent_key: "送信しない(このMacでは使われないキー)",
    command_raw: "送信する内容をそのまま表示",
};
