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

/// What a key does on the focused line of the tree (the WAI-ARIA tree pattern).
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyAction {
    /// Moves the focus to the line with this key.
    Focus(String),
    /// Expands or collapses this group.
    Toggle(GroupId),
    /// Chooses this group (`None`: all devices).
    Choose(Option<GroupId>),
}

/// The action of `key` on the line `current` of `lines`; `None` for a key the tree leaves to
/// the browser (or a focus that has nowhere to go).
fn key_action(lines: &[Line], current: &str, key: &str) -> Option<KeyAction> {
    let index = lines.iter().position(|line| line.key() == current)?;
    let line = &lines[index];
    let focus = |line: Option<&Line>| line.map(|l| KeyAction::Focus(l.key()));
    match key {
        "ArrowDown" => focus(lines.get(index + 1)),
        "ArrowUp" => focus(index.checked_sub(1).and_then(|i| lines.get(i))),
        "Home" => focus(lines.first()),
        "End" => focus(lines.last()),
        "ArrowRight" if line.has_children && !line.expanded => line.group.map(KeyAction::Toggle),
        "ArrowRight" if line.expanded => focus(lines.get(index + 1)),
        "ArrowLeft" if line.expanded => line.group.map(KeyAction::Toggle),
        "ArrowLeft" => line.parent.map(|id| KeyAction::Focus(id.to_string())),
        "Enter" | " " => Some(KeyAction::Choose(line.group)),
        _ => None,
    }
}

/// Whether `key` belongs to the tree's keyboard, so the browser's own use of it (scrolling) is
/// held back even where it leads nowhere (ArrowUp on the first line).
fn is_tree_key(key: &str) -> bool {
    matches!(
        key,
        "ArrowDown" | "ArrowUp" | "Home" | "End" | "ArrowRight" | "ArrowLeft" | "Enter" | " "
    )
}

/// The tree's state: which groups are open, the visible lines, the line holding Tab focus,
/// and the ways to change them.
#[derive(Clone, Copy)]
struct TreeState {
    expanded: RwSignal<HashSet<GroupId>>,
    lines: Memo<Vec<Line>>,
    /// The line the arrows moved to, until the lines change under it.
    focused: RwSignal<Option<String>>,
    /// The line that takes Tab focus: the focused one, else the chosen group's.
    tab_stop: Memo<String>,
    selected: Signal<Option<GroupId>>,
    on_select: Callback<Option<GroupId>>,
    list: NodeRef<Ul>,
}

impl TreeState {
    /// Top-level groups start expanded, and so does the way to the chosen group.
    fn new(
        tree: GroupTree,
        selected: Signal<Option<GroupId>>,
        on_select: Callback<Option<GroupId>>,
    ) -> TreeState {
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
        let focused = RwSignal::new(None::<String>);
        let tab_stop = Memo::new(move |_| {
            let chosen = selected
                .get()
                .map_or_else(|| "all".to_string(), |id| id.to_string());
            lines.with(|lines| {
                let shown = |key: &String| lines.iter().any(|line| line.key() == *key);
                focused
                    .get()
                    .filter(shown)
                    .or_else(|| shown(&chosen).then_some(chosen))
                    .unwrap_or_else(|| "all".to_string())
            })
        });
        TreeState {
            expanded,
            lines,
            focused,
            tab_stop,
            selected,
            on_select,
            list: NodeRef::new(),
        }
    }

    fn is_open(&self, group: Option<GroupId>) -> bool {
        group.is_some_and(|id| self.expanded.with(|open| open.contains(&id)))
    }

    fn toggle(&self, id: GroupId) {
        self.expanded.update(|open| {
            if !open.remove(&id) {
                open.insert(id);
            }
        })
    }

    /// Chooses the group of a clicked line, which keeps the focus.
    fn choose(&self, key: String, group: Option<GroupId>) {
        self.focused.set(Some(key));
        self.on_select.run(group);
    }

    /// Moves the keyboard focus to the line with `key`.
    fn focus(&self, key: String) {
        self.focused.set(Some(key.clone()));
        let item = self
            .list
            .get_untracked()
            .and_then(|ul| {
                ul.query_selector(&format!("[data-key='{key}']"))
                    .ok()
                    .flatten()
            })
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(item) = item {
            let _ = item.focus();
        }
    }

