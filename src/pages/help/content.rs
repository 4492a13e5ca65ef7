//! What the help pages show: the articles, rendered at compile time by `build.rs` from the
//! Markdown in `articles/`, and the places of the console that link into them.

use mdm_model::help::HelpArticle;
use mdm_model::Lang;

use crate::routes;

/// One article in one language.
#[derive(Debug)]
pub struct ArticleText {
    /// The `#` title.
    pub title: &'static str,
    /// One or two sentences on the help index (the Markdown's front matter `summary:`).
    pub summary: &'static str,
    /// The `##` sections, in order; their anchors are the same in every language.
    pub sections: &'static [Section],
    /// The body (everything but the title) as HTML. Written at build time from the project's own
    /// Markdown, which may not contain raw HTML, so it is trusted and injected as is.
    pub html: &'static str,
}

/// A `##` section of an article.
#[derive(Debug)]
pub struct Section {
    /// The anchor: the element id and the URL fragment (`/help/reenrollment#wifi`).
    pub id: &'static str,
    pub title: &'static str,
}

// `Article`, `Article::ALL`, `Article::slug` and `Article::text`, one variant per Markdown file.
include!(concat!(env!("OUT_DIR"), "/help_articles.rs"));

impl Article {
    /// The article an address names. The portal's longer names are accepted too, so a link built
    /// from the API's article name also lands on the right page.
    pub fn from_slug(slug: &str) -> Option<Article> {
        Article::ALL
            .into_iter()
            .find(|article| article.slug() == slug || article.api().as_str() == slug)
    }

    /// The portal's name of the article, under which it records "was this article helpful?".
    pub fn api(self) -> HelpArticle {
        match self {
            Article::WipeLostDevice => HelpArticle::WipeLostDevice,
            Article::Reenrollment => HelpArticle::ReenrollmentConditions,
            Article::HybridMdm => HelpArticle::HybridExecutionConditions,
            Article::RemoteLock => HelpArticle::RemoteLock,
            Article::LostMode => HelpArticle::LostMode,
            Article::RemoveCompanyData => HelpArticle::RemoveCompanyData,
        }
    }

    /// The article's address, or with `anchor` the address of one of its sections.
    pub fn href(self, anchor: Option<&str>) -> String {
        match anchor {
            Some(anchor) => format!("{}/{}#{anchor}", routes::HELP, self.slug()),
            None => format!("{}/{}", routes::HELP, self.slug()),
        }
    }

    /// The section with anchor `id`, in `lang`.
    pub fn section(self, lang: Lang, id: &str) -> Option<&'static Section> {
        self.text(lang)
            .sections
            .iter()
            .find(|section| section.id == id)
    }
}

/// A rule of the wipe screens that has its own help section: the wizard puts a help link beside
/// the control it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpTopic {
    /// 端末の一般情報・端末タグ情報を削除する: which fields are cleared.
    DeleteInfo,
    /// スケジュール / 予約日時を設定する.
    Schedule,
    /// WLAN設定: which Wi-Fi settings are offered, for re-enrollment.
    Wifi,
    /// Which devices re-enroll automatically after the wipe.
    Reenrollment,
    /// How the return of a wiped device is confirmed (再登録待ち / 再登録済み / 再登録を確認できません).
    ReenrollmentOutcome,
    /// Hybrid MDM: two jobs per device, the first success wins.
    Hybrid,
    /// An IVI MDM wipe may take up to about an hour.
    IviDelay,
    /// What each platform's wipe does and keeps (Android, Windows, Mac).
    Platforms,
    /// 遠隔ロック: what the lock screen shows.
    RemoteLock,
    /// 紛失モードを開始: which devices, what the screen shows.
    LostModeStart,
    /// 紛失モードを解除.
    LostModeEnd,
    /// 位置情報を取得: what comes back and where it is shown.
    Location,
    /// サウンドを再生.
    Sound,
    /// 企業データの削除: what it does on each platform.
    CompanyData,
}

impl HelpTopic {
    pub const ALL: [HelpTopic; 14] = [
        HelpTopic::DeleteInfo,
        HelpTopic::Schedule,
        HelpTopic::Wifi,
        HelpTopic::Reenrollment,
        HelpTopic::ReenrollmentOutcome,
        HelpTopic::Hybrid,
        HelpTopic::IviDelay,
        HelpTopic::Platforms,
        HelpTopic::RemoteLock,
        HelpTopic::LostModeStart,
        HelpTopic::LostModeEnd,
        HelpTopic::Location,
        HelpTopic::Sound,
        HelpTopic::CompanyData,
    ];

