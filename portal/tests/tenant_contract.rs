//! The contract date decides IVI MDM: a tenant contracted from December 2018 has no IVI MDM
//! or Hybrid devices, and the portal refuses to store one.

use chrono::{NaiveDate, TimeZone, Utc};
use mdm_model::device::{DeviceFilter, ManagementMethod, Os};
use mdm_portal::{
    auth::HashCost,
    store::{
        devices,
        seed::{self, FleetSpec},
        Store,
    },
};

#[test]
fn a_tenant_contracted_after_2018_is_seeded_without_ivi_and_refuses_a_hybrid_device() {
    let store = Store::open_scratch().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let fleet = FleetSpec {
        devices: 400,
        seed: 11,
        contracted_on: NaiveDate::from_ymd_opt(2021, 4, 1).unwrap(),
    };
    let all_of = |conn: &mdm_portal::store::sql::Connection, tenant| {
        devices::matching(conn, tenant, &DeviceFilter::default(), None)
    };
    store
        .blocking(move |conn| {
            let tenant = seed::seed_demo(conn, HashCost::Fast, fleet, now)?.expect("a new tenant");
            let all = all_of(conn, tenant)?;
            assert!(all.iter().any(|d| d.os.is_apple_mobile()));
            assert!(all.iter().any(|d| d.os == Os::MacOs));
            assert!(!all.iter().any(|d| matches!(
                d.management_method,
                ManagementMethod::IviMdm | ManagementMethod::Hybrid
            )));
            let mut hybrid = all.iter().find(|d| d.os == Os::Ios).unwrap().clone();
            hybrid.management_method = ManagementMethod::Hybrid;
            let refused = devices::insert(conn, tenant, &hybrid).unwrap_err();
            assert!(
                refused.to_string().contains("ivi_needs_old_contract"),
                "{refused}"
            );
            assert_eq!(all_of(conn, tenant)?.len(), all.len(), "nothing written");
            Ok(())
        })
        .unwrap();
}
