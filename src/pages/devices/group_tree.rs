//! The group tree (グループ) beside the device table: expand and collapse, device counts, and
//! the keyboard of the WAI-ARIA tree pattern (arrows, Home, End, Enter).

use std::collections::HashSet;

use leptos::html::Ul;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_model::group::{GroupNode, GroupTree};
use mdm_model::ids::GroupId;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::i18n::use_locale;

/// One visible line of the tree. `group` is `None` for "all devices".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    group: Option<GroupId>,
    name: String,
    count: u64,
    level: u32,
    parent: Option<GroupId>,
    has_children: bool,
    expanded: bool,
    position: usize,
    set_size: usize,
}

impl Line {
    fn key(&self) -> String {
        self.group
            .map_or_else(|| "all".to_string(), |id| id.to_string())
    }
}

fn push_lines(
    nodes: &[GroupNode],
    level: u32,
    parent: Option<GroupId>,
    expanded: &HashSet<GroupId>,
    out: &mut Vec<Line>,
) {
    for (index, node) in nodes.iter().enumerate() {
        let open = expanded.contains(&node.id);
        out.push(Line {
            group: Some(node.id),
            name: node.name.clone(),
            count: node.total_device_count,
            level,
            parent,
            has_children: !node.children.is_empty(),
            expanded: open,
            position: index + 1,
            set_size: nodes.len(),
        });
        if open {
            push_lines(&node.children, level + 1, Some(node.id), expanded, out);
        }
    }
}

// The visible lines: "all devices", then the groups whose ancestors are all expanded.
fn visible_lines(tree: &GroupTree, all_devices: &str, expanded: &HashSet<GroupId>) -> Vec<Line> {
    let mut lines = vec![Line {
        group: None,
        name: all_devices.to_string(),
        count: tree.total_devices,
        level: 1,
        parent: None,
        has_children: false,
        expanded: false,
        position: 1,
        set_size: tree.roots.len() + 1,
    }];
    let mut groups = Vec::new();
    push_lines(&tree.roots, 1, None, expanded, &mut groups);
    for line in &mut groups {
        if line.level == 1 {
            // "All devices" is the first of the top-level entries.
            line.position += 1;
            line.set_size += 1;
        }
    }
    lines.extend(groups);
    lines
}

// The ids of `target` and its ancestors, so a chosen group deep in the tree is shown opened up.
fn path_to(nodes: &[GroupNode], target: GroupId) -> Option<Vec<GroupId>> {
    for node in nodes {
        if node.id == target {
            return Some(vec![node.id]);
        }
        if let Some(mut path) = path_to(&node.children, target) {
            path.insert(0, node.id);
            return Some(path);
        }
    }
    None
}

