//! Each test has a ledger of its own, as each database has.

use super::*;
use device_deps::{LAST_SEEN, ROWS, STATUS, USER};
use std::convert::Infallible;

thread_local! {
    /// The ledger of this test (tests run on threads of their own).
    static LEDGER: Arc<Ledger> = Arc::default();
}

fn ledger() -> Arc<Ledger> {
    LEDGER.with(Arc::clone)
}

fn cache(max_age: Duration) -> ListCache {
    ListCache::new(Table::Devices, device_deps::SOFT, max_age, ledger())
}

fn exact() -> ListCache {
    cache(Duration::ZERO)
}

/// Looks `key` up, computing `ids` when needed; answers the ids and whether it computed.
fn look(cache: &ListCache, key: &str, tenant: i64, deps: Deps, ids: &[i64]) -> (Vec<i64>, bool) {
    let mut computed = false;
    let (found, refresh) = cache
        .ids::<Infallible>(key, TenantId(tenant), deps, || {
            computed = true;
            Ok(ids.to_vec())
        })
        .unwrap();
    // A refresh is computed "in the background" at once, as the routes do.
    if let Some(refresh) = refresh {
        cache.finish(refresh, Some(ids.to_vec()));
    }
    (found.to_vec(), computed)
}

fn change(tenant: i64, deps: Deps) {
    record(Table::Devices, TenantId(tenant), deps);
    ledger().publish();
}

#[test]
fn a_change_in_one_tenant_keeps_the_other_tenants_lists() {
    let cache = exact();
    assert_eq!(look(&cache, "a", 9_101, ROWS, &[1, 2]), (vec![1, 2], true));
    assert_eq!(look(&cache, "b", 9_102, ROWS, &[7]), (vec![7], true));
    change(9_101, ROWS);
    assert_eq!(look(&cache, "a", 9_101, ROWS, &[2, 1]), (vec![2, 1], true));
    assert_eq!(look(&cache, "b", 9_102, ROWS, &[8]), (vec![7], false));
}

#[test]
fn a_change_to_a_column_the_list_does_not_read_keeps_it() {
    let cache = exact();
    look(&cache, "by name", 9_201, ROWS, &[1, 2, 3]);
    look(&cache, "by last seen", 9_201, ROWS | LAST_SEEN, &[3, 2, 1]);
    change(9_201, LAST_SEEN | STATUS);
    assert!(!look(&cache, "by name", 9_201, ROWS, &[]).1);
    assert!(look(&cache, "by last seen", 9_201, ROWS | LAST_SEEN, &[2, 3, 1]).1);
    // A row added or removed retires every list of the tenant.
    change(9_201, ROWS);
    assert!(look(&cache, "by name", 9_201, ROWS, &[1, 2]).1);
}

#[test]
fn changes_are_seen_only_once_published() {
    let cache = exact();
    look(&cache, "a", 9_301, USER, &[1]);
    record(Table::Devices, TenantId(9_301), USER);
    assert!(!look(&cache, "a", 9_301, USER, &[2]).1, "not yet committed");
    ledger().publish();
    assert!(look(&cache, "a", 9_301, USER, &[2]).1);
    // Another table's change of the same tenant and bit is not this table's.
    record(Table::Jobs, TenantId(9_301), USER);
    ledger().publish();
    assert!(!look(&cache, "a", 9_301, USER, &[3]).1);
}

#[test]
fn a_list_changed_only_in_soft_columns_is_served_stale_within_its_age() {
    let cache = cache(Duration::from_secs(3600));
    look(&cache, "online", 9_401, STATUS, &[1, 2]);
    change(9_401, STATUS);
    assert_eq!(
        look(&cache, "online", 9_401, STATUS, &[1]),
        (vec![1, 2], false)
    );
    assert_eq!(cache.counts.stale.load(Ordering::Relaxed), 1);
    // A hard change is never served stale.
    change(9_401, USER | ROWS);
    assert_eq!(look(&cache, "online", 9_401, STATUS, &[1]), (vec![1], true));
}

#[test]
fn an_old_stale_list_is_refreshed_beside_the_requests_that_keep_serving_it() {
    let cache = cache(Duration::from_millis(1));
    look(&cache, "recent", 9_501, LAST_SEEN, &[1, 2]);
    change(9_501, LAST_SEEN);
    std::thread::sleep(Duration::from_millis(5));
    let key = TenantId(9_501);
    let never = || -> Result<Vec<i64>, Infallible> { panic!("no request computes inline") };
    let (stale, refresh) = cache.ids("recent", key, LAST_SEEN, never).unwrap();
    assert_eq!(*stale, vec![1, 2]);
    let refresh = refresh.expect("this request hands out the refresh");
    // While it runs, others get the stale list and no second refresh.
    let (again, second) = cache.ids("recent", key, LAST_SEEN, never).unwrap();
    assert_eq!((again.to_vec(), second.is_none()), (vec![1, 2], true));
    cache.finish(refresh, Some(vec![2, 1]));
    assert_eq!(
        look(&cache, "recent", 9_501, LAST_SEEN, &[9]),
        (vec![2, 1], false)
    );
    assert_eq!(cache.counts.fresh.load(Ordering::Relaxed), 1);
}

#[test]
fn a_failed_refresh_lets_the_next_request_try_again() {
    let cache = cache(Duration::from_millis(1));
    look(&cache, "a", 9_601, STATUS, &[1]);
    change(9_601, STATUS);
    std::thread::sleep(Duration::from_millis(5));
    let (_, refresh) = cache
        .ids("a", TenantId(9_601), STATUS, || Err("no"))
        .unwrap();
    cache.finish(refresh.expect("a refresh"), None);
    let (_, retry) = cache
        .ids("a", TenantId(9_601), STATUS, || Err("no"))
        .unwrap();
    assert!(retry.is_some(), "the next request refreshes again");
    // A failed inline computation is the request's error.
    change(9_601, ROWS);
    let failed = cache.ids("a", TenantId(9_601), STATUS, || Err("disk gone"));
    assert_eq!(failed.err(), Some("disk gone"));
}

#[test]
fn capacity_is_bounded() {
    let cache = exact();
    for i in 0..(CAPACITY + 5) {
        look(&cache, &format!("k{i}"), 9_701, ROWS, &[i as i64]);
    }
    assert_eq!(cache.cached_for(TenantId(9_701)), CAPACITY);
    assert!(look(&cache, "k0", 9_701, ROWS, &[0]).1);
    assert!(!look(&cache, &format!("k{}", CAPACITY + 4), 9_701, ROWS, &[0]).1);
}

#[test]
fn a_slow_list_is_served_stale_for_ten_times_its_cost() {
    let cache = cache(Duration::from_millis(1));
    let (_, refresh) = cache
        .ids::<Infallible>("slow", TenantId(9_801), STATUS, || {
            std::thread::sleep(Duration::from_millis(50));
            Ok(vec![1])
        })
        .unwrap();
    assert!(refresh.is_none());
    change(9_801, STATUS);
    std::thread::sleep(Duration::from_millis(5));
    assert_eq!(look(&cache, "slow", 9_801, STATUS, &[2]), (vec![1], false));
}
