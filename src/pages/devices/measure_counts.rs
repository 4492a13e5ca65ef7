//! The 紛失時対策 dialog's counts: asked of the portal each time the dialog opens, for the
//! selection as it is then (the same request names the devices as the measure screens do).

use leptos::prelude::*;
use mdm_model::measure::MeasureCountsRequest;

use super::measures_dialog::CountsAnswer;
use crate::api::Api;
use crate::device_selection::Selection;

/// The counts for `selection` while `open`; nothing is asked while the dialog is closed.
pub fn measure_counts(
    open: Signal<bool>,
    selection: RwSignal<Selection>,
) -> LocalResource<CountsAnswer> {
    let api = expect_context::<Api>();
    LocalResource::new(move || {
        let asked = open
            .get()
            .then(|| selection.with(Selection::to_wipe_selection))
            .flatten();
        let api = api.clone();
        async move {
            let selection = asked?;
            Some(
                api.measure_counts(&MeasureCountsRequest { selection })
                    .await,
            )
        }
    })
}
