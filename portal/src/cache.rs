//! A cache of ordered result ids, so paging through one filtered, sorted list does not re-run
//! the whole query for every page: the first page computes the ordered ids (one index-only
//! scan) and the total, later pages slice them.
//!
//! Invalidation is per tenant and per column: every write records which of a table's columns
//! it changed for which tenant ([`record`]), and a list remembers the columns its filter and
//! sort read ([`device_deps`], [`job_deps`]). A device going offline in tenant A retires
//! neither tenant B's lists nor A's lists sorted by name. Changes are made known only after
//! their transaction ended ([`Ledger::publish`], called by the store, which keeps one ledger
//! per database), so a list computed from a snapshot older than a change is never taken for a
//! fresh one.
//!
//! Columns the fleet changes by itself all the time (a device's status and last-seen time, a
//! job's status) are "soft": a list depending on them may be served up to `max_age` old while
//! one request recomputes it, instead of every page rescanning a churning million-row list.
//! A list that takes long to compute is served a little longer, up to ten times its last
//! computation, so recomputing one list never takes more than about a tenth of a connection's
//! time. An administrator's own writes are recorded as hard changes and always seen at once.

use std::{
    cell::RefCell,
    collections::{HashMap, VecDeque},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use crate::ids::TenantId;

/// The tables whose lists are cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Devices,
    Jobs,
}

/// A set of columns (bits) of one table: what a list reads, or what a write changed.
pub type Deps = u16;

/// Column groups of the devices table.
pub mod device_deps {
    use super::Deps;
    /// Rows added or removed, or columns no list reads separately (always a dependency).
    pub const ROWS: Deps = 1;
    pub const GROUP: Deps = 1 << 1;
    pub const STATUS: Deps = 1 << 2;
    pub const LAST_SEEN: Deps = 1 << 3;
    pub const USER: Deps = 1 << 4;
    pub const PHONE: Deps = 1 << 5;
    pub const EMPLOYEE: Deps = 1 << 6;
    pub const TAGS: Deps = 1 << 7;
    pub const SEARCH: Deps = 1 << 8;
    /// Lost mode and the lock (the `mark` filter).
    pub const MARKS: Deps = 1 << 9;
    /// What the simulator changes by itself.
    pub const SOFT: Deps = STATUS | LAST_SEEN;
}

/// Column groups of the job list's entries.
pub mod job_deps {
    use super::Deps;
    /// Entries added or removed, and every change an administrator makes.
    pub const ROWS: Deps = 1;
    pub const STATUS: Deps = 1 << 1;
    pub const UPDATED: Deps = 1 << 2;
    /// What the engine changes as jobs move.
    pub const SOFT: Deps = STATUS | UPDATED;
}

const BITS: usize = Deps::BITS as usize;
type Versions = [u64; BITS];

thread_local! {
    /// Changes made on this thread whose transaction may still be open.
    static PENDING: RefCell<Vec<(Table, i64, Deps)>> = const { RefCell::new(Vec::new()) };
}

/// Notes a write to `table` in `tenant` touching `deps`; made known by the next
/// [`Ledger::publish`] on this thread (the store calls it once the writer's work has committed
/// or rolled back).
pub fn record(table: Table, tenant: TenantId, deps: Deps) {
    if deps != 0 {
        PENDING.with(|p| p.borrow_mut().push((table, tenant.0, deps)));
    }
}

/// This thread's recorded changes not yet published (written to the shared journal of a
/// database several instances use, see `store::instances`).
pub fn pending() -> Vec<(Table, i64, Deps)> {
    PENDING.with(|p| p.borrow().clone())
}

/// Published change counters of one database, per table, tenant and column.
#[derive(Debug, Default)]
pub struct Ledger(Mutex<HashMap<(Table, i64), Versions>>);

impl Ledger {
    /// Makes this thread's recorded changes known to every list cache of the database.
    pub fn publish(&self) {
        let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        if pending.is_empty() {
            return;
        }
        for (table, tenant, deps) in pending {
            self.apply(table, tenant, deps);
        }
    }

    /// Counts a change another instance made (read from the shared journal).
    pub fn apply(&self, table: Table, tenant: i64, deps: Deps) {
        let mut ledger = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let versions = ledger.entry((table, tenant)).or_insert([0; BITS]);
        for (bit, version) in versions.iter_mut().enumerate() {
            if deps & (1 << bit) != 0 {
                *version += 1;
            }
        }
    }

    fn versions(&self, table: Table, tenant: i64) -> Versions {
        let ledger = self.0.lock().unwrap_or_else(|p| p.into_inner());
        ledger.get(&(table, tenant)).copied().unwrap_or([0; BITS])
    }
}

/// The columns among `deps` whose version differs.
fn changed(deps: Deps, then: &Versions, now: &Versions) -> Deps {
    (0..BITS)
        .filter(|&bit| deps & (1 << bit) != 0 && then[bit] != now[bit])
        .fold(0, |acc, bit| acc | (1 << bit))
}

/// A refresh not finished this long after the list's age ran out is taken as lost (its task
/// failed), and the next request starts another.
const REFRESH_GIVE_UP: Duration = Duration::from_secs(30);

/// Most lists kept at once (each is at most one id per row of the table).
const CAPACITY: usize = 32;

#[derive(Debug)]
struct Entry {
    key: String,
    tenant: i64,
    deps: Deps,
    versions: Versions,
    ids: Arc<Vec<i64>>,
    computed: Instant,
    /// How long computing it took.
    cost: Duration,
    /// One request is recomputing this stale list; the others keep serving it meanwhile.
    refreshing: bool,
}

