//! Every visible string of the console, in Japanese (the default) and English.
//!
//! A [`Catalog`] has one field per string; `JA` and `EN` are struct literals, so a string added to
//! one language but not the other does not compile. Strings with values are plain `fn`s.

mod audit;
mod devices;
mod en;
mod help;
mod ja;
mod jobs;
mod measures;
mod platform;
mod table;
mod wipe;

use leptos::prelude::*;
use mdm_model::Lang;

pub use audit::AuditText;
pub use devices::DevicesText;
pub use measures::MeasuresText;
pub use platform::PlatformText;
pub use wipe::WipeText;

pub use help::HelpText;
pub use jobs::JobsText;
pub use table::{size_text, TableText};

/// All console strings of one language.
pub struct Catalog {
    /// Product name, shown above the side nav and on the sign-in page.
    pub app_name: &'static str,
    /// Browser tab title: page title and product name.
    pub document_title: fn(&str) -> String,

    pub nav_label: &'static str,
    pub nav_devices: &'static str,
    pub nav_jobs: &'static str,
    pub nav_help: &'static str,

    pub header_tenant_label: &'static str,
    pub header_admin_label: &'static str,
    pub lang_switch_label: &'static str,
    /// The header's time zone field: its label, its hint, and the message once it is saved.
    pub time_zone_label: &'static str,
    pub time_zone_hint: &'static str,
    pub time_zone_saved: fn(&str) -> String,
    pub lang_ja: &'static str,
    pub lang_en: &'static str,
    /// The short codes the language switch shows on a narrow console.
    pub lang_ja_code: &'static str,
    pub lang_en_code: &'static str,
    /// Accessible name of the header's menu button (narrow console).
    pub nav_open: &'static str,
    pub sign_out: &'static str,
    pub signing_out: &'static str,
    pub signed_out: &'static str,

    pub login_title: &'static str,
    pub login_lead: &'static str,
    pub login_username: &'static str,
    pub login_password: &'static str,
    pub login_submit: &'static str,
    pub login_submitting: &'static str,
    pub login_username_required: &'static str,
    pub login_password_required: &'static str,

    pub session_checking: &'static str,
    pub session_error_title: &'static str,
    pub session_retry: &'static str,
    /// Embedded with the host's token: nobody signed in yet, the host page signs in.
    pub host_sign_in_title: &'static str,
    pub host_sign_in_body: &'static str,

    pub error_network: &'static str,
    pub error_http: fn(u16) -> String,
    /// A server-side failure's message with the request id to quote to support.
    pub error_with_reference: fn(&str, &str) -> String,
    pub error_decode: &'static str,

    pub devices_title: &'static str,
    pub jobs_title: &'static str,
    pub job_detail_title: fn(&str) -> String,
    pub help_title: &'static str,
    pub coming_title: &'static str,
    pub coming_body: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub not_found_back: &'static str,

    pub toast_dismiss: &'static str,

    /// Strings of 端末管理.
    pub devices: &'static DevicesText,
    /// Strings of the 遠隔初期化 screen.
    pub wipe: &'static WipeText,
    /// Strings of the wipe screen's platform sections.
    pub platform: &'static PlatformText,
    /// Strings of the other lost-device measures (lock, lost mode, locations, company data).
    pub measures: &'static MeasuresText,

    /// Strings of the help pages and help links.
    pub help: &'static HelpText,

    /// Strings of ジョブ管理.
    pub jobs: &'static JobsText,

    /// Strings of 監査ログ.
    pub audit: &'static AuditText,

    pub table: &'static TableText,
}

/// The catalog of a language.
/// `text` (a value from the fleet, such as a device or Wi-Fi name) wrapped in first-strong
/// isolate marks for use inside a sentence or an `<option>`, where no element can isolate it: a
/// right-to-left override in the value then cannot turn the rest of the sentence around.
pub fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

pub fn catalog(lang: Lang) -> &'static Catalog {
    match lang {
        Lang::Ja => &ja::JA,
        Lang::En => &en::EN,
    }
}

/// Where the chosen language is remembered between visits.
pub const STORAGE_KEY: &str = "mdm-console.lang";

/// The UI language, app-wide. Japanese unless the administrator chose English before.
#[derive(Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
}

impl Locale {
    /// Creates the locale and provides it as context: the host's choice when it made one, else
    /// the administrator's remembered choice, else Japanese.
    pub fn provide(host_choice: Option<Lang>) -> Locale {
        let lang = host_choice.or_else(stored_lang).unwrap_or_default();
        set_document_lang(lang);
        let locale = Locale {
            lang: RwSignal::new(lang),
        };
        provide_context(locale);
        locale
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language without subscribing, for code outside the view (request headers).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.try_get_untracked().unwrap_or_default()
    }

    /// The current catalog (tracked).
    pub fn t(&self) -> &'static Catalog {
        catalog(self.lang())
    }

    /// The current catalog without subscribing, for messages built in event handlers and tasks.
    pub fn t_untracked(&self) -> &'static Catalog {
        catalog(self.lang_untracked())
    }

    /// Switches the language, remembers it and tells the browser (fonts, screen readers).
    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
        remember_lang(lang);
        set_document_lang(lang);
    }
}

/// The app-wide [`Locale`]; panics outside the console's root, where no locale was provided.
pub fn use_locale() -> Locale {
    expect_context::<Locale>()
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refused (privacy settings); the console then simply forgets.
    window().local_storage().ok().flatten()
}

fn stored_lang() -> Option<Lang> {
    storage()?
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Lang::from_tag)
}

fn remember_lang(lang: Lang) {
    if let Some(storage) = storage() {
        // A refused write only means the choice is not remembered; the switch itself worked.
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}

fn set_document_lang(lang: Lang) {
    // A host page's own language is the host's; the console's root carries its `lang`.
    if crate::host::is_embedded() {
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_nav_uses_the_glossary_labels() {
        let ja = catalog(Lang::Ja);
        assert_eq!(
            [ja.nav_devices, ja.nav_jobs, ja.nav_help],
            ["端末管理", "ジョブ管理", "ヘルプ"]
        );
        let en = catalog(Lang::En);
        assert_eq!(
            [en.nav_devices, en.nav_jobs, en.nav_help],
            ["Devices", "Jobs", "Help"]
        );
    }

    #[test]
    fn each_language_names_itself_in_its_own_script() {
        for lang in Lang::ALL {
            assert_eq!(
                (catalog(lang).lang_ja, catalog(lang).lang_en),
                ("日本語", "English")
            );
        }
    }
}
