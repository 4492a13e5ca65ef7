//! Whether the devices a lock goes to include a Mac: only then does the screen ask for the
//! Mac's Find My PIN. The preview answers it; a filter selection needs one narrowed question,
//! a hand-picked one is read page by page (it is as long as the administrator ticked).

use mdm_model::device::{DeviceFilter, Os};
use mdm_model::measure::{Measure, MeasurePreviewRequest};
use mdm_model::paging::MAX_PER_PAGE;
use mdm_model::wipe::WipeSelection;

use super::backend::MeasureBackend;

/// Pages of a hand-picked selection read before giving up and showing the field anyway.
const MAX_PAGES: u32 = 20;

fn lock_preview(selection: WipeSelection, page: u32, per_page: u32) -> MeasurePreviewRequest {
    MeasurePreviewRequest {
        selection,
        measure: Measure::Lock,
        applicable: Some(true),
        page,
        per_page,
    }
}

/// Whether a Mac would get a lock job. When the portal cannot tell, the field is shown: a PIN
/// the administrator may leave blank costs less than a Mac locked without one.
pub async fn lock_reaches_a_mac(backend: MeasureBackend, selection: WipeSelection) -> bool {
    match selection {
        WipeSelection::Filter {
            filter,
            excluded_device_ids,
        } => {
            if filter.os.is_some_and(|os| os != Os::MacOs) {
                return false;
            }
            let macs_only = WipeSelection::Filter {
                filter: DeviceFilter {
                    os: Some(Os::MacOs),
                    ..filter
                },
                excluded_device_ids,
            };
            match backend.preview(lock_preview(macs_only, 1, 1)).await {
                Ok(preview) => preview.applicable > 0,
                Err(_) => true,
            }
        }
        picked @ WipeSelection::Devices { .. } => {
            for page in 1..=MAX_PAGES {
                let asked = lock_preview(picked.clone(), page, MAX_PER_PAGE);
                let Ok(preview) = backend.preview(asked).await else {
                    return true;
                };
                if preview
                    .devices
                    .items
                    .iter()
                    .any(|p| p.device.os == Os::MacOs)
                {
                    return true;
                }
                if u64::from(page) * u64::from(MAX_PER_PAGE) >= preview.devices.total {
                    return false;
                }
            }
            true
        }
    }
}