    /// The help of a lost-device measure's screen: the section of its family's article.
    pub fn of_measure(measure: mdm_model::measure::Measure) -> HelpTopic {
        use mdm_model::measure::Measure;
        match measure {
            Measure::Lock => HelpTopic::RemoteLock,
            Measure::LostModeOn => HelpTopic::LostModeStart,
            Measure::LostModeOff => HelpTopic::LostModeEnd,
            Measure::Locate => HelpTopic::Location,
            Measure::PlaySound => HelpTopic::Sound,
            Measure::RemoveCompanyData => HelpTopic::CompanyData,
            Measure::Wipe => HelpTopic::Platforms,
        }
    }

    /// The article that explains the topic.
    pub fn article(self) -> Article {
        match self {
            HelpTopic::DeleteInfo | HelpTopic::Schedule | HelpTopic::Platforms => {
                Article::WipeLostDevice
            }
            HelpTopic::Wifi | HelpTopic::Reenrollment | HelpTopic::ReenrollmentOutcome => {
                Article::Reenrollment
            }
            HelpTopic::Hybrid | HelpTopic::IviDelay => Article::HybridMdm,
            HelpTopic::RemoteLock => Article::RemoteLock,
            HelpTopic::LostModeStart
            | HelpTopic::LostModeEnd
            | HelpTopic::Location
            | HelpTopic::Sound => Article::LostMode,
            HelpTopic::CompanyData => Article::RemoveCompanyData,
        }
    }

