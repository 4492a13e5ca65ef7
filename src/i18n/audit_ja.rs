//! 監査ログ, in Japanese.

use super::AuditText;

pub const JA: AuditText = AuditText {
    title: "監査ログ",
    lead: "誰が、いつ、どの端末やジョブに何をしたかを確認できます。システムによる自動処理も記録されます。",
    times_in_zone: |zone| format!("日時は表示タイムゾーン({zone})の時刻です。"),

    filters_label: "監査ログの絞り込み",
    actor_label: "実行者",
    actor_all: "すべての実行者",
    system: "システム",
    action_label: "操作",
    action_all: "すべての操作",
    device_label: "端末ID",
    device_placeholder: "例: 12",
    from_label: "期間(開始日)",
    to_label: "期間(終了日)",
    apply: "絞り込む",
    clear: "条件をクリア",
    inverted_range: "終了日は開始日以降の日付を指定してください。",
    device_not_a_number: "端末IDは数字で入力してください。",

    table_label: "監査ログ一覧",
    col_at: "日時",
    col_actor: "実行者",
    col_action: "操作",
    col_subject: "対象",
    col_details: "内容",

    loading: "監査ログを読み込んでいます…",
    empty_title: "記録はまだありません",
    empty_hint: "サインインや遠隔初期化の登録などの操作がここに記録されます。",
    no_match_hint: "条件に一致する記録はありません。条件を変えてお試しください。",

    csv_file_prefix: "監査ログ",

};
