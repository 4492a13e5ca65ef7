//! 端末管理: groups and the device table.

use leptos::prelude::*;

use crate::components::{ComingSoon, PageHeader};
use crate::i18n::use_locale;

/// The devices area.
#[component]
pub fn DevicesPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageHeader title=Signal::derive(move || locale.t().devices_title.to_string())/>
        <ComingSoon/>
    }
}
