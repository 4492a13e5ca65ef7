//! The group tree as one dropdown, for a narrow console: the phone's own picker lists every
//! group, indented by level, with its device count. The stylesheet shows either this or the tree.

use leptos::prelude::*;
use mdm_model::group::{GroupNode, GroupTree};
use mdm_model::ids::GroupId;

use crate::i18n::use_locale;

/// The `value` of the "all devices" option (a group's is its id).
const ALL: &str = "all";

/// One option of the picker: the group (`None`: all devices), its level and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PickerOption {
    group: Option<GroupId>,
    text: String,
}

fn push_options(
    nodes: &[GroupNode],
    depth: usize,
    label: &dyn Fn(&str, u64) -> String,
    out: &mut Vec<PickerOption>,
) {
    for node in nodes {
        // No-break spaces: an option's leading ASCII spaces are dropped by the browser.
        let indent = "\u{a0}\u{a0}\u{a0}".repeat(depth);
        out.push(PickerOption {
            group: Some(node.id),
            text: format!("{indent}{}", label(&node.name, node.total_device_count)),
        });
        push_options(&node.children, depth + 1, label, out);
    }
}

/// Every group in tree order, below "all devices".
fn picker_options(
    tree: &GroupTree,
    all_devices: &str,
    label: &dyn Fn(&str, u64) -> String,
) -> Vec<PickerOption> {
    let mut options = vec![PickerOption {
        group: None,
        text: label(all_devices, tree.total_devices),
    }];
    push_options(&tree.roots, 0, label, &mut options);
    options
}

fn value_of(group: Option<GroupId>) -> String {
    group.map_or_else(|| ALL.to_string(), |id| id.to_string())
}

/// The group picker.
#[component]
pub fn GroupPicker(
    /// The tenant's groups with their device counts.
    tree: GroupTree,
    /// The chosen group; `None` is "all devices".
    #[prop(into)]
    selected: Signal<Option<GroupId>>,
    /// Called with the group the administrator chooses.
    #[prop(into)]
    on_select: Callback<Option<GroupId>>,
    /// The id of the element that names the picker (the groups heading).
    labelled_by: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let tree = StoredValue::new(tree);
    let options = move || {
        let t = locale.t();
        let label = |name: &str, count: u64| (t.devices.group_item_label)(name, count);
        tree.with_value(|tree| picker_options(tree, t.devices.all_devices, &label))
    };
    view! {
        <select
            class="field__input group-picker"
            data-testid="group-picker"
            aria-labelledby=labelled_by
            on:change=move |ev| {
                let value = event_target_value(&ev);
                on_select.run(value.parse::<GroupId>().ok());
            }
        >
            {move || {
                options()
                    .into_iter()
                    .map(|option| {
                        let value = value_of(option.group);
                        let group = option.group;
                        view! {
                            <option value=value selected=move || selected.get() == group>
                                {option.text}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::devices::tree_lines::tests::node;

    #[test]
    fn every_group_is_offered_in_tree_order_indented_by_level() {
        let tree = GroupTree {
            total_devices: 18,
            roots: vec![
                node(
                    1,
                    "本社",
                    2,
                    vec![node(2, "営業部", 10, vec![node(3, "東京", 5, vec![])])],
                ),
                node(4, "未所属", 1, vec![]),
            ],
        };
        let label = |name: &str, count: u64| format!("{name} {count}台");
        let options = picker_options(&tree, "すべての端末", &label);
        let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
        let pad = "\u{a0}\u{a0}\u{a0}";
        assert_eq!(
            texts,
            [
                "すべての端末 18台".to_string(),
                "本社 17台".to_string(),
                format!("{pad}営業部 15台"),
                format!("{pad}{pad}東京 5台"),
                "未所属 1台".to_string(),
            ]
        );
        assert_eq!(options[0].group, None);
        assert_eq!(options[3].group, Some(GroupId(3)));
        assert_eq!(value_of(None), "all");
        assert_eq!(value_of(Some(GroupId(3))), "3");
    }
}
