//! The group tree devices live in (グループ).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::device::DeviceFilter;
use crate::ids::GroupId;
use crate::query::{ParamProblem, QueryParamError};

/// A group as stored: a name and an optional parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    pub parent_id: Option<GroupId>,
    pub name: String,
}

/// A node of `GET /api/groups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupNode {
    pub id: GroupId,
    pub name: String,
    /// Devices directly in this group.
    pub device_count: u64,
    /// Devices in this group and all of its descendants.
    pub total_device_count: u64,
    pub children: Vec<GroupNode>,
}

/// Answer of `GET /api/groups`: the whole tree with device counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTree {
    pub roots: Vec<GroupNode>,
    /// Devices of the tenant (the sum over the roots).
    pub total_devices: u64,
}

/// Groups that cannot form a tree.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupTreeError {
    #[error("group {0} appears twice")]
    DuplicateId(GroupId),
    #[error("group {child} names a parent {parent} that does not exist")]
    UnknownParent { child: GroupId, parent: GroupId },
    #[error("group {0} is its own ancestor")]
    Cycle(GroupId),
}

/// A validated set of groups with parent/child navigation.
#[derive(Debug, Clone)]
pub struct GroupForest {
    groups: Vec<Group>,
    index: HashMap<GroupId, usize>,
    children: HashMap<GroupId, Vec<GroupId>>,
    roots: Vec<GroupId>,
}

impl GroupForest {
    /// Checks that ids are unique, parents exist and there is no cycle. Sibling order is the
    /// order of `groups`.
    pub fn new(groups: Vec<Group>) -> Result<GroupForest, GroupTreeError> {
        let mut index = HashMap::with_capacity(groups.len());
        for (position, group) in groups.iter().enumerate() {
            if index.insert(group.id, position).is_some() {
                return Err(GroupTreeError::DuplicateId(group.id));
            }
        }
        let mut children: HashMap<GroupId, Vec<GroupId>> = HashMap::new();
        let mut roots = Vec::new();
        for group in &groups {
            match group.parent_id {
                None => roots.push(group.id),
                Some(parent) if !index.contains_key(&parent) => {
                    return Err(GroupTreeError::UnknownParent {
                        child: group.id,
                        parent,
                    });
                }
                Some(parent) => children.entry(parent).or_default().push(group.id),
            }
        }
        let forest = GroupForest {
            groups,
            index,
            children,
            roots,
        };
        // Every group must be reachable from a root; the unreachable ones sit on a cycle.
        let reachable = forest.descendants_of(&forest.roots);
        if let Some(group) = forest.groups.iter().find(|g| !reachable.contains(&g.id)) {
            return Err(GroupTreeError::Cycle(group.id));
        }
        Ok(forest)
    }

    pub fn get(&self, id: GroupId) -> Option<&Group> {
        self.index.get(&id).map(|&position| &self.groups[position])
    }

    pub fn contains(&self, id: GroupId) -> bool {
        self.index.contains_key(&id)
    }

    fn descendants_of(&self, starts: &[GroupId]) -> HashSet<GroupId> {
        let mut seen = HashSet::new();
        let mut stack = starts.to_vec();
        while let Some(id) = stack.pop() {
            if seen.insert(id) {
                stack.extend(self.children.get(&id).into_iter().flatten().copied());
            }
        }
        seen
    }

    /// The groups a "group" filter covers: the group alone, or with all its descendants.
    /// `None` when the group does not exist.
    pub fn scope(&self, group: GroupId, include_subgroups: bool) -> Option<HashSet<GroupId>> {
        if !self.contains(group) {
            return None;
        }
        Some(if include_subgroups {
            self.descendants_of(&[group])
        } else {
            HashSet::from([group])
        })
    }

    /// The groups a device filter's `group` covers (`None`: every group); a group that does not
    /// exist is a bad `group` parameter.
    pub fn filter_scope(
        &self,
        filter: &DeviceFilter,
    ) -> Result<Option<HashSet<GroupId>>, QueryParamError> {
        match filter.group {
            None => Ok(None),
            Some(group) => self
                .scope(group, filter.include_subgroups)
                .map(Some)
                .ok_or_else(|| {
                    QueryParamError::new(
                        "group",
                        ParamProblem::Unparsable {
                            value: group.to_string(),
                        },
                    )
                }),
        }
    }

