//! 遠隔初期化, in Japanese. Labels follow the product's glossary exactly.

use super::WipeText;

pub const JA: WipeText = WipeText {
    title: "遠隔初期化",
    lead: |count| {
        format!("選択した{count}台の端末を遠隔初期化します。端末のデータはすべて消去され、元に戻すことはできません。")
    },
    back: "端末管理へ戻る",
    loading: "設定を読み込んでいます…",
    load_error: "WLAN設定を読み込めませんでした。",
    retry: "再試行",
    no_selection_title: "端末が選択されていません",
    no_selection_body: "端末管理で遠隔初期化する端末を選択し、「紛失時対策」から操作してください。",

    tabs_label: "遠隔初期化の設定",
    tab_settings: "遠隔初期化設定",
    tab_after: "遠隔初期化後の設定",

    delete_info: "端末の一般情報・端末タグ情報を削除する",
    delete_info_hint: |fields| {
        format!("ジョブが成功すると、{fields}を削除します。チェックを外すと、これらの情報は残ります。")
    },
    list_separator: "、",
    schedule: "スケジュール / 予約日時を設定する",
    schedule_field: "予約日時",
    schedule_zone: |zone| format!("{zone} の日時で入力します。"),
    schedule_echo: |at, zone| format!("{at}({zone})に実行します。"),
    schedule_off: "予約しない場合は、各端末に接続でき次第すぐに実行します。",
    schedule_blocked: "WLAN設定(自動再登録)を選択しているため、予約日時は設定できません。予約するには、「遠隔初期化後の設定」でWLAN設定を「選択しない」に戻してください。",
    password: "パスワード",
    password_hint: |name| format!("確認のため、サインイン中の管理者({name})のパスワードを入力してください。"),
    agree_statement: "遠隔初期化を実行すると、端末のデータはすべて消去され、元に戻すことはできません。内容を確認のうえ、同意してください。",
    agree: "同意する",

    after_lead: "この画面の設定は任意です。",
    wifi: "WLAN設定",
    wifi_none: "選択しない(自動再登録しない)",
    wifi_option: |name, ssid, security| format!("{name}({ssid} / {security}・自動接続 する)"),
    wifi_hint: "選択すると、初期化後の端末がこのネットワークに接続し、自動的に再登録されます。",
    wifi_offered: |hidden| {
        if hidden == 0 {
            "遠隔設定フィーチャーセットに登録済みで、自動接続が「する」のWLAN設定を表示しています。".to_string()
        } else {
            format!("遠隔設定フィーチャーセットに登録済みで、自動接続が「する」のWLAN設定だけを表示しています(条件を満たさない{hidden}件は表示していません)。")
        }
    },
    wifi_blocked: "予約日時を設定しているため選択できません。自動再登録を使うには、「遠隔初期化設定」で「スケジュール / 予約日時を設定する」のチェックを外してください。",
    wifi_none_available: "自動再登録に使えるWLAN設定がありません。",
    esim: "eSIMデータプランを維持する",
    esim_hint: "eSIMを搭載した端末で、初期化後もデータプランを残します。",

    help_text: "ヘルプ",
    help_delete_info: "ヘルプ: 削除される情報(新しいタブで開きます)",
    help_schedule: "ヘルプ: スケジュール(新しいタブで開きます)",
    help_wifi: "ヘルプ: 自動再登録に使えるWLAN設定(新しいタブで開きます)",
    help_hybrid: "ヘルプ: Hybrid MDM方式のジョブ(新しいタブで開きます)",
    help_reenrollment: "ヘルプ: 自動再登録される端末の条件(新しいタブで開きます)",
    help_ivi_delay: "ヘルプ: IVI MDM方式の実行タイミング(新しいタブで開きます)",

    preview_title: "実行内容の確認",
    preview_summary: |devices, jobs| format!("{devices}台の端末、{jobs}件のジョブ"),
    preview_loading: "実行内容を確認しています…",
    preview_updating: "更新しています…",
    preview_error: "実行内容を確認できませんでした。",
    group_count: |devices, jobs| format!("{devices}台・ジョブ{jobs}件"),
    group_range: |first, last, total| format!("{first}〜{last}台 / {total}台"),
    group_previous: "前のページ",
    group_next: "次のページ",
    hybrid_note: "Hybrid MDM方式の端末には、IVI MDMとApple MDMの2件のジョブを登録します。先に成功した方が採用され、もう一方は自動的に取り消されます。",
    skip_not_wipeable: |count| format!("遠隔初期化できない{count}台を除外して登録する"),

    jobs_line: |count, methods| format!("ジョブ{count}件: {methods}"),
    no_jobs: "ジョブは登録されません。",
    open_jobs: |ids| format!("登録済みのジョブ: {ids}"),
    reenroll_into: |group| format!("初期化後、登録先グループ「{group}」に自動再登録されます。"),
    user_must_authenticate: "利用者が端末で認証する必要があります。",
    activation_lock_stops_reenrollment: "アクティベーションロックが有効です。初期化後の初期設定で止まるため、ロックを解除するまで再登録は完了しません。",
    shown_panes: |panes| format!("表示される設定画面: {panes}"),
    only_if_apple: "Apple MDM方式のジョブで初期化された場合のみ再登録されます。",
    not_reenrolled: "自動再登録の対象外:",

    ok: "OK",
    registering: "登録しています…",
    cancel: "キャンセル",
    register_line: |devices, jobs| format!("{devices}台の端末に{jobs}件のジョブを登録します。"),
    blocker_not_agreed: "「同意する」にチェックを入れると、OKを押せます。",
    blocker_preview: "実行内容の確認が終わると、OKを押せます。",
    blocker_preview_failed: "実行内容を確認できないため、OKを押せません。",
    blocker_not_wipeable: |count| {
        format!("遠隔初期化できない端末が{count}台含まれています。除外して登録するか、選択を見直してください。")
    },
    blocker_open_wipes: |count| {
        format!("遠隔初期化ジョブが登録済みの端末が{count}台含まれています。端末管理で選択から外してください。")
    },
    blocker_nothing: "遠隔初期化できる端末がありません。",

    done_title: "登録が完了しました",
    done_body: |devices, jobs| format!("{devices}台の端末に、遠隔初期化のジョブを{jobs}件登録しました。"),
    done_skipped: |count| format!("遠隔初期化できない{count}台は除外しました。"),
    done_jobs_link: "ジョブ管理で確認する",
    done_back: "端末管理へ戻る",
    done_toast: |jobs| format!("遠隔初期化のジョブを{jobs}件登録しました。"),
};
