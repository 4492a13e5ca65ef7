//! The group tree's lines and keys, apart from the screen: which lines a tree shows with some
//! groups open, the way down to a group, and what each key of the WAI-ARIA tree pattern does.

use std::collections::HashSet;

use mdm_model::group::{GroupNode, GroupTree};
use mdm_model::ids::GroupId;

/// One visible line of the tree. `group` is `None` for "all devices".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    pub(super) group: Option<GroupId>,
    pub(super) name: String,
    pub(super) count: u64,
    pub(super) level: u32,
    pub(super) parent: Option<GroupId>,
    pub(super) has_children: bool,
    pub(super) expanded: bool,
    pub(super) position: usize,
    pub(super) set_size: usize,
}

impl Line {
    pub(super) fn key(&self) -> String {
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
pub(super) fn visible_lines(
    tree: &GroupTree,
    all_devices: &str,
    expanded: &HashSet<GroupId>,
) -> Vec<Line> {
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
pub(super) fn path_to(nodes: &[GroupNode], target: GroupId) -> Option<Vec<GroupId>> {
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
pub(super) enum KeyAction {
    /// Moves the focus to the line with this key.
    Focus(String),
    /// Expands or collapses this group.
    Toggle(GroupId),
    /// Chooses this group (`None`: all devices).
    Choose(Option<GroupId>),
}

/// The action of `key` on the line `current` of `lines`; `None` for a key the tree leaves to
/// the browser (or a focus that has nowhere to go).
pub(super) fn key_action(lines: &[Line], current: &str, key: &str) -> Option<KeyAction> {
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
pub(super) fn is_tree_key(key: &str) -> bool {
    matches!(
        key,
        "ArrowDown" | "ArrowUp" | "Home" | "End" | "ArrowRight" | "ArrowLeft" | "Enter" | " "
    )
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
