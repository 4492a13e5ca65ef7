//! Router-free views shared by the pages: they take props and read only app-wide context, so they
//! mount in browser tests without network or routes.

pub mod answered;
pub mod coming_soon;
pub mod csv_export;
pub mod data_table;
pub mod device_brief;
pub mod dialog;
pub mod field;
pub mod field_messages;
pub mod focus;
pub mod header;
pub mod help_link;
pub mod icons;
pub mod keyed_rows;
pub mod language_switch;
pub mod location_fix;
pub mod main_content;
pub mod page_header;
pub mod registering;
pub mod registration_done;
pub mod relative_time;
pub mod side_nav;
pub mod status_badge;
pub mod status_panel;
pub mod tabs;
pub mod tap_tip;
pub mod theme_switch;
pub mod time_zone_field;
pub mod toast;

pub use coming_soon::ComingSoon;
pub use dialog::Dialog;
pub use field_messages::FieldMessages;
pub use focus::{focus_later, focus_when_drawn};
pub use header::AppHeader;
pub use help_link::HelpLink;
pub use language_switch::LanguageSwitch;
pub use location_fix::LocationFix;
pub use main_content::MainContent;
pub use page_header::PageHeader;
pub use relative_time::{use_now, Now, RelativeTime};
pub use side_nav::{Area, SideNav};
pub use status_badge::StatusBadge;
pub use status_panel::{HostSignInPanel, LoadingPanel, SessionErrorPanel};
pub use tap_tip::TapTips;
pub use time_zone_field::{TimeZoneChoice, TimeZoneField};
pub use toast::{use_toasts, ToastHost, ToastKind, Toasts};
