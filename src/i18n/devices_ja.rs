//! 端末管理, in Japanese.

use mdm_model::count::format_count;

use super::DevicesText;

pub const JA: DevicesText = DevicesText {
    lead: "グループを選んで端末を探し、紛失した端末を選択して対策を実行します。",

    groups_heading: "グループ",
    all_devices: "すべての端末",
    device_count: |count| format!("{}台", format_count(count)),
    group_item_label: |name, count| format!("{name} {}台", format_count(count)),
    groups_loading: "グループを読み込んでいます…",
    groups_error: "グループを読み込めませんでした。",

    filters_label: "端末の絞り込み",
    search_label: "キーワード",
    search_placeholder: "端末名・シリアル番号・電話番号・利用者名・社員番号",
    search_submit: "検索",
    filter_any: "すべて",
    clear_filters: "条件をクリア",

    table_label: "端末一覧",
    csv_file_prefix: "端末一覧",
    status_column: "状態 / 最終接続日時",
    select_page: "このページの端末をすべて選択",
    select_device: |name| format!("{name} を選択"),
    no_value: "—",
    last_seen: |at| format!("最終接続 {at}"),
    more_tags: |count| format!("ほか{count}件"),
    loading: "端末を読み込んでいます…",
    empty_title: "端末がありません",
    empty_hint: "このグループには端末が登録されていません。",
    empty_filtered_hint:
        "条件に一致する端末はありません。キーワードや絞り込み条件を変えてお試しください。",
    retry: "再読み込み",

    selected_count: |count| format!("{}台を選択中", format_count(count)),
    nothing_selected: "端末が選択されていません",
    clear_selection: "選択を解除",
    page_selected: |count| format!("このページの{count}台をすべて選択しました。"),
    select_all_matching: |total| format!("条件に一致する{}台をすべて選択", format_count(total)),
    all_matching_selected: |total| {
        format!(
            "条件に一致する{}台をすべて選択しています。",
            format_count(total)
        )
    },
    matching_selection_dropped:
        "絞り込み条件が変わったため、「条件に一致するすべての端末」の選択を解除しました。",

    measures_button: "紛失時対策",
    measures_disabled_reason: "端末を選択すると実行できます。",
    measures_lead: |count| {
        format!(
            "選択した{}台の端末に実行する対策を選んでください。",
            format_count(count)
        )
    },
    measures_list_label: "紛失時の対策",
    measures_choose_hint: "対策を選ぶと「次へ」を押せます。",
    next: "次へ",
    cancel: "キャンセル",
    close: "閉じる",
};
