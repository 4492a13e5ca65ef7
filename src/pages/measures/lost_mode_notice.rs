//! On the wipe screen: how many of the selected devices are in lost mode, whose lost mode ends
//! when the wipe runs. The portal counts them for the whole selection (the devices ending lost
//! mode would apply to are exactly those in it), so devices ticked on other pages count too.

use leptos::prelude::*;
use mdm_model::measure::{Measure, MeasureCountsRequest};
use mdm_model::wipe::WipeSelection;

use crate::api::Api;
use crate::i18n::use_locale;

/// The notice, shown only when some selected device is in lost mode.
#[component]
pub fn LostModeNotice(
    /// The devices about to be wiped.
    selection: WipeSelection,
) -> impl IntoView {
    let locale = use_locale();
    let api = expect_context::<Api>();
    let counts = LocalResource::new(move || {
        let (api, selection) = (api.clone(), selection.clone());
        async move {
            api.measure_counts(&MeasureCountsRequest { selection })
                .await
        }
    });
    // A failed count only leaves the notice out: the wipe screen itself does not depend on it.
    let in_lost_mode = move || {
        counts.with(|c| match c {
            Some(Ok(counts)) => counts
                .measures
                .iter()
                .find(|c| c.measure == Measure::LostModeOff)
                .map_or(0, |c| c.applicable),
            _ => 0,
        })
    };
    move || {
        let count = in_lost_mode();
        (count > 0).then(|| {
            view! {
                <p class="notice measure-lost-mode-notice" data-testid="wipe-lost-mode-notice">
                    {move || (locale.t().measures.wipe_ends_lost_mode)(count)}
                </p>
            }
        })
    }
}
