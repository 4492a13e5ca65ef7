//! Error codes shared by the portal (which answers them) and the console (which shows them).
//! Each code is stable: clients branch on it, never on the message.

use serde::{Deserialize, Serialize};

use crate::ids::JobId;
use crate::job::JobStatus;
use crate::wipe::{FieldErrorDetail, RefusedDevice};
use crate::Lang;

/// JSON body of every error answer: `{ "code": "...", "message": "..." }`, plus optional
/// details (for example the field a validation error concerns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// The request field the error concerns, when there is one, so the console can place the
    /// message next to that field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Machine-readable specifics, typed by kind (for example the conflicting devices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<ErrorDetails>,
    /// The id of the request that failed (also its `X-Request-Id` header and in the portal's
    /// log lines), for an administrator to quote to support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// The specifics of an error answer. On the wire, `kind` names the variant and its fields sit
/// beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorDetails {
    /// Every problem of a wipe request that broke a rule (`validation_failed`), not just the
    /// first, so the console can mark every field at once.
    Validation { errors: Vec<FieldErrorDetail> },
    /// Every problem of a lost-device measure's request (`validation_failed`).
    MeasureValidation {
        errors: Vec<crate::measure::MeasureFieldError>,
    },
    /// The devices that stop a registration (`device_not_wipeable`, `open_wipe_exists`): the
    /// first [`MAX_NAMED_DEVICES`](crate::wipe::MAX_NAMED_DEVICES), and how many in all.
    Devices {
        devices: Vec<RefusedDevice>,
        total: u64,
    },
    /// When to try again, in seconds (`locked_out`, `too_many_requests`; also `Retry-After`).
    RetryAfter { retry_after_seconds: u64 },
    /// What the parser found wrong with a malformed body or parameter.
    Malformed { reason: String },
    /// The jobs a refused cancel concerned, as they stand.
    Jobs { jobs: Vec<JobState> },
}

/// A job and its status, in a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobState {
    pub id: JobId,
    pub status: JobStatus,
}

impl ApiErrorBody {
    pub fn new(code: ErrorCode, lang: Lang) -> Self {
        ApiErrorBody {
            code,
            message: code.message(lang).to_string(),
            field: None,
            details: None,
            request_id: None,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn with_details(mut self, details: ErrorDetails) -> Self {
        self.details = Some(details);
        self
    }
}

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $status:literal, ja: $ja:literal, en: $en:literal; )*) => {
        /// Every error the API can answer. The serialized form is the stable `code`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum ErrorCode {
            $( $(#[$doc])* #[serde(rename = $code)] $variant, )*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The stable code string.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }

            /// The HTTP status the portal answers with.
            pub fn http_status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status,)* }
            }

            /// A readable message in the given language.
            pub fn message(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((ErrorCode::$variant, Lang::Ja) => $ja, (ErrorCode::$variant, Lang::En) => $en,)*
                }
            }
        }
    };
}