/// The group tree. Top-level groups start expanded, and so does the way to the chosen group.
#[component]
pub fn GroupTreeView(
    /// The tenant's groups with their device counts.
    tree: GroupTree,
    /// The chosen group; `None` is "all devices".
    #[prop(into)]
    selected: Signal<Option<GroupId>>,
    /// Called with the group the administrator chooses.
    #[prop(into)]
    on_select: Callback<Option<GroupId>>,
) -> impl IntoView {
    let locale = use_locale();
    let mut initially: HashSet<GroupId> = tree.roots.iter().map(|node| node.id).collect();
    if let Some(path) = selected
        .get_untracked()
        .and_then(|id| path_to(&tree.roots, id))
    {
        initially.extend(path);
    }
    let expanded = RwSignal::new(initially);
    let tree = StoredValue::new(tree);
    let lines = Memo::new(move |_| {
        let all = locale.t().devices.all_devices;
        expanded.with(|open| tree.with_value(|tree| visible_lines(tree, all, open)))
    });
    // The line that takes Tab focus: the chosen group's, until the arrows move it.
    let focused = RwSignal::new(None::<String>);
    let tab_stop = Memo::new(move |_| {
        let keys: Vec<String> = lines.with(|lines| lines.iter().map(Line::key).collect());
        let chosen = selected
            .get()
            .map_or_else(|| "all".to_string(), |id| id.to_string());
        focused
            .get()
            .filter(|key| keys.contains(key))
            .or_else(|| keys.contains(&chosen).then_some(chosen))
            .unwrap_or_else(|| "all".to_string())
    });
    let list = NodeRef::<Ul>::new();

    let toggle = move |id: GroupId| {
        expanded.update(|open| {
            if !open.remove(&id) {
                open.insert(id);
            }
        })
    };
    let focus_key = move |key: String| {
        focused.set(Some(key.clone()));
        if let Some(item) = list
            .get_untracked()
            .and_then(|ul| {
                ul.query_selector(&format!("[data-key='{key}']"))
                    .ok()
                    .flatten()
            })
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        {
            let _ = item.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        let all = lines.get_untracked();
        let current = tab_stop.get_untracked();
        let Some(index) = all.iter().position(|line| line.key() == current) else {
            return;
        };
        let line = &all[index];
        let target = match event.key().as_str() {
            "ArrowDown" => all.get(index + 1).map(Line::key),
            "ArrowUp" => index.checked_sub(1).and_then(|i| all.get(i)).map(Line::key),
            "Home" => all.first().map(Line::key),
            "End" => all.last().map(Line::key),
            "ArrowRight" if line.has_children && !line.expanded => {
                line.group.map(toggle);
                None
            }
            "ArrowRight" if line.expanded => all.get(index + 1).map(Line::key),
            "ArrowLeft" if line.expanded => {
                line.group.map(toggle);
                None
            }
            "ArrowLeft" => line.parent.map(|id| id.to_string()),
            "Enter" | " " => {
                on_select.run(line.group);
                None
            }
            _ => return,
        };
        event.prevent_default();
        if let Some(key) = target {
            focus_key(key);
        }
    };

    view! {
        <ul
            class="group-tree"
            role="tree"
            aria-label=move || locale.t().devices.groups_heading
            data-testid="group-tree"
            node_ref=list
            on:keydown=on_keydown
        >
            // Keyed by group: expanding a group adds lines without rebuilding (or unfocusing) the
            // others.
            <For each=move || lines.get() key=Line::key let(line)>
                {
                    let key = line.key();
                    let group = line.group;
                    let is_selected = move || selected.get() == group;
                    let tab_key = key.clone();
                    let is_open = move || group.is_some_and(|id| expanded.with(|open| open.contains(&id)));
                    // "All devices" follows the language; group names are the tenant's own.
                    let name = {
                        let fixed = line.name.clone();
                        move || match group {
                            None => locale.t().devices.all_devices.to_string(),
                            Some(_) => fixed.clone(),
                        }
                    };
                    let count = line.count;
                    let label = {
                        let name = name.clone();
                        move || (locale.t().devices.group_item_label)(&name(), count)
                    };
                    let title = name.clone();
                    let level = line.level;
                    view! {
                        <li
                            class="group-tree__item"
                            class:group-tree__item--selected=is_selected
                            role="treeitem"
                            data-key=key.clone()
                            data-testid=format!("group-{key}")
                            aria-posinset=line.position.to_string()
                            aria-setsize=line.set_size.to_string()
                            aria-expanded=move || line.has_children.then(|| is_open().to_string())
                            aria-selected=move || is_selected().to_string()
                            aria-label=label
                            tabindex=move || if tab_stop.get() == tab_key { "0" } else { "-1" }
                            // A custom property set through the CSSOM: a `style` attribute would need 'unsafe-inline'.
                            style=("--level", (line.level - 1).to_string())
                            on:click=move |_| {
                                focused.set(Some(key.clone()));
                                on_select.run(group);
                            }
                        >
                            <span
                                class="group-tree__toggle"
                                class:group-tree__toggle--open=is_open
                                aria-hidden="true"
                                data-testid=group.map(|id| format!("group-toggle-{id}"))
                                on:click=move |event| {
                                    if let Some(id) = group.filter(|_| line.has_children) {
                                        event.stop_propagation();
                                        toggle(id);
                                    }
                                }
                            >
                                {if line.has_children { "▸" } else { "" }}
                            </span>
                            <span class="group-tree__name" title=title>{name}</span>
                            // A space between name and count, so the visible text reads as the
                            // start of the accessible name (the flex layout ignores it).
                            " "
                            <span class="group-tree__count" aria-hidden="true">
                                {move || (locale.t().devices.device_count)(line.count)}
                            </span>
                        </li>
                    }
                    // The macro knows no typed `aria-level`; set it as a plain attribute.
                    .attr("aria-level", level.to_string())
                }
            </For>
        </ul>
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A group with `count` devices of its own, for the tree's and the picker's tests.
    pub(crate) fn node(id: i64, name: &str, count: u64, children: Vec<GroupNode>) -> GroupNode {
        GroupNode {
            id: GroupId(id),
            name: name.into(),
            device_count: count,
            total_device_count: count + children.iter().map(|c| c.total_device_count).sum::<u64>(),
            children,
        }
    }

    fn tree() -> GroupTree {
        let roots = vec![
            node(
                1,
                "本社",
                2,
                vec![node(2, "営業部", 10, vec![node(3, "東京", 5, vec![])])],
            ),
            node(4, "未所属", 1, vec![]),
        ];
        GroupTree {
            total_devices: 18,
            roots,
        }
    }

    #[test]
    fn collapsed_groups_hide_their_children() {
        let lines = visible_lines(&tree(), "すべて", &HashSet::from([GroupId(1)]));
        let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["すべて", "本社", "営業部", "未所属"]);
        assert_eq!(lines[1].count, 17);
        assert_eq!((lines[1].position, lines[1].set_size), (2, 3));
        assert_eq!((lines[2].level, lines[2].parent), (2, Some(GroupId(1))));
        assert!(lines[2].has_children && !lines[2].expanded);
    }

    #[test]
    fn the_way_to_a_deep_group_is_found() {
        assert_eq!(
            path_to(&tree().roots, GroupId(3)),
            Some(vec![GroupId(1), GroupId(2), GroupId(3)])
        );
        assert_eq!(path_to(&tree().roots, GroupId(9)), None);
    }
}
