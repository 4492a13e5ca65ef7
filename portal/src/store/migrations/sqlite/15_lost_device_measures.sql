-- 15: lost-device measures beside the wipe (issue "紛失時対策").
-- Apple supervision decides lost mode; DEP-enrolled iPhones and iPads are supervised.
ALTER TABLE devices ADD COLUMN supervised INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET supervised = 1 WHERE enrollment = 'dep' AND os IN ('ios', 'ipados');
-- 紛失モード and ロック中 as the device table shows and filters them.
ALTER TABLE devices ADD COLUMN lost_mode INTEGER NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
CREATE INDEX devices_in_lost_mode ON devices(tenant_id, id) WHERE lost_mode = 1;
CREATE INDEX devices_locked ON devices(tenant_id, id) WHERE locked = 1;
-- What a job does ('wipe' for every job before this migration) and, for a measure, the
-- options it was registered with (the model's MeasureOptions as JSON).
ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'wipe';
ALTER TABLE jobs ADD COLUMN measure_options TEXT;
CREATE INDEX jobs_by_kind ON jobs(tenant_id, kind, registered_at DESC, id DESC) WHERE id = entry_id;
-- At most one open job per device, channel and kind: a lock may wait beside a wipe, but two
-- wipes (or two locks) of one device may not.
DROP INDEX jobs_one_open_per_device;
CREATE UNIQUE INDEX jobs_one_open_per_device ON jobs(device_id, method, kind)
    WHERE status IN ('scheduled', 'waiting_for_device', 'sent');
-- Where a device in lost mode said it was, oldest first: Apple's DeviceLocation answers and
-- Android's lost-mode location events.
CREATE TABLE device_locations (
    id                    INTEGER PRIMARY KEY,
    tenant_id             INTEGER NOT NULL REFERENCES tenants(id),
    device_id             INTEGER NOT NULL,
    job_id                INTEGER REFERENCES jobs(id),
    latitude              REAL NOT NULL,
    longitude             REAL NOT NULL,
    horizontal_accuracy_m REAL,
    located_at            INTEGER NOT NULL
);
CREATE INDEX device_locations_by_device ON device_locations(device_id, located_at DESC, id DESC);
CREATE INDEX device_locations_by_job ON device_locations(job_id);
