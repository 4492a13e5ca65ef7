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
    }
}

/// Body of `POST /api/help/{article}/feedback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpFeedbackRequest {
    /// この記事は役に立ちましたか?: yes (`true`) or no.
    pub helpful: bool,
}

/// Answer of `POST /api/help/{article}/feedback` (201).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpFeedbackRecorded {
    pub article: HelpArticle,
    pub helpful: bool,
    pub recorded_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe_and_parse_back() {
        for article in HelpArticle::ALL {
            assert!(article.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert_eq!(article.as_str().parse::<HelpArticle>(), Ok(*article));
        }
        assert!("no-such-article".parse::<HelpArticle>().is_err());
    }
}