    /// The section of [`HelpTopic::article`] that explains the topic.
    pub fn anchor(self) -> &'static str {
        match self {
            HelpTopic::DeleteInfo => "delete-info",
            HelpTopic::Schedule => "schedule",
            HelpTopic::Wifi => "wifi",
            HelpTopic::Reenrollment => "conditions",
            HelpTopic::ReenrollmentOutcome => "observed",
            HelpTopic::Hybrid => "pair",
            HelpTopic::IviDelay => "ivi-delay",
            HelpTopic::Platforms => "platforms",
            HelpTopic::RemoteLock => "options",
            HelpTopic::LostModeStart => "start",
            HelpTopic::LostModeEnd => "end",
            HelpTopic::Location => "location",
            HelpTopic::Sound => "sound",
            HelpTopic::CompanyData => "platforms",
        }
    }

    /// Where the help link goes.
    pub fn href(self) -> String {
        self.article().href(Some(self.anchor()))
    }

    /// The section's heading in `lang`: names the link for screen readers.
    pub fn section_title(self, lang: Lang) -> &'static str {
        self.article()
            .section(lang, self.anchor())
            .map_or(self.article().text(lang).title, |section| section.title)
    }

    /// `data-testid` of the link: `help-link-<topic>`.
    pub fn test_id(self) -> &'static str {
        match self {
            HelpTopic::DeleteInfo => "help-link-delete-info",
            HelpTopic::Schedule => "help-link-schedule",
            HelpTopic::Wifi => "help-link-wifi",
            HelpTopic::Reenrollment => "help-link-reenrollment",
            HelpTopic::ReenrollmentOutcome => "help-link-reenrollment-outcome",
            HelpTopic::Hybrid => "help-link-hybrid",
            HelpTopic::IviDelay => "help-link-ivi-delay",
            HelpTopic::Platforms => "help-link-platforms",
            HelpTopic::RemoteLock => "help-link-remote-lock",
            HelpTopic::LostModeStart => "help-link-lost-mode-start",
            HelpTopic::LostModeEnd => "help-link-lost-mode-end",
            HelpTopic::Location => "help-link-location",
            HelpTopic::Sound => "help-link-sound",
            HelpTopic::CompanyData => "help-link-company-data",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_article_is_written_in_both_languages() {
        for article in Article::ALL {
            for lang in Lang::ALL {
                let text = article.text(lang);
                assert!(
                    !text.title.is_empty() && !text.summary.is_empty(),
                    "{article:?} {lang:?}"
                );
                assert!(text.html.contains("<section"), "{article:?} {lang:?}");
                assert!(
                    !text.html.contains("<h1"),
                    "the title is shown by the page, not the body"
                );
            }
        }
    }

    #[test]
    fn every_help_link_points_at_an_existing_section_in_both_languages() {
        for topic in HelpTopic::ALL {
            for lang in Lang::ALL {
                assert!(
                    topic.article().section(lang, topic.anchor()).is_some(),
                    "{topic:?} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn the_wizard_links_go_to_the_agreed_addresses() {
        assert_eq!(
            HelpTopic::DeleteInfo.href(),
            "/help/wipe-lost-device#delete-info"
        );
        assert_eq!(
            HelpTopic::Schedule.href(),
            "/help/wipe-lost-device#schedule"
        );
        assert_eq!(HelpTopic::Wifi.href(), "/help/reenrollment#wifi");
        assert_eq!(HelpTopic::Hybrid.href(), "/help/hybrid-mdm#pair");
    }

    #[test]
    fn addresses_and_portal_names_both_find_the_article() {
        for article in Article::ALL {
            assert_eq!(Article::from_slug(article.slug()), Some(article));
            assert_eq!(Article::from_slug(article.api().as_str()), Some(article));
        }
        assert_eq!(Article::from_slug("no-such-article"), None);
        let mut names: Vec<_> = Article::ALL.iter().map(|a| a.api()).collect();
        names.sort();
        names.dedup();
        assert_eq!(
            names.len(),
            Article::ALL.len(),
            "one portal name per article"
        );
    }

    #[test]
    fn the_deleted_fields_are_all_listed() {
        // SPEC: full name, employee number, phone number, e-mail address, notes, and all tags.
        let ja = Article::WipeLostDevice.text(Lang::Ja).html;
        for field in [
            "氏名",
            "社員番号",
            "電話番号",
            "メールアドレス",
            "備考",
            "端末タグ",
        ] {
            assert!(ja.contains(field), "{field}");
        }
        let en = Article::WipeLostDevice.text(Lang::En).html;
        for field in [
            "full name",
            "employee number",
            "phone number",
            "e-mail address",
            "notes",
            "tag",
        ] {
            assert!(en.contains(field), "{field}");
        }
    }

    /// The rendered text of one section: from its heading to the next heading.
    fn section_html(article: Article, lang: Lang, id: &str) -> &'static str {
        let html = article.text(lang).html;
        let start = html.find(&format!("id=\"{id}\"")).expect(id);
        let end = html[start..].find("<h2").map_or(html.len(), |n| start + n);
        &html[start..end]
    }

    /// Guards the help saying an IVI job waits in 送信済み while the engine keeps it in
    /// 端末の応答待ち, and counting the 30-day time-out from registration while the engine
    /// counts from when the job is due.
    #[test]
    fn the_statuses_and_times_the_help_names_are_the_engines() {
        use mdm_model::job::JobStatus;
        for lang in [Lang::Ja, Lang::En] {
            let delay = section_html(Article::HybridMdm, lang, "ivi-delay");
            for &status in JobStatus::ALL {
                let named = delay.contains(status.label(lang));
                assert_eq!(
                    named,
                    status == JobStatus::WaitingForDevice,
                    "{lang:?} {status:?}"
                );
            }
            let timeout = section_html(Article::HybridMdm, lang, "timeout");
            let (due, scheduled) = match lang {
                Lang::Ja => ("実行予定の時点", "予約日時"),
                Lang::En => ("due to run", "scheduled time"),
            };
            assert!(
                timeout.contains(due) && timeout.contains(scheduled),
                "{timeout}"
            );
            assert!(timeout.contains("30"), "{timeout}");
        }
        assert_eq!(
            mdm_model::job::LOST_DEVICE_JOB_TIMEOUT,
            chrono::TimeDelta::days(30),
            "the help's 30 days"
        );
    }

    /// The help names the three re-enrollment outcomes in the engine's words and its window.
    #[test]
    fn the_re_enrollment_outcomes_the_help_names_are_the_engines() {
        use mdm_model::job::{ReenrollmentStatus, REENROLLMENT_WINDOW};
        for lang in [Lang::Ja, Lang::En] {
            let observed = section_html(Article::Reenrollment, lang, "observed");
            for &status in ReenrollmentStatus::ALL {
                assert!(observed.contains(status.label(lang)), "{lang:?} {status:?}");
            }
            let hours = format!("{} ", REENROLLMENT_WINDOW.num_hours());
            assert!(observed.contains(&hours), "{observed}");
            assert!(observed.contains(mdm_model::job::JobStatus::Succeeded.label(lang)));
        }
    }

    #[test]
    fn the_ivi_delay_of_about_an_hour_is_explained() {
        assert!(Article::HybridMdm.text(Lang::Ja).html.contains("1 時間"));
        assert!(Article::HybridMdm
            .text(Lang::En)
            .html
            .contains("about an hour"));
    }
}
