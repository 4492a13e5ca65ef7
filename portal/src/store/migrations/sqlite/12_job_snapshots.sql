
    ALTER TABLE jobs ADD COLUMN device_snapshot TEXT;
    ALTER TABLE jobs ADD COLUMN job_search_text TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN rts_dep_profile_name TEXT;
    ALTER TABLE wipes ADD COLUMN wifi_name TEXT;
    ALTER TABLE wipes ADD COLUMN wifi_ssid TEXT;
    WITH RECURSIVE paths(id, path) AS (
        SELECT id, name FROM groups WHERE parent_id IS NULL
        UNION ALL
        SELECT g.id, paths.path || ' / ' || g.name FROM groups g JOIN paths ON g.parent_id = paths.id
    )
    UPDATE jobs SET
        device_snapshot = (
            SELECT json_object(
                'id', d.id, 'name', d.name, 'os', d.os, 'os_version', d.os_version, 'model', d.model,
                'serial_number', d.serial_number, 'user_full_name', d.user_full_name,
                'employee_number', d.employee_number, 'management_method', d.management_method,
                'ownership', d.ownership, 'group_path', IFNULL(paths.path, ''))
            FROM devices d LEFT JOIN paths ON paths.id = d.group_id WHERE d.id = jobs.device_id),
        job_search_text = IFNULL((SELECT d.job_search_text FROM devices d WHERE d.id = jobs.device_id), '');
    UPDATE wipes SET
        wifi_name = (SELECT ws.name FROM wifi_settings ws WHERE ws.id = wipes.wifi_setting_id),
        wifi_ssid = (SELECT ws.ssid FROM wifi_settings ws WHERE ws.id = wipes.wifi_setting_id);
    CREATE TABLE job_attempts (
        id              INTEGER PRIMARY KEY,
        job_id          INTEGER NOT NULL REFERENCES jobs(id),
        number          INTEGER NOT NULL,
        at              INTEGER NOT NULL,
        conditions      TEXT NOT NULL,
        command_sha256  TEXT,
        command         TEXT
    );
    CREATE UNIQUE INDEX job_attempts_by_job ON job_attempts(job_id, number);
    