/// How lookups were answered, for `/metrics`.
#[derive(Debug, Default)]
pub struct CacheCounts {
    pub fresh: AtomicU64,
    pub stale: AtomicU64,
    pub computed: AtomicU64,
}

/// Ordered id lists by query key, most recently used last.
#[derive(Debug)]
pub struct ListCache {
    table: Table,
    ledger: Arc<Ledger>,
    soft: Deps,
    max_age: Duration,
    entries: Mutex<VecDeque<Entry>>,
    pub counts: CacheCounts,
}

enum Plan {
    /// The cached ids; `true` when fresh.
    Serve(Arc<Vec<i64>>, bool),
    /// The stale ids, and this caller is to refresh them.
    Refresh(Arc<Vec<i64>>),
    Compute,
}

/// A list to recompute, with the change versions read before the computation began.
#[derive(Debug)]
pub struct Refresh {
    key: String,
    tenant: i64,
    deps: Deps,
    versions: Versions,
    started: Instant,
}

impl ListCache {
    /// A cache of lists of `table` of the database whose changes `ledger` counts; lists
    /// changed only in `soft` columns may be served up to `max_age` old (zero: always exact).
    pub fn new(table: Table, soft: Deps, max_age: Duration, ledger: Arc<Ledger>) -> ListCache {
        ListCache {
            table,
            ledger,
            soft,
            max_age,
            entries: Mutex::default(),
            counts: CacheCounts::default(),
        }
    }

    /// The ordered ids of the list `key` of `tenant`, which reads the columns `deps`: from the
    /// cache while still valid, else from `compute` (which must read the database after this
    /// call began, as any read it makes does). A list changed only softly and past its age is
    /// answered as it was, with a [`Refresh`] for the caller to compute in the background and
    /// hand to [`ListCache::finish`]: no request waits for a refresh.
    pub fn ids<E>(
        &self,
        key: &str,
        tenant: TenantId,
        deps: Deps,
        compute: impl FnOnce() -> Result<Vec<i64>, E>,
    ) -> Result<(Arc<Vec<i64>>, Option<Refresh>), E> {
        let deps = deps | 1;
        // Read before computing: a change published after this point makes the result stale.
        let now = self.ledger.versions(self.table, tenant.0);
        let refresh = Refresh {
            key: key.to_string(),
            tenant: tenant.0,
            deps,
            versions: now,
            started: Instant::now(),
        };
        match self.plan(key, deps, &now) {
            Plan::Serve(ids, fresh) => {
                let counter = if fresh {
                    &self.counts.fresh
                } else {
                    &self.counts.stale
                };
                counter.fetch_add(1, Ordering::Relaxed);
                Ok((ids, None))
            }
            Plan::Refresh(ids) => {
                self.counts.stale.fetch_add(1, Ordering::Relaxed);
                Ok((ids, Some(refresh)))
            }
            Plan::Compute => {
                let ids = Arc::new(compute()?);
                self.keep(refresh, ids.clone());
                Ok((ids, None))
            }
        }
    }

    /// Stores a list computed for `refresh`; `None` (the computation failed) lets a later
    /// request try again.
    pub fn finish(&self, refresh: Refresh, ids: Option<Vec<i64>>) {
        match ids {
            Some(ids) => self.keep(refresh, Arc::new(ids)),
            None => self.with_entry(&refresh.key, |e| e.refreshing = false),
        }
    }

    fn keep(&self, refresh: Refresh, ids: Arc<Vec<i64>>) {
        self.counts.computed.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.lock();
        entries.retain(|e| e.key != refresh.key);
        while entries.len() >= CAPACITY {
            entries.pop_front();
        }
        entries.push_back(Entry {
            key: refresh.key,
            tenant: refresh.tenant,
            deps: refresh.deps,
            versions: refresh.versions,
            ids,
            computed: Instant::now(),
            cost: refresh.started.elapsed(),
            refreshing: false,
        });
    }

    fn plan(&self, key: &str, deps: Deps, now: &Versions) -> Plan {
        let mut entries = self.lock();
        let Some(position) = entries.iter().position(|e| e.key == key && e.deps == deps) else {
            return Plan::Compute;
        };
        let Some(mut entry) = entries.remove(position) else {
            return Plan::Compute;
        };
        let changed = changed(deps, &entry.versions, now);
        let plan = if changed == 0 {
            Plan::Serve(entry.ids.clone(), true)
        } else if changed & !self.soft != 0 || self.max_age.is_zero() {
            // A hard change, or lists kept exact: this request computes the list.
            return Plan::Compute;
        } else if entry.computed.elapsed() < self.serve_stale_for(&entry)
            || (entry.refreshing
                && entry.computed.elapsed() < self.serve_stale_for(&entry) + REFRESH_GIVE_UP)
        {
            Plan::Serve(entry.ids.clone(), false)
        } else {
            entry.refreshing = true;
            Plan::Refresh(entry.ids.clone())
        };
        entries.push_back(entry);
        plan
    }

    /// How long after its computation a list changed only softly may be served: `max_age`,
    /// or ten times what the list cost when that is longer (never when lists are exact).
    fn serve_stale_for(&self, entry: &Entry) -> Duration {
        if self.max_age.is_zero() {
            return Duration::ZERO;
        }
        self.max_age.max(entry.cost * 10)
    }

    fn with_entry(&self, key: &str, f: impl FnOnce(&mut Entry)) {
        if let Some(entry) = self.lock().iter_mut().find(|e| e.key == key) {
            f(entry);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Entry>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How many lists of `tenant` are cached (tests).
    pub fn cached_for(&self, tenant: TenantId) -> usize {
        self.lock().iter().filter(|e| e.tenant == tenant.0).count()
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
