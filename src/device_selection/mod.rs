//! The devices the administrator has ticked, app-wide state beside the session and the theme:
//! the selection itself, how it outlives a reload, and how a screen that acts on it finds it.

mod context;
mod for_screen;
mod kept;
mod selection;

pub use context::{use_device_selection, DeviceSelection};
pub use for_screen::{replaced, selection_for_screen};
pub use kept::{
    matching_from_address, measure_href, screen_href, wipe_href, KeptSelection, SELECTION_KEY,
};
pub use selection::{PageTicks, Selection};