error_codes! {
    /// The body is not valid JSON or does not have the expected shape.
    MalformedRequest = "malformed_request", 400,
        ja: "リクエストの形式が正しくありません。", en: "The request is malformed.";
    /// A query or body value is out of its allowed range.
    InvalidParameter = "invalid_parameter", 400,
        ja: "指定された値が正しくありません。", en: "A value in the request is not valid.";
    /// A domain rule refused the request; `field` says which input.
    ValidationFailed = "validation_failed", 422,
        ja: "入力内容を確認してください。", en: "Please check what you entered.";
    /// Nobody is signed in, or the session has expired.
    Unauthenticated = "unauthenticated", 401,
        ja: "サインインしてください。", en: "Please sign in.";
    /// Sign-in with a wrong user name or password.
    InvalidCredentials = "invalid_credentials", 401,
        ja: "ユーザー名またはパスワードが正しくありません。", en: "The user name or password is incorrect.";
    /// The administrator's password re-check failed.
    WrongPassword = "wrong_password", 403,
        ja: "パスワードが正しくありません。", en: "The password is incorrect.";
    /// Too many failed attempts; try again later.
    LockedOut = "locked_out", 429,
        ja: "失敗が続いたため、しばらくロックされています。時間をおいて再度お試しください。",
        en: "Too many failed attempts. Please wait and try again later.";
    /// Too many requests from this address, or the portal is busy checking passwords; the
    /// `Retry-After` header says when to try again.
    TooManyRequests = "too_many_requests", 429,
        ja: "リクエストが集中しています。しばらく待ってから再度お試しください。",
        en: "Too many requests. Please wait a moment and try again.";
    /// A state-changing request came without a valid CSRF token.
    CsrfRejected = "csrf_rejected", 403,
        ja: "セキュリティトークンが無効です。ページを再読み込みしてください。",
        en: "The security token is missing or invalid. Please reload the page.";
    /// The thing asked for does not exist.
    NotFound = "not_found", 404,
        ja: "指定されたデータが見つかりません。", en: "The requested item was not found.";
    /// The request conflicts with the current state (for example an open wipe already exists).
    Conflict = "conflict", 409,
        ja: "現在の状態では実行できません。", en: "This cannot be done in the current state.";
    /// The request body is too large.
    PayloadTooLarge = "payload_too_large", 413,
        ja: "リクエストが大きすぎます。", en: "The request is too large.";
    /// The request took longer than the portal allows (`--request-timeout-seconds`). A write
    /// may still have completed: repeat it with the same idempotency key to learn its outcome.
    Timeout = "timeout", 503,
        ja: "処理に時間がかかりすぎたため、応答を打ち切りました。状況を確認してから再度お試しください。",
        en: "The request took too long and was cut off. Please check the outcome before trying again.";
    /// The database does not answer (it restarted or the network to it broke). Nothing was
    /// written; the same request may be repeated once the portal is ready again.
    DatabaseUnavailable = "database_unavailable", 503,
        ja: "データベースに接続できません。しばらくしてから再度お試しください。",
        en: "The database cannot be reached. Please try again in a moment.";
    /// Something failed inside the portal.
    Internal = "internal", 500,
        ja: "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
        en: "Something went wrong on the server. Please try again later.";
    /// The selection includes BYOD or User Enrollment devices; `details` names them.
    DeviceNotWipeable = "device_not_wipeable", 422,
        ja: "遠隔初期化できない端末(BYOD・User Enrollment)が含まれています。",
        en: "The selection includes devices that cannot be wiped (BYOD or User Enrollment).";
    /// A lost-device measure does not apply to some selected devices; `details` names them
    /// with the reason.
    MeasureNotApplicable = "measure_not_applicable", 422,
        ja: "選択した対策を行えない端末が含まれています。",
        en: "The measure does not apply to some of the selected devices.";
    /// Some devices already have an open job of the measure; `details` names them.
    OpenMeasureExists = "open_measure_exists", 409,
        ja: "この対策のジョブが実行待ちの端末が含まれています。",
        en: "Some devices already have an open job of this measure.";
    /// Some devices already have an open wipe job; `details` names them.
    OpenWipeExists = "open_wipe_exists", 409,
        ja: "遠隔初期化ジョブが登録済みの端末が含まれています。",
        en: "Some devices already have an open wipe job.";
    /// The wipe command already went to the device: it cannot be cancelled and will complete.
    JobAlreadyRunning = "job_already_running", 409,
        ja: "コマンドはすでに端末に送信されているため取り消せません。端末は受け取ったコマンドをそのまま実行します。",
        en: "The command has already been sent to the device, so the job cannot be cancelled; the device carries out the command it received.";
    /// The job has already finished (succeeded, failed or cancelled).
    JobAlreadyFinished = "job_already_finished", 409,
        ja: "このジョブはすでに終了しているため取り消せません。",
        en: "This job has already finished and cannot be cancelled.";
    /// The `Idempotency-Key` header is missing or malformed.
    IdempotencyKeyInvalid = "idempotency_key_invalid", 400,
        ja: "Idempotency-Keyヘッダーがないか、形式が正しくありません。",
        en: "The Idempotency-Key header is missing or malformed.";
    /// The `Idempotency-Key` was already used for a request with a different body.
    IdempotencyKeyReused = "idempotency_key_reused", 422,
        ja: "同じIdempotency-Keyが別の内容のリクエストですでに使われています。",
        en: "This Idempotency-Key was already used for a different request.";
    /// The path exists but not with this HTTP method.
    MethodNotAllowed = "method_not_allowed", 405,
        ja: "この操作はサポートされていません。", en: "This method is not allowed here.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_json() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), *code);
        }
    }

    #[test]
    fn every_code_has_both_messages() {
        for code in ErrorCode::ALL {
            assert!(!code.message(Lang::Ja).is_empty());
            assert!(!code.message(Lang::En).is_empty());
            assert_ne!(code.message(Lang::Ja), code.message(Lang::En));
            assert!((400..600).contains(&code.http_status()));
        }
    }
}
