//! 紛失時対策 (other than the wipe), in Japanese.

use mdm_model::count::format_count;

use super::MeasuresText;

pub const JA: MeasuresText = MeasuresText {
    counts_loading: "各対策を実行できる端末を確認しています…",
    counts_error: "対策ごとの対象端末数を取得できませんでした。",
    applies_to: |applicable, total| {
        format!(
            "{}台中{}台に適用",
            format_count(total),
            format_count(applicable)
        )
    },
    left_out_because: |count, reason| format!("対象外 {}台: {reason}", format_count(count)),

    lead: |measure, count| {
        format!(
            "選択した{}台の端末に「{measure}」を実行します。",
            format_count(count)
        )
    },
    back: "端末管理へ戻る",
    no_selection_title: "端末が選択されていません",
    no_selection_body: "端末管理で対象の端末を選択し、「紛失時対策」から操作してください。",
    unknown_measure_title: "この対策は見つかりません",
    unknown_measure_body: "アドレスが正しくありません。端末管理の「紛失時対策」から操作してください。",
    options_title: "設定",
    no_options: "この対策で入力する項目はありません。",
    help_text: "ヘルプ",
    help_label: |title| format!("ヘルプ: {title}(新しいタブで開きます)"),
    lock_message_hint: "iPhone・iPad・Macのロック画面に表示されます(200文字まで)。",
    lock_phone_hint: "ロック画面に表示する連絡先です(Macは Apple シリコン搭載機のみ)。",
    pin_hint: "Macの「探す」で使う6文字のPINです。Macにのみ送信され、後から表示されることはありません。",
    lost_mode_hint: "メッセージと電話番号の少なくとも一方を入力してください。",
    lost_message_hint: "紛失モード中の画面に表示されます(200文字まで)。",
    footnote_hint: "iPhone・iPadでは、画面下部のロック解除の案内の代わりに表示されます(200文字まで)。",
    reason_hint: "個人所有のAndroidで、仕事用プロファイルを削除する前に利用者へ表示します(200文字まで)。",
    char_count: |used, max| format!("{used} / {max}文字"),
    password_required: "パスワードを入力してください。",
    agree_statement: |measure| {
        format!("「{measure}」を実行すると、端末の利用者の画面や端末内のデータに影響します。内容を確認のうえ、同意してください。")
    },
    not_agreed: "「同意する」にチェックを入れると、OKを押せます。",

    preview_title: "実行内容の確認",
    preview_loading: "実行内容を確認しています…",
    preview_error: "実行内容を確認できませんでした。",
    preview_summary: |registered, left_out| match left_out {
        0 => format!("{}台にジョブを登録", format_count(registered)),
        _ => format!(
            "{}台にジョブを登録・{}台は対象外",
            format_count(registered),
            format_count(left_out)
        ),
    },
    group_registered: "ジョブを登録する端末",
    group_left_out: "対象外の端末",
    group_count: |count| format!("{}台", format_count(count)),
    channel_line: |method| format!("{method}で送信します。"),
    open_jobs: |ids| format!("同じ対策のジョブが実行待ちです: {ids}"),
    skip_not_applicable: |count| format!("対象外の{}台を除いて登録する", format_count(count)),

    register_line: |measure, count| {
        format!(
            "{}台の端末に「{measure}」のジョブを登録します。",
            format_count(count)
        )
    },
    blocker_preview: "実行内容の確認が終わると、OKを押せます。",
    blocker_preview_failed: "実行内容を確認できないため、OKを押せません。",
    blocker_left_out: |count| {
        format!(
            "この対策を実行できない端末が{}台含まれています。除いて登録するか、選択を見直してください。",
            format_count(count)
        )
    },
    blocker_nothing: "この対策を実行できる端末がありません。",

    done_title: "登録が完了しました",
    done_body: |measure, devices, jobs| {
        format!(
            "{}台の端末に、「{measure}」のジョブを{}件登録しました。",
            format_count(devices),
            format_count(jobs)
        )
    },
    done_skipped: |count| format!("対象外の{}台は除きました。", format_count(count)),
    done_jobs_link: "ジョブ管理で確認する",
    done_back: "端末管理へ戻る",
    done_toast: |measure, jobs| format!("「{measure}」のジョブを{}件登録しました。", format_count(jobs)),

    location_title: "位置情報",
    latitude: "緯度",
    longitude: "経度",
    accuracy: "精度",
    accuracy_value: |metres| format!("±{metres:.0} m"),
    located_at: "取得日時",
    copy: "座標をコピー",
    copied: "座標をコピーしました。",
    copy_failed: "コピーできませんでした。座標を選択してコピーしてください。",
    open_map: "地図で開く",
    open_map_label: "地図で開く(OpenStreetMap、新しいタブで開きます)",
    locations_button: "位置情報",
    locations_button_label: |name| format!("{name}の位置情報"),
    locations_title: |name| format!("{name}の位置情報"),
    locations_loading: "位置情報を読み込んでいます…",
    locations_error: "位置情報を読み込めませんでした。",
    locations_empty: "この端末の位置情報はまだありません。iPhone・iPadは「位置情報を取得」で問い合わせます。Androidは紛失モード中に自ら報告します。",
    locations_newer: "新しい位置情報",
    locations_older: "古い位置情報",
    locations_range: |first, last, total| {
        format!(
            "{}〜{}件 / {}件",
            format_count(first),
            format_count(last),
            format_count(total)
        )
    },

    filter_mark: "対策の状態",
    wipe_ends_lost_mode: |count| {
        format!(
            "選択した端末のうち{}台は紛失モードです。遠隔初期化が実行されると、紛失モードは終了します。",
            format_count(count)
        )
    },
};
