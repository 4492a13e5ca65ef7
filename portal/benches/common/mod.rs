//! What both benchmarks share: historical jobs written straight into a seeded store.

use chrono::{DateTime, Duration, Utc};
use mdm_model::job::{JobMethod, JobStatus};
use mdm_portal::store::{seed::rng::SeedRng, sql::params, Store};

/// Writes `count` historical jobs straight into the store: mostly finished, a few open, spread
/// over the last 90 days, some as Hybrid pairs.
pub fn seed_jobs(store: &Store, count: usize, now: DateTime<Utc>, avoid_group: i64) -> usize {
    store
        .blocking(|conn| {
            let tx = conn.transaction()?;
            let devices: Vec<(i64, String, i64, String)> = tx
                .prepare("SELECT id, management_method, group_id, name FROM devices")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<Result<_, _>>()?;
            let mut rng = SeedRng::new(99);
            let mut written = 0usize;
            let mut open_devices = std::collections::HashSet::new();
            while written < count {
                let (device, method, group, name) = &devices[rng.below(devices.len() as u64) as usize];
                let at = (now - Duration::minutes(rng.below(90 * 24 * 60) as i64)).timestamp_millis();
                let wipe: i64 = tx.query_row(
                    "INSERT INTO wipes (tenant_id, registered_by, registered_at, delete_general_info, keep_esim_data_plan) \
                     VALUES (1, 1, ?1, 1, 0) RETURNING id",
                    [at],
                    |r| r.get(0),
                )?;
                let open = *group != avoid_group && rng.chance(0.03) && open_devices.insert(*device);
                let methods: &[&str] = match method.as_str() {
                    "hybrid" => &["ivi_mdm", "apple_mdm"],
                    "ivi_mdm" => &["ivi_mdm"],
                    _ => &["apple_mdm"],
                };
                let mut ids = Vec::new();
                let (mut status_mask, mut method_mask) = (0i64, 0i64);
                for m in methods {
                    let status = if open {
                        "waiting_for_device"
                    } else {
                        *rng.weighted(&[("succeeded", 80), ("failed", 8), ("cancelled", 12)])
                    };
                    let id: i64 = tx.query_row(
                        "INSERT INTO jobs (tenant_id, wipe_id, device_id, method, status, status_reason, status_changed_at, \
                         entry_id, registered_at, due_at, next_check_at, updated_at, entry_updated_at, registered_by, device_name) \
                         VALUES (1, ?1, ?2, ?3, ?4, 'registered', ?5, 0, ?5, ?5, ?6, ?5, ?5, 1, ?7) RETURNING id",
                        params![wipe, device, m, status, at, at + 86_400_000_000i64, name],
                        |r| r.get(0),
                    )?;
                    let status_position = JobStatus::ALL.iter().position(|s| s.as_str() == status).unwrap_or(0);
                    let method_position = JobMethod::ALL.iter().position(|x| x.as_str() == *m).unwrap_or(0);
                    status_mask |= 1 << status_position;
                    method_mask |= 1 << method_position;
                    tx.execute("UPDATE jobs SET entry_id = ?1 WHERE id = ?1", [id])?;
                    tx.execute(
                        "INSERT INTO job_events (job_id, at, status, reason) VALUES (?1, ?2, ?3, 'registered')",
                        params![id, at, status],
                    )?;
                    ids.push(id);
                    written += 1;
                }
                if let [ivi, apple] = ids[..] {
                    tx.execute("UPDATE jobs SET pair_job_id = ?2, entry_id = ?1 WHERE id = ?1", [ivi, apple])?;
                    tx.execute("UPDATE jobs SET pair_job_id = ?1, entry_id = ?1 WHERE id = ?2", [ivi, apple])?;
                }
                tx.execute(
                    "UPDATE jobs SET status_mask = ?2, method_mask = ?3 WHERE id = ?1",
                    [ids[0], status_mask, method_mask],
                )?;
            }
            // The record of what each job was ordered on (migration 11), built from the
            // device rows in one statement rather than one serialization per job.
            tx.execute_batch(
                "UPDATE jobs SET (device_snapshot, job_search_text) = (\
                 SELECT json_object('id', d.id, 'name', d.name, 'os', d.os, 'os_version', d.os_version, \
                 'model', d.model, 'serial_number', d.serial_number, 'user_full_name', d.user_full_name, \
                 'employee_number', d.employee_number, 'management_method', d.management_method, \
                 'ownership', d.ownership, 'group_path', (SELECT g.name FROM groups g WHERE g.id = d.group_id)), \
                 lower(d.name) || char(10) || lower(d.serial_number) || coalesce(char(10) || lower(d.user_full_name), '') \
                 FROM devices d WHERE d.id = jobs.device_id) WHERE device_snapshot IS NULL",
            )?;
            tx.commit()?;
            Ok(written)
        })
        .expect("seeding jobs")
}
