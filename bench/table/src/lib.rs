//! The console's real [`DeviceTable`](mdm_console::pages::devices::DeviceTable) and
//! [`WipeWizard`](mdm_console::pages::wipe::WipeWizard), mounted on a page of their own with
//! the buttons of the js-framework-benchmark (`#run`, `#add`, `#update`, …) for bench/run.mjs.
//! No network: rows come from [`fleet`], the wizard's portal is [`fleet::fixture_backend`].

pub mod app;
pub mod fleet;

/// Mounts the benchmark page into `#bench-root`.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::*;
        use leptos::wasm_bindgen::JsCast;
        let root = document()
            .get_element_by_id("bench-root")
            .expect("index.html has #bench-root")
            .unchecked_into::<leptos::web_sys::HtmlElement>();
        leptos::mount::mount_to(root, app::BenchApp).forget();
    }
}
