//! A time shown relative to now (「3分前」), with the absolute time in the administrator's zone
//! on hover and on keyboard focus (a tooltip drawn from `data-absolute`, see components.css).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use mdm_model::time::{format_datetime_in_zone, relative_time, Zone};

use crate::i18n::use_locale;

/// How often relative times are redrawn: they count minutes.
const TICK: std::time::Duration = std::time::Duration::from_secs(30);

/// "Now", as relative times read it: one clock for the whole console, ticking every 30 s.
#[derive(Clone, Copy)]
pub struct Now(ReadSignal<DateTime<Utc>>);

impl Now {
    /// Starts the clock and provides it as context.
    pub fn provide() -> Now {
        let (now, set_now) = signal(Utc::now());
        // The interval lives as long as the page; nothing to clear.
        let _ = set_interval_with_handle(move || set_now.set(Utc::now()), TICK);
        let clock = Now(now);
        provide_context(clock);
        clock
    }

    /// The current time (tracked: a reader redraws at each tick).
    pub fn get(&self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// The console's clock, or a fresh one where none is provided (a view mounted alone).
pub fn use_now() -> Now {
    use_context::<Now>().unwrap_or_else(Now::provide)
}

/// `time`, relative to now, absolute on hover and focus.
#[component]
pub fn RelativeTime(
    /// The moment shown; a row refreshed in place may move it (a status changing again).
    #[prop(into)]
    time: Signal<DateTime<Utc>>,
    /// The administrator's time zone.
    #[prop(into)]
    zone: Signal<Zone>,
    /// `data-testid` of the element.
    #[prop(optional)]
    test_id: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let now = use_now();
    let absolute = move || format_datetime_in_zone(time.get(), zone.get());
    view! {
        <time
            class="relative-time"
            datetime=move || time.get().to_rfc3339()
            tabindex="0"
            title=absolute
            data-absolute=absolute
            data-testid=test_id
        >
            {move || relative_time(time.get(), now.get(), zone.get(), locale.lang())}
        </time>
    }
}