    fn on_keydown(&self, event: KeyboardEvent) {
        let key = event.key();
        if !is_tree_key(&key) {
            return;
        }
        let action = self
            .lines
            .with_untracked(|lines| key_action(lines, &self.tab_stop.get_untracked(), &key));
        event.prevent_default();
        match action {
            Some(KeyAction::Focus(key)) => self.focus(key),
            Some(KeyAction::Toggle(id)) => self.toggle(id),
            Some(KeyAction::Choose(group)) => self.on_select.run(group),
            None => {}
        }
    }
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
    let state = TreeState::new(tree, selected, on_select);
    view! {
        <ul
            class="group-tree"
            role="tree"
            aria-label=move || locale.t().devices.groups_heading
            data-testid="group-tree"
            node_ref=state.list
            on:keydown=move |event| state.on_keydown(event)
        >
            // Keyed by group: expanding a group adds lines without rebuilding (or unfocusing) the
            // others.
            <For each=move || state.lines.get() key=Line::key let(line)>
                <GroupTreeItem state=state line=line/>
            </For>
        </ul>
    }
}

/// One line of the tree: the toggle, the name and the device count.
#[component]
fn GroupTreeItem(
    /// The tree.
    state: TreeState,
    /// The line as it was first drawn (its place in the tree does not change under its key).
    line: Line,
) -> impl IntoView {
    let locale = use_locale();
    let key = line.key();
    let group = line.group;
    let is_selected = move || state.selected.get() == group;
    let is_open = move || state.is_open(group);
    // "All devices" follows the language; group names are the tenant's own.
    let fixed = line.name.clone();
    let name = move || match group {
        None => locale.t().devices.all_devices.to_string(),
        Some(_) => fixed.clone(),
    };
    let (count, has_children) = (line.count, line.has_children);
    let label = {
        let name = name.clone();
        move || (locale.t().devices.group_item_label)(&name(), count)
    };
    let (tab_key, click_key) = (key.clone(), key.clone());
    let title = name.clone();
    view! {
        <li
            class="group-tree__item"
            class:group-tree__item--selected=is_selected
            role="treeitem"
            data-key=key.clone()
            data-testid=format!("group-{key}")
            aria-posinset=line.position.to_string()
            aria-setsize=line.set_size.to_string()
            aria-expanded=move || has_children.then(|| is_open().to_string())
            aria-selected=move || is_selected().to_string()
            aria-label=label
            tabindex=move || if state.tab_stop.get() == tab_key { "0" } else { "-1" }
            // A custom property set through the CSSOM: a `style` attribute would need 'unsafe-inline'.
            style=("--level", (line.level - 1).to_string())
            on:click=move |_| state.choose(click_key.clone(), group)
        >
            <span
                class="group-tree__toggle"
                class:group-tree__toggle--open=is_open
                aria-hidden="true"
                data-testid=group.map(|id| format!("group-toggle-{id}"))
                on:click=move |event| {
                    if let Some(id) = group.filter(|_| has_children) {
                        event.stop_propagation();
                        state.toggle(id);
                    }
                }
            >
                {if has_children { "▸" } else { "" }}
            </span>
            <span class="group-tree__name" title=title>{name}</span>
            // A space between name and count, so the visible text reads as the start of the
            // accessible name (the flex layout ignores it).
            " "
            <span class="group-tree__count" aria-hidden="true">
                {move || (locale.t().devices.device_count)(count)}
            </span>
        </li>
    }
    // The macro knows no typed `aria-level`; set it as a plain attribute.
    .attr("aria-level", line.level.to_string())
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
    fn the_arrows_move_open_close_and_climb_the_tree() {
        let lines = visible_lines(&tree(), "すべて", &HashSet::from([GroupId(1)]));
        let focus = |key: &str| Some(KeyAction::Focus(key.to_string()));
        assert_eq!(key_action(&lines, "all", "ArrowDown"), focus("1"));
        assert_eq!(key_action(&lines, "all", "ArrowUp"), None);
        assert_eq!(key_action(&lines, "2", "End"), focus("4"));
        assert_eq!(key_action(&lines, "4", "Home"), focus("all"));
        // 営業部 is closed: the first ArrowRight opens it, ArrowLeft goes up to 本社.
        assert_eq!(
            key_action(&lines, "2", "ArrowRight"),
            Some(KeyAction::Toggle(GroupId(2)))
        );
        assert_eq!(key_action(&lines, "2", "ArrowLeft"), focus("1"));
        // 本社 is open: ArrowRight steps into it, ArrowLeft closes it.
        assert_eq!(key_action(&lines, "1", "ArrowRight"), focus("2"));
        assert_eq!(
            key_action(&lines, "1", "ArrowLeft"),
            Some(KeyAction::Toggle(GroupId(1)))
        );
        assert_eq!(
            key_action(&lines, "all", "Enter"),
            Some(KeyAction::Choose(None))
        );
        assert_eq!(
            key_action(&lines, "4", " "),
            Some(KeyAction::Choose(Some(GroupId(4))))
        );
        assert_eq!(key_action(&lines, "4", "a"), None);
        assert!(!is_tree_key("Tab") && is_tree_key("Home"));
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
