//! Help articles: the console routes them, the portal records "was this article helpful?".

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

vocabulary! {
    /// A help article; the wire name is its slug in `/help/{slug}` and
    /// `POST /api/help/{slug}/feedback`, the label its title.
    pub enum HelpArticle {
        WipeLostDevice = "wipe-lost-device",
            ja: "紛失した端末を遠隔初期化する", en: "Wiping a lost device";
        ReenrollmentConditions = "reenrollment-conditions",
            ja: "遠隔初期化後の自動再登録の条件", en: "Conditions for re-enrollment after a wipe";
        HybridExecutionConditions = "hybrid-mdm-execution-conditions",
            ja: "Hybrid MDM方式とジョブの実行条件", en: "Hybrid MDM and when jobs run";
        RemoteLock = "remote-lock",
            ja: "端末を遠隔ロックする", en: "Locking a device remotely";
        LostMode = "lost-mode",
            ja: "紛失モードで端末を探す", en: "Finding a device with lost mode";
        RemoveCompanyData = "remove-company-data",
            ja: "企業データを削除する", en: "Removing company data";
    }
}

/// Longest comment an administrator can leave with an answer, in characters.
pub const FEEDBACK_COMMENT_MAX_CHARS: usize = 1000;

/// Body of `POST /api/help/{article}/feedback`. One answer per administrator and article: a
/// second answer replaces the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpFeedbackRequest {
    /// この記事は役に立ちましたか?: yes (`true`) or no.
    pub helpful: bool,
    /// What the administrator wants to add, optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Why a feedback answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackRefusal {
    /// The comment is longer than [`FEEDBACK_COMMENT_MAX_CHARS`].
    CommentTooLong,
}

impl FeedbackRefusal {
    /// The request field the refusal concerns.
    pub fn field(self) -> &'static str {
        "comment"
    }

    pub fn message(self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Ja => {
                format!("コメントは{FEEDBACK_COMMENT_MAX_CHARS}文字以内で入力してください。")
            }
            crate::Lang::En => format!(
                "Please keep the comment to {FEEDBACK_COMMENT_MAX_CHARS} characters or fewer."
            ),
        }
    }
}

impl HelpFeedbackRequest {
    /// The request as it is stored: the comment trimmed, a blank comment dropped, a comment over
    /// the limit refused (never cut: the administrator decides what to shorten).
    pub fn normalized(&self) -> Result<HelpFeedbackRequest, FeedbackRefusal> {
        let comment = self
            .comment
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > FEEDBACK_COMMENT_MAX_CHARS) {
            return Err(FeedbackRefusal::CommentTooLong);
        }
        Ok(HelpFeedbackRequest {
            helpful: self.helpful,
            comment: comment.map(str::to_string),
        })
    }
}

/// Answer of `POST /api/help/{article}/feedback` (201), and the recorded answer in
/// [`HelpFeedbackState`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpFeedbackRecorded {
    pub article: HelpArticle,
    pub helpful: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

/// Answer of `GET /api/help/{article}/feedback`: the signed-in administrator's answer, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpFeedbackState {
    pub current: Option<HelpFeedbackRecorded>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe_and_parse_back() {
        for article in HelpArticle::ALL {
            assert!(article
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert_eq!(article.as_str().parse::<HelpArticle>(), Ok(*article));
        }
        assert!("no-such-article".parse::<HelpArticle>().is_err());
    }

    fn request(comment: Option<&str>) -> HelpFeedbackRequest {
        HelpFeedbackRequest {
            helpful: true,
            comment: comment.map(str::to_string),
        }
    }

    #[test]
    fn blank_comments_are_dropped_and_others_trimmed() {
        assert_eq!(request(Some("   \n ")).normalized().unwrap().comment, None);
        assert_eq!(
            request(Some("  役に立った  "))
                .normalized()
                .unwrap()
                .comment
                .as_deref(),
            Some("役に立った")
        );
        assert_eq!(request(None).normalized().unwrap(), request(None));
    }

    #[test]
    fn comments_are_counted_in_characters_and_refused_past_the_limit() {
        let at_limit = "あ".repeat(FEEDBACK_COMMENT_MAX_CHARS);
        assert!(request(Some(&at_limit)).normalized().is_ok());
        let over = "あ".repeat(FEEDBACK_COMMENT_MAX_CHARS + 1);
        assert_eq!(
            request(Some(&over)).normalized(),
            Err(FeedbackRefusal::CommentTooLong)
        );
        assert!(FeedbackRefusal::CommentTooLong
            .message(crate::Lang::Ja)
            .contains("1000"));
    }
}