    /// The group and its ancestors, root first (for a breadcrumb).
    pub fn path(&self, group: GroupId) -> Vec<&Group> {
        let mut path = Vec::new();
        let mut current = self.get(group);
        while let Some(g) = current {
            path.push(g);
            current = g.parent_id.and_then(|parent| self.get(parent));
        }
        path.reverse();
        path
    }

    /// The tree with counts, from the number of devices directly in each group.
    pub fn tree(&self, direct_counts: &HashMap<GroupId, u64>) -> GroupTree {
        let roots: Vec<GroupNode> = self
            .roots
            .iter()
            .map(|&id| self.node(id, direct_counts))
            .collect();
        let total_devices = roots.iter().map(|node| node.total_device_count).sum();
        GroupTree {
            roots,
            total_devices,
        }
    }

    fn node(&self, id: GroupId, direct_counts: &HashMap<GroupId, u64>) -> GroupNode {
        let children: Vec<GroupNode> = self
            .children
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&child| self.node(child, direct_counts))
            .collect();
        let device_count = direct_counts.get(&id).copied().unwrap_or(0);
        let total_device_count =
            device_count + children.iter().map(|c| c.total_device_count).sum::<u64>();
        let name = self.get(id).map(|g| g.name.clone()).unwrap_or_default();
        GroupNode {
            id,
            name,
            device_count,
            total_device_count,
            children,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: i64, parent: Option<i64>, name: &str) -> Group {
        Group {
            id: GroupId(id),
            parent_id: parent.map(GroupId),
            name: name.to_string(),
        }
    }

    fn company() -> GroupForest {
        GroupForest::new(vec![
            group(1, None, "本社"),
            group(2, Some(1), "営業部"),
            group(3, Some(2), "東京営業所"),
            group(4, Some(1), "開発部"),
            group(5, None, "未所属"),
        ])
        .unwrap()
    }

    #[test]
    fn counts_add_up_through_the_tree() {
        let counts = HashMap::from([
            (GroupId(1), 2),
            (GroupId(2), 10),
            (GroupId(3), 5),
            (GroupId(5), 1),
        ]);
        let tree = company().tree(&counts);
        assert_eq!(tree.total_devices, 18);
        let head_office = &tree.roots[0];
        assert_eq!(
            (head_office.device_count, head_office.total_device_count),
            (2, 17)
        );
        assert_eq!(head_office.children[0].total_device_count, 15);
        assert_eq!(head_office.children[1].name, "開発部");
        assert_eq!(head_office.children[1].total_device_count, 0);
    }

    #[test]
    fn scope_with_and_without_subgroups() {
        let forest = company();
        let with = forest.scope(GroupId(2), true).unwrap();
        assert_eq!(with, HashSet::from([GroupId(2), GroupId(3)]));
        assert_eq!(
            forest.scope(GroupId(2), false).unwrap(),
            HashSet::from([GroupId(2)])
        );
        assert_eq!(forest.scope(GroupId(99), true), None);
    }

    #[test]
    fn path_runs_from_the_root() {
        let forest = company();
        let names: Vec<&str> = forest
            .path(GroupId(3))
            .iter()
            .map(|g| g.name.as_str())
            .collect();
        assert_eq!(names, ["本社", "営業部", "東京営業所"]);
    }

    #[test]
    fn refuses_broken_trees() {
        let unknown = GroupForest::new(vec![group(1, Some(7), "a")]).unwrap_err();
        assert_eq!(
            unknown,
            GroupTreeError::UnknownParent {
                child: GroupId(1),
                parent: GroupId(7)
            }
        );
        let cycle = GroupForest::new(vec![
            group(1, None, "r"),
            group(2, Some(3), "a"),
            group(3, Some(2), "b"),
        ]);
        assert!(matches!(cycle, Err(GroupTreeError::Cycle(_))));
        let duplicate = GroupForest::new(vec![group(1, None, "a"), group(1, None, "b")]);
        assert_eq!(
            duplicate.unwrap_err(),
            GroupTreeError::DuplicateId(GroupId(1))
        );
    }
}
