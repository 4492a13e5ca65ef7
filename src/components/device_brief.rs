//! The one line that tells a device apart in a preview list: OS and version, model, owner and
//! how it is managed.

use mdm_model::device::DeviceBrief;
use mdm_model::Lang;

use crate::i18n::isolated;

/// "iOS 17.5 · iPhone 15 · 山田 太郎 · Apple MDM", each part isolated: an override character in
/// the owner's name cannot flip the others.
pub fn device_facts(device: &DeviceBrief, lang: Lang) -> String {
    let mut parts = vec![
        format!("{} {}", device.os.label(lang), device.os_version),
        device.model.clone(),
        device.management_method.label(lang).to_string(),
    ];
    if let Some(user) = &device.user_full_name {
        parts.insert(2, user.clone());
    }
    parts
        .iter()
        .map(|p| isolated(p))
        .collect::<Vec<_>>()
        .join(" · ")
}
