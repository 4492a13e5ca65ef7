//! Japanese, the default language. Labels follow the product's glossary exactly.

use super::Catalog;

fn document_title(page: &str) -> String {
    format!("{page} | MDM 管理コンソール")
}

fn error_with_reference(message: &str, id: &str) -> String {
    format!("{message}(お問い合わせ番号: {id})")
}

fn error_http(status: u16) -> String {
    format!(
        "ポータルから予期しない応答がありました (HTTP {status})。時間をおいて再度お試しください。"
    )
}

fn job_detail_title(id: &str) -> String {
    format!("ジョブ詳細 #{id}")
}

pub const JA: Catalog = Catalog {
    app_name: "MDM 管理コンソール",
    document_title,

    nav_label: "メインメニュー",
    nav_devices: "端末管理",
    nav_jobs: "ジョブ管理",
    nav_help: "ヘルプ",

    header_tenant_label: "テナント",
    header_admin_label: "サインイン中の管理者",
    lang_switch_label: "表示言語",
    time_zone_label: "表示タイムゾーン",
    time_zone_hint: "IANAのタイムゾーン名(例: Asia/Tokyo、America/New_York)。日時はこのタイムゾーンで表示・入力します。",
    time_zone_saved: |zone| format!("表示タイムゾーンを {zone} に変更しました。"),
    lang_ja: "日本語",
    lang_en: "English",
    lang_ja_code: "JA",
    lang_en_code: "EN",
    nav_open: "メニューを開く",
    sign_out: "サインアウト",
    signing_out: "サインアウト中…",
    signed_out: "サインアウトしました。",

    login_title: "サインイン",
    login_lead: "管理者アカウントのユーザー名とパスワードを入力してください。",
    login_username: "ユーザー名",
    login_password: "パスワード",
    login_submit: "サインイン",
    login_submitting: "サインイン中…",
    login_username_required: "ユーザー名を入力してください。",
    login_password_required: "パスワードを入力してください。",

    session_checking: "接続を確認しています…",
    session_error_title: "コンソールを開始できません",
    session_retry: "再試行",
    host_sign_in_title: "ポータルのサインインを待っています",
    host_sign_in_body: "このページのポータルでサインインすると、管理コンソールが表示されます。",

    error_network:
        "ポータルに接続できませんでした。ネットワークの状態を確認して、もう一度お試しください。",
    error_http,
    error_with_reference,
    error_decode: "ポータルの応答を読み取れませんでした。時間をおいて再度お試しください。",

    devices_title: "端末管理",
    jobs_title: "ジョブ管理",
    job_detail_title,
    help_title: "ヘルプ",
    coming_title: "この画面は準備中です",
    coming_body: "今後のリリースでご利用いただけるようになります。",

    not_found_title: "ページが見つかりません",
    not_found_body: "指定されたページは存在しないか、移動した可能性があります。",
    not_found_back: "端末管理へ戻る",

    toast_dismiss: "閉じる",

    devices: &super::devices::JA,
    wipe: &super::wipe::JA,
    platform: &super::platform::JA,
    measures: &super::measures::JA,

    help: &super::help::HELP_JA,

    jobs: &super::jobs::JA,
    audit: &super::audit::JA,
    table: &super::table::JA,
};
