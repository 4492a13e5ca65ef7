//! The group tree (グループ) beside the device table: expand and collapse, device counts, and
//! the keyboard of the WAI-ARIA tree pattern (arrows, Home, End, Enter).

use std::collections::HashSet;

use leptos::html::Ul;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use mdm_model::group::GroupTree;
use mdm_model::ids::GroupId;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::i18n::use_locale;

use super::tree_lines::{is_tree_key, key_action, path_to, visible_lines, KeyAction, Line};

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
