//! Live refresh of the job screens: while a shown job is still open, fetch again after a delay
//! that grows while nothing changes (and after failures), shrinks back when something moves, and
//! pauses entirely while the browser tab is hidden.

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use web_sys::VisibilityState;

/// How a fetch went, for the next delay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Something shown changed: keep watching closely.
    Changed,
    Unchanged,
    Failed,
}

/// The delays between refreshes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshPolicy {
    /// After a change, and the first delay.
    pub first: Duration,
    /// The longest delay while nothing changes.
    pub max: Duration,
    /// The longest delay while the portal keeps failing.
    pub max_after_error: Duration,
}

impl RefreshPolicy {
    /// The job screens: every 3 s while jobs move, backing off to 30 s (60 s on errors).
    pub const LIVE: RefreshPolicy = RefreshPolicy {
        first: Duration::from_secs(3),
        max: Duration::from_secs(30),
        max_after_error: Duration::from_secs(60),
    };

    /// The delay before the next refresh.
    pub fn next_delay(&self, previous: Option<Duration>, outcome: LoadOutcome) -> Duration {
        match (outcome, previous) {
            (LoadOutcome::Changed, _) | (_, None) => self.first,
            (LoadOutcome::Unchanged, Some(previous)) => {
                previous.mul_f64(1.5).clamp(self.first, self.max)
            }
            (LoadOutcome::Failed, Some(previous)) => {
                (previous * 2).clamp(self.first, self.max_after_error)
            }
        }
    }
}

/// What the refresh is doing, for the toolbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveState {
    /// Nothing shown is still open: no refresh planned.
    Idle,
    /// A refresh is planned.
    Live,
    /// The tab is hidden: refreshing resumes when it is shown again.
    Paused,
}

/// The refresh clock of one screen. Its fetcher reads [`AutoRefresh::track`]; after every load
/// the screen reports [`AutoRefresh::loaded`], which plans the next one.
#[derive(Clone, Copy)]
pub struct AutoRefresh {
    tick: RwSignal<u64>,
    state: RwSignal<LiveState>,
    delay: StoredValue<Option<Duration>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    // A refresh fell due while the tab was hidden: run it as soon as the tab is visible.
    due_while_hidden: RwSignal<bool>,
    visible: Signal<bool>,
    policy: RefreshPolicy,
}

impl AutoRefresh {
    /// A refresh clock; `visible` says whether the page can be seen (see [`page_visibility`]).
    pub fn new(policy: RefreshPolicy, visible: Signal<bool>) -> AutoRefresh {
        let this = AutoRefresh {
            tick: RwSignal::new(0),
            state: RwSignal::new(LiveState::Idle),
            delay: StoredValue::new(None),
            timer: StoredValue::new(None),
            due_while_hidden: RwSignal::new(false),
            visible,
            policy,
        };
        Effect::new(move |_| {
            let visible = this.visible.get();
            if visible && this.due_while_hidden.get_untracked() {
                this.due_while_hidden.set(false);
                this.state.set(LiveState::Live);
                this.tick.update(|n| *n += 1);
            } else if !visible && this.state.get_untracked() == LiveState::Live {
                this.state.set(LiveState::Paused);
            } else if visible && this.state.get_untracked() == LiveState::Paused {
                this.state.set(LiveState::Live);
            }
        });
        on_cleanup(move || this.stop());
        this
    }

    /// Subscribes the caller (a resource's fetcher) to the refreshes.
    pub fn track(&self) {
        self.tick.track();
    }

    /// What the clock is doing (tracked).
    pub fn state(&self) -> LiveState {
        self.state.get()
    }

    /// Whether a refresh is planned (its timer not yet fired). Lets tests wait for the timer
    /// instead of for a length of time.
    pub fn planned(&self) -> bool {
        self.timer.with_value(|timer| timer.is_some())
    }

    /// A load finished: plan the next refresh while something shown is `active`.
    pub fn loaded(&self, active: bool, outcome: LoadOutcome) {
        self.stop();
        if !active {
            self.delay.try_set_value(None);
            self.state.try_set(LiveState::Idle);
            return;
        }
        let previous = self.delay.try_get_value().flatten();
        let delay = self.policy.next_delay(previous, outcome);
        self.delay.try_set_value(Some(delay));
        let this = *self;
        let handle = set_timeout_with_handle(move || this.fire(), delay).ok();
        self.timer.try_set_value(handle);
        let visible = self.visible.try_get_untracked().unwrap_or(true);
        self.state.try_set(if visible {
            LiveState::Live
        } else {
            LiveState::Paused
        });
    }

    /// Fetches now (the administrator asked, or changed something) and watches closely again.
    pub fn refresh_now(&self) {
        self.stop();
        self.delay.try_set_value(None);
        self.tick.try_update(|n| *n += 1);
    }

    fn fire(&self) {
        self.timer.try_set_value(None);
        if self.visible.try_get_untracked().unwrap_or(false) {
            self.tick.try_update(|n| *n += 1);
        } else {
            self.due_while_hidden.try_set(true);
            self.state.try_set(LiveState::Paused);
        }
    }

    fn stop(&self) {
        if let Some(handle) = self.timer.try_update_value(|timer| timer.take()).flatten() {
            handle.clear();
        }
    }
}

fn document_visible() -> bool {
    document().visibility_state() != VisibilityState::Hidden
}

/// Whether the page can be seen now (tracked): false while the tab is in the background or the
/// window minimised.
pub fn page_visibility() -> Signal<bool> {
    let visible = RwSignal::new(document_visible());
    // `visibilitychange` is fired at the document and bubbles up to the window.
    let listener = window_event_listener_untyped("visibilitychange", move |_| {
        visible.try_set(document_visible());
    });
    on_cleanup(move || listener.remove());
    visible.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: RefreshPolicy = RefreshPolicy::LIVE;

    #[test]
    fn backs_off_while_nothing_changes_up_to_the_maximum() {
        let mut delay = POLICY.next_delay(None, LoadOutcome::Unchanged);
        assert_eq!(delay, Duration::from_secs(3));
        let mut seen = vec![delay];
        for _ in 0..10 {
            delay = POLICY.next_delay(Some(delay), LoadOutcome::Unchanged);
            seen.push(delay);
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(delay, Duration::from_secs(30));
    }

    #[test]
    fn a_change_resets_and_errors_back_off_further() {
        assert_eq!(
            POLICY.next_delay(Some(Duration::from_secs(30)), LoadOutcome::Changed),
            POLICY.first
        );
        assert_eq!(
            POLICY.next_delay(Some(Duration::from_secs(20)), LoadOutcome::Failed),
            Duration::from_secs(40)
        );
        assert_eq!(
            POLICY.next_delay(Some(Duration::from_secs(40)), LoadOutcome::Failed),
            Duration::from_secs(60)
        );
    }
}
